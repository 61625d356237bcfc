"""Background work of the events app (Django tasks API; each task re-reads the database)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django_tasks import task

from .ical import event_ics
from .models import Registration
from .services import absolute_url, cancel_url


@task()
def send_registration_email(registration_id: int, promoted: bool = False) -> None:
    """Confirm a place (or a waiting-list spot) by email, with the event's .ics attached."""
    registration = (
        Registration.objects.select_related("user", "event", "event__locale", "event__country")
        .filter(pk=registration_id)
        .exclude(status="cancelled")
        .first()
    )
    if registration is None or not registration.user.email:
        return
    event, member = registration.event, registration.user
    with translation.override(member.preferred_language or event.locale.language_code):
        context = {
            "event": event,
            "member": member,
            "registration": registration,
            "promoted": promoted,
            "event_url": absolute_url(event.url),
            "cancel_url": cancel_url(registration),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("events/email/registration_subject.txt", context).strip()
        body = render_to_string("events/email/registration_body.txt", context)
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body=body, to=[member.email]
    )
    if registration.is_confirmed:
        filename = f"{slugify(event.slug)[:60] or 'event'}.ics"
        message.attach(filename, event_ics(event), "text/calendar")
    message.send()
