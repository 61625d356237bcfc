"""Publishing someone else's resource needs a recorded permission or an open licence."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from library.models import ResourcePage
from library.rights import RightsNotCleared

from .factories import ResourcePageFactory


@pytest.fixture
def editor_client(client, editor):
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)
    return client


def resource_form(publish: bool, **rights) -> dict:
    data = {
        "title": "Étude de la Mutualité",
        "slug": "etude-mutualite",
        "summary": "Une étude publiée par un partenaire.",
        "resource_type": "study",
        "publication_year": "2008",
        "authors": inline_formset([]),
        "files": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "rights_holder": "Mutualité Française",
        **rights,
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def add_url(parent) -> str:
    return f"/admin/pages/add/library/resourcepage/{parent.pk}/"


def test_editor_cannot_publish_someone_elses_resource_without_recorded_basis(
    editor_client, fr_library
):
    response = editor_client.post(add_url(fr_library), resource_form(publish=True))
    assert response.status_code == 200
    [message] = response.context["form"].errors["rights_basis"]
    assert "Mutualité Française" in message
    assert not ResourcePage.objects.filter(live=True).exists()


def test_editor_can_save_a_draft_before_rights_are_cleared(editor_client, fr_library):
    response = editor_client.post(add_url(fr_library), resource_form(publish=False))
    assert response.status_code == 302
    assert (
        ResourcePage.objects.get(slug="etude-mutualite", locale__language_code="fr").live is False
    )


def test_permission_needs_who_granted_it_and_when(editor_client, fr_library):
    response = editor_client.post(
        add_url(fr_library), resource_form(publish=True, rights_basis="permission")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"permission_granted_by", "permission_date"}


def test_open_licence_needs_its_name(editor_client, fr_library):
    response = editor_client.post(
        add_url(fr_library), resource_form(publish=True, rights_basis="open-licence")
    )
    assert "licence" in response.context["form"].errors


def test_editor_publishes_once_the_permission_is_recorded(editor_client, fr_library):
    response = editor_client.post(
        add_url(fr_library),
        resource_form(
            publish=True,
            rights_basis="permission",
            permission_granted_by="Direction de la Mutualité Française",
            permission_date="2024-03-01",
        ),
    )
    assert response.status_code == 302
    assert ResourcePage.objects.get(slug="etude-mutualite", locale__language_code="fr").live is True


def test_editor_publishes_an_openly_licensed_resource(editor_client, fr_library):
    response = editor_client.post(
        add_url(fr_library),
        resource_form(publish=True, rights_basis="open-licence", licence="CC BY 4.0"),
    )
    assert response.status_code == 302
    assert ResourcePage.objects.get(slug="etude-mutualite", locale__language_code="fr").live is True


def test_editing_a_draft_and_pressing_publish_is_refused_with_the_message(
    editor_client, fr_library
):
    draft = ResourcePageFactory(
        parent=fr_library, live=False, rights_basis="", slug="etude-mutualite"
    )
    response = editor_client.post(
        f"/admin/pages/{draft.pk}/edit/", resource_form(publish=True, rights_basis="")
    )
    assert response.status_code == 200
    assert "rights_basis" in response.context["form"].errors
    draft.refresh_from_db()
    assert draft.live is False


def test_publishing_outside_the_admin_is_refused_too(fr_library):
    draft = ResourcePageFactory(parent=fr_library, live=False, rights_basis="")
    with pytest.raises(RightsNotCleared):
        draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.live is False


def test_submitting_for_moderation_is_refused_like_publishing(editor_client, fr_library):
    data = resource_form(publish=False)
    data["action-submit"] = "action-submit"
    response = editor_client.post(add_url(fr_library), data)
    assert response.status_code == 200
    assert "rights_basis" in response.context["form"].errors


def bulk_publish(client, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return client.post(
        f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/pages/",
        {"include_descendants": ""},
        follow=True,
    )


def test_bulk_publishing_an_uncleared_resource_publishes_nothing_and_says_why(
    editor_client, fr_library
):
    cleared = ResourcePageFactory(parent=fr_library, live=False, rights_basis="own")
    uncleared = ResourcePageFactory(
        parent=fr_library, live=False, rights_basis="", title="Étude sans droits"
    )
    cleared.save_revision()
    uncleared.save_revision()
    response = bulk_publish(editor_client, cleared, uncleared)
    assert response.status_code == 200
    [message] = [str(message) for message in response.context["messages"]]
    assert "Étude sans droits" in message
    cleared.refresh_from_db()
    uncleared.refresh_from_db()
    assert not cleared.live and not uncleared.live


def test_bulk_publishing_cleared_resources_goes_through(editor_client, fr_library):
    cleared = ResourcePageFactory(parent=fr_library, live=False, rights_basis="own")
    cleared.save_revision()
    assert bulk_publish(editor_client, cleared).status_code == 200
    cleared.refresh_from_db()
    assert cleared.live
