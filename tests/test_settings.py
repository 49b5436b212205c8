"""Settings come from the environment and refuse unsafe production set-ups."""

import pytest
from django.core.management import call_command

from tests.manage_process import PRODUCTION, run_manage


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_ambiguous_debug_value_is_an_error():
    result = run_manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe'" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 30 + "-production-test-key-" + "y" * 30,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_match_the_models(db):
    # Raises SystemExit(1) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _deploy_check(**environ):
    env = {**PRODUCTION, "SECRET_KEY": "x" * 30 + "-production-test-key-" + "y" * 30}
    env.update(environ)
    result = run_manage("check", "--deploy", **env)
    return result.returncode, result.stdout + result.stderr


def test_deploy_check_fails_without_site_url_and_names_it():
    returncode, output = _deploy_check(SITE_URL="")
    assert returncode != 0
    assert "newsroom.E001" in output
    assert "SITE_URL is not set" in output
    assert "http://127.0.0.1:8000" in output


@pytest.mark.parametrize(
    "site_url", ["http://news.example.kz", "news.example.kz", "https://", "ftp://news.example.kz"]
)
def test_deploy_check_fails_on_a_site_url_that_is_not_https(site_url):
    returncode, output = _deploy_check(SITE_URL=site_url)
    assert returncode != 0
    assert "newsroom.E002" in output
    assert "Set SITE_URL to https://" in output


@pytest.mark.parametrize(
    "variable",
    [
        "IMPRINT_OWNER_RU",
        "IMPRINT_OWNER_KK",
        "IMPRINT_EDITOR_RU",
        "IMPRINT_EDITOR_KK",
        "IMPRINT_REGISTRATION_RU",
        "IMPRINT_REGISTRATION_KK",
    ],
)
def test_deploy_check_fails_on_the_demo_imprint_and_names_the_variable(variable):
    returncode, output = _deploy_check(**{variable: ""})
    assert returncode != 0
    assert "newsroom.E003" in output
    hint = next(line for line in output.splitlines() if "HINT" in line and "IMPRINT_" in line)
    assert variable in hint
    # ...and only the one left unset.
    assert hint.count("IMPRINT_") == 1


def test_development_runs_on_demo_values_without_complaint():
    result = run_manage("check", "--deploy", DEBUG="true", SITE_URL="", IMPRINT_OWNER_RU="")
    output = result.stdout + result.stderr
    assert "newsroom.E00" not in output


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("REDIS_SOCKET_TIMEOUT", "half", "expected a number of seconds"),
        ("REDIS_CONNECT_TIMEOUT", "-1", "must be more than 0"),
        ("REDIS_BREAKER_SECONDS", "0", "must be more than 0"),
    ],
)
def test_redis_timeouts_must_be_positive_numbers(variable, value, message):
    result = run_manage("check", REDIS_URL="redis://127.0.0.1:1/0", **{variable: value})
    assert result.returncode != 0
    assert f"{variable}={value!r}: {message}" in result.stderr


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "does not look like a bot token"),
        (
            {"TELEGRAM_BOT_TOKEN": "123456:" + "A" * 35, "TELEGRAM_CHANNEL_RU": "news ru"},
            "TELEGRAM_CHANNEL_RU='news ru': expected a channel's @username",
        ),
        ({"TELEGRAM_CHANNEL_KK": "@aqtau_news"}, "TELEGRAM_BOT_TOKEN is not"),
        ({"TELEGRAM_BOT_TOKEN": "123456:" + "A" * 35}, "no channel is"),
        (
            {
                "TELEGRAM_BOT_TOKEN": "123456:" + "A" * 35,
                "TELEGRAM_CHANNEL_RU": "@aqtau_news",
                "TELEGRAM_API_URL": "api.telegram.org",
            },
            "TELEGRAM_API_URL='api.telegram.org'",
        ),
    ],
)
def test_telegram_settings_are_parsed_strictly(environ, message):
    result = run_manage("check", **environ)
    assert result.returncode != 0
    assert message in result.stderr
