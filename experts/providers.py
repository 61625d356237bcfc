"""The bank's content provider: recently updated experts on the home page and theme pages."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from portal import registry

from .models import Expertise, ExpertProfile


def _listed_profiles(user):
    return (
        ExpertProfile.objects.visible_to(user)
        .select_related("user")
        .prefetch_related(Prefetch("expertise", queryset=Expertise.objects.select_related("theme")))
        .order_by("-updated_at")
    )


def _as_item(profile: ExpertProfile) -> registry.ListedItem:
    return registry.ListedItem(
        title=profile.name,
        url=profile.get_absolute_url(),
        kind=str(_("Expert")),
        summary=profile.headline,
        date=profile.updated_at,
        themes=tuple(item.theme.name for item in profile.expertise.all()),
    )


def latest_experts(user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(profile) for profile in _listed_profiles(user)[:limit]]


def experts_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    profiles = _listed_profiles(user).filter(expertise__theme=theme)
    return [_as_item(profile) for profile in profiles[:limit]]


EXPERTS = registry.ContentProvider(
    key="experts",
    label=_("Experts"),
    latest=latest_experts,
    for_theme=experts_for_theme,
    order=500,
)
