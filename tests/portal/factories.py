"""Factories for the portal's models (users, taxonomy, pages)."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal import roles
from portal.models import ContentPage, HomePage, Region, Theme, ThemePage, User


class UserFactory(factory.django.DjangoModelFactory):
    """A verified member (email confirmed, in the Member group)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Faker("name")
    organisation = "Mutuelle de santé de Thiès"
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        self.groups.add(Group.objects.get(name=roles.MEMBER))

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug_fr = factory.Sequence(lambda n: f"theme-fr-{n}")
    slug_en = factory.Sequence(lambda n: f"theme-en-{n}")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name_fr = factory.Sequence(lambda n: f"Région {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page de contenu."


class ThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemePage

    title = factory.LazyAttribute(lambda page: page.theme.name_fr)
    theme = factory.SubFactory(ThemeFactory)
