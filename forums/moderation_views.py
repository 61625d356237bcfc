"""Moderators' pages: the queue of reports and pending posts, actions on topics and posts.

Only moderators of a forum reach these pages for its content; anyone else
gets a 404, as if the page did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from . import moderation
from .forms import ModerationReasonForm, MoveTopicForm, SplitTopicForm
from .models import Forum, Post, Report, Topic
from .permissions import can_moderate
from .services import PostingRefused
from .states import State
from .views import _forum_crumbs

TOPIC_ACTIONS = {
    "pin": (moderation.set_pinned, True, gettext_lazy("The topic is pinned.")),
    "unpin": (moderation.set_pinned, False, gettext_lazy("The topic is no longer pinned.")),
    "lock": (moderation.set_locked, True, gettext_lazy("The topic is locked.")),
    "unlock": (moderation.set_locked, False, gettext_lazy("The topic is open for replies again.")),
    "hide": (moderation.set_topic_hidden, True, gettext_lazy("The topic is hidden.")),
    "show": (moderation.set_topic_hidden, False, gettext_lazy("The topic is visible again.")),
}
POST_ACTIONS = {
    "hide": (moderation.set_post_hidden, True, gettext_lazy("The post is hidden.")),
    "show": (moderation.set_post_hidden, False, gettext_lazy("The post is visible again.")),
}


def _moderated_topic(request, pk) -> Topic:
    topic = get_object_or_404(Topic.objects.visible_to(request.user).select_related("forum"), pk=pk)
    if not can_moderate(request.user, topic.forum):
        raise Http404
    return topic


def _moderated_post(request, pk) -> Post:
    post = get_object_or_404(
        Post.objects.visible_to(request.user).select_related("topic__forum", "author"), pk=pk
    )
    if not can_moderate(request.user, post.topic.forum):
        raise Http404
    return post


@login_required
def queue(request):
    forums = Forum.objects.moderated_by(request.user)
    if not forums.exists():
        raise Http404
    reports = (
        Report.objects.filter(resolved_at__isnull=True, post__topic__forum__in=forums)
        .select_related("post__topic__forum", "post__author", "reporter")
        .order_by("created_at")
    )
    pending = (
        Post.objects.filter(state=State.PENDING, topic__forum__in=forums)
        .select_related("topic__forum", "author")
        .order_by("created_at")
    )
    return render(
        request,
        "forums/moderation_queue.html",
        {"reports": reports, "pending": pending,
         "breadcrumbs": _forum_crumbs(current=_("Moderation"))},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def moderate_topic(request, pk):
    topic = _moderated_topic(request, pk)
    # Only forums of the same owner: a workspace's topics never leave it, none moves into one.
    forums = moderation.move_targets(topic, Forum.objects.moderated_by(request.user))
    action = request.POST.get("action", "")
    reason_form = ModerationReasonForm(request.POST if action in TOPIC_ACTIONS else None)
    move_form = MoveTopicForm(
        request.POST if action == "move" else None,
        forums=forums,
        refusal=moderation.move_refusal(),
    )
    if action in TOPIC_ACTIONS and reason_form.is_valid():
        operation, value, done = TOPIC_ACTIONS[action]
        operation(topic, request.user, value, reason_form.cleaned_data["reason"])
        messages.success(request, done)
        return redirect(topic.get_absolute_url())
    if action == "move" and move_form.is_valid():
        try:
            moderation.move(
                topic,
                request.user,
                move_form.cleaned_data["forum"],
                move_form.cleaned_data["reason"],
            )
        except PostingRefused as refusal:
            move_form.add_error("forum", refusal.message)
        else:
            messages.success(request, _("The topic has been moved."))
            topic.refresh_from_db()
            return redirect(topic.get_absolute_url())
    return render(
        request,
        "forums/moderate_topic.html",
        {
            "topic": topic,
            "reason_form": reason_form,
            "move_form": move_form,
            "log": topic.moderation_log.select_related("moderator")[:50],
            "breadcrumbs": _forum_crumbs(topic.forum, topic, _("Moderate")),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def split_topic(request, pk):
    topic = _moderated_topic(request, pk)
    candidates = (
        Post.objects.visible_to(request.user)
        .filter(topic=topic, is_opening=False)
        .select_related("author")
    )
    form = SplitTopicForm(request.POST or None, posts=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            new_topic = moderation.split(
                topic, request.user, list(form.cleaned_data["posts"]),
                form.cleaned_data["title"], form.cleaned_data["reason"],
            )  # fmt: skip
        except PostingRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The posts have been moved into a new topic."))
            return redirect(new_topic.get_absolute_url())
    return render(
        request,
        "forums/split_topic.html",
        {"topic": topic, "form": form,
         "breadcrumbs": _forum_crumbs(topic.forum, topic, _("Split"))},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def moderate_post(request, pk):
    post = _moderated_post(request, pk)
    action = request.POST.get("action", "")
    form = ModerationReasonForm(request.POST or None)
    if action == "approve" and post.state == State.PENDING:
        moderation.approve(post, request.user, request.POST.get("reason", "")[:1000])
        messages.success(request, _("The post is approved and published."))
        return redirect("forums:post", pk=post.pk)
    if action in POST_ACTIONS and form.is_valid():
        operation, value, done = POST_ACTIONS[action]
        operation(post, request.user, value, form.cleaned_data["reason"])
        messages.success(request, done)
        if post.topic.state == State.HIDDEN:
            return redirect(reverse("forums:moderation"))
        return redirect("forums:post", pk=post.pk)
    return render(
        request,
        "forums/moderate_post.html",
        {
            "post": post,
            "form": form,
            "revisions": post.revisions.all(),
            "log": post.moderation_log.select_related("moderator")[:50],
            "breadcrumbs": _forum_crumbs(post.topic.forum, post.topic, _("Moderate")),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def resolve_report(request, pk):
    report = get_object_or_404(Report.objects.select_related("post__topic__forum"), pk=pk)
    moderated = Forum.objects.moderated_by(request.user).filter(pk=report.post.topic.forum_id)
    if report.resolved_at or not moderated.exists():
        raise Http404
    moderation.resolve_report(report, request.user, request.POST.get("reason", "")[:1000])
    messages.success(request, _("The report is closed."))
    return redirect("forums:moderation")
