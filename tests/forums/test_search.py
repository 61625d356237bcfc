"""Topics and replies in the unified search, found only by those who may read them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forums import moderation
from forums.search import guess_language
from forums.states import State
from search import registry
from search.services import search
from tests.portal.factories import UserFactory

from .conftest import add_to_workspace
from .factories import PostFactory, TopicFactory


def found_titles(text, user):
    return [item.hit.title for item in search(text, user, {}).items]


def found_urls(text, user):
    return [item.hit.url for item in search(text, user, {}).items]


def test_topic_is_found_by_the_words_of_its_opening_post(forum):
    TopicFactory(
        forum=forum, title="Cadre légal", body="La transposition du règlement UEMOA avance."
    )
    assert "Cadre légal" in found_titles("transposition", AnonymousUser())


def test_reply_is_found_and_leads_to_its_permalink(topic):
    post = PostFactory(topic=topic, body="Microinsurance supervisors met in Dakar.")
    assert f"/forum/post/{post.pk}/" in " ".join(found_urls("supervisors", AnonymousUser()))


def test_hidden_post_disappears_from_search(topic, moderator):
    post = PostFactory(topic=topic, body="Slanderous allegations about the treasurer")
    moderation.set_post_hidden(post, moderator, True, "Defamation")
    assert found_titles("slanderous", moderator) == []


def test_hiding_a_topic_removes_its_replies_from_search(topic, moderator):
    PostFactory(topic=topic, body="Contribution rates in Kisantu")
    moderation.set_topic_hidden(topic, moderator, True, "Off topic")
    assert found_titles("Kisantu", AnonymousUser()) == []


def test_pending_post_is_not_in_search(topic):
    PostFactory(topic=topic, body="Awaiting approval about Ouagadougou", state=State.PENDING)
    assert found_titles("Ouagadougou", UserFactory(role="Staff")) == []


@pytest.fixture
def workspace_token_provider(workspace):
    """Readers of the stand-in workspace hold its token (the workspace app will do this)."""
    from .owners import TestWorkspaceMembership

    def provider(user):
        ids = TestWorkspaceMembership.objects.filter(user_id=user.pk).values_list(
            "workspace_id", flat=True
        )
        return {f"workspace:{pk}" for pk in ids}

    registry.register_token_provider(provider)
    yield
    registry._token_providers.remove(provider)


def test_workspace_topic_is_found_by_workspace_members_only(
    workspace, workspace_forum, workspace_token_provider
):
    insider, outsider = UserFactory(), UserFactory()
    add_to_workspace(workspace, insider)
    TopicFactory(forum=workspace_forum, title="Plan de marketing", body="Les spots radio de la MSS")
    assert found_titles("spots", insider) == ["Plan de marketing"]
    assert found_titles("spots", outsider) == []
    assert found_titles("spots", AnonymousUser()) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les mutuelles de santé sont dans une phase de croissance", "fr"),
        ("The mutual health organisations are in a phase of growth", "en"),
    ],
)
def test_language_of_a_post_is_guessed_from_its_common_words(text, language):
    assert guess_language(text) == language
