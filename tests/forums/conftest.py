"""Fixtures of the forum tests."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from forums.owners import register_owner, unregister_owner
from tests.portal.factories import UserFactory

from .factories import ForumFactory, TopicFactory
from .owners import TestWorkspace, TestWorkspaceMembership


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, plus the tables and content type of the stand-in workspace owner.

    The content type is created here, committed, so that tests never need to
    clear Django's content type cache (which other tests' fixtures rely on).
    """
    with django_db_blocker.unblock():
        with connection.schema_editor() as editor:
            editor.create_model(TestWorkspace)
            editor.create_model(TestWorkspaceMembership)
        ContentType.objects.get_for_model(TestWorkspace)


@pytest.fixture(autouse=True)
def fresh_rate_limits_and_language():
    """Rate limits count in the cache: each test starts with none used. URLs are reversed
    in French (the default language) whatever page an earlier test requested."""
    cache.clear()
    translation.activate("en")
    yield
    cache.clear()


@pytest.fixture
def workspace_owner():
    """Register the stand-in workspace as a forum owner for one test."""
    register_owner(TestWorkspace)
    yield TestWorkspace
    unregister_owner(TestWorkspace)


@pytest.fixture
def workspace(db, workspace_owner):
    return TestWorkspace.objects.create(name="Projet MSS Bénin")


def add_to_workspace(workspace, user):
    TestWorkspaceMembership.objects.create(workspace=workspace, user_id=user.pk)


@pytest.fixture
def workspace_forum(workspace):
    return ForumFactory(
        owner_content_type=ContentType.objects.get_for_model(TestWorkspace),
        owner_object_id=workspace.pk,
        slug="mss-benin",
        name_fr="Forum privé MSS Bénin",
    )


@pytest.fixture
def forum(db):
    return ForumFactory(slug="legislation", name_fr="Législation", name_en="Legislation")


@pytest.fixture
def topic(forum):
    return TopicFactory(forum=forum, title="Regulating microinsurance in UEMOA")


@pytest.fixture
def moderator(db):
    return UserFactory(role="Moderator")


@pytest.fixture
def reply_domain(settings):
    settings.FORUMS_REPLY_DOMAIN = "reply.example.org"
    return "reply.example.org"
