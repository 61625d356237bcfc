"""The workspace wiki: a tree of Markdown pages, each with its full revision history."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .workspaces import Workspace


class WikiPageQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(workspace__in=Workspace.objects.readable_by(user))


class WikiPage(models.Model):
    """A page of a workspace's wiki; its text lives in its revisions.

    The slug is fixed at creation so that links between pages and activity
    entries keep working when the title changes.
    """

    workspace = models.ForeignKey(
        Workspace, related_name="wiki_pages", on_delete=models.CASCADE, verbose_name=_("workspace")
    )
    parent = models.ForeignKey(
        "self",
        related_name="children",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("parent page"),
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("web address"), max_length=160)
    current_revision = models.ForeignKey(
        "WikiRevision",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WikiPageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slug"], name="unique_wiki_slug")
        ]
        verbose_name = _("wiki page")
        verbose_name_plural = _("wiki pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "projects:wiki_page", kwargs={"slug": self.workspace.slug, "page_slug": self.slug}
        )

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent.workspace_id != self.workspace_id:
            raise ValidationError(
                {"parent": _("The parent page must belong to the same workspace.")}
            )
        if self.is_ancestor_of(self.parent):
            raise ValidationError(
                {"parent": _("A page can't be placed under itself or one of its own sub-pages.")}
            )

    def is_ancestor_of(self, other: "WikiPage") -> bool:
        """True if `other` is this page or lies below it (walks up from `other`)."""
        if self.pk is None:
            return False
        seen = set()
        node = other
        while node is not None and node.pk not in seen:
            if node.pk == self.pk:
                return True
            seen.add(node.pk)
            node = node.parent
        return False


class WikiRevision(models.Model):
    """The full text of a page as one member saved it (never changed afterwards)."""

    page = models.ForeignKey(
        WikiPage, related_name="revisions", on_delete=models.CASCADE, verbose_name=_("page")
    )
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), blank=True)
    comment = models.CharField(_("summary of changes"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="wiki_revisions",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("author"),
    )
    restored_from = models.ForeignKey(
        "self", related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["page", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="unique_revision_number")
        ]
        verbose_name = _("wiki revision")
        verbose_name_plural = _("wiki revisions")

    def __str__(self):
        return f"{self.page} #{self.number}"
