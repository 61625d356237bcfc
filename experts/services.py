"""Multi-step operations on expert profiles, shared by views, admin and commands."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from .models import ContactMessage, ExpertEditLog, ExpertProfile
from .tasks import deliver_contact_message, extract_cv_text, notify_validation

contact_log = logging.getLogger("experts.contact")

CONTACT_RATE_GROUP = "experts.contact"


def record_edit(profile: ExpertProfile, editor, section: str, changed_fields: list[str]) -> None:
    """Note a change to a profile: bump its date and, if it carries the badge, log it."""
    if not changed_fields:
        return
    # save() refreshes updated_at (auto_now), so "recently updated" sorting sees sub-items too.
    profile.save(update_fields=["updated_at"])
    if profile.is_validated:
        ExpertEditLog.objects.create(
            profile=profile, editor=editor, section=section, changed_fields=sorted(changed_fields)
        )


@transaction.atomic
def set_validated(profile: ExpertProfile, validated: bool, by) -> None:
    """Give or take away the "validated expert" badge; the expert hears about a new badge."""
    if profile.is_validated == validated:
        return
    profile.is_validated = validated
    profile.validated_at = timezone.now() if validated else None
    profile.validated_by = by if validated else None
    profile.save(update_fields=["is_validated", "validated_at", "validated_by", "updated_at"])
    ExpertEditLog.objects.create(
        profile=profile,
        editor=by,
        section="validation",
        changed_fields=["is_validated"],
    )
    if validated:
        notify_validation.enqueue(profile.pk)


def replace_cv_file(profile: ExpertProfile, upload) -> None:
    """Store a new (already validated) CV file and queue the extraction of its text."""
    old = profile.cv_file.name if profile.cv_file else None
    profile.cv_file = upload
    profile.cv_text = ""
    profile.save()
    if old:
        profile.cv_file.storage.delete(old)
    extract_cv_text.enqueue(profile.pk, profile.cv_file.name)


def remove_cv_file(profile: ExpertProfile) -> None:
    if profile.cv_file:
        profile.cv_file.delete(save=False)
    profile.cv_text = ""
    profile.cv_downloadable = False
    profile.save()


def contact_is_rate_limited(request, profile: ExpertProfile) -> bool:
    """Count one contact attempt for the sender; True (and logged) once they exceed the limit."""
    limited = is_ratelimited(
        request,
        group=CONTACT_RATE_GROUP,
        key="user",
        rate=settings.EXPERTS_CONTACT_RATE,
        increment=True,
    )
    if limited:
        contact_log.warning(
            "Contact rate limit reached by member %s (to profile %s)", request.user.pk, profile.pk
        )
    return limited


def send_contact_message(sender, profile: ExpertProfile, subject: str, body: str) -> ContactMessage:
    """Log the message (for abuse handling) and queue its relay to the expert by email."""
    message = ContactMessage.objects.create(
        sender=sender, recipient=profile.user, subject=subject, body=body
    )
    contact_log.info(
        "Contact message %s from member %s to member %s", message.pk, sender.pk, profile.user_id
    )
    deliver_contact_message.enqueue(message.pk)
    return message


def export_profile(profile: ExpertProfile) -> dict:
    """The whole CV as JSON-serialisable data, for its owner (export and personal data)."""
    return {
        "headline": profile.headline,
        "summary": profile.summary,
        "photo": profile.photo.name or None,
        "nationality": profile.nationality_id,
        "country_of_residence": profile.residence_id,
        "keywords": profile.keyword_list,
        "countries_of_experience": sorted(
            profile.experience_countries.values_list("code", flat=True)
        ),
        "regions_of_experience": sorted(profile.experience_regions.values_list("slug", flat=True)),
        "availability": profile.availability,
        "available_from": _iso(profile.available_from),
        "visibility": profile.visibility,
        "cv_file": profile.cv_file.name or None,
        "cv_downloadable": profile.cv_downloadable,
        "validated": profile.is_validated,
        "validated_at": _iso(profile.validated_at),
        "created_at": _iso(profile.created_at),
        "updated_at": _iso(profile.updated_at),
        "languages": [
            {"language": skill.language, "level": skill.level_code}
            for skill in profile.languages.all()
        ],
        "expertise": [
            {"theme": item.theme.slug_en, "years": item.years}
            for item in profile.expertise.select_related("theme")
        ],
        "work_history": [
            {
                "role": work.role,
                "organisation": work.organisation,
                "country": work.country_id,
                "type": work.kind,
                "from": _iso(work.start_date),
                "to": _iso(work.end_date),
                "description": work.description,
            }
            for work in profile.work_history.all()
        ],
        "education": [
            {
                "degree": item.degree,
                "field_of_study": item.field_of_study,
                "institution": item.institution,
                "year": item.year,
            }
            for item in profile.education.all()
        ],
        "trainings_given": [
            {
                "title": item.title,
                "organiser": item.organiser,
                "country": item.country_id,
                "year": item.year,
            }
            for item in profile.trainings.all()
        ],
        "publications": [
            {"reference": item.reference, "url": item.url, "year": item.year}
            for item in profile.publications.all()
        ],
    }


def export_for_user(user) -> dict | None:
    """Personal-data exporter: the member's CV and the contact messages they sent."""
    profile = ExpertProfile.objects.filter(user=user).first()
    sent = ContactMessage.objects.filter(sender=user).select_related("recipient")
    return {
        "profile": export_profile(profile) if profile else None,
        "contact_messages_sent": [
            {
                "to": message.recipient.public_name,
                "subject": message.subject,
                "message": message.body,
                "sent": _iso(message.created_at),
            }
            for message in sent
        ],
    }


def _iso(value) -> str | None:
    return value.isoformat() if value else None
