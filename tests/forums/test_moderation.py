"""Moderators at work: pin, lock, move, split, hide, approve, reports; all logged with reasons."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from forums.models import ModerationLogEntry, Report
from forums.moderation import move
from forums.services import PostingRefused
from forums.states import State
from tests.portal.factories import UserFactory

from . import owners
from .conftest import add_to_workspace
from .factories import ForumFactory, PostFactory, TopicFactory


@pytest.fixture
def as_moderator(client, moderator):
    client.force_login(moderator)
    return client


def moderate_topic(client, topic, action, reason="Keeping things tidy", **extra):
    return client.post(
        reverse("forums:moderate_topic", args=[topic.pk]),
        {"action": action, "reason": reason, **extra},
    )


@pytest.mark.parametrize(
    ("action", "field", "value", "logged"),
    [
        ("pin", "is_pinned", True, "pin"),
        ("lock", "is_locked", True, "lock"),
        ("hide", "state", State.HIDDEN, "hide_topic"),
    ],
)
def test_moderator_acts_on_a_topic_and_the_reason_is_logged(
    as_moderator, topic, moderator, action, field, value, logged
):
    moderate_topic(as_moderator, topic, action, reason="Forum rules")
    topic.refresh_from_db()
    assert getattr(topic, field) == value
    entry = ModerationLogEntry.objects.get()
    assert (entry.moderator, entry.action, entry.reason) == (moderator, logged, "Forum rules")


def test_moderation_action_without_a_reason_is_refused(as_moderator, topic):
    response = moderate_topic(as_moderator, topic, "lock", reason="")
    assert response.status_code == 400
    topic.refresh_from_db()
    assert not topic.is_locked


def test_member_cannot_reach_moderation_pages(client, topic, member):
    client.force_login(member)
    assert moderate_topic(client, topic, "lock").status_code == 404
    assert client.get(reverse("forums:moderation")).status_code == 404
    topic.refresh_from_db()
    assert not topic.is_locked


def test_moderator_moves_a_topic_to_another_forum(as_moderator, topic):
    target = ForumFactory(slug="financement")
    moderate_topic(as_moderator, topic, "move", forum=target.pk)
    topic.refresh_from_db()
    assert topic.forum == target
    target.refresh_from_db()
    assert target.topic_count == 1


def test_moderator_splits_replies_off_into_a_new_topic(as_moderator, topic):
    on_topic = PostFactory(topic=topic, body="On topic")
    drift = [PostFactory(topic=topic, body="Drift one"), PostFactory(topic=topic, body="Drift two")]
    response = as_moderator.post(
        reverse("forums:split_topic", args=[topic.pk]),
        {"title": "A side debate", "posts": [post.pk for post in drift], "reason": "Off topic"},
    )
    new_topic = topic.forum.topics.get(title="A side debate")
    assert response["Location"] == new_topic.get_absolute_url()
    assert [post.body for post in new_topic.posts.all()] == ["Drift one", "Drift two"]
    assert new_topic.posts.first().is_opening
    assert list(topic.posts.exclude(is_opening=True)) == [on_topic]


def test_moderator_hides_a_post_and_others_no_longer_see_it(as_moderator, client, topic):
    post = PostFactory(topic=topic, body="Rude remark")
    as_moderator.post(
        reverse("forums:moderate_post", args=[post.pk]), {"action": "hide", "reason": "Rude"}
    )
    post.refresh_from_db()
    assert post.state == State.HIDDEN
    client.force_login(UserFactory())
    assert "Rude remark" not in client.get(topic.get_absolute_url()).content.decode()
    topic.refresh_from_db()
    assert topic.reply_count == 0


def test_forum_moderator_cannot_moderate_other_forums(client, topic):
    forum_moderator = UserFactory()
    ForumFactory().moderators.add(forum_moderator)
    client.force_login(forum_moderator)
    assert moderate_topic(client, topic, "pin").status_code == 404


def test_moderator_history_shows_earlier_versions_of_a_post(as_moderator, topic, member):
    from forums.services import edit_post

    post = PostFactory(topic=topic, author=member, body="Original claim")
    edit_post(post, member, "Softened claim")
    page = as_moderator.get(reverse("forums:moderate_post", args=[post.pk])).content.decode()
    assert "Original claim" in page and "Softened claim" in page


def test_members_cannot_see_edit_history(client, topic, member):
    post = PostFactory(topic=topic)
    client.force_login(member)
    assert client.get(reverse("forums:moderate_post", args=[post.pk])).status_code == 404


def test_queue_lists_reports_and_pending_first_posts(as_moderator, topic, member):
    reported = PostFactory(topic=topic, body="Buy cheap watches")
    Report.objects.create(post=reported, reporter=member, reason="Spam")
    PostFactory(topic=topic, body="My very first message", state=State.PENDING)
    page = as_moderator.get(reverse("forums:moderation")).content.decode()
    assert "Spam" in page and "Buy cheap watches" not in page
    assert "My very first message" in page


def test_moderator_approves_a_pending_post_and_it_is_published(
    as_moderator, topic, django_capture_on_commit_callbacks
):
    pending = PostFactory(topic=topic, state=State.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        as_moderator.post(reverse("forums:moderate_post", args=[pending.pk]), {"action": "approve"})
    pending.refresh_from_db()
    assert pending.state == State.PUBLISHED
    topic.refresh_from_db()
    assert topic.last_post == pending


def test_moderator_closes_a_report(as_moderator, topic, member):
    report = Report.objects.create(post=PostFactory(topic=topic), reporter=member, reason="Spam")
    as_moderator.post(reverse("forums:resolve_report", args=[report.pk]))
    report.refresh_from_db()
    assert report.resolved_at is not None


def workspace_forum_of(workspace, slug):
    return ForumFactory(
        owner_content_type=ContentType.objects.get_for_model(workspace),
        owner_object_id=workspace.pk,
        slug=slug,
    )


MOVE_REFUSED = "A topic can only move to another forum of the same space"


def test_secret_workspace_topic_cannot_be_moved_to_a_public_forum(
    as_moderator, moderator, workspace, workspace_forum, forum
):
    add_to_workspace(workspace, moderator)
    secret = TopicFactory(forum=workspace_forum, title="Budget confidentiel")

    response = moderate_topic(as_moderator, secret, "move", forum=forum.pk)

    assert response.status_code == 400
    assert MOVE_REFUSED in response.content.decode()
    secret.refresh_from_db()
    assert secret.forum == workspace_forum
    assert not ModerationLogEntry.objects.exists()


def test_public_topic_cannot_be_moved_into_a_workspace_forum(
    as_moderator, moderator, workspace, workspace_forum, topic
):
    add_to_workspace(workspace, moderator)

    response = moderate_topic(as_moderator, topic, "move", forum=workspace_forum.pk)

    assert response.status_code == 400
    assert MOVE_REFUSED in response.content.decode()
    topic.refresh_from_db()
    assert topic.forum != workspace_forum


def test_workspace_topic_cannot_be_moved_to_another_workspace(
    as_moderator, moderator, workspace, workspace_forum
):
    other = owners.TestWorkspace.objects.create(name="Projet Togo")
    other_forum = workspace_forum_of(other, "projet-togo")
    add_to_workspace(workspace, moderator)
    add_to_workspace(other, moderator)
    topic = TopicFactory(forum=workspace_forum)

    response = moderate_topic(as_moderator, topic, "move", forum=other_forum.pk)

    assert response.status_code == 400
    assert MOVE_REFUSED in response.content.decode()
    topic.refresh_from_db()
    assert topic.forum == workspace_forum


def test_move_form_offers_only_forums_of_the_same_owner(
    as_moderator, moderator, workspace, workspace_forum, topic
):
    add_to_workspace(workspace, moderator)
    sibling = ForumFactory(slug="financement", name_en="Health financing")

    page = as_moderator.get(reverse("forums:moderate_topic", args=[topic.pk])).content.decode()

    assert f'value="{sibling.pk}"' in page
    assert f'value="{workspace_forum.pk}"' not in page


def test_workspace_topic_moves_between_forums_of_its_own_workspace(
    as_moderator, moderator, workspace, workspace_forum
):
    add_to_workspace(workspace, moderator)
    second_forum = workspace_forum_of(workspace, "mss-benin-2")
    topic = TopicFactory(forum=workspace_forum)

    moderate_topic(as_moderator, topic, "move", forum=second_forum.pk)

    topic.refresh_from_db()
    assert topic.forum == second_forum


def test_moving_across_owners_is_refused_by_the_moderation_service(
    moderator, workspace, workspace_forum, topic
):
    with pytest.raises(PostingRefused):
        move(topic, moderator, workspace_forum, "Tidying up")
    topic.refresh_from_db()
    assert topic.forum != workspace_forum
