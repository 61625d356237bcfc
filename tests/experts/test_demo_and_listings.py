"""Demo experts, and experts on the home and theme pages (through the portal's registry)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from experts import activity
from experts.demo import DEMO_EXPERTS
from experts.models import ExpertProfile, LanguageSkill, WorkExperience
from experts.permissions import Visibility
from experts.providers import experts_for_theme, latest_experts
from portal.models import Theme
from portal.registry import ListedItem
from tests.experts.factories import ExpertiseFactory, ExpertProfileFactory

pytestmark = pytest.mark.django_db


def test_demo_adds_a_dozen_experts_at_every_visibility_level(db):
    call_command("load_demo")

    assert ExpertProfile.objects.count() == len(DEMO_EXPERTS) >= 12
    assert set(ExpertProfile.objects.values_list("visibility", flat=True)) == set(Visibility.values)
    assert ExpertProfile.objects.filter(user__email="member@example.org").exists()


def test_loading_the_demo_twice_changes_nothing(db):
    call_command("load_demo")
    before = (
        ExpertProfile.objects.count(),
        LanguageSkill.objects.count(),
        WorkExperience.objects.count(),
    )

    call_command("load_demo")

    after = (
        ExpertProfile.objects.count(),
        LanguageSkill.objects.count(),
        WorkExperience.objects.count(),
    )
    assert after == before


def test_theme_page_lists_visible_experts_of_that_theme(client, site_pages):
    theme = Theme.objects.get(slug_en="health-financing")
    ExpertiseFactory(theme=theme, profile__user__display_name="Public economist")
    ExpertiseFactory(
        theme=theme,
        profile__user__display_name="Hidden economist",
        profile__visibility=Visibility.STAFF,
    )

    body = client.get("/en/themes/health-financing/").content.decode()

    assert "Public economist" in body
    assert "Hidden economist" not in body


def test_latest_experts_respect_visibility(db):
    ExpertProfileFactory(user__display_name="Public one")
    ExpertProfileFactory(user__display_name="Members one", visibility=Visibility.MEMBERS)

    titles = [item.title for item in latest_experts(AnonymousUser(), 10)]

    assert titles == ["Public one"]


def test_experts_for_a_theme_cost_constant_queries(db, django_assert_max_num_queries):
    theme = Theme.objects.get(slug_en="health-financing")
    for _ in range(6):
        ExpertiseFactory(theme=theme)

    with django_assert_max_num_queries(2):
        items = experts_for_theme(theme, AnonymousUser(), 10)

    assert len(items) == 6


def test_profile_page_lists_registered_activity(client, site_pages):
    profile = ExpertProfileFactory()

    def forum_posts(member, viewer, limit):
        if member != profile.user:
            return []
        return [ListedItem(title="Reply on contribution rates", url="/en/forums/1/", kind="Post")]

    activity.register(activity.ActivitySource("forums-test", "Forum activity", forum_posts))
    try:
        body = client.get(f"/en/experts/{profile.pk}/").content.decode()
    finally:
        activity._sources.pop("forums-test")

    assert "Forum activity" in body
    assert "Reply on contribution rates" in body
