"""A search source for Wagtail pages, shared by every app whose content is pages.

Subclass `PageSource`, set `key`, `label` and `model`, and register it. Live
pages are indexed; publishing re-indexes, unpublishing and deleting remove.
Who may read a page follows its (and its ancestors') privacy settings, so
changing them, moving a page or changing a slug re-indexes the subtree.
"""

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import registry
from .documents import MEMBERS, PUBLIC, STAFF, SearchDocument, group_token


class PageSource(registry.SearchSource):
    """Live pages of `model`, with the text of their declared Wagtail search fields."""

    model: type[Page]

    def queryset(self):
        related = [
            name for name in ("themes", "countries", "regions") if _has_field(self.model, name)
        ]
        return (
            self.model.objects.live()
            .select_related("locale")
            .prefetch_related(*related)
            .order_by("pk")
        )

    def to_document(self, page) -> SearchDocument | None:
        url = page.get_url()
        if not url:
            return None
        return SearchDocument(
            source=self.key,
            object_id=page.pk,
            title=page.title,
            url=url,
            language=page.locale.language_code,
            tokens=self.tokens(page),
            body=self.body(page),
            date=self.date(page),
            themes=tuple(self.themes(page)),
            countries=tuple(_related_values(page, "countries", "code")),
            regions=tuple(_related_values(page, "regions", "slug")),
        )

    def date(self, page):
        """When the page first went live; sources with a publication date override it."""
        return page.first_published_at

    def themes(self, page) -> list[int]:
        """Ids of the page's themes (its `themes` many-to-many field, when it has one)."""
        return _related_values(page, "themes", "pk")

    def body(self, page) -> str:
        """The page's Wagtail SearchFields other than its title, as plain text."""
        parts = []
        for search_field in page.search_fields:
            if (
                not isinstance(search_field, index.SearchField)
                or search_field.field_name == "title"
            ):
                continue
            parts.extend(_searchable_text(page, search_field.field_name))
        return "\n".join(part for part in parts if part)

    def tokens(self, page) -> frozenset[str]:
        """Public unless the page or an ancestor is private; the strictest restriction wins."""
        restrictions = page.get_view_restrictions()
        if not restrictions:
            return frozenset({PUBLIC})
        kinds = {restriction.restriction_type for restriction in restrictions}
        if PageViewRestriction.PASSWORD in kinds:
            return frozenset({STAFF})
        if PageViewRestriction.GROUPS in kinds:
            group_sets = [
                {group.pk for group in restriction.groups.all()}
                for restriction in restrictions
                if restriction.restriction_type == PageViewRestriction.GROUPS
            ]
            allowed = set.intersection(*group_sets)
            return frozenset({STAFF, *(group_token(pk) for pk in allowed)})
        return frozenset({MEMBERS})

    def connect(self) -> None:
        page_published.connect(self._on_change, sender=self.model, weak=False)
        page_unpublished.connect(self._on_change, sender=self.model, weak=False)
        post_delete.connect(self._on_change, sender=self.model, weak=False)
        _connect_subtree_signals()

    def update_subtree(self, page: Page) -> None:
        from .indexing import schedule_update

        ids = self.model.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
        schedule_update(self.key, ids)


def _has_field(model: type[Model], name: str) -> bool:
    return any(model_field.name == name for model_field in model._meta.get_fields())


def _related_values(page, name: str, attribute: str) -> list:
    if not _has_field(type(page), name):
        return []
    return [getattr(item, attribute) for item in getattr(page, name).all()]


def _searchable_text(page, field_name: str) -> list[str]:
    value = getattr(page, field_name, None)
    if value is None:
        return []
    if callable(value):
        return [str(value())]
    try:
        model_field = page._meta.get_field(field_name)
    except Exception:  # noqa: BLE001 - a search field may name a property
        return [str(value)]
    if hasattr(model_field, "get_searchable_content"):
        return [str(text) for text in model_field.get_searchable_content(value)]
    return [str(value)]


def _update_page_subtree(page: Page) -> None:
    for source in registry.sources():
        if isinstance(source, PageSource):
            source.update_subtree(page)


def _restriction_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or (kwargs.get("action") and not kwargs["action"].startswith("post_")):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _update_page_subtree(page)


def _page_moved(sender, instance, **kwargs) -> None:
    _update_page_subtree(instance)


def _connect_subtree_signals() -> None:
    """Once for all page sources: privacy changes, moves and slug changes."""
    uid = "search.pages.subtree"
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
    m2m_changed.connect(
        _restriction_changed, sender=PageViewRestriction.groups.through, dispatch_uid=uid
    )
    post_page_move.connect(_page_moved, dispatch_uid=uid)
    page_slug_changed.connect(_page_moved, dispatch_uid=uid)
