"""Reading the forums: forum list, topic lists, topic pages, permalinks, unread markers."""

import pytest
from django.urls import reverse

from forums.models import ReadState
from forums.states import State
from tests.portal.factories import ThemeFactory, UserFactory

from .conftest import add_to_workspace
from .factories import ForumFactory, PostFactory, TopicFactory


def test_forum_list_shows_description_themes_counts_and_latest_activity(client, db):
    theme = ThemeFactory(name_en="Social marketing", name_fr="Marketing social")
    forum = ForumFactory(name_en="Marketing", description_en="Selling mutuals.", themes=[theme])
    topic = TopicFactory(forum=forum, title="Radio spots in Benin")
    PostFactory(topic=topic, author=UserFactory(display_name="Kofi Mensah"))
    page = client.get("/en/forum/").content.decode()
    assert "Selling mutuals." in page
    assert "Social marketing" in page
    assert "1 topic" in page and "2 posts" in page
    assert "Radio spots in Benin" in page and "Kofi Mensah" in page


def test_forum_list_is_served_in_french(client, forum):
    response = client.get("/fr/forum/")
    assert response.status_code == 200
    assert "Législation" in response.content.decode()


def test_latest_activity_never_shows_a_hidden_post(client, forum):
    topic = TopicFactory(forum=forum, title="Visible topic")
    hidden = TopicFactory(forum=forum, title="Secret insult", state=State.HIDDEN)
    PostFactory(topic=hidden, state=State.HIDDEN)
    page = client.get("/en/forum/").content.decode()
    assert topic.title in page
    assert "Secret insult" not in page


def test_topic_list_puts_pinned_topics_first_then_latest_activity(client, forum):
    old = TopicFactory(forum=forum, title="Old news")
    pinned = TopicFactory(forum=forum, title="Forum rules", is_pinned=True)
    recent = TopicFactory(forum=forum, title="Fresh debate")
    PostFactory(topic=recent)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert page.index(pinned.title) < page.index(recent.title) < page.index(old.title)


def test_topic_list_shows_author_replies_and_views(client, forum):
    topic = TopicFactory(forum=forum, author=UserFactory(display_name="Aly Cissé"), view_count=42)
    PostFactory(topic=topic)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert "Aly Cissé" in page and "1 reply" in page and "42 views" in page


def test_topic_list_marks_unread_topics_for_members(client, forum, member):
    read, unread = TopicFactory(forum=forum), TopicFactory(forum=forum, title="Unread one")
    ReadState.objects.create(user=member, topic=read, read_until=read.last_post_at)
    client.force_login(member)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert page.count('class="unread"') == 1
    assert f'class="unread">{unread.title}' in page


def test_mark_all_as_read_clears_unread_markers(client, forum, member):
    TopicFactory(forum=forum)
    client.force_login(member)
    client.post(reverse("forums:mark_read", args=[forum.slug]))
    assert 'class="unread"' not in client.get(forum.get_absolute_url()).content.decode()


def test_topic_list_is_paginated(client, forum, settings):
    settings.FORUMS_TOPICS_PER_PAGE = 2
    for number in range(5):
        TopicFactory(forum=forum, title=f"Topic {number}")
    page = client.get(forum.get_absolute_url(), {"page": 3}).content.decode()
    assert "Topic 0" in page and "Topic 4" not in page


@pytest.mark.parametrize("page_number", ["-1", "0", "1000000000", "abc"])
def test_topic_list_with_an_impossible_page_number_shows_a_normal_page(client, forum, page_number):
    TopicFactory(forum=forum, title="Only topic")
    response = client.get(forum.get_absolute_url(), {"page": page_number})
    assert response.status_code == 200
    assert "Only topic" in response.content.decode()


@pytest.mark.parametrize("page_number", ["-1", "1000000000"])
def test_topic_page_with_an_impossible_page_number_shows_a_normal_page(client, topic, page_number):
    response = client.get(topic.get_absolute_url(), {"page": page_number})
    assert response.status_code == 200
    assert "The opening post." in response.content.decode()


def test_topic_page_shows_posts_in_order_with_author_details(client, topic):
    author = UserFactory(display_name="Fatou Ndiaye", organisation="La Concertation")
    author.country_id = "SN"
    author.save()
    PostFactory(topic=topic, author=author, body="Second message")
    page = client.get(topic.get_absolute_url()).content.decode()
    assert page.index("The opening post.") < page.index("Second message")
    assert "La Concertation" in page and "Senegal" in page


