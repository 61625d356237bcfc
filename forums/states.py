"""Publication states shared by topics and posts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    # Waiting for a moderator (pre-moderated forums, first posts of new members).
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    # Hidden by a moderator, with a reason in the moderation log; moderators still see it.
    HIDDEN = "hidden", _("Hidden by a moderator")
    # Deleted by its author: kept for the moderation log, shown to nobody.
    DELETED = "deleted", _("Deleted by its author")
