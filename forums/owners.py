"""Objects that can own a forum (a project workspace…) and decide who reads and who posts.

A forum without owner is open to everyone. A forum with an owner is visible
only to the people its owner names, and only those it names as posters may
write there (readers are not always posters: a workspace's observers read its
discussion, an archived workspace's discussion takes no new posts). The owning
app registers its model with `register_owner(Model)` (in its AppConfig.ready)
and the model implements the `ForumOwner` protocol. Forums whose owner type is
not registered are visible to nobody but superusers: access fails closed.
"""

from typing import Protocol

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _


class ForumOwner(Protocol):
    pk: int

    @classmethod
    def forum_reader_owner_ids(cls, user) -> QuerySet:
        """Primary keys of the owners whose forums `user` may read (anonymous visitors too)."""

    @classmethod
    def forum_poster_owner_ids(cls, user) -> QuerySet:
        """Primary keys of the owners whose forums `user` (authenticated, verified) may post to.

        Only ever asked about forums the user may read: a poster is always a reader.
        """

    def forum_posting_refusal(self, user) -> str:
        """Why `user`, a reader but not a poster, may not post here (translated, for the page)."""

    def forum_access_tokens(self) -> frozenset[str]:
        """The search access tokens of this owner's readers (e.g. {"workspace:42", "group:4"})."""


_owner_models: dict[str, type] = {}


def register_owner(model: type) -> None:
    _owner_models[model._meta.label_lower] = model


def unregister_owner(model: type) -> None:
    _owner_models.pop(model._meta.label_lower, None)


def readable_forums_q(user) -> Q:
    """The condition on Forum rows that `user` may read: open forums and their owners' forums.

    Owners are asked about anonymous visitors too: a public workspace's discussion is open.
    """
    condition = Q(owner_content_type__isnull=True)
    if user is None:
        return condition
    for model in _owner_models.values():
        # get_for_model is cached by Django after the first call: no query per request.
        content_type = ContentType.objects.get_for_model(model)
        condition |= Q(
            owner_content_type=content_type,
            owner_object_id__in=model.forum_reader_owner_ids(user),
        )
    return condition


def owner_model_for(content_type_id: int) -> type | None:
    for model in _owner_models.values():
        if ContentType.objects.get_for_model(model).pk == content_type_id:
            return model
    return None


def owner_posting_refusal(user, forum) -> str | None:
    """Why the forum's owner does not let `user` (authenticated) post there, or None.

    Open forums have no owner to ask. An owner type that is not registered
    lets nobody but superusers post (as it lets nobody else read): fails closed.
    """
    if forum.owner_content_type_id is None:
        return None
    model = owner_model_for(forum.owner_content_type_id)
    if model is None:
        return None if user.is_superuser else _("This forum is closed to new posts.")
    owners = model.objects.filter(pk=forum.owner_object_id)
    if owners.filter(pk__in=model.forum_poster_owner_ids(user)).exists():
        return None
    owner = owners.first()
    if owner is None:
        return _("This forum is closed to new posts.")
    return owner.forum_posting_refusal(user)