def test_topic_page_marks_edited_posts(client, topic):
    post = PostFactory(topic=topic, body="Corrected")
    post.edited_at = post.created_at
    post.save()
    assert ">edited<" in client.get(topic.get_absolute_url()).content.decode()


def test_topic_page_counts_views(client, topic):
    client.get(topic.get_absolute_url())
    client.get(topic.get_absolute_url())
    topic.refresh_from_db()
    assert topic.view_count == 2


def test_topic_url_with_an_old_slug_redirects_to_the_current_one(client, topic):
    response = client.get(f"/en/forum/{topic.forum.slug}/{topic.pk}-old-title/")
    assert response.status_code == 301
    assert response["Location"] == topic.get_absolute_url()


def test_hidden_post_is_not_shown_to_members(client, topic, member):
    PostFactory(topic=topic, body="Offensive words", state=State.HIDDEN)
    client.force_login(member)
    assert "Offensive words" not in client.get(topic.get_absolute_url()).content.decode()


def test_hidden_post_is_shown_to_moderators_with_its_state(client, topic, moderator):
    PostFactory(topic=topic, body="Offensive words", state=State.HIDDEN)
    client.force_login(moderator)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Offensive words" in page and "Hidden by a moderator" in page


def test_post_permalink_leads_to_the_page_holding_the_post(client, topic, settings):
    settings.FORUMS_POSTS_PER_PAGE = 2
    posts = [PostFactory(topic=topic) for _ in range(4)]
    response = client.get(posts[2].get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"{topic.get_absolute_url()}?page=2#post-{posts[2].pk}"


def test_post_permalink_stays_right_when_earlier_posts_are_hidden(client, topic, settings):
    settings.FORUMS_POSTS_PER_PAGE = 2
    posts = [PostFactory(topic=topic) for _ in range(4)]
    assert "?page=2" in client.get(posts[1].get_absolute_url())["Location"]
    posts[0].state = State.HIDDEN
    posts[0].save()
    response = client.get(posts[1].get_absolute_url())
    assert response["Location"] == f"{topic.get_absolute_url()}#post-{posts[1].pk}"


def test_permalink_of_a_hidden_post_is_not_found_for_members(client, topic, member):
    post = PostFactory(topic=topic, state=State.HIDDEN)
    client.force_login(member)
    assert client.get(post.get_absolute_url()).status_code == 404


def test_jump_to_first_unread_post(client, topic, member):
    first = PostFactory(topic=topic)
    client.force_login(member)
    client.get(topic.get_absolute_url())
    newer = PostFactory(topic=topic)
    newer.created_at = first.created_at.replace(year=first.created_at.year + 1)
    newer.save()
    response = client.get(reverse("forums:first_unread", args=[topic.pk]))
    assert response["Location"] == reverse("forums:post", args=[newer.pk])


def test_workspace_forum_is_not_found_for_outsiders(client, workspace_forum, member):
    topic = TopicFactory(forum=workspace_forum)
    client.force_login(member)
    assert client.get(workspace_forum.get_absolute_url()).status_code == 404
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert client.get(topic.posts.first().get_absolute_url()).status_code == 404
    assert workspace_forum.name not in client.get("/en/forum/").content.decode()


def test_workspace_forum_is_open_to_workspace_members(client, workspace, workspace_forum, member):
    add_to_workspace(workspace, member)
    TopicFactory(forum=workspace_forum, title="Phase one of the campaign")
    client.force_login(member)
    assert (
        "Phase one of the campaign"
        in client.get(workspace_forum.get_absolute_url()).content.decode()
    )


def test_posts_by_experts_carry_a_badge_linking_their_profile(client, forum):
    from tests.experts.factories import ExpertProfileFactory

    expert = ExpertProfileFactory(user=UserFactory(display_name="Awa Diop"), is_validated=True)
    topic = TopicFactory(forum=forum)
    PostFactory(topic=topic, author=expert.user)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert f'href="{expert.get_absolute_url()}">Validated expert<' in page


def test_expert_badge_respects_the_profile_visibility(client, forum):
    from experts.permissions import Visibility
    from tests.experts.factories import ExpertProfileFactory

    expert = ExpertProfileFactory(visibility=Visibility.MEMBERS)
    topic = TopicFactory(forum=forum)
    PostFactory(topic=topic, author=expert.user)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert expert.get_absolute_url() not in page
