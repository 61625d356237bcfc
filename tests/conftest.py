"""Fixtures shared by every app's tests."""

import pytest

from tests.portal.factories import UserFactory
from tests.support.site import build_site_pages

pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def site_pages(db):
    """French home page (site root) with its English translation and theme indexes."""
    return build_site_pages()
