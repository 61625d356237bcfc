"""Read-only JSON API of the workspaces: /api/v1/workspaces/ (list) and one workspace.

Answers for whoever calls (anonymous partner sites get public and
members-only workspaces' summaries; the description and wiki page titles
only where the caller may read them), through projects.permissions.
"""

from datetime import datetime

from django.http import Http404
from django.utils import translation
from ninja import Field, Query, Router, Schema

from .models import Workspace
from .permissions import Action, can

router = Router(tags=["workspaces"])
PAGE_SIZE = 50


class WorkspaceSummaryOut(Schema):
    slug: str
    name: str
    summary: str
    url: str
    visibility: str
    membership_policy: str
    status: str
    themes: list[str]
    countries: list[str]
    created_at: datetime


class WikiPageOut(Schema):
    title: str
    url: str
    updated_at: datetime


class WorkspaceOut(WorkspaceSummaryOut):
    description: str | None
    wiki_pages: list[WikiPageOut] | None


class WorkspaceListOut(Schema):
    count: int
    results: list[WorkspaceSummaryOut]


class ListQuery(Schema):
    lang: str = Field("fr", description="Language of the URLs and theme names: fr or en.")
    status: str | None = Field(None, description="active or archived.")


def _summary(request, workspace: Workspace) -> dict:
    return {
        "slug": workspace.slug,
        "name": workspace.name,
        "summary": workspace.summary,
        "url": request.build_absolute_uri(workspace.get_absolute_url()),
        "visibility": workspace.visibility,
        "membership_policy": workspace.membership_policy,
        "status": workspace.status,
        "themes": [theme.slug for theme in workspace.themes.all()],
        "countries": [country.code for country in workspace.countries.all()],
        "created_at": workspace.created_at,
    }


def _language(lang: str) -> str:
    return lang if lang in {"fr", "en"} else "fr"


@router.get("/", response=WorkspaceListOut, url_name="workspaces")
def list_workspaces(request, query: Query[ListQuery]):
    """Workspaces the caller may know of, newest first (at most 50)."""
    workspaces = Workspace.objects.visible_to(request.user).prefetch_related("themes", "countries")
    if query.status:
        workspaces = workspaces.filter(status=query.status)
    with translation.override(_language(query.lang)):
        return {
            "count": workspaces.count(),
            "results": [
                _summary(request, workspace)
                for workspace in workspaces.order_by("-created_at")[:PAGE_SIZE]
            ],
        }


@router.get("/{slug}/", response=WorkspaceOut, url_name="workspace")
def get_workspace(request, slug: str, lang: str = "fr"):
    workspace = (
        Workspace.objects.visible_to(request.user)
        .prefetch_related("themes", "countries")
        .filter(slug=slug)
        .first()
    )
    if workspace is None:
        raise Http404
    readable = can(request.user, Action.READ, workspace)
    with translation.override(_language(lang)):
        pages = workspace.wiki_pages.order_by("title") if readable else []
        return {
            **_summary(request, workspace),
            "description": workspace.description if readable else None,
            "wiki_pages": [
                {
                    "title": page.title,
                    "url": request.build_absolute_uri(page.get_absolute_url()),
                    "updated_at": page.updated_at,
                }
                for page in pages
            ]
            if readable
            else None,
        }
