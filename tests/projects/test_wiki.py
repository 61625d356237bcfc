"""The wiki: pages and their tree, revisions, diffs, restores, links, conflicts and bad input."""

import pytest
from django.urls import reverse

from projects.models import Role, WikiPage
from projects.services.wiki import diff_lines, render_wiki

from .conftest import member_of
from .factories import WikiPageFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def url(name, page, **kwargs):
    return reverse(name, kwargs={"slug": page.workspace.slug, "page_slug": page.slug, **kwargs})


def edit(client, page, body, base_revision, **fields):
    return client.post(
        url("projects:wiki_edit", page),
        {"title": page.title, "body": body, "base_revision": base_revision or "", **fields},
    )


def test_member_creates_a_page(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = client.post(
        reverse("projects:wiki_create", kwargs={"slug": workspace.slug}),
        {"title": "Paramétrage de MAS Gestion", "body": "## Installer\n\nÉtapes…"},
    )

    page = WikiPage.objects.get(workspace=workspace)
    assert page.slug == "parametrage-de-mas-gestion"
    assert page.current_revision.number == 1
    assert response["Location"] == page.get_absolute_url()


@pytest.mark.parametrize("parent", ["²", "٣", "99999999999999999999999"])
def test_new_page_form_ignores_a_parent_that_is_not_a_number(client, parent):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = client.get(
        reverse("projects:wiki_create", kwargs={"slug": workspace.slug}), {"parent": parent}
    )

    assert response.status_code == 200


def test_a_page_can_never_be_called_like_the_new_page_url(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    client.post(
        reverse("projects:wiki_create", kwargs={"slug": workspace.slug}),
        {"title": "New", "body": "…"},
    )

    assert WikiPage.objects.get().slug == "new-2"


def test_observer_cannot_edit_a_page(client):
    page = WikiPageFactory(body="Texte d'origine")
    client.force_login(member_of(page.workspace, Role.OBSERVER))

    response = edit(client, page, "Vandalisme", page.current_revision_id)

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.current_revision.body == "Texte d'origine"


def test_editing_keeps_every_revision(client):
    page = WikiPageFactory(body="Version 1")
    client.force_login(member_of(page.workspace))

    edit(client, page, "Version 2", page.current_revision_id, comment="Précisions")

    page.refresh_from_db()
    assert [(r.number, r.body) for r in page.revisions.order_by("number")] == [
        (1, "Version 1"),
        (2, "Version 2"),
    ]
    assert page.current_revision.comment == "Précisions"


def test_saving_unchanged_text_adds_no_revision(client):
    page = WikiPageFactory(body="Stable")
    client.force_login(member_of(page.workspace))

    edit(client, page, "Stable", page.current_revision_id)

    assert page.revisions.count() == 1


def test_second_save_from_the_same_base_is_shown_the_conflict_instead_of_overwriting(client):
    page = WikiPageFactory(body="Ligne commune\nAncienne fin")
    base = page.current_revision_id
    first, second = member_of(page.workspace), member_of(page.workspace)
    client.force_login(first)
    edit(client, page, "Ligne commune\nFin écrite par la première", base)
    client.force_login(second)

    response = edit(client, page, "Ligne commune\nFin écrite par le second", base)

    content = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this page while you were editing" in content
    assert "Fin écrite par la première" in content  # their lines, in the diff
    assert "Fin écrite par le second" in content  # the editor's own text is kept
    page.refresh_from_db()
    assert page.current_revision.body == "Ligne commune\nFin écrite par la première"


def test_after_seeing_the_conflict_the_editor_can_save_knowingly(client):
    page = WikiPageFactory(body="A")
    base = page.current_revision_id
    client.force_login(member_of(page.workspace))
    edit(client, page, "B", base)
    page.refresh_from_db()

    response = edit(client, page, "C", page.current_revision_id)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_revision.body == "C"


def test_conflict_form_is_rebased_on_the_current_revision(client):
    page = WikiPageFactory(body="A")
    base = page.current_revision_id
    client.force_login(member_of(page.workspace))
    edit(client, page, "B", base)
    page.refresh_from_db()

    response = edit(client, page, "C", base)

    assert f'name="base_revision" value="{page.current_revision_id}"' in response.content.decode()


def test_a_page_cannot_be_its_own_parent(client):
    page = WikiPageFactory()
    client.force_login(member_of(page.workspace))

    response = edit(client, page, "Texte", page.current_revision_id, parent=page.pk)

    assert response.status_code == 400
    assert "can&#x27;t be placed under itself" in response.content.decode()
    page.refresh_from_db()
    assert page.parent is None


def test_a_page_cannot_move_under_its_own_descendant(client):
    top = WikiPageFactory()
    child = WikiPageFactory(workspace=top.workspace, parent=top)
    grandchild = WikiPageFactory(workspace=top.workspace, parent=child)
    client.force_login(member_of(top.workspace))

    response = edit(client, top, "Texte", top.current_revision_id, parent=grandchild.pk)

    assert response.status_code == 400
    top.refresh_from_db()
    assert top.parent is None


def test_a_parent_from_another_workspace_is_refused(client):
    page = WikiPageFactory()
    elsewhere = WikiPageFactory()
    client.force_login(member_of(page.workspace))

    response = edit(client, page, "Texte", page.current_revision_id, parent=elsewhere.pk)

    assert response.status_code == 400
    page.refresh_from_db()
    assert page.parent is None


def test_a_two_megabyte_page_is_refused_with_a_clear_message(client):
    page = WikiPageFactory(body="Court")
    client.force_login(member_of(page.workspace))

    response = edit(client, page, "x" * (2 * 1024 * 1024), page.current_revision_id)

    assert response.status_code == 400
    assert "This page is too long" in response.content.decode()
    assert page.revisions.count() == 1


def test_history_lists_revisions_newest_first(client):
    page = WikiPageFactory(body="Un")
    client.force_login(member_of(page.workspace))
    edit(client, page, "Deux", page.current_revision_id, comment="Deuxième jet")

    content = client.get(url("projects:wiki_history", page)).content.decode()

    assert content.index("Deuxième jet") < content.index(">1</a>")


def test_diff_between_two_revisions_shows_removed_and_added_lines(client):
    page = WikiPageFactory(body="Cotisation: 500 FCFA\nPrestations")
    client.force_login(member_of(page.workspace))
    edit(client, page, "Cotisation: 700 FCFA\nPrestations", page.current_revision_id)

    response = client.get(url("projects:wiki_diff", page) + "?from=1&to=2")

    content = response.content.decode()
    assert (
        '<del><span class="visually-hidden">Removed: </span>Cotisation: 500 FCFA</del>' in content
    )
    assert '<ins><span class="visually-hidden">Added: </span>Cotisation: 700 FCFA</ins>' in content


def test_diff_escapes_markup_written_in_a_page(client):
    page = WikiPageFactory(body="Avant")
    client.force_login(member_of(page.workspace))
    edit(client, page, "<script>alert(1)</script>", page.current_revision_id)

    content = client.get(url("projects:wiki_diff", page) + "?from=1&to=2").content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_diff_with_unknown_revisions_is_not_found(client):
    page = WikiPageFactory()
    client.force_login(member_of(page.workspace))

    assert client.get(url("projects:wiki_diff", page) + "?from=1&to=9").status_code == 404
    assert client.get(url("projects:wiki_diff", page) + "?from=x&to=1").status_code == 404


@pytest.mark.parametrize(
    "numbers", ["?from=²&to=1", "?from=1&to=٢", "?from=1&to=1234567890123456789012"]
)
def test_diff_between_revision_numbers_that_are_not_numbers_is_not_found(client, numbers):
    page = WikiPageFactory()
    client.force_login(member_of(page.workspace))

    assert client.get(url("projects:wiki_diff", page) + numbers).status_code == 404


def test_restoring_an_old_revision_makes_it_current_as_a_new_revision(client):
    page = WikiPageFactory(body="Bonne version")
    client.force_login(member_of(page.workspace))
    edit(client, page, "Mauvaise version", page.current_revision_id)

    client.post(url("projects:wiki_restore", page, number=1))

    page.refresh_from_db()
    assert page.current_revision.number == 3
    assert page.current_revision.body == "Bonne version"
    assert page.revisions.count() == 3


def test_observer_cannot_restore(client):
    page = WikiPageFactory(body="Un")
    page.revisions.create(number=2, title=page.title, body="Deux")
    client.force_login(member_of(page.workspace, Role.OBSERVER))

    response = client.post(url("projects:wiki_restore", page, number=2))

    assert response.status_code == 403
    assert page.revisions.count() == 2


def test_page_text_goes_through_the_portal_sanitizer(client):
    page = WikiPageFactory(body='<img src=x onerror="alert(1)"> **gras**')
    client.force_login(member_of(page.workspace))

    content = client.get(page.get_absolute_url()).content.decode()

    assert "onerror" not in content
    assert "<strong>gras</strong>" in content


def test_double_bracket_links_point_to_pages_of_the_same_workspace():
    workspace = WorkspaceFactory(slug="mas")

    html = render_wiki(
        "Voir [[Guide d'installation]] et [[Indicateurs|les onze indicateurs]].", workspace
    )

    assert '<a href="/en/projects/mas/wiki/guide-dinstallation/"' in html
    assert ">les onze indicateurs</a>" in html


def test_link_to_a_missing_page_offers_to_create_it(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = client.get(
        reverse("projects:wiki_page", kwargs={"slug": workspace.slug, "page_slug": "a-ecrire"})
    )

    assert response.status_code == 404
    assert "Create it" in response.content.decode()


def test_page_tree_nests_sub_pages(client):
    top = WikiPageFactory(title="Guide")
    WikiPageFactory(workspace=top.workspace, parent=top, title="Installation")
    client.force_login(member_of(top.workspace))

    content = client.get(reverse("projects:wiki", kwargs={"slug": top.workspace.slug})).content
    tree = content.decode().split('class="page-tree"', 1)[1]

    assert tree.index("Guide") < tree.index('class="page-tree"') < tree.index("Installation")


def test_wiki_index_costs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    workspace = WorkspaceFactory()
    for _ in range(15):
        WikiPageFactory(workspace=workspace)
    client.force_login(member_of(workspace))

    with django_assert_max_num_queries(20):
        response = client.get(reverse("projects:wiki", kwargs={"slug": workspace.slug}))

    assert response.status_code == 200


def test_diff_lines_keep_context_and_mark_gaps():
    old = "\n".join(f"ligne {n}" for n in range(20))
    new = old.replace("ligne 2", "ligne deux").replace("ligne 17", "ligne dix-sept")

    lines = diff_lines(old, new, context=1)

    kinds = [line.kind for line in lines]
    assert kinds.count("gap") == 1
    assert ("removed", "ligne 2") in [(line.kind, line.text) for line in lines]
    assert ("added", "ligne dix-sept") in [(line.kind, line.text) for line in lines]
