import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a fresh directory per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# The search app's backend fixture: search tests run on each engine.
from tests.search.conftest import elasticsearch_url, search_backend  # noqa: E402, F401
