"""Expert profiles in the unified search, with the bank's visibility rules as access tokens.

The title is the expert's name (so autocomplete finds people by name); the
body holds the headline, summary, keywords, expertise and the text of the CV
file. A profile's document changes when the profile is saved (every edit
step saves it, see services.record_edit), when its CV text is extracted,
and when the member renames themselves.
"""

from django.db.models import Prefetch
from django.db.models.signals import post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.models import User
from search import registry
from search.documents import SearchDocument
from search.indexing import schedule_update

from . import permissions
from .models import Expertise, ExpertProfile

SOURCE_KEY = "experts"


class ExpertProfileSource(registry.SearchSource):
    key = SOURCE_KEY
    label = _("Expert")
    model = ExpertProfile

    def queryset(self):
        return (
            ExpertProfile.objects.select_related("user")
            .prefetch_related(
                Prefetch("expertise", queryset=Expertise.objects.select_related("theme")),
                "experience_countries",
                "experience_regions",
                "languages",
            )
            .order_by("pk")
        )

    def to_document(self, profile: ExpertProfile) -> SearchDocument | None:
        language = profile.user.preferred_language
        with translation.override(language):
            url = profile.get_absolute_url()
            spoken = [skill.language_name for skill in profile.languages.all()]
        # A profile has one document for every reader: themes in both languages.
        expertise = [
            f"{item.theme.name_fr}, {item.theme.name_en}" for item in profile.expertise.all()
        ]
        body = "\n".join(
            part
            for part in (
                profile.headline,
                profile.summary,
                profile.keywords,
                ", ".join(expertise),
                ", ".join(spoken),
                profile.user.organisation,
                profile.cv_text,
            )
            if part
        )
        return SearchDocument(
            source=self.key,
            object_id=profile.pk,
            title=profile.name,
            url=url,
            language=language,
            tokens=permissions.search_tokens(profile),
            body=body,
            date=profile.updated_at,
            themes=tuple(item.theme_id for item in profile.expertise.all()),
            countries=tuple(country.code for country in profile.experience_countries.all()),
            regions=tuple(region.slug for region in profile.experience_regions.all()),
        )

    def connect(self) -> None:
        super().connect()
        post_save.connect(_reindex_renamed_expert, sender=User, weak=False)


def _reindex_renamed_expert(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """The document's title is the member's name: follow profile edits, not logins."""
    if raw or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    profile_ids = list(ExpertProfile.objects.filter(user=instance).values_list("pk", flat=True))
    schedule_update(SOURCE_KEY, profile_ids)


def reindex_profile(profile_id: int) -> None:
    """For changes that bypass save() (e.g. the CV text written by a queryset update)."""
    schedule_update(SOURCE_KEY, [profile_id])


registry.register(ExpertProfileSource())
