"""Fixtures of the workspace tests: private file storage in a temporary folder, users by role."""

import pytest
from django.utils import translation

from projects.models import Role
from projects.models.documents import workspace_files_storage
from tests.portal.factories import UserFactory

from .factories import MembershipFactory


@pytest.fixture(autouse=True)
def workspace_files(tmp_path):
    """Workspace files go to a fresh folder per test (real files, nothing left behind)."""
    storage = workspace_files_storage()
    saved = storage._location
    storage._location = str(tmp_path / "workspace-files")
    storage._clear_cached_properties(setting="MEDIA_ROOT")
    yield storage
    storage._location = saved
    storage._clear_cached_properties(setting="MEDIA_ROOT")


@pytest.fixture(autouse=True)
def english():
    """URLs reversed in tests point to the English pages, whose messages the tests read."""
    with translation.override("en"):
        yield


def member_of(workspace, role=Role.MEMBER, **user_fields):
    return MembershipFactory(workspace=workspace, role=role, user=UserFactory(**user_fields)).user


@pytest.fixture
def coordinator_of():
    return lambda workspace, **fields: member_of(workspace, Role.COORDINATOR, **fields)
