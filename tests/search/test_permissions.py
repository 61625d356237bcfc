"""Which tokens a reader holds, and the hook through which apps add their own."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from portal import roles
from search import registry, services
from search.documents import group_token
from search.permissions import tokens_for
from tests.portal.factories import UserFactory

from .factories import SearchDocumentFactory


def test_anonymous_readers_hold_the_public_token_only():
    assert tokens_for(AnonymousUser()) == {"public"}


def test_a_verified_member_holds_members_and_their_own_token(db):
    member = UserFactory()
    group = Group.objects.get(name=roles.MEMBER)
    assert tokens_for(member) == {"public", "members", f"user:{member.pk}", group_token(group.pk)}


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR, roles.STAFF])
def test_editors_moderators_and_staff_hold_the_staff_token(db, role):
    assert "staff" in tokens_for(UserFactory(role=role))


def test_apps_can_grant_tokens_through_a_provider(search_backend, monkeypatch):
    monkeypatch.setattr(registry, "_token_providers", [])
    workspace_member = UserFactory()
    registry.register_token_provider(
        lambda user: {"workspace:42"} if user.pk == workspace_member.pk else set()
    )
    search_backend.index([SearchDocumentFactory(title="Espace projet", tokens={"workspace:42"})])
    assert services.search("projet", workspace_member, {}).count == 1
    assert services.search("projet", UserFactory(), {}).count == 0
