"""Run manage.py in a new process, as an operator would, with its own environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a fresh process must not inherit from the test run.
_NOT_INHERITED = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
# What a production set-up sets (check --deploy names each one it misses).
PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "news.example.kz",
    "SITE_URL": "https://news.example.kz",
    "IMPRINT_OWNER_RU": "ТОО «Мангистау Ньюс»",
    "IMPRINT_OWNER_KK": "«Маңғыстау Ньюс» ЖШС",
    "IMPRINT_EDITOR_RU": "Дина Сейтова",
    "IMPRINT_EDITOR_KK": "Дина Сейітова",
    "IMPRINT_REGISTRATION_RU": "Свидетельство № KZ12VPY00012345 от 01.02.2024",
    "IMPRINT_REGISTRATION_KK": "Куәлік № KZ12VPY00012345, 01.02.2024",
    # Readers' codes go to a provider in production (comments.W001 otherwise).
    "SMS_BACKEND": "comments.sms.HttpBackend",
    "SMS_HTTP_URL": "https://sms.example.kz/send",
    "SMS_HTTP_TOKEN": "production-test-token",
}


def run_manage(*args, **environ):
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED | set(environ)}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
