"""Each workspace's Discussion tab is a forum of the forums app, owned by the workspace.

The forum is created with the workspace; its moderators are the workspace's
coordinators, kept in step whenever roles change. Who may read and who may
post is answered by Workspace.forum_reader_owner_ids and
Workspace.forum_poster_owner_ids (the forums' owner hook, see projects.permissions).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from forums.models import Forum
from projects.models import Role, Verb, Workspace

from .activity import record

FORUM_SLUG_PREFIX = "ws-"


def forum_of(workspace: Workspace) -> Forum | None:
    content_type = ContentType.objects.get_for_model(Workspace)
    return Forum.objects.filter(
        owner_content_type=content_type, owner_object_id=workspace.pk
    ).first()


def _free_slug(workspace: Workspace) -> str:
    base = f"{FORUM_SLUG_PREFIX}{workspace.slug}"[:76]
    slug, suffix = base, 2
    while Forum.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def ensure_forum(workspace: Workspace) -> Forum:
    """The workspace's forum (created if missing), named like it, moderated by its coordinators."""
    forum = forum_of(workspace)
    if forum is None:
        forum = Forum(
            slug=_free_slug(workspace),
            owner_content_type=ContentType.objects.get_for_model(Workspace),
            owner_object_id=workspace.pk,
        )
    forum.name_fr = forum.name_en = workspace.name[:120]
    forum.description_fr = forum.description_en = workspace.summary
    forum.save()
    forum.themes.set(workspace.themes.all())
    forum.moderators.set(
        get_user_model().objects.filter(
            workspace_memberships__workspace=workspace,
            workspace_memberships__role=Role.COORDINATOR,
        )
    )
    return forum


def record_post(post) -> None:
    """A published post in a workspace's forum appears in the workspace's activity stream."""
    forum = post.topic.forum
    if forum.owner_content_type_id != ContentType.objects.get_for_model(Workspace).pk:
        return
    workspace = Workspace.objects.filter(pk=forum.owner_object_id).first()
    if workspace is not None:
        record(workspace, post.author, Verb.POSTED, post.topic.title, "discussion/")
