"""Factories for forum data; they write rows directly (services are tested on their own)."""

import factory
from django.utils import timezone

from forums.models import Forum, Post, Subscription, Topic
from forums.services import refresh_counters
from forums.states import State
from tests.portal.factories import UserFactory


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum
        skip_postgeneration_save = True

    name_fr = factory.Sequence(lambda n: f"Forum {n}")
    name_en = factory.Sequence(lambda n: f"Forum {n} (en)")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    description_fr = "Un groupe de discussion."
    description_en = "A discussion group."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic with its opening post (pass `body` to choose the text, `posts` for replies)."""

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Topic {n}")
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def body(self, create, extracted, **kwargs):
        if not create:
            return
        Post.objects.create(
            topic=self,
            author=self.author,
            body=extracted or "The opening post.",
            state=self.state,
            is_opening=True,
            created_at=self.created_at,
        )
        refresh_counters(self)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Reply number {n}.")
    state = State.PUBLISHED
    created_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def counted(self, create, extracted, **kwargs):
        if create:
            refresh_counters(self.topic)


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
