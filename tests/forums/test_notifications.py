"""Mentions, followers and emails: who hears about a post, how, and how they stop."""

import pytest
from django.core import mail
from django.urls import reverse

from forums.mentions import mention_handles, mentioned_members
from forums.models import Delivery, Notification, NotificationSettings, Subscription
from forums.notifications import send_daily_digests
from forums.services import reply, set_subscription, start_topic
from forums.tokens import parse_reply_address, unsubscribe_token
from tests.portal.factories import UserFactory

from .conftest import add_to_workspace
from .factories import TopicFactory


@pytest.fixture
def write(django_capture_on_commit_callbacks):
    """Post through the services and run what happens after commit (notifications)."""

    def post(topic, author, body):
        with django_capture_on_commit_callbacks(execute=True):
            return reply(topic, author, body)

    return post


def test_mention_rule_finds_usernames_and_hyphenated_display_names():
    text = "Merci @aly et @Aminata-Diallo. Écrivez à contact@mutuelle.sn."
    assert mention_handles(text) == ["aly", "Aminata-Diallo"]


def test_mentions_in_quotes_and_code_are_ignored():
    text = "> @aly wrote this\n`@code` here\n```\n@fenced\n```\nThanks @fatou."
    assert mention_handles(text) == ["fatou"]


def test_mention_by_display_name_ignores_case_and_accents(db):
    cisse = UserFactory(display_name="Aly Cissé")
    assert mentioned_members("Bonjour @aly-cisse !") == [cisse]


def test_display_name_shared_by_two_members_mentions_nobody(db):
    UserFactory(display_name="Jean Mbala")
    UserFactory(display_name="Jean Mbala")
    assert mentioned_members("@Jean-Mbala") == []


def test_username_wins_over_display_name(db):
    by_username = UserFactory(username="jean")
    UserFactory(display_name="Jean")
    assert mentioned_members("@Jean") == [by_username]


def test_mentioned_member_is_notified_on_the_site(write, topic, member, client):
    fatou = UserFactory(username="fatou")
    write(topic, member, "Qu'en pense @fatou ?")
    notification = Notification.objects.get(user=fatou)
    assert notification.reason == "mention"
    client.force_login(fatou)
    page = client.get(reverse("forums:notifications")).content.decode()
    assert topic.title in page and "mentioned you" in page


def test_mention_of_a_member_outside_the_workspace_notifies_nobody(
    write, workspace, workspace_forum, member
):
    add_to_workspace(workspace, member)
    UserFactory(username="outsider")
    topic = TopicFactory(forum=workspace_forum)
    write(topic, member, "Hello @outsider")
    assert not Notification.objects.filter(user__username="outsider").exists()


def test_topic_followers_get_an_email_at_once(write, topic, member, mailoutbox):
    follower = UserFactory()
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Nouvelle réponse sur le règlement.")
    sent = [message for message in mailoutbox if follower.email in message.to]
    assert len(sent) == 1
    assert "Nouvelle réponse sur le règlement." in sent[0].body
    assert sent[0].subject == f"[{topic.forum.name_fr}] {topic.title}"  # follower reads French


def test_author_is_not_notified_of_their_own_post(write, topic, member, mailoutbox):
    Subscription.objects.create(user=member, topic=topic)
    write(topic, member, "My own words")
    assert not Notification.objects.filter(user=member).exists()
    assert mailoutbox == []


def test_forum_followers_hear_about_new_topics_not_every_reply(
    django_capture_on_commit_callbacks, forum, member, mailoutbox
):
    follower = UserFactory()
    Subscription.objects.create(user=follower, forum=forum)
    with django_capture_on_commit_callbacks(execute=True):
        topic = start_topic(forum, member, "Nouveau sujet", "Premier message")
    with django_capture_on_commit_callbacks(execute=True):
        reply(topic, UserFactory(), "Une réponse")
    assert [n.post.is_opening for n in Notification.objects.filter(user=follower)] == [True]


def test_mailing_list_mode_sends_every_post_with_a_signed_reply_address(
    write, topic, member, mailoutbox, reply_domain
):
    reader = UserFactory(preferred_language="en")
    set_subscription(reader, topic.forum, "mailing_list")
    write(topic, member, "Every word matters.")
    message = next(message for message in mailoutbox if reader.email in message.to)
    target = parse_reply_address(message.reply_to[0])
    assert (target.topic_id, target.user_id) == (topic.pk, reader.pk)
    assert "Reply to this email" in message.body


