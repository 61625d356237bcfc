"""The Discussion tab: a forum owned by the workspace, moderated by its coordinators."""

import pytest
from django.urls import reverse

from forums.models import Post
from forums.services import reply
from projects.models import ActivityEntry, Role, Verb
from projects.services.discussion import ensure_forum, forum_of
from projects.services.membership import change_role, create_workspace
from tests.forums.factories import TopicFactory
from tests.portal.factories import UserFactory

from .conftest import member_of
from .factories import WorkspaceFactory

pytestmark = pytest.mark.django_db


def test_a_new_workspace_gets_its_own_forum_moderated_by_its_creator(member):
    workspace = create_workspace(member, name="Atelier MAS", summary="Résumé")

    forum = forum_of(workspace)
    assert forum.owner == workspace
    assert list(forum.moderators.all()) == [member]


def test_promoting_a_member_to_coordinator_makes_them_a_moderator():
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    member = member_of(workspace)
    ensure_forum(workspace)

    change_role(workspace, coordinator, member, Role.COORDINATOR)

    assert set(forum_of(workspace).moderators.all()) == {coordinator, member}


def test_a_post_in_the_workspace_forum_appears_in_the_activity_stream():
    workspace = WorkspaceFactory()
    author = member_of(workspace)
    topic = TopicFactory(forum=ensure_forum(workspace), title="Sauvegardes de MAS Gestion")

    reply(topic, author, "Nous sauvegardons chaque vendredi sur une clé USB.")

    entry = workspace.activity.get(verb=Verb.POSTED, actor=author)
    assert entry.target == "Sauvegardes de MAS Gestion"


def test_posts_in_other_forums_stay_out_of_workspace_activity():
    topic = TopicFactory(title="Un forum thématique")

    reply(topic, UserFactory(), "Une réponse dans un forum ouvert à tous.")

    assert Post.objects.filter(topic=topic).count() == 2
    assert not ActivityEntry.objects.exists()


def reply_url(topic):
    return reverse("forums:reply", kwargs={"pk": topic.pk})


def new_topic_url(workspace):
    return reverse("forums:new_topic", kwargs={"slug": forum_of(workspace).slug})


def test_anyone_reads_the_discussion_of_a_public_workspace(client):
    workspace = WorkspaceFactory(visibility="public")
    topic = TopicFactory(forum=ensure_forum(workspace), title="Sujet ouvert", body="Bienvenue")

    tab = client.get(reverse("projects:discussion", kwargs={"slug": workspace.slug}))
    page = client.get(topic.get_absolute_url())

    assert "Sujet ouvert" in tab.content.decode()
    assert page.status_code == 200 and "Bienvenue" in page.content.decode()


@pytest.mark.parametrize("visibility", ["members", "secret"])
def test_only_members_read_the_discussion_of_a_non_public_workspace(client, visibility):
    workspace = WorkspaceFactory(visibility=visibility)
    topic = TopicFactory(forum=ensure_forum(workspace), title="Sujet interne")
    client.force_login(UserFactory())

    assert client.get(topic.get_absolute_url()).status_code == 404


def test_non_member_cannot_reply_in_a_public_workspace_forum(client):
    workspace = WorkspaceFactory(visibility="public")
    topic = TopicFactory(forum=ensure_forum(workspace))
    client.force_login(UserFactory())

    response = client.post(reply_url(topic), {"body": "Je m'invite."})

    assert response.status_code == 403
    assert "Only members of this workspace can post in its discussion." in (
        response.content.decode()
    )
    assert topic.posts.count() == 1


def test_discussion_tab_shows_non_members_of_a_public_workspace_that_posting_is_for_members(
    client,
):
    workspace = WorkspaceFactory(visibility="public")
    TopicFactory(forum=ensure_forum(workspace), title="Sujet ouvert")
    client.force_login(UserFactory())

    content = client.get(
        reverse("projects:discussion", kwargs={"slug": workspace.slug})
    ).content.decode()

    assert "Sujet ouvert" in content
    assert "Only members of this workspace can post in its discussion." in content
    assert "Start a topic" not in content


def test_observer_reads_the_discussion_but_cannot_reply(client):
    workspace = WorkspaceFactory(visibility="members")
    topic = TopicFactory(forum=ensure_forum(workspace), body="Ordre du jour")
    client.force_login(member_of(workspace, Role.OBSERVER))

    page = client.get(topic.get_absolute_url())
    response = client.post(reply_url(topic), {"body": "Un avis d'observateur."})

    assert "Ordre du jour" in page.content.decode()
    assert response.status_code == 403
    assert "Observers read this workspace&#x27;s discussion but do not post in it." in (
        response.content.decode()
    )
    assert topic.posts.count() == 1


def test_observer_cannot_start_a_topic(client):
    workspace = WorkspaceFactory()
    ensure_forum(workspace)
    client.force_login(member_of(workspace, Role.OBSERVER))

    response = client.post(new_topic_url(workspace), {"title": "Question", "body": "Bonjour"})

    assert response.status_code == 403
    assert not forum_of(workspace).topics.exists()


@pytest.mark.parametrize("role", [Role.MEMBER, Role.COORDINATOR])
def test_archived_workspace_discussion_refuses_new_posts(client, role):
    workspace = WorkspaceFactory(status="archived")
    topic = TopicFactory(forum=ensure_forum(workspace))
    client.force_login(member_of(workspace, role))

    response = client.post(reply_url(topic), {"body": "Encore un mot."})

    assert response.status_code == 403
    assert "This workspace is archived: its discussion takes no new posts." in (
        response.content.decode()
    )
    assert topic.posts.count() == 1


def test_archived_workspace_discussion_refuses_new_topics(client):
    workspace = WorkspaceFactory(status="archived")
    ensure_forum(workspace)
    client.force_login(member_of(workspace))

    response = client.post(new_topic_url(workspace), {"title": "Relance", "body": "Bonjour"})

    assert response.status_code == 403
    assert not forum_of(workspace).topics.exists()


def test_archived_workspace_discussion_is_still_readable_by_its_members(client):
    workspace = WorkspaceFactory(status="archived")
    topic = TopicFactory(forum=ensure_forum(workspace), body="Bilan final")
    client.force_login(member_of(workspace))

    assert "Bilan final" in client.get(topic.get_absolute_url()).content.decode()


def test_member_posts_in_the_discussion_of_an_active_workspace(client):
    workspace = WorkspaceFactory()
    topic = TopicFactory(forum=ensure_forum(workspace))
    author = member_of(workspace)
    client.force_login(author)

    client.post(reply_url(topic), {"body": "Réunion jeudi à 10 h."})

    assert topic.posts.filter(author=author).exists()


def test_staff_posts_in_the_discussion_of_any_active_workspace(client):
    workspace = WorkspaceFactory(visibility="secret")
    topic = TopicFactory(forum=ensure_forum(workspace))
    staff = UserFactory(role="Staff")
    client.force_login(staff)

    client.post(reply_url(topic), {"body": "Le secrétariat confirme."})

    assert topic.posts.filter(author=staff).exists()


def test_discussion_of_a_workspace_made_members_only_leaves_public_search(client):
    workspace = WorkspaceFactory(visibility="public")
    TopicFactory(forum=ensure_forum(workspace), title="Sujet PUBLICMARK", body="Texte")
    assert "PUBLICMARK" in client.get("/en/search/?q=Sujet").content.decode()

    workspace.visibility = "members"
    workspace.save()

    assert "PUBLICMARK" not in client.get("/en/search/?q=Sujet").content.decode()
