"""The activity stream of each workspace: what happened, by whom, and where to look."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .workspaces import Workspace


class Verb(models.TextChoices):
    CREATED_WORKSPACE = "created_workspace", _("created the workspace")
    JOINED = "joined", _("joined the workspace")
    CREATED_PAGE = "created_page", _("created the wiki page")
    EDITED_PAGE = "edited_page", _("edited the wiki page")
    ADDED_DOCUMENT = "added_document", _("added the document")
    ADDED_VERSION = "added_version", _("uploaded a new version of")
    POSTED = "posted", _("posted in the discussion")
    ADDED_MILESTONE = "added_milestone", _("added the milestone")


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(workspace__in=Workspace.objects.readable_by(user))


class ActivityEntry(models.Model):
    """One line of a workspace's activity stream (also what notification emails are made of).

    `path` is relative to the workspace's own URL, so that one entry links to
    the right place in every language.
    """

    workspace = models.ForeignKey(
        Workspace, related_name="activity", on_delete=models.CASCADE, verbose_name=_("workspace")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="workspace_activity",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("by"),
    )
    verb = models.CharField(_("what"), max_length=20, choices=Verb.choices)
    target = models.CharField(_("on"), max_length=200, blank=True)
    path = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # Set once the "every activity" emails went out, so a retried task sends nothing twice.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity entries")

    def __str__(self):
        return f"{self.actor} {self.get_verb_display()} {self.target}".strip()

    def get_absolute_url(self) -> str:
        return self.workspace.get_absolute_url() + self.path
