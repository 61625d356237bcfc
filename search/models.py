"""Storage of the database backend's index, and the queue of writes the index missed.

The full-text part lives next to these tables and is created per database
engine by migration 0002: an FTS5 virtual table on SQLite, generated
tsvector columns with GIN indexes on PostgreSQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedDocument(models.Model):
    """One search document of the database backend (see search.documents.SearchDocument)."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    source = models.CharField(_("source"), max_length=50)
    object_id = models.CharField(_("object id"), max_length=100)
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("URL"), max_length=500)
    language = models.CharField(_("language"), max_length=8)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)

    class Meta:
        verbose_name = _("indexed document")
        verbose_name_plural = _("indexed documents")
        indexes = [models.Index(fields=["-date"], name="search_document_date")]

    def __str__(self):
        return self.key


class DocumentToken(models.Model):
    """An access token that may read a document (`public`, `workspace:42`…)."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="tokens", db_index=False
    )
    token = models.CharField(_("token"), max_length=100)

    class Meta:
        verbose_name = _("document token")
        constraints = [
            models.UniqueConstraint(fields=["document", "token"], name="search_token_unique")
        ]
        indexes = [models.Index(fields=["token", "document"], name="search_token_lookup")]

    def __str__(self):
        return self.token


class DocumentFacet(models.Model):
    """One facet value of a document: type, theme, country, region, lang or year."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    facet = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("value"), max_length=100)

    class Meta:
        verbose_name = _("document facet")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "facet", "value"], name="search_facet_unique"
            )
        ]
        indexes = [models.Index(fields=["facet", "value", "document"], name="search_facet_lookup")]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PendingUpdate(models.Model):
    """An object whose document could not be written because the engine was down.

    Replayed by `search.indexing.replay_pending_updates` (after the next
    successful write, and by `rebuild_search_index --pending`). Rebuilding
    the document from the object's current state makes replay order irrelevant.
    """

    source = models.CharField(_("source"), max_length=50)
    object_id = models.CharField(_("object id"), max_length=100)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending search update")
        verbose_name_plural = _("pending search updates")
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id"], name="search_pending_unique")
        ]

    def __str__(self):
        return f"{self.source}:{self.object_id}"
