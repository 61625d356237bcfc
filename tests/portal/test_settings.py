"""Production settings refuse to run half-configured; DATABASE_URL picks the database."""

import os
import subprocess  # noqa: S404  (runs this project's own Python, with fixed arguments)
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {"PATH": os.environ.get("PATH", ""), "VAR_DIR": env.pop("VAR_DIR", "")} | env
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={key: value for key, value in clean_env.items() if value},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_production_settings_refuse_to_start_without_secret_key(tmp_path):
    result = run_python("import portal.settings.production", VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set in production." in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x7Kq9" * 10,
        ALLOWED_HOSTS="portal.example.org",
        VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_url_selects_postgresql(tmp_path):
    result = run_python(
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings.base';"
        "from django.conf import settings; db = settings.DATABASES['default'];"
        "print(db['ENGINE'], db['NAME'], db['HOST'], db['PORT'])",
        DATABASE_URL="postgres://portal:secret@db.example.org:5433/portal",
        VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "portal",
        "db.example.org",
        "5433",
    ]


def test_sqlite_is_the_default_database(tmp_path):
    result = run_python(
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings.base';"
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip() == "django.db.backends.sqlite3"
