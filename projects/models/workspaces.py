"""Workspaces: the collaborative spaces themselves."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.models import Country, Theme
from portal.models.accounts import SPOKEN_LANGUAGES
from portal.validators import validate_avatar


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone reads everything")
    MEMBERS = "members", _("Members-only content: anyone sees the summary, members the rest")
    SECRET = "secret", _("Secret: only members know it exists")


# Short names for badges and the directory (the choices' labels explain each one).
VISIBILITY_BADGES = {
    Visibility.PUBLIC: _("Public"),
    Visibility.MEMBERS: _("Members-only content"),
    Visibility.SECRET: _("Secret"),
}


class MembershipPolicy(models.TextChoices):
    OPEN = "open", _("Open: any verified member joins")
    ON_REQUEST = "on_request", _("On request: coordinators approve")
    INVITATION = "invitation", _("Invitation only")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class WorkspaceQuerySet(models.QuerySet):
    """Who may see what is decided in projects.permissions; these only delegate to it."""

    def visible_to(self, user):
        """Workspaces whose existence (name, summary) the user may know."""
        from projects.permissions import visible_workspaces

        return visible_workspaces(self, user)

    def readable_by(self, user):
        """Workspaces whose content (wiki, documents, discussion, activity) the user may read."""
        from projects.permissions import readable_workspaces

        return readable_workspaces(self, user)


class Workspace(models.Model):
    """A collaborative space around a project: members, wiki, documents and discussion.

    Community data, not an editorial page: coordinators edit it through the
    portal's own views, staff through a Wagtail admin viewset.
    """

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("web address"), max_length=80, unique=True, allow_unicode=False)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in the directory, to everyone."),
    )
    description = models.TextField(
        _("description"),
        max_length=20_000,
        blank=True,
        help_text=_("Markdown is allowed. Hidden from non-members unless the space is public."),
    )
    themes = models.ManyToManyField(
        Theme, related_name="workspaces", blank=True, verbose_name=_("themes")
    )
    countries = models.ManyToManyField(
        Country, related_name="workspaces", blank=True, verbose_name=_("countries")
    )
    languages = models.JSONField(
        _("working languages"),
        default=list,
        blank=True,
        help_text=_("Used to suggest experts who speak them."),
    )
    cover_image = models.ImageField(
        _("cover image"),
        upload_to="workspaces/covers/",
        blank=True,
        # Same rules as avatars: a real, reasonably sized raster image.
        validators=[validate_avatar],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    membership_policy = models.CharField(
        _("membership policy"),
        max_length=12,
        choices=MembershipPolicy.choices,
        default=MembershipPolicy.ON_REQUEST,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="created_workspaces",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("projects:overview", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def visibility_badge(self) -> str:
        return VISIBILITY_BADGES[self.visibility]

    @property
    def is_archived(self) -> bool:
        return self.status == Status.ARCHIVED

    # The forums' owner hook (forums.owners.ForumOwner): the Discussion tab's forum.

    @classmethod
    def forum_reader_owner_ids(cls, user):
        """Workspaces whose forum `user` may read: those whose content they read."""
        from projects.permissions import discussion_reader_ids

        return discussion_reader_ids(user)

    @classmethod
    def forum_poster_owner_ids(cls, user):
        """Workspaces whose forum `user` may post to: members and coordinators (and staff)."""
        from projects.permissions import discussion_poster_ids

        return discussion_poster_ids(user)

    def forum_posting_refusal(self, user) -> str:
        from projects.permissions import discussion_posting_refusal

        return discussion_posting_refusal(user, self)

    def forum_access_tokens(self) -> frozenset[str]:
        from projects.permissions import discussion_tokens

        return discussion_tokens(self)

    def language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]


class Milestone(models.Model):
    """An upcoming event or deadline that coordinators put on the overview."""

    workspace = models.ForeignKey(
        Workspace, related_name="milestones", on_delete=models.CASCADE, verbose_name=_("workspace")
    )
    title = models.CharField(_("title"), max_length=150)
    date = models.DateField(_("date"))
    description = models.CharField(_("details"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title
