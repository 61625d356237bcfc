import io

import pytest

from projects import demo
from projects.models import Document, Membership, Role, WikiPage, Workspace
from projects.services.discussion import forum_of

pytestmark = pytest.mark.django_db


def test_demo_loads_four_workspaces_of_every_visibility_and_is_idempotent():
    demo.load(io.StringIO())
    counts = (Workspace.objects.count(), WikiPage.objects.count(), Document.objects.count())

    demo.load(io.StringIO())

    assert (Workspace.objects.count(), WikiPage.objects.count(), Document.objects.count()) == counts
    assert sorted(Workspace.objects.values_list("visibility", flat=True)) == [
        "members",
        "public",
        "public",
        "secret",
    ]


def test_demo_mas_workspace_is_animated_by_two_coordinators_with_a_wiki_and_versions():
    demo.load(io.StringIO())

    workspace = Workspace.objects.get(slug="utilisateurs-mas-gestion-mas-pilote")
    assert workspace.memberships.filter(role=Role.COORDINATOR).count() == 2
    assert workspace.wiki_pages.get(title="Bien démarrer").revisions.count() == 2
    assert workspace.documents.get(folder="Logiciels").versions.count() == 2
    assert Membership.objects.filter(workspace=workspace).count() >= 4
    assert forum_of(workspace).topics.get().reply_count == 2
