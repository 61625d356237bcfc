"""Atom feeds of workspace activity, filtered for whoever fetches them.

Feed readers usually fetch anonymously, so in practice they get public
workspaces only; a logged-in browser gets what its user may read.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import ActivityEntry
from .permissions import Action
from .views.common import load_workspace, private

FEED_LENGTH = 30


class ActivityFeed(Feed):
    """What happened lately in every workspace the reader may read."""

    feed_type = Atom1Feed
    title = _("Activity in the workspaces")
    subtitle = _("New pages, documents, posts and members in the portal's workspaces.")

    def get_object(self, request, *args, **kwargs):
        return {"user": request.user, "workspace": None}

    def link(self, obj):
        return reverse("projects:directory")

    def entries(self, obj):
        return ActivityEntry.objects.visible_to(obj["user"])

    def items(self, obj):
        return self.entries(obj).select_related("actor", "workspace")[:FEED_LENGTH]

    def item_title(self, item):
        actor = item.actor.public_name if item.actor else _("someone")
        return f"{item.workspace.name}: {actor} {item.get_verb_display()} {item.target}".strip()

    def item_description(self, item):
        return item.workspace.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at


class WorkspaceActivityFeed(ActivityFeed):
    """One workspace's activity, for those who may read it."""

    def get_object(self, request, slug):
        return {"user": request.user, "workspace": load_workspace(request, slug, Action.READ)}

    def title(self, obj):
        return obj["workspace"].name

    def subtitle(self, obj):
        return obj["workspace"].summary

    def link(self, obj):
        return obj["workspace"].get_absolute_url()

    def entries(self, obj):
        return super().entries(obj).filter(workspace=obj["workspace"])


activity_feed = private(ActivityFeed())
workspace_activity_feed = private(WorkspaceActivityFeed())
