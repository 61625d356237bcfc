"""Who sees which forums, topics and posts (permissions.py)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType

from forums.models import Forum, Post, Topic
from forums.permissions import posting_refusal
from forums.states import State
from tests.portal.factories import UserFactory

from .conftest import add_to_workspace
from .factories import ForumFactory, PostFactory, TopicFactory


def test_anonymous_visitor_sees_open_forums(forum):
    assert list(Forum.objects.visible_to(AnonymousUser())) == [forum]


def test_workspace_member_sees_the_workspace_forum(workspace, workspace_forum, member):
    add_to_workspace(workspace, member)
    assert workspace_forum in Forum.objects.visible_to(member)


def test_member_outside_the_workspace_does_not_see_its_forum(workspace_forum, member, forum):
    assert list(Forum.objects.visible_to(member)) == [forum]


def test_anonymous_visitor_does_not_see_a_workspace_forum(workspace_forum):
    assert not Forum.objects.visible_to(AnonymousUser()).exists()


def test_global_moderator_outside_the_workspace_does_not_see_its_forum(workspace_forum, moderator):
    assert workspace_forum not in Forum.objects.visible_to(moderator)


def test_forum_of_an_unregistered_owner_type_is_visible_to_nobody(db, member):
    owner_type = ContentType.objects.get_for_model(UserFactory._meta.model)
    ForumFactory(owner_content_type=owner_type, owner_object_id=member.pk)
    assert not Forum.objects.visible_to(member).exists()


def test_workspace_topics_and_posts_are_hidden_from_outsiders(workspace, workspace_forum):
    insider, outsider = UserFactory(), UserFactory()
    add_to_workspace(workspace, insider)
    post = PostFactory(topic=TopicFactory(forum=workspace_forum))
    assert post in Post.objects.visible_to(insider)
    assert post not in Post.objects.visible_to(outsider)
    assert not Topic.objects.visible_to(outsider).exists()


def test_hidden_post_is_seen_by_moderators_only(topic, moderator, member):
    post = PostFactory(topic=topic, state=State.HIDDEN)
    assert post in Post.objects.visible_to(moderator)
    assert post not in Post.objects.visible_to(member)
    assert post not in Post.objects.visible_to(AnonymousUser())


def test_pending_post_is_seen_by_its_author_and_moderators(topic, moderator, member):
    post = PostFactory(topic=topic, state=State.PENDING, author=member)
    assert post in Post.objects.visible_to(member)
    assert post in Post.objects.visible_to(moderator)
    assert post not in Post.objects.visible_to(UserFactory())


def test_deleted_post_is_seen_by_nobody(topic, moderator, member):
    post = PostFactory(topic=topic, state=State.DELETED, author=member)
    assert post not in Post.objects.visible_to(member)
    assert post not in Post.objects.visible_to(moderator)


def test_posts_of_a_hidden_topic_are_hidden_from_members(forum, member):
    topic = TopicFactory(forum=forum, state=State.HIDDEN)
    assert not Post.objects.visible_to(member).filter(topic=topic).exists()


def test_forum_moderator_moderates_only_their_forum(forum):
    other = ForumFactory()
    forum_moderator = UserFactory()
    forum.moderators.add(forum_moderator)
    assert list(Forum.objects.moderated_by(forum_moderator)) == [forum]
    assert other not in Forum.objects.moderated_by(forum_moderator)


def test_forum_moderator_sees_hidden_posts_of_their_forum_only(forum):
    forum_moderator = UserFactory()
    forum.moderators.add(forum_moderator)
    here = PostFactory(topic=TopicFactory(forum=forum), state=State.HIDDEN)
    elsewhere = PostFactory(state=State.HIDDEN)
    visible = Post.objects.visible_to(forum_moderator)
    assert here in visible
    assert elsewhere not in visible


def test_an_owner_may_open_its_forum_to_anonymous_visitors(workspace, workspace_forum, monkeypatch):
    """Owners are asked about anonymous visitors too (a public workspace's discussion)."""
    monkeypatch.setattr(
        type(workspace),
        "forum_reader_owner_ids",
        classmethod(lambda cls, user: cls.objects.values("pk")),
    )
    assert workspace_forum in Forum.objects.visible_to(AnonymousUser())


def test_workspace_member_may_post_in_the_workspace_forum(workspace, workspace_forum, member):
    add_to_workspace(workspace, member)
    assert posting_refusal(member, workspace_forum) is None


def test_reader_the_owner_does_not_name_as_poster_is_refused_with_the_owners_reason(
    workspace, workspace_forum, member, monkeypatch
):
    add_to_workspace(workspace, member)
    monkeypatch.setattr(
        type(workspace),
        "forum_poster_owner_ids",
        classmethod(lambda cls, user: cls.objects.none().values("pk")),
    )
    assert workspace_forum in Forum.objects.visible_to(member)
    assert posting_refusal(member, workspace_forum) == (
        "Only members of this workspace can post here."
    )


def test_nobody_but_superusers_posts_in_a_forum_of_an_unregistered_owner_type(db, member):
    forum = ForumFactory(owner_content_type=ContentType.objects.get_for_model(Forum),
                         owner_object_id=1)  # fmt: skip
    assert posting_refusal(member, forum) == "This forum is closed to new posts."
    assert posting_refusal(UserFactory(is_superuser=True), forum) is None
