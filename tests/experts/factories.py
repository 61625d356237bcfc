"""Factories for the expert bank."""

import datetime

import factory

from experts.languages import LanguageLevel
from experts.models import (
    Education,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    Publication,
    TrainingGiven,
    WorkExperience,
)
from experts.permissions import Visibility
from portal.models import Theme
from tests.portal.factories import UserFactory


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    """A public profile; tests that are about privacy say which visibility they use."""

    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    headline = factory.Sequence(lambda n: f"Health economist {n}")
    summary = "Feasibility studies for **mutual health organisations**."
    keywords = "feasibility studies, training"
    visibility = Visibility.PUBLIC


class LanguageSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LanguageSkill

    profile = factory.SubFactory(ExpertProfileFactory)
    language = "fr"
    level = LanguageLevel.C2


class ExpertiseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expertise

    profile = factory.SubFactory(ExpertProfileFactory)
    theme = factory.LazyFunction(lambda: Theme.objects.get(slug_en="health-financing"))
    years = 10


class WorkExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkExperience

    profile = factory.SubFactory(ExpertProfileFactory)
    role = "Consultant"
    organisation = "Programme STEP"
    country_id = "SN"
    start_date = datetime.date(2015, 1, 1)
    end_date = datetime.date(2019, 6, 1)


class EducationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Education

    profile = factory.SubFactory(ExpertProfileFactory)
    degree = "Master"
    field_of_study = "Health economics"
    institution = "Université Cheikh Anta Diop"
    year = 2005


class TrainingGivenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingGiven

    profile = factory.SubFactory(ExpertProfileFactory)
    title = "MAS Gestion for mutual managers"
    year = 2012


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    profile = factory.SubFactory(ExpertProfileFactory)
    reference = "Guide to feasibility studies for mutual health organisations"
    year = 2005
