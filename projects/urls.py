"""URLs of the workspaces, under /<language>/projects/."""

from django.urls import include, path

from . import feeds
from .views import discussion, documents, membership, wiki, workspaces

app_name = "projects"

workspace_patterns = [
    path("", workspaces.overview, name="overview"),
    path("settings/", workspaces.edit, name="edit"),
    path("notifications/", workspaces.notifications, name="notifications"),
    path("milestones/", workspaces.add_milestone, name="add_milestone"),
    path("milestones/<int:pk>/delete/", workspaces.delete_milestone, name="delete_milestone"),
    path("feed/", feeds.workspace_activity_feed, name="feed"),
    # Membership
    path("join/", membership.join, name="join"),
    path("request/", membership.request_to_join, name="request"),
    path("leave/", membership.leave, name="leave"),
    path("members/", membership.members, name="members"),
    path("members/<int:user_id>/role/", membership.change_role, name="change_role"),
    path("members/<int:user_id>/remove/", membership.remove, name="remove_member"),
    path("requests/", membership.requests, name="requests"),
    path("requests/<int:pk>/decide/", membership.decide, name="decide"),
    path("invite/", membership.invite, name="invite"),
    path("invite/experts/<int:profile_id>/", membership.invite_expert, name="invite_expert"),
    # Wiki
    path("wiki/", wiki.index, name="wiki"),
    path("wiki/new/", wiki.create, name="wiki_create"),
    path("wiki/<slug:page_slug>/", wiki.page, name="wiki_page"),
    path("wiki/<slug:page_slug>/edit/", wiki.edit, name="wiki_edit"),
    path("wiki/<slug:page_slug>/history/", wiki.history, name="wiki_history"),
    path("wiki/<slug:page_slug>/diff/", wiki.diff, name="wiki_diff"),
    path("wiki/<slug:page_slug>/revisions/<int:number>/", wiki.revision, name="wiki_revision"),
    path(
        "wiki/<slug:page_slug>/revisions/<int:number>/restore/",
        wiki.restore,
        name="wiki_restore",
    ),
    path("discussion/", discussion.discussion, name="discussion"),
    # Documents
    path("documents/", documents.index, name="documents"),
    path("documents/new/", documents.upload, name="document_upload"),
    path("documents/<int:pk>/", documents.detail, name="document"),
    path("documents/<int:pk>/publish/", documents.publish, name="document_publish"),
    path(
        "documents/<int:pk>/versions/<int:number>/download/",
        documents.download,
        name="download",
    ),
]

urlpatterns = [
    path("", workspaces.directory, name="directory"),
    path("new/", workspaces.create, name="create"),
    path("feed/", feeds.activity_feed, name="activity_feed"),
    path("invitations/<str:token>/", membership.invitation, name="invitation"),
    path("<slug:slug>/", include(workspace_patterns)),
]
