"""Fixtures of the newsletter tests: the G-NEWS archive pages, an editor, an SMTP server."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from tests.library.factories import LibraryIndexPageFactory
from tests.portal.factories import UserFactory

from .factories import NewsletterIndexPageFactory
from .smtp import FaultyMailbox


@pytest.fixture
def gnews(site_pages):
    """The G-NEWS archive page of each language, under its home page."""
    fr = NewsletterIndexPageFactory(parent=site_pages["fr"], title="G-NEWS")
    en = NewsletterIndexPageFactory(
        parent=site_pages["en"], title="G-NEWS", translation_key=fr.translation_key
    )
    return {"fr": fr, "en": en}


@pytest.fixture
def library(site_pages):
    """The French library, where the issues' resources live."""
    return LibraryIndexPageFactory(parent=site_pages["fr"])


@pytest.fixture
def editor(db):
    """An editor who has turned on two-factor authentication (required by the admin)."""
    user = UserFactory(role="Editor", email="editor@example.org")
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server that can fail on purpose; all email goes to it over SMTP."""
    with FaultyMailbox() as mailbox:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.NEWSLETTER_EMAIL_BACKEND = ""
        settings.EMAIL_HOST = mailbox.host
        settings.EMAIL_PORT = mailbox.port
        settings.EMAIL_TIMEOUT = 5
        yield mailbox


@pytest.fixture
def committed(db, django_capture_on_commit_callbacks):
    """Run what the code defers to after the commit (emails, tasks) when the block ends."""
    return django_capture_on_commit_callbacks
