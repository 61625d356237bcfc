"""Fixtures for the portal's own tests."""

import io
import re

import pytest
from PIL import Image

CONFIRMATION_LINK = re.compile(r"https?://testserver(/\S+)")


def link_in(message) -> str:
    """The path of the (only) link of an email the portal sent."""
    match = CONFIRMATION_LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def png_bytes(size=(16, 16), color=(200, 80, 40)) -> bytes:
    """A real PNG image, as a member's phone would upload it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def logged_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, not the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
