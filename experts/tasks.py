"""Background work of the expert bank: CV text extraction and relayed emails.

Each task takes ids, re-reads the database and is safe to run twice.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .cv_files import detect_kind, extract_text
from .models import ContactMessage, ExpertProfile
from .search import reindex_profile


@task()
def extract_cv_text(profile_id: int, file_name: str) -> None:
    """Store the text of the profile's CV file so the bank and search can find it.

    `file_name` is the file the task was queued for: if the expert replaced or
    removed it since, this run has nothing to do.
    """
    profile = ExpertProfile.objects.filter(pk=profile_id, cv_file=file_name).first()
    if profile is None:
        return
    with profile.cv_file.open("rb") as file:
        kind = detect_kind(file)
        text = extract_text(file, kind) if kind else ""
    ExpertProfile.objects.filter(pk=profile_id, cv_file=file_name).update(cv_text=text)
    reindex_profile(profile_id)


@task()
def deliver_contact_message(message_id: int) -> None:
    """Relay a contact message to the expert; the sender never learns the address."""
    message = (
        ContactMessage.objects.select_related("sender", "recipient")
        .filter(pk=message_id, delivered_at__isnull=True)
        .first()
    )
    if message is None or message.sender is None:
        return
    recipient, sender = message.recipient, message.sender
    with translation.override(recipient.preferred_language):
        context = {
            "message": message,
            "sender_name": sender.public_name,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "body": message.body,
        }
        subject = render_to_string("experts/email/contact_subject.txt", context).strip()
        body = render_to_string("experts/email/contact_body.txt", context)
    EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[recipient.email],
        # The expert replies straight to the sender, who agreed to it on the form.
        reply_to=[sender.email],
    ).send()
    ContactMessage.objects.filter(pk=message_id).update(delivered_at=timezone.now())


@task()
def notify_validation(profile_id: int) -> None:
    """Tell the expert their profile now carries the "validated expert" badge."""
    profile = (
        ExpertProfile.objects.select_related("user")
        .filter(pk=profile_id, is_validated=True)
        .first()
    )
    if profile is None:
        return
    with translation.override(profile.user.preferred_language):
        context = {
            "profile": profile,
            "name": profile.user.public_name,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "profile_path": profile.get_absolute_url(),
        }
        subject = render_to_string("experts/email/validated_subject.txt", context).strip()
        body = render_to_string("experts/email/validated_body.txt", context)
    EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[profile.user.email],
    ).send()
