"""Settings come from the environment and refuse unsafe production set-ups."""

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
