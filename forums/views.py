"""Pages of the forums: forum list, topic lists, topics, writing, following, notifications.

Every query starts from a `visible_to(user)` queryset: a forum, topic or post
the reader may not see is a 404, whether the URL was followed or crafted.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import F, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from experts.models import ExpertProfile
from portal.client_ip import client_ip
from portal.query_params import parse_number
from portal.sanitizer import render_markdown

from . import services
from .forms import (
    EditPostForm,
    NotificationSettingsForm,
    PostForm,
    ReportForm,
    SubscriptionForm,
    TopicForm,
)
from .models import (
    Delivery,
    Forum,
    ForumReadMark,
    Notification,
    NotificationSettings,
    Post,
    ReadState,
    Report,
    Subscription,
    Topic,
)
from .permissions import can_moderate, delete_refusal, edit_refusal, posting_refusal
from .states import State
from .tokens import read_unsubscribe_token


def refused(request, message: str, status: int = 403, breadcrumbs=None):
    """A clear page saying why an action is not allowed (never a bare error)."""
    return render(
        request,
        "forums/refused.html",
        {
            "message": message,
            "breadcrumbs": breadcrumbs or [(_("Forums"), reverse("forums:index"))],
        },
        status=status,
    )


def _forum_crumbs(forum=None, topic=None, current=None) -> list:
    crumbs = [(_("Forums"), reverse("forums:index"))]
    if forum is not None:
        crumbs.append((forum.name, forum.get_absolute_url()))
    if topic is not None:
        crumbs.append((topic.title, topic.get_absolute_url()))
    if current:
        crumbs.append((current, None))
    else:
        crumbs[-1] = (crumbs[-1][0], None)
    return crumbs


def _page_number(request):
    return request.GET.get("page") or 1


def forum_index(request):
    forums = (
        Forum.objects.visible_to(request.user)
        .select_related("last_post__author", "last_post__topic")
        .prefetch_related("themes")
    )
    return render(
        request,
        "forums/forum_index.html",
        {"forums": forums, "breadcrumbs": [(_("Forums"), None)]},
    )


def forum_detail(request, slug):
    user = request.user
    forum = get_object_or_404(Forum.objects.visible_to(user), slug=slug)
    topics = (
        Topic.objects.visible_to(user)
        .filter(forum=forum)
        .select_related("forum", "author", "last_post__author")
        .order_by("-is_pinned", "-last_post_at", "-pk")
    )
    forum_mark = None
    subscription = None
    if user.is_authenticated:
        topics = topics.annotate(
            read_until=Subquery(
                ReadState.objects.filter(user=user, topic=OuterRef("pk")).values("read_until")[:1]
            )
        )
        forum_mark = (
            ForumReadMark.objects.filter(user=user, forum=forum)
            .values_list("read_until", flat=True)
            .first()
        )
        subscription = Subscription.objects.filter(user=user, forum=forum).first()
    page = Paginator(topics, settings.FORUMS_TOPICS_PER_PAGE).get_page(_page_number(request))
    if user.is_authenticated:
        for topic in page:
            read_until = max(filter(None, [topic.read_until, forum_mark]), default=None)
            topic.is_unread = read_until is None or topic.last_post_at > read_until
    return render(
        request,
        "forums/forum_detail.html",
        {
            "forum": forum,
            "page_obj": page,
            "subscription": subscription,
            "posting_refusal": posting_refusal(user, forum),
            "breadcrumbs": _forum_crumbs(forum),
        },
    )


def topic_detail(request, slug, pk, topic_slug=""):
    user = request.user
    topic = get_object_or_404(Topic.objects.visible_to(user).select_related("forum"), pk=pk)
    if topic.forum.slug != slug or topic.slug != topic_slug:
        query = request.GET.urlencode()
        return redirect(topic.get_absolute_url() + (f"?{query}" if query else ""), permanent=True)
    posts = (
        Post.objects.visible_to(user)
        .filter(topic=topic)
        .select_related("author__country")
        .order_by("created_at", "pk")
    )
    page = Paginator(posts, settings.FORUMS_POSTS_PER_PAGE).get_page(_page_number(request))
    Topic.objects.filter(pk=topic.pk).update(view_count=F("view_count") + 1)
    shown = list(page)
    _attach_expert_profiles(shown, user)
    subscription = None
    if user.is_authenticated:
        if shown:
            services.mark_read(user, topic, shown[-1].created_at)
        subscription = Subscription.objects.filter(user=user, topic=topic).first()
    refusal = posting_refusal(user, topic.forum, topic)
    return render(
        request,
        "forums/topic_detail.html",
        {
            "forum": topic.forum,
            "topic": topic,
            "page_obj": page,
            "subscription": subscription,
            "is_moderator": can_moderate(user, topic.forum),
            "posting_refusal": refusal,
            "form": PostForm(author=user) if refusal is None else None,
            "edit_deadline": timezone.now()
            - timedelta(minutes=settings.FORUMS_EDIT_WINDOW_MINUTES),
            "breadcrumbs": _forum_crumbs(topic.forum, topic),
        },
    )


def _attach_expert_profiles(posts, viewer) -> None:
    """Mark authors who keep a CV in the bank that the reader may see (one query)."""
    profiles = {
        profile.user_id: profile
        for profile in ExpertProfile.objects.visible_to(viewer).filter(
            user_id__in={post.author_id for post in posts}
        )
    }
    for post in posts:
        post.expert_profile = profiles.get(post.author_id)


def post_permalink(request, pk):
    """Send the reader to the page of its topic where the post is, whatever was hidden since."""
    visible = Post.objects.visible_to(request.user)
    post = get_object_or_404(visible.select_related("topic__forum"), pk=pk)
    before = (
        visible.filter(topic=post.topic_id)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .count()
    )
    page = before // settings.FORUMS_POSTS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return HttpResponseRedirect(f"{post.topic.get_absolute_url()}{query}#post-{post.pk}")


def topic_first_unread(request, pk):
    user = request.user
    topic = get_object_or_404(Topic.objects.visible_to(user), pk=pk)
    posts = Post.objects.visible_to(user).filter(topic=topic).order_by("created_at", "pk")
    if user.is_authenticated:
        read_until = max(
            filter(
                None,
                [
                    ReadState.objects.filter(user=user, topic=topic)
                    .values_list("read_until", flat=True)
                    .first(),
                    ForumReadMark.objects.filter(user=user, forum=topic.forum_id)
                    .values_list("read_until", flat=True)
                    .first(),
                ],
            ),
            default=None,
        )
        if read_until is not None:
            first_unread = posts.filter(created_at__gt=read_until).first()
            target = first_unread or posts.last()
            if target is not None:
                return redirect("forums:post", pk=target.pk)
    return redirect(topic.get_absolute_url())


def _preview_or_none(request, form):
    if "preview" in request.POST and form.is_valid():
        return render_markdown(form.cleaned_data["body"])
    return None


@login_required
@require_http_methods(["GET", "POST"])
def topic_create(request, slug):
    user = request.user
    forum = get_object_or_404(Forum.objects.visible_to(user), slug=slug)
    refusal = posting_refusal(user, forum)
    crumbs = _forum_crumbs(forum, current=_("New topic"))
    if refusal:
        return refused(request, refusal, breadcrumbs=crumbs)
    form = TopicForm(request.POST or None, author=user)
    preview = _preview_or_none(request, form)
    status = 200
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            topic = services.start_topic(
                forum, user, form.cleaned_data["title"], form.cleaned_data["body"],
                ip=client_ip(request),
            )  # fmt: skip
        except services.PostingRefused as refusal_error:
            form.add_error(None, refusal_error.message)
        else:
            _say_posted(request, topic.state)
            return redirect(topic.get_absolute_url())
    if request.method == "POST" and form.errors:
        status = 400
    return render(
        request,
        "forums/topic_form.html",
        {"form": form, "forum": forum, "preview": preview, "breadcrumbs": crumbs},
        status=status,
    )


def _say_posted(request, state):
    if state == State.PENDING:
        messages.info(
            request, _("Thank you! A moderator will check your message before it appears.")
        )
    else:
        messages.success(request, _("Your message has been posted."))


def _quote(post) -> str:
    author = post.author.username if post.author else "?"
    quoted = "\n".join(f"> {line}" if line else ">" for line in post.body.splitlines())
    return _("%(author)s wrote:") % {"author": author} + "\n" + quoted + "\n\n"


@login_required
@require_http_methods(["GET", "POST"])
def topic_reply(request, pk):
    user = request.user
    topic = get_object_or_404(Topic.objects.visible_to(user).select_related("forum"), pk=pk)
    crumbs = _forum_crumbs(topic.forum, topic, _("Reply"))
    refusal = posting_refusal(user, topic.forum, topic)
    if refusal:
        return refused(request, refusal, breadcrumbs=crumbs)
    initial = {}
    quote_id = request.GET.get("quote", "")
    if quote_id:
        quoted = (
            Post.objects.visible_to(user)
            .filter(topic=topic, state=State.PUBLISHED, pk=parse_number(quote_id) or 0)
            .select_related("author")
            .first()
        )
        if quoted is None:
            messages.warning(request, _("This post cannot be quoted."))
        else:
            initial["body"] = _quote(quoted)
    form = PostForm(request.POST or None, author=user, initial=initial)
    preview = _preview_or_none(request, form)
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            post = services.reply(topic, user, form.cleaned_data["body"], ip=client_ip(request))
        except services.PostingRefused as refusal_error:
            form.add_error(None, refusal_error.message)
        else:
            _say_posted(request, post.state)
            return redirect("forums:post", pk=post.pk)
    return render(
        request,
        "forums/reply_form.html",
        {"form": form, "topic": topic, "forum": topic.forum, "preview": preview,
         "breadcrumbs": crumbs},
        status=400 if request.method == "POST" and form.errors else 200,
    )  # fmt: skip


def _own_post(request, pk):
    return get_object_or_404(
        Post.objects.visible_to(request.user).select_related("topic__forum"), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    user = request.user
    post = _own_post(request, pk)
    crumbs = _forum_crumbs(post.topic.forum, post.topic, _("Edit"))
    refusal = edit_refusal(user, post)
    if refusal:
        return refused(request, refusal, breadcrumbs=crumbs)
    form = EditPostForm(
        request.POST or None,
        author=user,
        with_title=post.is_opening,
        initial={"body": post.body, "title": post.topic.title},
    )
    preview = _preview_or_none(request, form)
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            services.edit_post(
                post, user, form.cleaned_data["body"], form.cleaned_data.get("title")
            )
        except services.PostingRefused as refusal_error:
            form.add_error(None, refusal_error.message)
        else:
            messages.success(request, _("Your message has been updated."))
            return redirect("forums:post", pk=post.pk)
    return render(
        request,
        "forums/post_edit.html",
        {"form": form, "post": post, "preview": preview, "breadcrumbs": crumbs},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(request, pk):
    user = request.user
    post = _own_post(request, pk)
    topic = post.topic
    crumbs = _forum_crumbs(topic.forum, topic, _("Delete"))
    refusal = delete_refusal(user, post)
    if refusal:
        return refused(request, refusal, breadcrumbs=crumbs)
    if request.method == "POST":
        services.delete_post(post, user)
        messages.success(request, _("Your message has been deleted."))
        if post.is_opening:
            return redirect(topic.forum.get_absolute_url())
        return redirect(topic.get_absolute_url())
    return render(request, "forums/post_delete.html", {"post": post, "breadcrumbs": crumbs})


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request, pk):
    post = get_object_or_404(
        Post.objects.visible_to(request.user)
        .filter(state=State.PUBLISHED)
        .select_related("topic__forum", "author"),
        pk=pk,
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            Report.objects.create(
                post=post, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except IntegrityError:
            messages.info(request, _("You have already reported this post; moderators will look."))
        else:
            messages.success(request, _("Thank you. The moderators will look at this post."))
        return redirect("forums:post", pk=post.pk)
    return render(
        request,
        "forums/post_report.html",
        {"form": form, "post": post,
         "breadcrumbs": _forum_crumbs(post.topic.forum, post.topic, _("Report"))},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_POST
def topic_subscribe(request, pk):
    topic = get_object_or_404(Topic.objects.visible_to(request.user), pk=pk)
    return _subscribe(request, topic, topic.get_absolute_url())


@login_required
@require_POST
def forum_subscribe(request, slug):
    forum = get_object_or_404(Forum.objects.visible_to(request.user), slug=slug)
    return _subscribe(request, forum, forum.get_absolute_url())


def _subscribe(request, target, next_url):
    form = SubscriptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how to follow."))
        return redirect(next_url)
    mode = form.cleaned_data["mode"]
    services.set_subscription(request.user, target, mode)
    messages.success(
        request,
        {
            "follow": _("You follow %(name)s."),
            "mailing_list": _("You will receive every post of %(name)s by email."),
            "off": _("You no longer follow %(name)s."),
        }[mode]
        % {"name": target},
    )
    return redirect(next_url)


@login_required
@require_POST
def forum_mark_read(request, slug):
    forum = get_object_or_404(Forum.objects.visible_to(request.user), slug=slug)
    ForumReadMark.objects.update_or_create(
        user=request.user, forum=forum, defaults={"read_until": timezone.now()}
    )
    messages.success(request, _("All topics of this forum are marked as read."))
    return redirect(forum.get_absolute_url())


@login_required
def notification_list(request):
    user = request.user
    notifications = (
        Notification.objects.filter(user=user, post__in=Post.objects.visible_to(user))
        .select_related("post__topic__forum", "post__author")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(notifications, 30).get_page(_page_number(request))
    unread = [n.pk for n in page if n.read_at is None]
    response = render(
        request,
        "forums/notifications.html",
        {"page_obj": page, "unread": set(unread),
         "breadcrumbs": _forum_crumbs(current=_("Notifications"))},
    )  # fmt: skip
    Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return response


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    user = request.user
    settings_row, _created = NotificationSettings.objects.get_or_create(user=user)
    form = NotificationSettingsForm(request.POST or None, instance=settings_row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your forum email settings have been saved."))
        return redirect("forums:settings")
    subscriptions = Subscription.objects.filter(user=user).select_related("forum", "topic__forum")
    return render(
        request,
        "forums/settings.html",
        {"form": form, "subscriptions": subscriptions,
         "breadcrumbs": _forum_crumbs(current=_("Email settings"))},
    )  # fmt: skip


@csrf_exempt  # The signed token is the credential; mail clients POST it (RFC 8058).
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    crumbs = _forum_crumbs(current=_("Unsubscribe"))
    try:
        user_id, target = read_unsubscribe_token(token)
    except signing.BadSignature:
        return refused(request, _("This unsubscribe link is not valid."), 400, crumbs)
    if request.method == "GET":
        return render(request, "forums/unsubscribe.html", {"target": target, "breadcrumbs": crumbs})
    kind, _sep, pk = target.partition(":")
    if kind == "topic":
        Subscription.objects.filter(user_id=user_id, topic_id=pk).delete()
    elif kind == "forum":
        Subscription.objects.filter(user_id=user_id, forum_id=pk).delete()
    else:
        NotificationSettings.objects.update_or_create(
            user_id=user_id, defaults={"delivery": Delivery.NEVER}
        )
        Subscription.objects.filter(user_id=user_id).update(mailing_list=False)
    return render(
        request, "forums/unsubscribe.html", {"target": target, "done": True, "breadcrumbs": crumbs}
    )
