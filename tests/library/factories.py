"""Factories for the library's pages, files and documents."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from library.models import LibraryIndexPage, ResourceFile, ResourcePage, ResourceType
from library.rights import RightsBasis

from . import files


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LibraryIndexPage

    title = "Bibliothèque"
    slug = "library"


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A live, public resource whose rights are cleared (our own publication)."""

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ressource {n}")
    summary = "Un guide pratique pour les mutuelles de santé."
    resource_type = ResourceType.GUIDE
    publication_year = 2010
    rights_holder = "BIT/STEP"
    rights_basis = RightsBasis.OWN_PUBLICATION
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)
            self.save()

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)
            self.save()

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)
            self.save()


class DocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document holding a real small PDF (pass `file__data` for other content)."""

    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: ContentFile(files.pdf_bytes(), name="guide.pdf"))


def make_document(data: bytes, name: str, title: str = "Document") -> Document:
    document = Document(title=title, file=ContentFile(data, name=name))
    document._set_document_file_metadata()
    document.save()
    return document


class ResourceFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceFile

    resource = factory.SubFactory(ResourcePageFactory)
    document = factory.LazyFunction(lambda: make_document(files.pdf_bytes(), "guide.pdf"))
    label = "Version française"
