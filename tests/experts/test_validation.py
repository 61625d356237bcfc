"""Staff validate experts; the badge stays through edits, which are logged."""

import pytest
from django.core import mail

from experts.models import ExpertEditLog
from experts.permissions import Visibility
from tests.experts.factories import ExpertProfileFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(role="Staff"))
    return client


def test_staff_validate_a_profile_and_the_expert_is_told(staff_client, site_pages):
    profile = ExpertProfileFactory(
        visibility=Visibility.STAFF, user__preferred_language="fr", user__email="e@example.org"
    )

    response = staff_client.post(f"/en/experts/{profile.pk}/validation/", {"validated": "1"})

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.is_validated
    assert profile.validated_at is not None
    assert mail.outbox[0].to == ["e@example.org"]
    # The link in the email follows the expert's language, not the staff member's.
    assert f"/fr/experts/{profile.pk}/" in mail.outbox[0].body


def test_validated_profile_shows_the_badge(client, site_pages):
    profile = ExpertProfileFactory(is_validated=True)

    assert "Validated expert" in client.get(f"/en/experts/{profile.pk}/").content.decode()


def test_staff_can_remove_the_badge(staff_client, site_pages):
    profile = ExpertProfileFactory(is_validated=True)

    staff_client.post(f"/en/experts/{profile.pk}/validation/", {"validated": "0"})

    profile.refresh_from_db()
    assert not profile.is_validated
    assert not mail.outbox


def test_validation_is_recorded_in_the_edit_log(staff_client, site_pages):
    profile = ExpertProfileFactory()

    staff_client.post(f"/en/experts/{profile.pk}/validation/", {"validated": "1"})

    assert ExpertEditLog.objects.get(profile=profile).section == "validation"


def test_staff_see_the_edit_log_on_the_profile(staff_client, site_pages):
    profile = ExpertProfileFactory(is_validated=True)
    ExpertEditLog.objects.create(profile=profile, section="work", changed_fields=["work"])

    body = staff_client.get(f"/en/experts/{profile.pk}/").content.decode()

    assert "Recent changes" in body
    assert "work (work)" in body


def test_members_do_not_see_the_edit_log(client, site_pages, member):
    profile = ExpertProfileFactory(is_validated=True)
    ExpertEditLog.objects.create(profile=profile, section="work", changed_fields=["work"])
    client.force_login(member)

    assert "Recent changes" not in client.get(f"/en/experts/{profile.pk}/").content.decode()
