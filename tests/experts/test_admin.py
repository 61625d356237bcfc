"""The bank in the Wagtail admin: staff validate and read the logs; others are kept out."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail

from experts.models import ContactMessage
from experts.permissions import Visibility
from tests.experts.factories import ExpertProfileFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_admin(client):
    """A Staff member past the admin's TOTP requirement."""
    staff = UserFactory(role="Staff")
    TOTP.activate(staff, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(staff)
    return staff


def test_staff_list_every_profile_including_staff_only(client, staff_admin):
    ExpertProfileFactory(visibility=Visibility.STAFF, headline="Hidden lawyer")

    response = client.get("/admin/experts/profiles/")

    assert response.status_code == 200
    assert "Hidden lawyer" in response.content.decode()


def test_staff_validate_a_profile_from_the_admin(client, staff_admin):
    profile = ExpertProfileFactory()

    response = client.post(f"/admin/experts/profiles/edit/{profile.pk}/", {"is_validated": "on"})

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.is_validated
    assert profile.validated_by == staff_admin
    assert len(mail.outbox) == 1


def test_staff_read_the_contact_log(client, staff_admin):
    ContactMessage.objects.create(
        sender=UserFactory(), recipient=UserFactory(), subject="Spam offer", body="Buy now"
    )

    response = client.get("/admin/experts/contact-messages/")

    assert "Spam offer" in response.content.decode()


def test_editors_cannot_open_the_expert_admin(client):
    editor = UserFactory(role="Editor")
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)

    response = client.get("/admin/experts/profiles/")

    assert response.status_code in (302, 403)
