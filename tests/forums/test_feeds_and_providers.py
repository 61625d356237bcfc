"""Feeds, the home/theme page provider, the personal data export and the admin."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forums.providers import export_personal_data, latest_topics, topics_for_theme
from forums.states import State
from tests.portal.factories import ThemeFactory, UserFactory

from .factories import ForumFactory, PostFactory, TopicFactory


def test_rss_feed_lists_the_forums_latest_posts(client, topic):
    PostFactory(topic=topic, body="Le **décret** est signé.")
    response = client.get(reverse("forums:rss", args=[topic.forum.slug]))
    assert response["Content-Type"].startswith("application/rss+xml")
    content = response.content.decode()
    assert topic.title in content and "décret" in content


def test_atom_feed_is_served(client, topic):
    response = client.get(reverse("forums:atom", args=[topic.forum.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")


def test_feed_leaves_out_hidden_posts(client, topic):
    PostFactory(topic=topic, body="Hidden insult", state=State.HIDDEN)
    content = client.get(reverse("forums:rss", args=[topic.forum.slug])).content.decode()
    assert "Hidden insult" not in content


def test_feed_of_a_workspace_forum_is_not_found_for_outsiders(client, workspace_forum):
    assert client.get(reverse("forums:rss", args=[workspace_forum.slug])).status_code == 404


def test_feed_escapes_scripts_in_posts(client, topic):
    PostFactory(topic=topic, body="<script>alert(1)</script>Texte")
    content = client.get(reverse("forums:rss", args=[topic.forum.slug])).content.decode()
    assert "<script>" not in content


def test_theme_pages_list_topics_of_forums_on_that_theme(db):
    theme = ThemeFactory()
    TopicFactory(forum=ForumFactory(themes=[theme]), title="On theme")
    TopicFactory(title="Elsewhere")
    items = topics_for_theme(theme, AnonymousUser(), 10)
    assert [item.title for item in items] == ["On theme"]


def test_home_page_lists_latest_topics_without_workspace_ones(workspace_forum, forum):
    TopicFactory(forum=forum, title="Open topic")
    TopicFactory(forum=workspace_forum, title="Private topic")
    assert [item.title for item in latest_topics(AnonymousUser(), 10)] == ["Open topic"]


def test_personal_data_export_contains_the_members_posts(topic, member):
    PostFactory(topic=topic, author=member, body="Mon avis")
    data = export_personal_data(member)
    assert [post["body"] for post in data["posts"]] == ["Mon avis"]


def test_editor_sees_the_forums_in_the_admin(client, forum):
    editor = UserFactory(role="Editor", is_superuser=False)
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)
    response = client.get("/admin/forums/forums/")
    assert response.status_code == 200
    assert forum.name_fr in response.content.decode()


def test_sitemap_lists_public_topics_but_not_hidden_ones(client, forum):
    from forums.states import State

    from .factories import TopicFactory

    public = TopicFactory(forum=forum, title="Open debate")
    hidden = TopicFactory(forum=forum, title="Hidden", state=State.HIDDEN)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert public.get_absolute_url() in sitemap
    assert hidden.get_absolute_url() not in sitemap
