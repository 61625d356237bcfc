"""Workspace models, one module per concept; re-exported here for Django."""

from .activity import ActivityEntry, Verb
from .documents import Document, DocumentVersion
from .membership import Invitation, JoinRequest, Membership, NotificationFrequency, Role
from .wiki import WikiPage, WikiRevision
from .workspaces import MembershipPolicy, Milestone, Status, Visibility, Workspace

__all__ = [
    "ActivityEntry",
    "Document",
    "DocumentVersion",
    "Invitation",
    "JoinRequest",
    "MembershipPolicy",
    "Membership",
    "Milestone",
    "NotificationFrequency",
    "Role",
    "Status",
    "Verb",
    "Visibility",
    "WikiPage",
    "WikiRevision",
    "Workspace",
]
