"""Read typed configuration from environment variables.

Every setting that differs between machines comes from the environment
(12-factor); these helpers give each one an embedded default so that a
fresh checkout runs with no configuration at all.
"""

import os
import secrets
from pathlib import Path


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def persisted_secret_key(path: Path) -> str:
    """Return the local secret key, creating it on first use.

    Local runs need a stable key (sessions survive restarts) without anyone
    having to invent one; production requires SECRET_KEY instead.
    """
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
