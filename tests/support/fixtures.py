"""Fixtures shared by every app's tests, registered in tests/conftest.py."""

import pytest

from tests.support.mailbox import SMTPMailbox


@pytest.fixture
def smtp_mailbox(settings):
    """A running SMTP server that Django's email backend sends to for this test.

    Use it when delivery itself is under test (sign-up verification, newsletter,
    notifications); `mailoutbox` stays the quicker choice otherwise.
    """
    with SMTPMailbox() as mailbox:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = mailbox.host
        settings.EMAIL_PORT = mailbox.port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        yield mailbox
