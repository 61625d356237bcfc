"""Local development: `make run` uses these settings."""

from .base import *  # noqa: F403
from .environment import env_bool

DEBUG = env_bool("DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]
