"""Fixtures of the events tests: the calendar page of each language, an editor."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from tests.portal.factories import UserFactory

from .factories import EventIndexPageFactory


@pytest.fixture
def calendar(site_pages):
    """The events calendar of each language, under its home page (/fr/events/, /en/events/)."""
    fr = EventIndexPageFactory(parent=site_pages["fr"], title="Événements", slug="events")
    en = EventIndexPageFactory(
        parent=site_pages["en"], title="Events", slug="events", translation_key=fr.translation_key
    )
    return {"fr": fr, "en": en}


@pytest.fixture
def editor(db):
    """An editor with two-factor authentication on (the admin requires it)."""
    user = UserFactory(role="Editor", email="editor@example.org")
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


@pytest.fixture
def committed(db, django_capture_on_commit_callbacks):
    """Run what the code defers to after the commit (emails) when the block ends."""
    return django_capture_on_commit_callbacks
