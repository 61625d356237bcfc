"""Forum topics and posts in the unified search, readable by those who can read the forum.

A topic's document holds its title and opening post; each published reply is a
document of its own, pointing at its permalink. Open forums are `public`;
an owned forum's documents carry its owner's token (`workspace:42`), so only
the owner's readers find them. Pending, hidden and deleted content, and
anything in a hidden topic, is never indexed.
"""

import re

from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.sanitizer import plain_text
from search import registry
from search.documents import PUBLIC, SearchDocument
from search.indexing import schedule_update

from .models import Forum, Post, Topic
from .owners import owner_model_for
from .states import State

FRENCH_WORDS = frozenset(
    {"le", "la", "les", "des", "une", "est", "et", "dans", "pour", "que", "qui", "sur",
     "pas", "avec", "sont", "mais", "aux", "du", "au", "ce", "cette"}
)  # fmt: skip
ENGLISH_WORDS = frozenset(
    {"the", "and", "is", "are", "of", "to", "in", "for", "that", "with", "on", "not",
     "this", "be", "by", "it", "as", "was", "have", "from"}
)  # fmt: skip
# Saving these fields changes what the documents say or who may read them.
INDEXED_TOPIC_FIELDS = {"title", "slug", "state", "forum"}
INDEXED_FORUM_FIELDS = {"owner_content_type", "owner_object_id", "slug", "name_fr", "name_en"}


def guess_language(text: str) -> str:
    """French or English, by their most common words (members write in either)."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    french = sum(word in FRENCH_WORDS for word in words)
    english = sum(word in ENGLISH_WORDS for word in words)
    return "en" if english > french else "fr"


def forum_tokens(forum: Forum) -> frozenset[str]:
    """Who may find the forum's content: everyone, or the owner's readers (none if unknown)."""
    if forum.owner_content_type_id is None:
        return frozenset({PUBLIC})
    model = owner_model_for(forum.owner_content_type_id)
    owner = model.objects.filter(pk=forum.owner_object_id).first() if model else None
    return owner.forum_access_tokens() if owner else frozenset()


def _document(source, obj, *, forum, title, body, url_of, date) -> SearchDocument | None:
    tokens = forum_tokens(forum)
    if not tokens:
        return None
    language = guess_language(f"{title} {body}")
    with translation.override(language):
        url = url_of()
    return SearchDocument(
        source=source.key,
        object_id=obj.pk,
        title=title,
        url=url,
        language=language,
        tokens=tokens,
        body=body,
        date=date,
        themes=tuple(theme.pk for theme in forum.themes.all()),
    )


def _changed(update_fields, watched: set[str]) -> bool:
    return update_fields is None or bool(watched & set(update_fields))


class TopicSource(registry.SearchSource):
    key = "forum_topics"
    label = _("Forum topic")
    model = Topic

    def queryset(self):
        return (
            Topic.objects.filter(state=State.PUBLISHED)
            .select_related("forum")
            .prefetch_related("forum__themes")
            .order_by("pk")
        )

    def to_document(self, topic: Topic) -> SearchDocument | None:
        opening = topic.posts.filter(is_opening=True, state=State.PUBLISHED).first()
        return _document(
            self, topic, forum=topic.forum, title=topic.title,
            body=plain_text(opening.body) if opening else "",
            url_of=topic.get_absolute_url, date=topic.created_at,
        )  # fmt: skip

    def connect(self) -> None:
        post_save.connect(self._topic_saved, sender=Topic, weak=False)
        post_delete.connect(self._on_change, sender=Topic, weak=False)
        post_save.connect(self._post_saved, sender=Post, weak=False)
        post_save.connect(self._forum_saved, sender=Forum, weak=False)

    def _topic_saved(self, sender, instance, raw=False, update_fields=None, **kwargs):
        if not raw and _changed(update_fields, INDEXED_TOPIC_FIELDS):
            schedule_update(self.key, [instance.pk])

    def _post_saved(self, sender, instance, raw=False, **kwargs):
        if not raw and instance.is_opening:
            schedule_update(self.key, [instance.topic_id])

    def _forum_saved(self, sender, instance, raw=False, update_fields=None, **kwargs):
        if not raw and _changed(update_fields, INDEXED_FORUM_FIELDS):
            schedule_update(self.key, instance.topics.values_list("pk", flat=True))


class ReplySource(registry.SearchSource):
    key = "forum_posts"
    label = _("Forum reply")
    model = Post

    def queryset(self):
        return (
            Post.objects.filter(
                state=State.PUBLISHED, topic__state=State.PUBLISHED, is_opening=False
            )
            .select_related("topic__forum")
            .prefetch_related("topic__forum__themes")
            .order_by("pk")
        )

    def to_document(self, post: Post) -> SearchDocument | None:
        topic = post.topic
        return _document(
            self, post, forum=topic.forum, title=topic.title, body=plain_text(post.body),
            url_of=post.get_absolute_url, date=post.created_at,
        )  # fmt: skip

    def connect(self) -> None:
        post_save.connect(self._on_change, sender=Post, weak=False)
        post_delete.connect(self._on_change, sender=Post, weak=False)
        post_save.connect(self._topic_saved, sender=Topic, weak=False)
        post_save.connect(self._forum_saved, sender=Forum, weak=False)

    def _topic_saved(self, sender, instance, raw=False, update_fields=None, **kwargs):
        if not raw and _changed(update_fields, INDEXED_TOPIC_FIELDS):
            schedule_update(self.key, instance.posts.values_list("pk", flat=True))

    def _forum_saved(self, sender, instance, raw=False, update_fields=None, **kwargs):
        if not raw and _changed(update_fields, INDEXED_FORUM_FIELDS):
            posts = Post.objects.filter(topic__forum=instance).values_list("pk", flat=True)
            schedule_update(self.key, posts)


registry.register(TopicSource())
registry.register(ReplySource())
