"""Factories for workspaces and what they hold."""

import factory
from django.core.files.base import ContentFile

from projects.models import (
    ActivityEntry,
    Document,
    DocumentVersion,
    Invitation,
    JoinRequest,
    Membership,
    Milestone,
    Role,
    Verb,
    WikiPage,
    WikiRevision,
    Workspace,
)
from tests.portal.factories import UserFactory

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Espace de travail {n}")
    slug = factory.Sequence(lambda n: f"espace-{n}")
    summary = "Un espace pour travailler ensemble."
    description = "Une description réservée aux membres."
    languages = ["fr"]

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    workspace = factory.SubFactory(WorkspaceFactory, membership_policy="on_request")
    user = factory.SubFactory(UserFactory)
    message = "Je gère une mutuelle et j'utilise MAS Gestion."


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    workspace = factory.SubFactory(WorkspaceFactory, membership_policy="invitation")
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    nonce = factory.Sequence(lambda n: f"nonce{n:027d}")
    invited_by = factory.SubFactory(UserFactory)


class WikiPageFactory(factory.django.DjangoModelFactory):
    """A wiki page with one revision holding `body`."""

    class Meta:
        model = WikiPage
        skip_postgeneration_save = True

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    @factory.post_generation
    def body(self, create, extracted, **kwargs):
        if not create:
            return
        revision = WikiRevision.objects.create(
            page=self, number=1, title=self.title, body=extracted or "Texte de la page."
        )
        self.current_revision = revision
        self.save()


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document with one version: a small real PDF."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Document {n}")

    @factory.post_generation
    def version(self, create, extracted, **kwargs):
        if not create:
            return
        version = DocumentVersion(
            document=self,
            number=1,
            filename="rapport.pdf",
            size=len(PDF_BYTES),
            content_type="application/pdf",
        )
        version.file.save("rapport.pdf", ContentFile(PDF_BYTES), save=False)
        version.save()
        self.current_version = version
        self.save()


class ActivityEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityEntry

    workspace = factory.SubFactory(WorkspaceFactory)
    actor = factory.SubFactory(UserFactory)
    verb = Verb.CREATED_PAGE
    target = "Une page"
    path = "wiki/"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    workspace = factory.SubFactory(WorkspaceFactory)
    title = "Atelier de validation"
    date = factory.Faker("future_date")
