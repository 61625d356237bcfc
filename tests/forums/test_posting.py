"""Writing in the forums: topics, replies, previews, quotes, edits, deletions, and bad input."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import ForumBan, Post, PostRevision, Subscription, Topic
from forums.states import State
from tests.portal.factories import UserFactory

from .conftest import add_to_workspace
from .factories import ForumFactory, PostFactory, TopicFactory


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def reply_url(topic):
    return reverse("forums:reply", args=[topic.pk])


def test_member_starts_a_topic_and_follows_it(logged_in, forum, member):
    response = logged_in.post(
        reverse("forums:new_topic", args=[forum.slug]),
        {"title": "Le règlement UEMOA", "body": "Où en est la transposition ?"},
    )
    topic = Topic.objects.get(title="Le règlement UEMOA")
    assert response.status_code == 302
    assert response["Location"] == topic.get_absolute_url()
    assert topic.posts.get().body == "Où en est la transposition ?"
    assert Subscription.objects.filter(user=member, topic=topic).exists()
    forum.refresh_from_db()
    assert (forum.topic_count, forum.post_count) == (1, 1)


def test_member_replies_to_a_topic(logged_in, topic, member):
    response = logged_in.post(reply_url(topic), {"body": "Au Sénégal, le décret est signé."})
    post = topic.posts.get(author=member)
    assert response["Location"] == reverse("forums:post", args=[post.pk])
    topic.refresh_from_db()
    assert topic.reply_count == 1 and topic.last_post == post


def test_preview_shows_the_rendered_message_without_posting_it(logged_in, topic):
    response = logged_in.post(reply_url(topic), {"body": "**Important**", "preview": "1"})
    assert response.status_code == 200
    assert "<strong>Important</strong>" in response.content.decode()
    assert topic.posts.count() == 1


def test_quote_reply_prefills_the_quoted_post(logged_in, topic):
    quoted = PostFactory(
        topic=topic, body="Les cotisations sont trop basses.", author=UserFactory(username="aly")
    )
    page = logged_in.get(reply_url(topic), {"quote": quoted.pk}).content.decode()
    assert "aly wrote:" in page
    assert "&gt; Les cotisations sont trop basses." in page


def test_quoting_a_hidden_post_is_refused_without_leaking_it(logged_in, topic):
    hidden = PostFactory(topic=topic, body="Insulting words", state=State.HIDDEN)
    response = logged_in.get(reply_url(topic), {"quote": hidden.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This post cannot be quoted." in page
    assert "Insulting words" not in page


def test_quoting_a_post_of_another_topic_is_refused(logged_in, topic):
    elsewhere = PostFactory(body="Somewhere else")
    page = logged_in.get(reply_url(topic), {"quote": elsewhere.pk}).content.decode()
    assert "This post cannot be quoted." in page and "Somewhere else" not in page


@pytest.mark.parametrize("quote", ["²", "١٢", "12345678901234567890123"])
def test_quoting_a_post_by_a_number_that_is_not_one_is_refused_with_a_clear_message(
    logged_in, topic, quote
):
    response = logged_in.get(reply_url(topic), {"quote": quote})
    assert response.status_code == 200
    assert "This post cannot be quoted." in response.content.decode()


def test_posting_to_a_locked_topic_is_refused(logged_in, forum):
    topic = TopicFactory(forum=forum, is_locked=True)
    response = logged_in.post(reply_url(topic), {"body": "Late reply"})
    assert response.status_code == 403
    assert "This topic is locked" in response.content.decode()
    assert topic.posts.count() == 1


def test_moderator_may_still_reply_to_a_locked_topic(client, forum, moderator):
    topic = TopicFactory(forum=forum, is_locked=True)
    client.force_login(moderator)
    client.post(reply_url(topic), {"body": "Closing words from the moderator."})
    assert topic.posts.count() == 2


def test_posting_to_a_workspace_forum_from_outside_is_not_found(logged_in, workspace_forum):
    topic = TopicFactory(forum=workspace_forum)
    assert logged_in.post(reply_url(topic), {"body": "Let me in"}).status_code == 404
    new_topic = reverse("forums:new_topic", args=[workspace_forum.slug])
    assert logged_in.post(new_topic, {"title": "Hi", "body": "Let me in"}).status_code == 404
    assert not Post.objects.filter(body="Let me in").exists()


def test_workspace_member_posts_in_the_workspace_forum(
    logged_in, workspace, workspace_forum, member
):
    add_to_workspace(workspace, member)
    topic = TopicFactory(forum=workspace_forum)
    logged_in.post(reply_url(topic), {"body": "Phase two starts in June."})
    assert topic.posts.filter(author=member).exists()


def test_visitor_is_asked_to_log_in_before_posting(client, topic):
    response = client.post(reply_url(topic), {"body": "Anonymous"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unverified_member_cannot_post(client, topic):
    client.force_login(UserFactory(verified=False))
    response = client.post(reply_url(topic), {"body": "Not verified"})
    assert response.status_code == 403
    assert "verified email address" in response.content.decode()


def test_banned_member_cannot_post(logged_in, topic, member):
    ForumBan.objects.create(user=member, reason="Spam")
    response = logged_in.post(reply_url(topic), {"body": "Still here"})
    assert response.status_code == 403
    assert "banned" in response.content.decode()


def test_ban_from_another_forum_does_not_stop_posting_here(logged_in, topic, member):
    ForumBan.objects.create(user=member, forum=ForumFactory(), reason="Off topic")
    logged_in.post(reply_url(topic), {"body": "Fine here"})
    assert topic.posts.filter(author=member).exists()


def test_expired_ban_no_longer_applies(logged_in, topic, member):
    ForumBan.objects.create(
        user=member, reason="Cool down", expires_at=timezone.now() - timedelta(days=1)
    )
    logged_in.post(reply_url(topic), {"body": "Back again"})
    assert topic.posts.filter(author=member).exists()


@pytest.mark.parametrize("body", ["", "   ", "\n\n"])
def test_empty_post_is_refused_with_a_clear_message(logged_in, topic, body):
    response = logged_in.post(reply_url(topic), {"body": body})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert topic.posts.count() == 1


def test_post_made_only_of_markup_is_refused_as_empty(logged_in, topic):
    response = logged_in.post(reply_url(topic), {"body": "<p></p><br>"})
    assert response.status_code == 400
    assert "Your message is empty." in response.content.decode()


def test_200_kilobyte_post_is_refused_with_a_clear_message(logged_in, topic):
    response = logged_in.post(reply_url(topic), {"body": "a" * 200_000})
    assert response.status_code == 400
    assert "Your message is too long" in response.content.decode()
    assert topic.posts.count() == 1


def test_scripts_in_a_post_never_reach_the_page(logged_in, topic):
    body = (
        "Hello <script>alert('x')</script> [click](javascript:alert(1)) "
        "<img src=x onerror=alert(2)>"
    )
    logged_in.post(reply_url(topic), {"body": body})
    page = logged_in.get(topic.get_absolute_url()).content.decode()
    assert "Hello" in page
    assert "<script>alert" not in page
    assert "javascript:alert" not in page
    assert "onerror" not in page


def test_honeypot_filled_in_refuses_the_post(logged_in, topic):
    response = logged_in.post(reply_url(topic), {"body": "Buy now", "website": "http://spam"})
    assert response.status_code == 400
    assert "looks like spam" in response.content.decode()
    assert topic.posts.count() == 1


def test_member_posting_too_fast_is_stopped(logged_in, topic, settings):
    settings.FORUMS_USER_POST_RATE = "2/m"
    for number in range(2):
        logged_in.post(reply_url(topic), {"body": f"Message {number}"})
    response = logged_in.post(reply_url(topic), {"body": "One too many"})
    assert response.status_code == 400
    assert "You are posting too fast" in response.content.decode()
    assert topic.posts.count() == 3


def test_posts_from_one_address_are_limited_across_members(client, topic, settings):
    settings.FORUMS_IP_POST_RATE = "2/m"
    for _ in range(3):
        client.force_login(UserFactory())
        response = client.post(reply_url(topic), {"body": "Same address"})
    assert "You are posting too fast" in response.content.decode()
    assert topic.posts.count() == 3


def test_new_member_is_limited_in_links(logged_in, topic, settings):
    settings.FORUMS_NEW_MEMBER_MAX_LINKS = 1
    body = "See https://example.org/a and https://example.org/b"
    response = logged_in.post(reply_url(topic), {"body": body})
    assert response.status_code == 400
    assert "New members can put at most 1 links" in response.content.decode()


def test_established_member_may_post_several_links(client, topic, settings):
    settings.FORUMS_NEW_MEMBER_MAX_LINKS = 1
    veteran = UserFactory(date_joined=timezone.now() - timedelta(days=400))
    PostFactory(author=veteran)
    client.force_login(veteran)
    client.post(reply_url(topic), {"body": "See https://example.org/a and https://example.org/b"})
    assert topic.posts.filter(author=veteran).exists()


def test_first_post_of_a_new_member_waits_for_approval_in_a_premoderated_forum(logged_in, member):
    forum = ForumFactory(premoderation=True)
    logged_in.post(
        reverse("forums:new_topic", args=[forum.slug]),
        {"title": "Bonjour", "body": "Premier message"},
    )
    topic = Topic.objects.get(title="Bonjour")
    assert topic.state == State.PENDING
    assert topic.posts.get().state == State.PENDING
    forum.refresh_from_db()
    assert forum.topic_count == 0


def test_member_edits_their_post_and_the_previous_text_is_kept(logged_in, topic, member):
    post = PostFactory(topic=topic, author=member, body="Frist version")
    logged_in.post(reverse("forums:post_edit", args=[post.pk]), {"body": "First version"})
    post.refresh_from_db()
    assert post.body == "First version" and post.edited_at is not None
    assert PostRevision.objects.get(post=post).body == "Frist version"


def test_editing_someone_elses_post_is_refused(logged_in, topic):
    post = PostFactory(topic=topic, body="Not yours")
    response = logged_in.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Hijacked"})
    assert response.status_code == 403
    assert "You can only edit your own posts." in response.content.decode()
    post.refresh_from_db()
    assert post.body == "Not yours"


def test_editing_after_the_time_limit_is_refused(logged_in, topic, member, settings):
    settings.FORUMS_EDIT_WINDOW_MINUTES = 30
    post = PostFactory(topic=topic, author=member, created_at=timezone.now() - timedelta(hours=1))
    response = logged_in.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Too late"})
    assert response.status_code == 403
    assert "30 minutes" in response.content.decode()


def test_member_deletes_their_reply_and_others_no_longer_see_it(logged_in, client, topic, member):
    post = PostFactory(topic=topic, author=member, body="Regrettable words")
    logged_in.post(reverse("forums:post_delete", args=[post.pk]))
    post.refresh_from_db()
    assert post.state == State.DELETED
    client.force_login(UserFactory())
    assert "Regrettable words" not in client.get(topic.get_absolute_url()).content.decode()


def test_deleting_someone_elses_post_is_refused(logged_in, topic):
    post = PostFactory(topic=topic)
    assert logged_in.post(reverse("forums:post_delete", args=[post.pk])).status_code == 403
    post.refresh_from_db()
    assert post.state == State.PUBLISHED


def test_opening_post_with_replies_cannot_be_deleted(logged_in, forum, member):
    topic = TopicFactory(forum=forum, author=member)
    PostFactory(topic=topic)
    response = logged_in.post(reverse("forums:post_delete", args=[topic.posts.first().pk]))
    assert response.status_code == 403
    assert "ask a moderator" in response.content.decode()


def test_member_reports_a_post_with_a_reason(logged_in, topic, member):
    post = PostFactory(topic=topic)
    logged_in.post(reverse("forums:post_report", args=[post.pk]), {"reason": "Advertising"})
    assert post.reports.get().reporter == member


def test_report_without_a_reason_is_refused(logged_in, topic):
    post = PostFactory(topic=topic)
    response = logged_in.post(reverse("forums:post_report", args=[post.pk]), {"reason": ""})
    assert response.status_code == 400
    assert not post.reports.exists()
