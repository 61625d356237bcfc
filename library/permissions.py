"""Who sees what in the library — the one place that says it.

Resources: `ResourcePage.objects.visible_to(user)` (live, no view
restriction) is the rule; the helpers below apply it to files and documents.
"""

from django.db.models import Q
from wagtail.models import Locale

from .models import ResourceFile, ResourcePage


def visible_resources(user, locale: Locale | None = None):
    """Resources `user` may see, in the reader's language when a locale is given."""
    resources = ResourcePage.objects.visible_to(user)
    if locale is not None:
        resources = resources.in_reader_language(locale)
    return resources


def downloadable_files(user):
    """Files of visible resources: the only ones the download view serves."""
    return ResourceFile.objects.filter(resource__in=ResourcePage.objects.visible_to(user))


def can_manage_library(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def may_serve_document(user, document) -> bool:
    """Whether Wagtail's own /documents/ URL may serve `document` to `user`.

    Files of unpublished or restricted resources and permission letters are
    for editors only; documents the library does not use keep Wagtail's rules.
    """
    if can_manage_library(user):
        return True
    if ResourcePage.objects.filter(permission_letter=document).exists():
        return False
    attached = ResourceFile.objects.filter(document=document)
    if not attached.exists():
        return True
    return attached.filter(Q(resource__in=ResourcePage.objects.visible_to(user))).exists()
