"""Editors' admin views: review a news item, test-send and send an issue, follow a send."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import permission_required

from .forms import RejectNewsForm
from .models import NewsItem, NewsletterIssuePage, Sending, SendingStatus, Subscriber
from .sending import send_test, start_sending
from .services import publish_news, reject_news


@permission_required("newsletter.change_newsitem")
@require_http_methods(["GET", "POST"])
def review_news(request, pk):
    """One item of the moderation queue: its text, its original submission, the decision."""
    news = get_object_or_404(
        NewsItem.objects.select_related("author", "category").prefetch_related(
            "links", "themes", "countries"
        ),
        pk=pk,
    )
    reject_form = RejectNewsForm(request.POST if request.POST.get("action") == "reject" else None)
    if request.method == "POST":
        if request.POST.get("action") == "publish":
            publish_news(news, request.user)
            messages.success(request, _("“%(title)s” is published.") % {"title": news.title})
            return redirect("newsletter_news:index")
        if reject_form.is_valid():
            reject_news(news, request.user, reject_form.cleaned_data["reason"])
            messages.success(request, _("“%(title)s” was rejected.") % {"title": news.title})
            return redirect("newsletter_news:index")
    original = news.submissions.first()
    return TemplateResponse(
        request,
        "newsletter/admin/review_news.html",
        {
            "news": news,
            "original": original.content if original else None,
            "original_at": original.submitted_at if original else None,
            "changed": _changed_fields(news, original.content) if original else [],
            "reject_form": reject_form,
            "page_title": _("Review news"),
            "header_icon": "doc-full",
        },
        status=400 if reject_form.errors else 200,
    )


def _changed_fields(news: NewsItem, original: dict) -> list[str]:
    current = news.snapshot()
    return [name for name, value in current.items() if original.get(name) != value]


def _issue_for(request, page_id) -> NewsletterIssuePage:
    page = get_object_or_404(NewsletterIssuePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


@require_http_methods(["GET", "POST"])
def test_send(request, page_id):
    """Send the issue as it is now (draft included) to the editor's own address."""
    page = _issue_for(request, page_id).get_latest_revision_as_object()
    if request.method == "POST":
        send_test(page, request.user.email)
        messages.success(
            request, _("A test copy was sent to %(email)s.") % {"email": request.user.email}
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "newsletter/admin/test_send.html",
        {"page": page, "page_title": _("Send a test"), "header_icon": "mail"},
    )


@permission_required("newsletter.send_issue")
@require_http_methods(["GET", "POST"])
def send_issue(request, page_id):
    """Confirm, then queue, the send of one live edition to its subscribers."""
    page = get_object_or_404(NewsletterIssuePage, pk=page_id)
    sending = Sending.objects.filter(issue=page).first()
    if request.method == "POST":
        if not page.live:
            messages.error(request, _("Publish the issue before sending it."))
        else:
            start_sending(page, requested_by=request.user)
            messages.success(request, _("The send has started."))
            return redirect("newsletter_sending_progress", page.pk)
    language = page.locale.language_code
    return TemplateResponse(
        request,
        "newsletter/admin/send_issue.html",
        {
            "page": page,
            "sending": sending,
            "subscribers": Subscriber.objects.active().for_edition(language).count(),
            "page_title": _("Send the issue"),
            "header_icon": "mail",
        },
    )


@permission_required("newsletter.send_issue")
def sending_progress(request, page_id):
    """Sent / failed / remaining, refreshed every few seconds while the send runs."""
    sending = get_object_or_404(Sending.objects.select_related("issue"), issue_id=page_id)
    progress = sending.progress()
    return TemplateResponse(
        request,
        "newsletter/admin/sending_progress.html",
        {
            "sending": sending,
            "progress": progress,
            "running": sending.status in (SendingStatus.QUEUED, SendingStatus.RUNNING),
            "failures": sending.deliveries.filter(status="failed")
            .select_related("subscriber")
            .order_by("-pk")[:50],
            "resume_url": reverse("newsletter_send_issue", args=[page_id]),
            "page_title": _("Sending progress"),
            "header_icon": "mail",
        },
    )
