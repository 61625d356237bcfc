"""The Discussion tab: the topics of the workspace's own forum (read and written in the forums)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from forums.models import Forum, Topic
from forums.permissions import posting_refusal
from projects.permissions import Action
from projects.services.discussion import ensure_forum, forum_of

from .common import load_workspace, private, workspace_context

DISCUSSION_TOPICS = 30


@private
def discussion(request, slug):
    workspace = load_workspace(request, slug, Action.READ)
    forum = forum_of(workspace) or ensure_forum(workspace)
    context = workspace_context(request, workspace, "discussion", (_("Discussion"), None))
    # The forum's own rules decide who reads (as Action.READ) and who posts (contributors).
    context["forum"] = Forum.objects.visible_to(request.user).filter(pk=forum.pk).first()
    if context["forum"] is not None:
        context["posting_refusal"] = posting_refusal(request.user, forum)
        context["topics"] = (
            Topic.objects.visible_to(request.user)
            .filter(forum=forum)
            .select_related("author", "forum", "last_post__author")[:DISCUSSION_TOPICS]
        )
    return render(request, "projects/discussion.html", context)
