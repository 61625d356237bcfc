"""The permission matrix: every role × every visibility × every endpoint that can show a workspace.

A role either may *know* a workspace (its name and summary: VIEW) or may
*read* it (description, wiki, documents, members, activity: READ):

- public: everyone knows it and reads it;
- members-only content: everyone knows it, only its members (and staff) read it;
- secret: only its members (and staff) know it exists.

The Discussion is a forum owned by the workspace: it is content like the
wiki (READ), so anyone reads a public workspace's discussion, anonymous
visitors included (posting there is for its members: see test_discussion.py).

Each endpoint is checked for its own marker text: present when allowed,
absent (and no error page other than 403/404) when denied.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from portal.models import Theme
from projects.models import Role, Verb
from projects.permissions import Action, can
from projects.services.discussion import ensure_forum
from tests.forums.factories import TopicFactory
from tests.portal.factories import UserFactory

from .factories import (
    ActivityEntryFactory,
    DocumentFactory,
    MembershipFactory,
    WikiPageFactory,
    WorkspaceFactory,
)

VIEW, READ = "view", "read"
ROLES = ["anonymous", "outsider", "observer", "member", "coordinator", "staff"]
VISIBILITIES = ["public", "members", "secret"]


def may(role: str, visibility: str, level: str) -> bool:
    if role in {"observer", "member", "coordinator", "staff"}:
        return True
    if level == VIEW:
        return visibility != "secret"
    return visibility == "public"


@dataclass
class World:
    workspace: object
    page: object
    document: object
    topic: object
    users: dict

    def url(self, name, **kwargs):
        with translation.override("en"):
            return reverse(name, kwargs={"slug": self.workspace.slug, **kwargs})


NAME = "Chantier NAMEMARK"
SUMMARY = "Résumé SUMMARYMARK"
DESCRIPTION = "Description DESCRIPTIONMARK"
PAGE_TITLE = "Plan PAGETITLEMARK"
PAGE_BODY = "Le texte WIKIBODYMARK de la page."
DOCUMENT_TITLE = "Rapport DOCTITLEMARK"
MEMBER_NAME = "Awa MEMBERNAMEMARK"
ACTIVITY = "Activité ACTIVITYMARK"
TOPIC_TITLE = "Sujet TOPICMARK"
POST_BODY = "Message POSTBODYMARK"


@pytest.fixture
def world(db, request):
    visibility = request.param
    theme = Theme.objects.get(slug_en="health-financing")
    workspace = WorkspaceFactory(
        name=NAME,
        summary=SUMMARY,
        description=DESCRIPTION,
        visibility=visibility,
        themes=[theme],
    )
    page = WikiPageFactory(workspace=workspace, title=PAGE_TITLE, body="Première version.")
    revision = page.revisions.create(number=2, title=PAGE_TITLE, body=PAGE_BODY)
    page.current_revision = revision
    page.save()
    document = DocumentFactory(workspace=workspace, title=DOCUMENT_TITLE)
    users = {
        "anonymous": None,
        "outsider": UserFactory(),
        "staff": UserFactory(role="Staff"),
    }
    for role in (Role.OBSERVER, Role.MEMBER, Role.COORDINATOR):
        users[str(role)] = MembershipFactory(workspace=workspace, role=role).user
    MembershipFactory(workspace=workspace, user=UserFactory(display_name=MEMBER_NAME))
    ActivityEntryFactory(
        workspace=workspace, actor=users["member"], verb=Verb.CREATED_PAGE, target=ACTIVITY
    )
    topic = TopicFactory(
        forum=ensure_forum(workspace), title=TOPIC_TITLE, author=users["member"], body=POST_BODY
    )
    return World(workspace, page, document, topic, users)


@pytest.fixture
def portal_pages(site_pages):
    """The portal's pages, the English home listing workspaces and workspace activity."""
    home = site_pages["en"]
    home.body = [
        ("latest", {"heading": "Latest", "source": "workspace_activity", "count": 5}),
        ("latest", {"heading": "Spaces", "source": "workspaces", "count": 5}),
    ]
    home.save()
    return site_pages


