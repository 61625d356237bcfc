"""Objects that can own a forum (a project workspace…) and decide who reads it.

A forum without owner is open to everyone. A forum with an owner is visible
only to the people its owner names: the owning app registers its model with
`register_owner(Model)` (in its AppConfig.ready) and the model implements the
`ForumOwner` protocol. Forums whose owner type is not registered are visible
to nobody but superusers: access fails closed.
"""

from typing import Protocol

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet


class ForumOwner(Protocol):
    pk: int

    @classmethod
    def forum_reader_owner_ids(cls, user) -> QuerySet:
        """Primary keys of the owners whose forums `user` (authenticated) may read and post to."""

    def forum_access_tokens(self) -> frozenset[str]:
        """The search access tokens of this owner's readers (e.g. {"workspace:42", "group:4"})."""


_owner_models: dict[str, type] = {}


def register_owner(model: type) -> None:
    _owner_models[model._meta.label_lower] = model


def unregister_owner(model: type) -> None:
    _owner_models.pop(model._meta.label_lower, None)


def readable_forums_q(user) -> Q:
    """The condition on Forum rows that `user` may read: open forums and their owners' forums."""
    condition = Q(owner_content_type__isnull=True)
    if user is None or not user.is_authenticated:
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
