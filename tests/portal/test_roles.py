"""Roles are Django groups created by a data migration and given their permissions after migrate."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from portal.models import ContentPage
from tests.portal.factories import ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_migrations_create_the_portal_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Member",
        "Editor",
        "Moderator",
        "Staff",
    }


def test_wagtail_default_groups_are_removed():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.parametrize("role", ["Editor", "Moderator", "Staff"])
def test_admin_roles_may_access_the_wagtail_admin(role):
    user = UserFactory(role=role)
    assert user.has_perm("wagtailadmin.access_admin")


def test_member_may_not_access_the_wagtail_admin(member):
    assert not member.has_perm("wagtailadmin.access_admin")


def test_editors_hold_publish_permission_on_the_page_tree_root():
    root = Page.get_first_root_node()
    codenames = set(
        GroupPagePermission.objects.filter(group__name="Editor", page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_editor_can_publish_a_content_page(site_pages):
    editor = UserFactory(role="Editor")
    page = ContentPageFactory(parent=site_pages["fr"], live=False)
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert site_pages["fr"].permissions_for_user(editor).can_add_subpage()


def test_member_cannot_edit_pages(site_pages, member):
    page = ContentPageFactory(parent=site_pages["fr"])
    assert not page.permissions_for_user(member).can_edit()
    assert not page.permissions_for_user(member).can_publish()


def test_editor_publishes_a_page_through_the_admin(client, site_pages):
    editor = UserFactory(role="Editor")
    page = ContentPageFactory(parent=site_pages["fr"], live=False, title="Brouillon")
    client.force_login(editor)
    # Admin access needs TOTP; this test is about page permissions, so give the editor one.
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    revision = page.save_revision(user=editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Publiée",
            "slug": page.slug,
            "intro": "",
            "body-count": "0",
            "themes": [],
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.get(pk=page.pk)
    assert page.live
    assert page.title == "Publiée"
    assert page.latest_revision != revision
