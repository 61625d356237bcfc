"""Suggested experts: profiles of the CV bank that match a workspace, for its coordinators.

Only profiles the coordinator may see (the bank's own `visible_to`) are
ranked: a match on an expertise theme counts most, then a country of work
experience, then a language the workspace works in.
"""

from django.db.models import Count, F, Q, QuerySet

from experts.models import ExpertProfile
from projects.models import Invitation, Workspace

THEME_WEIGHT, COUNTRY_WEIGHT, LANGUAGE_WEIGHT = 3, 2, 1
SUGGESTIONS = 10


def suggested_experts(workspace: Workspace, coordinator, limit: int = SUGGESTIONS) -> QuerySet:
    theme_ids = list(workspace.themes.values_list("pk", flat=True))
    country_codes = list(workspace.countries.values_list("pk", flat=True))
    return (
        ExpertProfile.objects.visible_to(coordinator)
        .filter(user__is_active=True)
        .exclude(user__workspace_memberships__workspace=workspace)
        .annotate(
            theme_matches=Count(
                "expertise", filter=Q(expertise__theme__in=theme_ids), distinct=True
            ),
            country_matches=Count(
                "experience_countries",
                filter=Q(experience_countries__in=country_codes),
                distinct=True,
            ),
            language_matches=Count(
                "languages", filter=Q(languages__language__in=workspace.languages), distinct=True
            ),
        )
        .annotate(
            score=F("theme_matches") * THEME_WEIGHT
            + F("country_matches") * COUNTRY_WEIGHT
            + F("language_matches") * LANGUAGE_WEIGHT
        )
        .filter(score__gt=0)
        .select_related("user")
        .order_by("-score", "-is_validated", "user__display_name", "pk")[:limit]
    )


def invited_emails(workspace: Workspace) -> set[str]:
    """Addresses with an invitation still waiting, so a suggestion shows "invited"."""
    return {
        email.lower()
        for email in Invitation.objects.filter(
            workspace=workspace, accepted_at__isnull=True
        ).values_list("email", flat=True)
    }
