"""Editors' admin views: members' event proposals (user news) and their one-click conversion."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from .models import EventPage
from .permissions import CONVERT_NEWS
from .services import ConversionError, convert_news_to_event, convertible_news


@permission_required(CONVERT_NEWS)
def proposals(request):
    """News items of the Trainings, Conferences and e-Events categories, newest first."""
    converted = EventPage.objects.filter(source_news=OuterRef("pk"))
    news_items = (
        convertible_news()
        .annotate(converted=Exists(converted))
        .order_by("-created_at", "-pk")[:100]
    )
    return TemplateResponse(
        request,
        "events/admin/proposals.html",
        {"news_items": news_items, "page_title": _("Event proposals"), "header_icon": "date"},
    )


@permission_required(CONVERT_NEWS)
@require_POST
def convert(request, news_id):
    news = get_object_or_404(convertible_news(), pk=news_id)
    try:
        event = convert_news_to_event(news, request.user)
    except ConversionError:
        messages.error(request, _("Create the events calendar page first: the draft needs a home."))
        return redirect("events_proposals")
    messages.success(
        request,
        _("Draft event “%(title)s” created: complete it and publish it.") % {"title": event.title},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[event.pk]))
