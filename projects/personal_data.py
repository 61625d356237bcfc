"""A member's workspace data for the "download my data" export."""

from .models import Document, Invitation, JoinRequest, Membership, WikiRevision


def export_workspaces(user) -> dict:
    return {
        "memberships": [
            {
                "workspace": membership.workspace.name,
                "role": membership.role,
                "notifications": membership.notifications,
                "joined_at": membership.joined_at.isoformat(),
            }
            for membership in Membership.objects.filter(user=user).select_related("workspace")
        ],
        "join_requests": [
            {
                "workspace": join_request.workspace.name,
                "message": join_request.message,
                "status": join_request.status,
                "reason": join_request.reason,
                "created_at": join_request.created_at.isoformat(),
            }
            for join_request in JoinRequest.objects.filter(user=user).select_related("workspace")
        ],
        "invitations_sent": [
            {
                "workspace": invitation.workspace.name,
                "email": invitation.email,
                "created_at": invitation.created_at.isoformat(),
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related("workspace")
        ],
        "wiki_revisions": [
            {
                "workspace": revision.page.workspace.name,
                "page": revision.page.title,
                "revision": revision.number,
                "comment": revision.comment,
                "saved_at": revision.created_at.isoformat(),
            }
            for revision in WikiRevision.objects.filter(author=user).select_related(
                "page__workspace"
            )
        ],
        "documents_uploaded": [
            {
                "workspace": document.workspace.name,
                "title": document.title,
                "added_at": document.created_at.isoformat(),
            }
            for document in Document.objects.filter(created_by=user).select_related("workspace")
        ],
    }
