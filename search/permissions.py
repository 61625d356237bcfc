"""Which access tokens a reader holds: the one place search decides who sees what.

Documents carry the tokens that may read them; a query keeps the documents
sharing at least one token with the reader. Filtering on a handful of tokens
instead of lists of object ids keeps queries the same size whatever the
number of private objects.
"""

from allauth.account.models import EmailAddress

from portal import roles

from . import registry
from .documents import MEMBERS, PUBLIC, STAFF, group_token, user_token

STAFF_ROLES = {roles.EDITOR, roles.MODERATOR, roles.STAFF}


def tokens_for(user) -> frozenset[str]:
    """Anonymous: public. Verified member: + members, user:<id>, group:<id>. Staff: + staff.

    Apps add theirs through `registry.register_token_provider`. Cached on
    the user object for the rest of the request.
    """
    if user is None or not user.is_authenticated:
        return frozenset({PUBLIC})
    cached = getattr(user, "_search_tokens", None)
    if cached is not None:
        return cached
    groups = list(user.groups.values_list("pk", "name"))
    group_names = {name for _pk, name in groups}
    tokens = {PUBLIC, user_token(user.pk), *(group_token(pk) for pk, _name in groups)}
    is_staff = user.is_superuser or bool(group_names & STAFF_ROLES)
    if is_staff or roles.MEMBER in group_names or _has_verified_email(user):
        tokens.add(MEMBERS)
    if is_staff:
        tokens.add(STAFF)
    for provider in registry.token_providers():
        tokens.update(provider(user))
    user._search_tokens = frozenset(tokens)
    return user._search_tokens


def _has_verified_email(user) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()
