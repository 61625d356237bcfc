"""What every benchmark script shares: a database of its own and Django set up for it.

Scripts run as `.venv/bin/python bench/<name>.py`, so this folder is on their
path and they import this module directly.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"


def database_url(file_name: str) -> str:
    """BENCH_DATABASE_URL, or a SQLite file of the script's own in var/bench/."""
    return os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / file_name}")


def setup_django(file_name: str, **environment: str) -> None:
    """Point the portal's dev settings at the bench database, tasks run at once, then set up.

    `environment` adds or overrides variables (email server, search backend…);
    they reach child processes too (the library bench's gunicorn).
    """
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": database_url(file_name),
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "TASK_BACKEND": "immediate",
            "MEDIA_ROOT": str(BENCH_DIR / "media"),
            "LOG_LEVEL": "WARNING",
            **environment,
        }
    )
    import django

    django.setup()
