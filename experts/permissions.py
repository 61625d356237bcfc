"""Who sees, edits, contacts and validates experts: the one place that says it.

Every path that shows a profile (bank, profile page, PDF, CV file, content
providers, search documents) goes through `ExpertProfile.objects.visible_to`
or the predicates below, which apply the same rule to one profile.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal import roles
from search.documents import MEMBERS, PUBLIC, group_token, user_token
from search.permissions import tokens_for


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


def is_verified_member(user) -> bool:
    """ "Members only" means what the search index's `members` token means, so that
    the bank and the search never disagree (verified members and the portal's roles)."""
    return MEMBERS in tokens_for(user)


def visibility_filter(user) -> Q:
    """The condition a profile must meet for `user` to see it."""
    if not user.is_authenticated or not user.is_active:
        return Q(visibility=Visibility.PUBLIC)
    if sees_every_profile(user):
        return Q()
    if not is_verified_member(user):
        return Q(visibility=Visibility.PUBLIC) | Q(user=user)
    return Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS]) | Q(user=user)


def can_see(user, profile) -> bool:
    """The rule of `visibility_filter`, for one profile already loaded."""
    if profile.visibility == Visibility.PUBLIC:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if profile.user_id == user.pk or sees_every_profile(user):
        return True
    return profile.visibility == Visibility.MEMBERS and is_verified_member(user)


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


def search_tokens(profile) -> frozenset[str]:
    """Who may find the profile in the unified search, in the search app's token vocabulary.

    The search app's "staff" token is also held by editors and moderators,
    who don't see staff-only profiles here: those carry the Staff role's
    group token instead. The owner always finds their own profile.
    """
    owner = user_token(profile.user_id)
    if profile.visibility == Visibility.PUBLIC:
        return frozenset({PUBLIC, owner})
    if profile.visibility == Visibility.MEMBERS:
        return frozenset({MEMBERS, owner})
    staff_group = Group.objects.filter(name=roles.STAFF).values_list("pk", flat=True).first()
    return frozenset({owner, *([group_token(staff_group)] if staff_group else [])})
