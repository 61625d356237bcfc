"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.db import connections

from tests.portal.factories import UserFactory
from tests.support.site import build_site_pages

pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the page tree once per test session, in the test database itself.

    Tests run inside transactions that roll back, so they all start from this
    tree; transactional tests (run last by pytest-django) may flush it, and
    `site_pages` rebuilds it when they need it. The snapshot that serialized
    rollback restores is taken again with the tree in it: the one taken after
    migrating holds Wagtail's default site, which the tree replaces, and
    restoring it over the tree would clash on the site's host name.
    """
    with django_db_blocker.unblock():
        build_site_pages()
        connection = connections["default"]
        if getattr(connection, "_test_serialized_contents", None) is not None:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def empty_cache():
    """allauth keeps its rate-limit counters in the cache: start every test with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def site_pages(db):
    """French home page (site root) with its English translation and theme pages."""
    return build_site_pages()