# endpoint -> (level, url builder, marker)
ENDPOINTS = {
    "directory": (VIEW, lambda w: "/en/projects/", NAME),
    "directory_search": (VIEW, lambda w: "/en/projects/?q=Chantier", NAME),
    "directory_theme_filter": (VIEW, lambda w: "/en/projects/?theme=health-financing", NAME),
    "overview_summary": (VIEW, lambda w: w.url("projects:overview"), SUMMARY),
    "overview_description": (READ, lambda w: w.url("projects:overview"), DESCRIPTION),
    "overview_activity": (READ, lambda w: w.url("projects:overview"), ACTIVITY),
    "wiki_index": (READ, lambda w: w.url("projects:wiki"), PAGE_TITLE),
    "wiki_page": (READ, lambda w: w.url("projects:wiki_page", page_slug=w.page.slug), PAGE_BODY),
    "wiki_history": (
        READ,
        lambda w: w.url("projects:wiki_history", page_slug=w.page.slug),
        PAGE_TITLE,
    ),
    "wiki_revision": (
        READ,
        lambda w: w.url("projects:wiki_revision", page_slug=w.page.slug, number=2),
        PAGE_BODY,
    ),
    "wiki_diff": (
        READ,
        lambda w: w.url("projects:wiki_diff", page_slug=w.page.slug) + "?from=1&to=2",
        "WIKIBODYMARK",
    ),
    "documents": (READ, lambda w: w.url("projects:documents"), DOCUMENT_TITLE),
    "document": (READ, lambda w: w.url("projects:document", pk=w.document.pk), DOCUMENT_TITLE),
    "download": (
        READ,
        lambda w: w.url("projects:download", pk=w.document.pk, number=1),
        "%PDF-1.4",
    ),
    "members": (READ, lambda w: w.url("projects:members"), MEMBER_NAME),
    "workspace_feed": (READ, lambda w: w.url("projects:feed"), "ACTIVITYMARK"),
    "activity_feed": (READ, lambda w: "/en/projects/feed/", "ACTIVITYMARK"),
    # Search, its facet counts, autocomplete and the API: queried with words that aren't markers.
    "search_workspace": (VIEW, lambda w: "/en/search/?q=Chantier", "NAMEMARK"),
    "search_wiki": (READ, lambda w: "/en/search/?q=texte", "PAGETITLEMARK"),
    "search_document": (READ, lambda w: "/en/search/?q=Rapport", "DOCTITLEMARK"),
    "search_discussion": (READ, lambda w: "/en/search/?q=Sujet", "TOPICMARK"),
    "search_wiki_facet_count": (READ, lambda w: "/en/search/?q=texte", "Workspace wiki page"),
    "autocomplete_workspace": (VIEW, lambda w: "/en/search/autocomplete/?q=Chant", "NAMEMARK"),
    "autocomplete_wiki": (READ, lambda w: "/en/search/autocomplete/?q=Pla", "PAGETITLEMARK"),
    "autocomplete_document": (READ, lambda w: "/en/search/autocomplete/?q=Rapp", "DOCTITLEMARK"),
    "api_search_wiki": (READ, lambda w: "/api/v1/search?q=texte", "PAGETITLEMARK"),
    "api_search_workspace": (VIEW, lambda w: "/api/v1/search?q=Chantier", "NAMEMARK"),
    "api_workspace_list": (VIEW, lambda w: "/api/v1/workspaces/", "NAMEMARK"),
    "api_workspace": (VIEW, lambda w: f"/api/v1/workspaces/{w.workspace.slug}/", "SUMMARYMARK"),
    "api_workspace_description": (
        READ,
        lambda w: f"/api/v1/workspaces/{w.workspace.slug}/",
        "DESCRIPTIONMARK",
    ),
    "api_workspace_wiki_pages": (
        READ,
        lambda w: f"/api/v1/workspaces/{w.workspace.slug}/",
        "PAGETITLEMARK",
    ),
    "discussion_tab": (READ, lambda w: w.url("projects:discussion"), TOPIC_TITLE),
    "forum_page": (READ, lambda w: w.topic.forum.get_absolute_url(), TOPIC_TITLE),
    "forum_topic": (READ, lambda w: w.topic.get_absolute_url(), "POSTBODYMARK"),
}
# Endpoints served by the portal's pages (they need the page tree).
PAGE_ENDPOINTS = {
    "home_activity": (READ, lambda w: "/en/", "ACTIVITYMARK"),
    "home_workspaces": (VIEW, lambda w: "/en/", NAME),
    "theme_page_workspaces": (VIEW, lambda w: "/en/themes/health-financing/", NAME),
    "theme_page_activity": (READ, lambda w: "/en/themes/health-financing/", "ACTIVITYMARK"),
}


