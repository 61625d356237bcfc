"""The event page's extras and its registration routes (called from EventPage's routes)."""

import csv

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.defaultfilters import date as format_date
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from library.models import ResourcePage

from . import services
from .models import Registration, RegistrationStatus
from .permissions import can_manage_registrations, can_register, can_see_online_link
from .programme import build_programme
from .tokens import TokenInvalid, read_cancel_token


def event_context(request, event) -> dict:
    """What the event page shows beyond its fields, in a fixed number of queries."""
    user = request.user
    target = event.registration_event()
    registration = None
    if user.is_authenticated:
        registration = Registration.objects.filter(event=target, user=user).first()
    counts = {"confirmed": 0, "waiting": 0}
    if target.registration_enabled:
        counts = Registration.objects.filter(event=target).aggregate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        )
    places_left = None
    if target.capacity is not None:
        places_left = max(target.capacity - counts["confirmed"], 0)
    documents = (
        event.documents.filter(resource__in=ResourcePage.objects.visible_to(user))
        .select_related("resource")
        .order_by("sort_order")
    )
    return {
        "registration_event": target,
        "registration": registration if registration and registration.is_active else None,
        "registration_open": target.registration_is_open(),
        "places_left": places_left,
        "waiting_count": counts["waiting"],
        "programme": build_programme(event, user),
        "event_documents": list(documents),
        "show_online_link": can_see_online_link(user, event, registration),
        "can_manage": can_manage_registrations(user, target),
        "is_past": event.is_past(),
        "event_themes": list(event.themes.all()),
        "event_languages": list(event.languages.all()),
    }


def _back(event):
    return redirect(event.url + "#registration")


def register(request, event):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(event.url)
    if not can_register(request.user):
        messages.error(request, _("Confirm your email address first: then you can register."))
        return _back(event)
    target = event.registration_event()
    try:
        registration = services.register(target, request.user)
    except services.RegistrationError as error:
        messages.error(request, _registration_error_message(error.code, target))
        return _back(event)
    if registration.is_waiting:
        messages.warning(
            request,
            _(
                "The event is full: you are on the waiting list. We will email you if a "
                "place becomes free."
            ),
        )
    else:
        messages.success(
            request,
            _("You are registered. A confirmation with the event for your calendar is on its way."),
        )
    return _back(event)


def _registration_error_message(code: str, event) -> str:
    if code == services.ALREADY:
        return _("You are already registered for this event.")
    if code == services.CLOSED:
        closes = timezone.localtime(event.registration_closes_at, event.zone)
        return _("Registration closed on %(date)s (%(zone)s).") % {
            "date": format_date(closes, "j F Y"),
            "zone": event.time_zone,
        }
    return _("This event does not take registrations on the portal.")


def cancel_own(request, event):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(event.url)
    registration = (
        Registration.objects.active()
        .filter(event=event.registration_event(), user=request.user)
        .first()
    )
    if registration is None:
        messages.info(request, _("You had no registration to cancel for this event."))
        return _back(event)
    services.cancel(registration)
    messages.success(request, _("Your registration is cancelled."))
    return _back(event)


def cancel_with_token(request, event, token):
    """The link in the confirmation email: a page to confirm, then the cancellation."""
    context = {"page": event, "token": token}
    try:
        registration_id = read_cancel_token(token)
        registration = Registration.objects.select_related("user").get(
            pk=registration_id, event=event.registration_event()
        )
    except (TokenInvalid, Registration.DoesNotExist):
        return TemplateResponse(request, "events/cancel_invalid.html", context, status=400)
    context["registration"] = registration
    if not registration.is_active:
        return TemplateResponse(request, "events/cancel_done.html", {**context, "already": True})
    if request.method == "POST":
        services.cancel(registration)
        return TemplateResponse(request, "events/cancel_done.html", context)
    return TemplateResponse(request, "events/cancel_confirm.html", context)


def participants_csv(request, event):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = event.registration_event()
    if not can_manage_registrations(request.user, target):
        raise PermissionDenied
    registrations = (
        Registration.objects.filter(event=target)
        .select_related("user", "user__country")
        .order_by("status", "created_at", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"participants-{slugify(event.slug)[:50] or event.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # spreadsheets read the accents right with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [_("Name"), _("Email"), _("Organisation"), _("Country"), _("Status"), _("Registered at")]
    )
    for registration in registrations:
        member = registration.user
        cells = [
            member.public_name,
            member.email,
            member.organisation,
            member.country.name if member.country_id else "",
            registration.get_status_display(),
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        writer.writerow([_safe_cell(str(cell)) for cell in cells])
    return response


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: str) -> str:
    """Keep spreadsheets from running a member's text as a formula (CSV injection).

    Every text cell goes through here, the email address too: `+cmd@example.org`
    is a valid address and a formula.
    """
    value = value or ""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
