"""Who sees, edits, contacts and validates experts: the one place that says it.

Every path that shows a profile (bank, profile page, PDF, CV file, content
providers, search documents) goes through `ExpertProfile.objects.visible_to`
or the predicates below, which apply the same rule to one profile.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal import roles


class Visibility(models.TextChoices):
    """Who may see an expert's profile, chosen by the expert."""

    PUBLIC = "public", _("Everyone, including visitors who are not logged in")
    MEMBERS = "members", _("Members of the portal only")
    STAFF = "staff", _("Portal staff only")


# Staff roles hold these (granted in ExpertsConfig.ready); superusers hold every permission.
VIEW_EVERY_PROFILE = "experts.view_expertprofile"
VALIDATE_PROFILES = "experts.validate_expertprofile"


def sees_every_profile(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(VIEW_EVERY_PROFILE))


def visibility_filter(user) -> Q:
    """The condition a profile must meet for `user` to see it."""
    if not user.is_authenticated or not user.is_active:
        return Q(visibility=Visibility.PUBLIC)
    if sees_every_profile(user):
        return Q()
    return Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS]) | Q(user=user)


def can_see(user, profile) -> bool:
    """The rule of `visibility_filter`, for one profile already loaded."""
    if profile.visibility == Visibility.PUBLIC:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if profile.user_id == user.pk or sees_every_profile(user):
        return True
    return profile.visibility == Visibility.MEMBERS


def can_create_profile(user) -> bool:
    """Only verified members (those whose email is confirmed) keep a CV in the bank."""
    return bool(user.is_authenticated and user.is_active and user.has_role(roles.MEMBER))


def is_owner(user, profile) -> bool:
    return user.is_authenticated and profile.user_id == user.pk


def can_download_cv_file(user, profile) -> bool:
    if not profile.cv_file or not can_see(user, profile):
        return False
    return profile.cv_downloadable or is_owner(user, profile) or sees_every_profile(user)


def can_contact(user, profile) -> bool:
    return user.is_authenticated and not is_owner(user, profile) and can_see(user, profile)


def can_validate(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(VALIDATE_PROFILES))


def search_tokens(profile) -> list[str]:
    """Access tokens of the profile's search document (the search app's vocabulary)."""
    return [str(profile.visibility), f"user:{profile.user_id}"]
