"""An expert's profile lists their forum discussions and library publications."""

from library.models import ResourceAuthor
from tests.experts.factories import ExpertProfileFactory
from tests.forums.factories import ForumFactory, PostFactory, TopicFactory
from tests.library.factories import LibraryIndexPageFactory, ResourcePageFactory
from tests.portal.factories import UserFactory


def profile_page(client, expert) -> str:
    return client.get(expert.get_absolute_url()).content.decode()


def test_profile_lists_the_discussions_the_expert_took_part_in(client, site_pages):
    expert = ExpertProfileFactory(user=UserFactory(display_name="Awa Diop"))
    forum = ForumFactory()
    joined = TopicFactory(forum=forum, title="Cotisations en zone rurale")
    PostFactory(topic=joined, author=expert.user)
    TopicFactory(forum=forum, title="Un autre débat")
    page = profile_page(client, expert)
    assert "Cotisations en zone rurale" in page
    assert "Un autre débat" not in page


def test_profile_leaves_out_discussions_the_reader_may_not_see(client, site_pages):
    from forums.states import State

    expert = ExpertProfileFactory()
    hidden = TopicFactory(forum=ForumFactory(), title="Sujet masqué", state=State.HIDDEN)
    PostFactory(topic=hidden, author=expert.user)
    assert "Sujet masqué" not in profile_page(client, expert)


def test_profile_lists_resources_crediting_the_expert_by_name(client, site_pages):
    expert = ExpertProfileFactory(user=UserFactory(display_name="Awa Diop"))
    library = LibraryIndexPageFactory(parent=site_pages["fr"])
    theirs = ResourcePageFactory(parent=library, title="Guide de la mutuelle")
    ResourceAuthor.objects.create(resource=theirs, name="Diop", given_names="Awa")
    other = ResourcePageFactory(parent=library, title="Étude d'un autre")
    ResourceAuthor.objects.create(resource=other, name="Diop", given_names="Moussa")
    page = profile_page(client, expert)
    assert "Guide de la mutuelle" in page
    assert "autre" not in page.split("Guide de la mutuelle", 1)[1].split("</section>", 1)[0]
