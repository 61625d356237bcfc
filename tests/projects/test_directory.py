"""The directory: filters, search, status, and what each visitor may know exists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import Theme

from .conftest import member_of
from .factories import ActivityEntryFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def directory(client, **params):
    return client.get(reverse("projects:directory"), params).content.decode()


def test_directory_filters_by_theme_country_and_status(client):
    marketing = Theme.objects.get(slug_en="social-marketing")
    WorkspaceFactory(name="Marketing au Bénin", themes=[marketing], countries=["BJ"])
    WorkspaceFactory(name="Marketing archivé", themes=[marketing], status="archived")
    WorkspaceFactory(name="Logiciels au Sénégal", countries=["SN"])

    content = directory(client, theme="social-marketing", country="BJ", status="active")

    assert "Marketing au Bénin" in content
    assert "Marketing archivé" not in content
    assert "Logiciels au Sénégal" not in content


def test_directory_theme_filter_accepts_the_french_slug(client):
    WorkspaceFactory(name="Marketing", themes=[Theme.objects.get(slug_en="social-marketing")])

    assert "Marketing" in directory(client, theme="marketing-social")


def test_directory_search_matches_name_and_summary(client):
    WorkspaceFactory(name="Utilisateurs de MAS Gestion", summary="Entraide")
    WorkspaceFactory(name="Autre espace", summary="Tableau de bord MAS Pilote")
    WorkspaceFactory(name="Sans rapport", summary="Rien")

    content = directory(client, q="MAS")

    assert "Utilisateurs de MAS Gestion" in content and "Autre espace" in content
    assert "Sans rapport" not in content


def test_unknown_filter_values_are_ignored_not_an_error(client):
    WorkspaceFactory(name="Toujours là")

    response = client.get(reverse("projects:directory"), {"theme": "nope", "page": "x"})

    assert response.status_code == 200
    assert "Toujours là" in response.content.decode()


def test_theme_counts_only_count_workspaces_the_visitor_may_know(client):
    marketing = Theme.objects.get(slug_en="social-marketing")
    WorkspaceFactory(themes=[marketing])
    WorkspaceFactory(themes=[marketing], visibility="secret")

    content = directory(client)

    assert 'Social marketing</a> <span class="muted">(1)</span>' in content


def test_member_sees_their_secret_workspace_in_the_directory(client):
    secret = WorkspaceFactory(name="Stratégie en préparation", visibility="secret")
    client.force_login(member_of(secret))

    assert "Stratégie en préparation" in directory(client)


def test_directory_costs_a_constant_number_of_queries(client):
    themes = list(Theme.objects.all()[:3])

    def add_workspaces(count):
        for _ in range(count):
            workspace = WorkspaceFactory(themes=themes, countries=["SN", "BJ"])
            member_of(workspace)
            ActivityEntryFactory(workspace=workspace)

    def queries_for_directory():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("projects:directory")).status_code == 200
        return len(queries)

    client.force_login(member_of(WorkspaceFactory()))
    add_workspaces(2)
    queries_for_directory()  # the first request after logging in also touches the session
    few = queries_for_directory()
    add_workspaces(13)

    assert queries_for_directory() == few


def test_members_tab_costs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    workspace = WorkspaceFactory()
    for _ in range(15):
        member_of(workspace)
    client.force_login(member_of(workspace))

    # 16 whatever the number of members: the expert-profile links cost one query,
    # plus one for the reader's groups (who may see members-only profiles).
    with django_assert_max_num_queries(16):
        response = client.get(reverse("projects:members", kwargs={"slug": workspace.slug}))

    assert response.status_code == 200
