"""How workspaces, their wiki pages and their documents become search documents.

Tokens come from projects.permissions, like every other answer about who
sees what: a workspace's name and summary carry the tokens of those who may
know it exists, its wiki pages and documents (and its discussion, indexed by
the forums) the tokens of those who may read it. Members hold `workspace:<id>`
through the token provider below.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Post, Topic
from forums.search import ReplySource, TopicSource
from portal.sanitizer import plain_text
from search import registry
from search.documents import SearchDocument
from search.indexing import schedule_update

from . import permissions
from .models import Document, WikiPage, Workspace


def _language(workspace: Workspace) -> str:
    return (workspace.languages or ["fr"])[0]


def _url(obj, language: str) -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def _place(workspace: Workspace) -> dict:
    return {
        "themes": tuple(theme.pk for theme in workspace.themes.all()),
        "countries": tuple(country.pk for country in workspace.countries.all()),
    }


class WorkspaceSource(registry.SearchSource):
    key = "workspaces"
    label = _("Workspace")
    model = Workspace

    def queryset(self):
        return Workspace.objects.prefetch_related("themes", "countries").order_by("pk")

    def to_document(self, workspace):
        language = _language(workspace)
        # The description is members' content unless the workspace is public.
        body = workspace.summary
        if workspace.is_public:
            body += "\n" + plain_text(workspace.description)
        return SearchDocument(
            source=self.key,
            object_id=workspace.pk,
            title=workspace.name,
            url=_url(workspace, language),
            language=language,
            tokens=permissions.summary_tokens(workspace),
            body=body,
            date=workspace.created_at,
            **_place(workspace),
        )

    def connect(self):
        super().connect()
        post_save.connect(_reindex_contents, sender=Workspace, weak=False)


class WikiPageSource(registry.SearchSource):
    key = "workspace_wiki"
    label = _("Workspace wiki page")
    model = WikiPage

    def queryset(self):
        return (
            WikiPage.objects.select_related("workspace", "current_revision")
            .prefetch_related("workspace__themes", "workspace__countries")
            .order_by("pk")
        )

    def to_document(self, page):
        workspace = page.workspace
        language = _language(workspace)
        revision = page.current_revision
        return SearchDocument(
            source=self.key,
            object_id=page.pk,
            title=page.title,
            url=_url(page, language),
            language=language,
            tokens=permissions.content_tokens(workspace),
            body=plain_text(revision.body if revision else ""),
            date=page.updated_at,
            **_place(workspace),
        )


class DocumentSource(registry.SearchSource):
    key = "workspace_documents"
    label = _("Workspace document")
    model = Document

    def queryset(self):
        return (
            Document.objects.select_related("workspace")
            .prefetch_related("workspace__themes", "workspace__countries")
            .order_by("pk")
        )

    def to_document(self, document):
        workspace = document.workspace
        language = _language(workspace)
        return SearchDocument(
            source=self.key,
            object_id=document.pk,
            title=document.title,
            url=_url(document, language),
            language=language,
            tokens=permissions.content_tokens(workspace),
            body=f"{document.folder}\n{document.description}",
            date=document.updated_at,
            **_place(workspace),
        )


def _reindex_contents(sender, instance, raw=False, **kwargs):
    """A workspace's visibility (or name) decides its pages', documents' and discussion's tokens."""
    if raw:
        return
    schedule_update(WikiPageSource.key, instance.wiki_pages.values_list("pk", flat=True))
    schedule_update(DocumentSource.key, instance.documents.values_list("pk", flat=True))
    forums = Forum.objects.filter(
        owner_content_type=ContentType.objects.get_for_model(Workspace),
        owner_object_id=instance.pk,
    )
    topics = Topic.objects.filter(forum__in=forums)
    schedule_update(TopicSource.key, topics.values_list("pk", flat=True))
    schedule_update(
        ReplySource.key, Post.objects.filter(topic__in=topics).values_list("pk", flat=True)
    )


registry.register(WorkspaceSource())
registry.register(WikiPageSource())
registry.register(DocumentSource())
registry.register_token_provider(permissions.user_tokens)
