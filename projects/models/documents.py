"""Files shared inside a workspace, each kept in every version ever uploaded."""

import posixpath
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .workspaces import Workspace


def workspace_files_storage():
    """Files of workspaces live outside MEDIA_URL: only the permission-checked view serves them."""
    return storages["workspace_files"]


def version_upload_path(version: "DocumentVersion", filename: str) -> str:
    # A random folder per version keeps the member's file name without collisions.
    name = posixpath.basename(filename)
    return f"workspace-{version.document.workspace_id}/{uuid.uuid4().hex}/{name}"


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(workspace__in=Workspace.objects.readable_by(user))


class Document(models.Model):
    """A file the workspace works on; uploading again adds a version and keeps the old ones."""

    workspace = models.ForeignKey(
        Workspace, related_name="documents", on_delete=models.CASCADE, verbose_name=_("workspace")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    folder = models.CharField(
        _("folder"),
        max_length=100,
        blank=True,
        help_text=_("Documents with the same folder name are listed together."),
    )
    current_version = models.ForeignKey(
        "DocumentVersion",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    library_resource = models.ForeignKey(
        "library.ResourcePage",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("library resource"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="workspace_documents",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["folder", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:document", kwargs={"slug": self.workspace.slug, "pk": self.pk})


class DocumentVersion(models.Model):
    """One uploaded file of a document (never replaced: a new upload is a new version)."""

    document = models.ForeignKey(
        Document, related_name="versions", on_delete=models.CASCADE, verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(
        _("file"), upload_to=version_upload_path, storage=workspace_files_storage, max_length=255
    )
    filename = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=120)
    comment = models.CharField(_("what changed"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="workspace_document_versions",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")
        ]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")

    def __str__(self):
        return f"{self.document} v{self.number}"
