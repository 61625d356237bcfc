"""@mentions in posts.

The rule, as told to members: write `@` followed by a member's username
(`@adiallo`) or by their display name with hyphens instead of spaces
(`@Aminata-Diallo`). Letter case and accents do not matter. A display name
that several members share mentions nobody: use the username then. Mentions
inside quoted lines (starting with ">") and code are ignored, so that quoting
a post does not notify the same people again.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import slugify

# "@" not preceded by a word character (so email addresses are not mentions),
# then letters, digits and . _ - (not ending with . or -).
MENTION_PATTERN = re.compile(r"(?<![\w@])@(\w(?:[\w.-]*\w)?)")
MAX_MENTIONS = 20
FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")


def mention_handles(text: str) -> list[str]:
    """The handles mentioned in a Markdown text, in order, without duplicates."""
    handles: dict[str, str] = {}
    in_fence = False
    for line in text.splitlines():
        stripped = line.strip()
        if FENCE.match(stripped):
            in_fence = not in_fence
            continue
        if in_fence or stripped.startswith(">"):
            continue
        for handle in MENTION_PATTERN.findall(INLINE_CODE.sub("", line)):
            handles.setdefault(handle.casefold(), handle)
    return list(handles.values())[:MAX_MENTIONS]


def mentioned_members(text: str) -> list:
    """The active members a text mentions, by the rule above."""
    handles = mention_handles(text)
    if not handles:
        return []
    user_model = get_user_model()
    active = user_model.objects.filter(is_active=True)
    by_username = Q()
    for handle in handles:
        by_username |= Q(username__iexact=handle)
    found = {user.username.casefold(): user for user in active.filter(by_username)}
    members = {}
    unresolved = []
    for handle in handles:
        user = found.get(handle.casefold())
        if user is not None:
            members[user.pk] = user
        else:
            unresolved.append(handle)
    for user in _by_display_name(active, unresolved):
        members[user.pk] = user
    return list(members.values())


def _by_display_name(queryset, handles: list[str]) -> list:
    if not handles:
        return []
    wanted = {slugify(handle): handle for handle in handles}
    # Narrow down in the database with each part of the name, compare exactly in Python
    # (slugify removes accents, which the database can't do portably).
    narrow = Q()
    for handle in handles:
        for part in re.split(r"[-_.]", handle):
            if len(part) >= 2:
                narrow |= Q(display_name__icontains=part)
    if not narrow:
        return []
    matches: dict[str, list] = {}
    for user in queryset.filter(narrow).exclude(display_name=""):
        key = slugify(user.display_name)
        if key in wanted:
            matches.setdefault(key, []).append(user)
    return [users[0] for users in matches.values() if len(users) == 1]
