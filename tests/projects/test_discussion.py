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


def test_non_member_cannot_reply_in_a_public_workspace_forum(client):
    workspace = WorkspaceFactory(visibility="public")
    topic = TopicFactory(forum=ensure_forum(workspace))
    client.force_login(UserFactory())

    response = client.post(
        reverse("forums:reply", kwargs={"pk": topic.pk}), {"body": "Je m'invite."}
    )

    assert response.status_code == 404
    assert topic.posts.count() == 1


def test_discussion_tab_tells_non_members_of_a_public_workspace_it_is_for_members(client):
    workspace = WorkspaceFactory(visibility="public")
    TopicFactory(forum=ensure_forum(workspace), title="Sujet interne")
    client.force_login(UserFactory())

    response = client.get(reverse("projects:discussion", kwargs={"slug": workspace.slug}))

    content = response.content.decode()
    assert "open to its members" in content
    assert "Sujet interne" not in content
