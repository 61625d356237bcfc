"""Publishing a workspace document to the library, as a draft resource for editors to review."""

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from library.models import LibraryIndexPage, ResourceFile, ResourcePage, ResourceType
from projects import permissions
from projects.models import Document
from projects.permissions import Action

from .membership import MembershipError


def _library_index(language: str) -> LibraryIndexPage | None:
    indexes = LibraryIndexPage.objects.select_related("locale")
    return indexes.filter(locale__language_code=language).first() or indexes.first()


def _free_slug(index: LibraryIndexPage, title: str) -> str:
    base = slugify(title)[:60] or "resource"
    slug, suffix = base, 2
    while ResourcePage.objects.child_of(index).filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@transaction.atomic
def publish_to_library(document: Document, by) -> ResourcePage:
    """Create a draft ResourcePage holding the document's current version.

    The draft is not live: editors complete its metadata and rights in the
    admin and publish it (the library refuses to publish uncleared rights).
    """
    workspace = document.workspace
    if not permissions.can(by, Action.MANAGE, workspace):
        raise MembershipError(_("Only the coordinators can publish documents to the library."))
    if document.library_resource_id is not None:
        raise MembershipError(_("This document has already been sent to the library."))
    version = document.current_version
    if version is None:
        raise MembershipError(_("This document has no file to publish."))
    language = (workspace.languages or ["fr"])[0]
    index = _library_index(language)
    if index is None:
        raise MembershipError(_("The library is not set up yet: ask an editor."))

    library_file = get_document_model()(title=document.title, uploaded_by_user=by)
    with version.file.open("rb") as handle:
        library_file.file.save(version.filename, File(handle), save=False)
    library_file.save()

    resource = ResourcePage(
        title=document.title,
        slug=_free_slug(index, document.title),
        summary=document.description or workspace.summary,
        resource_type=ResourceType.REPORT,
        publication_year=timezone.localdate().year,
        publisher=workspace.name,
        locale=index.locale,
        live=False,
    )
    index.add_child(instance=resource)
    resource.themes.set(workspace.themes.all())
    resource.countries.set(workspace.countries.all())
    resource.files = [ResourceFile(document=library_file, label=version.filename)]
    resource.save()
    resource.save_revision(user=by, log_action=True)
    document.library_resource = resource
    document.save(update_fields=["library_resource", "updated_at"])
    return resource
