"""The bank's query: visible profiles, filtered, scored and sorted.

Filters on related rows use EXISTS subqueries rather than joins, so a
profile never appears twice and the page costs the same queries whatever
is filtered: one count, one page, and one prefetch per listed relation.
"""

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from portal.models import Country

from .forms import BankFilterForm
from .models import Availability, Expertise, ExpertProfile, LanguageSkill, WorkExperience

# Where a search word counts most: the headline and keywords describe the
# expert; the CV file's text is long and mentions many things in passing.
TEXT_WEIGHTS = {
    "headline": 4,
    "keywords": 3,
    "user__display_name": 3,
    "summary": 2,
    "cv_text": 1,
}
MAX_SEARCH_WORDS = 8


def search_profiles(user, filters: dict) -> QuerySet:
    """Profiles `user` may see that match the cleaned filters of BankFilterForm."""
    profiles = ExpertProfile.objects.visible_to(user)
    profiles = _filter_text(profiles, filters.get("q", ""))
    if theme := filters.get("theme"):
        profiles = profiles.filter(
            Exists(Expertise.objects.filter(profile=OuterRef("pk"), theme=theme))
        )
    if code := filters.get("country"):
        profiles = profiles.filter(
            Exists(
                ExpertProfile.experience_countries.through.objects.filter(
                    expertprofile=OuterRef("pk"), country=code
                )
            )
            | Exists(WorkExperience.objects.filter(profile=OuterRef("pk"), country=code))
        )
    if region := filters.get("region"):
        region_countries = Country.objects.filter(regions=region)
        profiles = profiles.filter(
            Exists(
                ExpertProfile.experience_regions.through.objects.filter(
                    expertprofile=OuterRef("pk"), region=region
                )
            )
            | Exists(
                ExpertProfile.experience_countries.through.objects.filter(
                    expertprofile=OuterRef("pk"), country__in=region_countries
                )
            )
        )
    if language := filters.get("language"):
        skills = LanguageSkill.objects.filter(profile=OuterRef("pk"), language=language)
        if level := filters.get("level"):
            skills = skills.filter(level__gte=level)
        profiles = profiles.filter(Exists(skills))
    if availability := filters.get("availability"):
        profiles = profiles.filter(_available_now(availability))
    if filters.get("validated"):
        profiles = profiles.filter(is_validated=True)
    profiles = _annotate_experience(profiles, filters.get("theme"))
    return _sort(profiles, filters.get("sort") or BankFilterForm.SORT_RELEVANCE)


def with_listing_relations(profiles: QuerySet) -> QuerySet:
    """What a result card shows, fetched once for the whole page.

    The CV file's text (up to 100,000 characters each) and the summary are
    searched but not shown: they stay in the database.
    """
    return (
        profiles.defer("cv_text", "summary")
        .select_related("user", "residence")
        .prefetch_related(
            Prefetch("expertise", queryset=Expertise.objects.select_related("theme")),
            "languages",
            "experience_countries",
        )
    )


def _filter_text(profiles: QuerySet, query: str) -> QuerySet:
    words = query.split()[:MAX_SEARCH_WORDS]
    if not words:
        return profiles.annotate(score=Value(0, output_field=IntegerField()))
    score = Value(0, output_field=IntegerField())
    for word in words:
        matches = Q()
        for field, weight in TEXT_WEIGHTS.items():
            lookup = Q(**{f"{field}__icontains": word})
            matches |= lookup
            score = score + Case(
                When(lookup, then=Value(weight)), default=Value(0), output_field=IntegerField()
            )
        # Every word must appear somewhere (as in a search engine's AND).
        profiles = profiles.filter(matches)
    return profiles.annotate(score=score)


def _available_now(choice: str) -> Q:
    statuses = [Availability.AVAILABLE]
    if choice == BankFilterForm.AVAILABLE_PARTLY:
        statuses.append(Availability.PARTIAL)
    today = timezone.localdate()
    return Q(availability__in=statuses) & (
        Q(available_from__isnull=True) | Q(available_from__lte=today)
    )


def _annotate_experience(profiles: QuerySet, theme) -> QuerySet:
    """Years of experience: in the filtered theme if there is one, else the longest."""
    expertise = Expertise.objects.filter(profile=OuterRef("pk"))
    if theme is not None:
        expertise = expertise.filter(theme=theme)
    years = Subquery(expertise.order_by("-years").values("years")[:1])
    return profiles.annotate(experience_years=years)


def _sort(profiles: QuerySet, sort: str) -> QuerySet:
    if sort == BankFilterForm.SORT_EXPERIENCE:
        return profiles.order_by(F("experience_years").desc(nulls_last=True), "-updated_at", "pk")
    if sort == BankFilterForm.SORT_UPDATED:
        return profiles.order_by("-updated_at", "pk")
    return profiles.order_by("-score", "-is_validated", "-updated_at", "pk")
