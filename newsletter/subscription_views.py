"""Subscribing to G-NEWS (double opt-in) and leaving it in one click."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.client_ip import client_ip

from .forms import SubscribeForm, UnsubscribeRequestForm
from .limits import subscription_throttled
from .models import Subscriber
from .services import (
    SubscriptionOutcome,
    confirm_subscription,
    request_subscription,
    subscriber_language,
    unsubscribe,
)
from .tasks import send_unsubscribe_link
from .tokens import CONFIRM, UNSUBSCRIBE, TokenExpired, TokenInvalid, read_token


def _too_many_requests(request):
    """Both forms email whatever address is typed in: the same limit protects inboxes."""
    return render(
        request,
        "newsletter/subscription_message.html",
        {
            "title": _("Too many requests"),
            "message": _(
                "Several emails have been requested recently for this address or from "
                "this connection. To protect inboxes from unwanted email, please try "
                "again later."
            ),
        },
        status=429,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request):
    initial = {"language": translation.get_language()}
    if request.user.is_authenticated:
        initial["email"] = request.user.email
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        # Checked before the address is looked up: the same answer whether it is subscribed.
        if subscription_throttled(email, client_ip(request)):
            return _too_many_requests(request)
        outcome = request_subscription(email, form.cleaned_data["language"])
        # Only the address's owner learns that it is on the list: anyone else
        # gets the same answer as a new subscriber, so the form reveals nothing.
        owns_address = (
            request.user.is_authenticated and request.user.email.lower() == email.strip().lower()
        )
        if outcome is SubscriptionOutcome.ALREADY_SUBSCRIBED and owns_address:
            form.add_error(
                "email",
                _("This address is already subscribed to G-NEWS: there is nothing more to do."),
            )
        else:
            return render(
                request,
                "newsletter/subscription_message.html",
                {
                    "title": _("Check your inbox"),
                    "message": _(
                        "We have sent a confirmation link to %(email)s. Open it to start "
                        "receiving G-NEWS."
                    )
                    % {"email": form.cleaned_data["email"]},
                },
            )
    return render(
        request,
        "newsletter/subscribe.html",
        {"form": form, "breadcrumbs": [(_("Subscribe to G-NEWS"), None)]},
        status=400 if form.errors else 200,
    )


def _token_error(request, error, purpose):
    if isinstance(error, TokenExpired):
        message = (
            _("This confirmation link has expired. Please subscribe again to receive a new one.")
            if purpose == CONFIRM
            else _("This unsubscribe link has expired. Ask for a new one below.")
        )
    else:
        message = _("This link is not valid. Check that you copied it completely.")
    target = "newsletter:subscribe" if purpose == CONFIRM else "newsletter:unsubscribe_request"
    messages.error(request, message)
    return redirect(target)


def subscription_confirm(request, token):
    try:
        subscriber_id = read_token(token, CONFIRM)
    except (TokenExpired, TokenInvalid) as error:
        return _token_error(request, error, CONFIRM)
    subscriber = get_object_or_404(Subscriber, pk=subscriber_id)
    confirm_subscription(subscriber)
    return render(
        request,
        "newsletter/subscription_message.html",
        {
            "title": _("Welcome to G-NEWS"),
            "message": _("Your subscription is confirmed. The next issue will reach %(email)s.")
            % {"email": subscriber.email},
        },
    )


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without cookies or token.
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    """GET shows a button (link scanners must not unsubscribe anyone); POST unsubscribes."""
    try:
        subscriber_id = read_token(token, UNSUBSCRIBE)
    except (TokenExpired, TokenInvalid) as error:
        return _token_error(request, error, UNSUBSCRIBE)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    language = subscriber_language(subscriber) if subscriber else translation.get_language()
    with translation.override(language):
        if request.method == "POST":
            if subscriber is not None:
                unsubscribe(subscriber)
            return render(
                request,
                "newsletter/subscription_message.html",
                {
                    "title": _("You are unsubscribed"),
                    "message": _("You will not receive G-NEWS any more."),
                },
            )
        return render(
            request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token}
        )


@require_http_methods(["GET", "POST"])
def unsubscribe_request(request):
    """Ask for a fresh unsubscribe link by email (when an old one has expired)."""
    form = UnsubscribeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if subscription_throttled(email, client_ip(request)):
            return _too_many_requests(request)
        subscriber = Subscriber.objects.with_email(email).first()
        if subscriber is not None:
            send_unsubscribe_link.enqueue(subscriber.pk)
        # Same answer either way: this form must not reveal who is subscribed.
        return render(
            request,
            "newsletter/subscription_message.html",
            {
                "title": _("Check your inbox"),
                "message": _(
                    "If this address receives G-NEWS, a message with an unsubscribe link is "
                    "on its way."
                ),
            },
        )
    return render(
        request,
        "newsletter/unsubscribe_request.html",
        {"form": form, "breadcrumbs": [(_("Unsubscribe from G-NEWS"), None)]},
        status=400 if form.errors else 200,
    )