def test_notification_email_has_one_click_unsubscribe_headers(write, topic, member, mailoutbox):
    follower = UserFactory()
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Hello")
    headers = mailoutbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http://")
    assert "/forum/unsubscribe/" in headers["List-Unsubscribe"]


def test_email_is_written_in_the_recipients_language(write, topic, member, mailoutbox):
    follower = UserFactory(preferred_language="en")
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Hello")
    assert "Hello " + follower.public_name in mailoutbox[0].body
    assert "/en/forum/" in mailoutbox[0].body


def test_daily_digest_members_get_one_email_a_day(write, topic, member, mailoutbox):
    follower = UserFactory()
    NotificationSettings.objects.create(user=follower, delivery=Delivery.DAILY)
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Premier point")
    write(topic, member, "Second point")
    assert mailoutbox == []
    assert send_daily_digests() == 1
    assert len(mailoutbox) == 1
    assert "Premier point" in mailoutbox[0].body and "Second point" in mailoutbox[0].body
    assert send_daily_digests() == 0


def test_digest_leaves_out_posts_hidden_since(write, topic, member, mailoutbox, moderator):
    from forums import moderation

    follower = UserFactory()
    NotificationSettings.objects.create(user=follower, delivery=Delivery.DAILY)
    Subscription.objects.create(user=follower, topic=topic)
    post = write(topic, member, "Spam link")
    write(topic, member, "Useful answer")
    moderation.set_post_hidden(post, moderator, True, "Spam")
    send_daily_digests()
    assert "Useful answer" in mailoutbox[0].body and "Spam link" not in mailoutbox[0].body


def test_members_who_chose_never_get_no_email_but_see_notifications(
    write, topic, member, mailoutbox
):
    follower = UserFactory()
    NotificationSettings.objects.create(user=follower, delivery=Delivery.NEVER)
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Hello")
    assert mailoutbox == []
    assert Notification.objects.filter(user=follower).exists()


def test_one_click_unsubscribe_stops_following_the_topic(client, topic, member):
    Subscription.objects.create(user=member, topic=topic)
    token = unsubscribe_token(member, f"topic:{topic.pk}")
    response = client.post(reverse("forums:unsubscribe", args=[token]))
    assert response.status_code == 200
    assert not Subscription.objects.filter(user=member, topic=topic).exists()


def test_unsubscribe_link_first_asks_for_confirmation(client, topic, member):
    Subscription.objects.create(user=member, topic=topic)
    token = unsubscribe_token(member, f"topic:{topic.pk}")
    assert client.get(reverse("forums:unsubscribe", args=[token])).status_code == 200
    assert Subscription.objects.filter(user=member, topic=topic).exists()


def test_unsubscribe_from_everything_turns_emails_off(client, member):
    token = unsubscribe_token(member, "all")
    client.post(reverse("forums:unsubscribe", args=[token]))
    assert NotificationSettings.objects.get(user=member).delivery == Delivery.NEVER


def test_tampered_unsubscribe_link_is_refused(client, member):
    token = unsubscribe_token(member, "all").replace(":", "x:", 1)
    response = client.post(reverse("forums:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert not NotificationSettings.objects.filter(user=member).exists()


def test_member_chooses_the_daily_digest_in_their_settings(client, member):
    client.force_login(member)
    client.post(reverse("forums:settings"), {"delivery": "daily"})
    assert NotificationSettings.objects.get(user=member).delivery == Delivery.DAILY


def test_member_follows_a_forum_in_mailing_list_mode(client, forum, member):
    client.force_login(member)
    client.post(reverse("forums:forum_subscribe", args=[forum.slug]), {"mode": "mailing_list"})
    assert Subscription.objects.get(user=member, forum=forum).mailing_list


def test_digest_command_sends_the_digests(write, topic, member, mailoutbox):
    from django.core.management import call_command

    follower = UserFactory()
    NotificationSettings.objects.create(user=follower, delivery=Delivery.DAILY)
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Point du jour")
    call_command("send_forum_digests")
    assert [message.to for message in mail.outbox] == [[follower.email]]


def test_notification_email_really_leaves_over_smtp(write, topic, member, smtp_mailbox):
    follower = UserFactory()
    Subscription.objects.create(user=follower, topic=topic)
    write(topic, member, "Delivered for real")
    received = smtp_mailbox.wait_for(follower.email)
    assert "Delivered for real" in received.text
    assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = received.message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe in received.links
