"""The forums' demo content: several themes, both languages, idempotent."""

from io import StringIO

import pytest

from forums import demo
from forums.models import Forum, Post, Topic
from forums.states import State
from portal import demo as portal_demo


@pytest.fixture
def demo_loaded(db, site_pages):
    portal_demo._load_users(StringIO())
    demo.load(StringIO())


def test_demo_has_forums_on_at_least_four_themes(demo_loaded):
    themes = {theme for forum in Forum.objects.all() for theme in forum.themes.all()}
    assert len(themes) >= 4


def test_demo_discusses_microinsurance_regulation_and_social_marketing(demo_loaded):
    titles = " ".join(Topic.objects.values_list("title", flat=True))
    assert "Réglementer la micro-assurance" in titles
    assert "marketing social" in titles.lower()


def test_demo_posts_are_written_by_several_members_including_a_moderator(demo_loaded):
    authors = {post.author for post in Post.objects.select_related("author")}
    assert len(authors) >= 4
    assert any(author.has_role("Moderator") for author in authors)


def test_demo_has_a_post_waiting_for_moderation(demo_loaded):
    assert Post.objects.filter(state=State.PENDING).count() == 1


def test_loading_the_demo_twice_changes_nothing(demo_loaded):
    counts = (Forum.objects.count(), Topic.objects.count(), Post.objects.count())
    demo.load(StringIO())
    assert (Forum.objects.count(), Topic.objects.count(), Post.objects.count()) == counts