def _content(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("latin-1")
    return response.content.decode()


def check_endpoint(client, world, role, endpoint):
    level, url_for, marker = endpoint
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    visibility = world.workspace.visibility

    response = client.get(url_for(world))
    content = _content(response)

    if may(role, visibility, level):
        assert response.status_code == 200, (role, visibility, endpoint)
        assert marker in content, (role, visibility, endpoint)
    else:
        assert response.status_code in {200, 403, 404}, (role, visibility, endpoint)
        assert marker not in content, (role, visibility, endpoint)
    if not may(role, visibility, VIEW):
        assert "NAMEMARK" not in content, (role, visibility, endpoint)
        assert "SUMMARYMARK" not in content, (role, visibility, endpoint)


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
@pytest.mark.parametrize("world", VISIBILITIES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role, endpoint):
    check_endpoint(client, world, role, ENDPOINTS[endpoint])


@pytest.mark.parametrize("endpoint", list(PAGE_ENDPOINTS))
@pytest.mark.parametrize("world", VISIBILITIES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_on_portal_pages(client, portal_pages, world, role, endpoint):
    check_endpoint(client, world, role, PAGE_ENDPOINTS[endpoint])


@pytest.mark.parametrize("world", VISIBILITIES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_sitemap_lists_only_what_anonymous_visitors_may_see(client, world, role):
    """The sitemap is for crawlers: whoever fetches it, it never names private content."""
    if world.users[role] is not None:
        client.force_login(world.users[role])
    content = client.get("/sitemap.xml").content.decode()

    visibility = world.workspace.visibility
    assert (f"/en/projects/{world.workspace.slug}/" in content) == (visibility != "secret")
    assert (f"/wiki/{world.page.slug}/" in content) == (visibility == "public")


@pytest.mark.parametrize("world", VISIBILITIES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_can_answers_the_same_as_the_querysets(world, role):
    """`can()` for one workspace and `visible_to`/`readable_by` for lists never disagree."""
    user = world.users[role] or AnonymousUser()
    workspace = world.workspace
    model = type(workspace)

    assert (
        can(user, Action.VIEW, workspace)
        == model.objects.visible_to(user).filter(pk=workspace.pk).exists()
    )
    assert (
        can(user, Action.READ, workspace)
        == model.objects.readable_by(user).filter(pk=workspace.pk).exists()
    )
    assert can(user, Action.VIEW, workspace) == may(role, workspace.visibility, VIEW)
    assert can(user, Action.READ, workspace) == may(role, workspace.visibility, READ)


CONTRIBUTORS = {"member", "coordinator"}
MANAGERS = {"coordinator", "staff"}


@pytest.mark.parametrize("world", VISIBILITIES, indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_only_members_and_coordinators_contribute_and_only_coordinators_and_staff_manage(
    world, role
):
    user = world.users[role] or AnonymousUser()

    assert can(user, Action.CONTRIBUTE, world.workspace) == (role in CONTRIBUTORS)
    assert can(user, Action.MANAGE, world.workspace) == (role in MANAGERS)
