"""Forum pages cost the same number of SQL queries whatever their size and page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forums.models import Post, Topic
from forums.services import refresh_forum_counters
from portal.models import User

from .factories import ForumFactory, TopicFactory

# Session, user, permissions, layout (site, menu) and the forum's own queries;
# the topic page adds the authors' expert profiles and the reader's groups.
TOPIC_PAGE_MAX_QUERIES = 26
TOPIC_LIST_MAX_QUERIES = 20


def make_authors(count: int) -> list[User]:
    return User.objects.bulk_create(
        [
            User(
                username=f"author{n}",
                email=f"author{n}@example.org",
                display_name=f"Author {n}",
                organisation="Mutuelle",
                country_id="SN",
            )
            for n in range(count)
        ]
    )


def fill_topic(topic: Topic, posts: int, authors: list[User]) -> None:
    start = timezone.now() - timedelta(days=1)
    Post.objects.bulk_create(
        [
            Post(
                topic=topic,
                author=authors[n % len(authors)],
                body=f"Message **{n}**",
                created_at=start + timedelta(seconds=n),
            )
            for n in range(posts)
        ]
    )


def fill_forum(forum, topics: int, authors: list[User]) -> None:
    now = timezone.now()
    created = Topic.objects.bulk_create(
        [
            Topic(
                forum=forum,
                title=f"Topic {n}",
                slug=f"topic-{n}",
                author=authors[n % len(authors)],
                last_post_at=now - timedelta(minutes=n),
                is_pinned=n % 500 == 0,
            )
            for n in range(topics)
        ]
    )
    posts = Post.objects.bulk_create(
        [
            Post(topic=topic, author=topic.author, body="Opening", is_opening=True)
            for topic in created
        ]
    )
    for topic, post in zip(created, posts, strict=True):
        topic.last_post = post
    Topic.objects.bulk_update(created, ["last_post"])
    refresh_forum_counters(forum)


def count_queries(client, url) -> int:
    """Queries of a page once the per-process caches (site, menus, themes) are warm.

    Another page warms them: visiting `url` itself would mark its topic read.
    """
    client.get("/en/forum/")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def big_topic(forum):
    topic = TopicFactory(forum=forum)
    fill_topic(topic, 500, make_authors(100))
    return topic


@pytest.mark.parametrize("page", [1, 13, 26])
def test_topic_page_with_500_posts_by_100_authors_costs_a_constant_number_of_queries(
    client, member, big_topic, page, django_assert_max_num_queries
):
    client.force_login(member)
    small = TopicFactory(forum=big_topic.forum)
    baseline = count_queries(client, small.get_absolute_url())
    with django_assert_max_num_queries(TOPIC_PAGE_MAX_QUERIES) as captured:
        client.get(f"{big_topic.get_absolute_url()}?page={page}")
    assert len(captured) == baseline


def test_topic_page_for_visitors_is_constant_too(client, big_topic, django_assert_max_num_queries):
    with django_assert_max_num_queries(TOPIC_PAGE_MAX_QUERIES):
        response = client.get(f"{big_topic.get_absolute_url()}?page=20")
    assert "Author 81" in response.content.decode()


@pytest.fixture
def big_forum(db):
    forum = ForumFactory(slug="big")
    fill_forum(forum, 2_000, make_authors(100))
    return forum


@pytest.mark.parametrize("page", [1, 40, 80])
def test_topic_list_of_a_forum_with_2000_topics_costs_a_constant_number_of_queries(
    client, member, big_forum, page, django_assert_max_num_queries
):
    client.force_login(member)
    small = ForumFactory()
    TopicFactory(forum=small)
    baseline = count_queries(client, small.get_absolute_url())
    with django_assert_max_num_queries(TOPIC_LIST_MAX_QUERIES) as captured:
        client.get(f"{big_forum.get_absolute_url()}?page={page}")
    assert len(captured) == baseline


def test_forum_list_with_2000_topics_costs_a_constant_number_of_queries(
    client, member, big_forum, django_assert_max_num_queries
):
    client.force_login(member)
    baseline = count_queries(client, "/fr/forum/")
    for _ in range(5):
        TopicFactory(forum=ForumFactory())
    with django_assert_max_num_queries(TOPIC_LIST_MAX_QUERIES) as captured:
        client.get("/fr/forum/")
    assert len(captured) == baseline
