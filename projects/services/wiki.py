"""Writing the wiki: pages, revisions, restores, diffs, links between pages.

Saves are optimistic: the edit form carries the revision it started from,
and a save whose base is no longer the page's current revision raises
EditConflict instead of overwriting someone else's work.
"""

import difflib
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.sanitizer import render_markdown
from projects.models import Verb, WikiPage, WikiRevision, Workspace

from .activity import record
from .membership import unique_slug


class EditConflict(Exception):
    """Someone saved the page after the editor opened it."""

    def __init__(self, current: WikiRevision | None):
        super().__init__("wiki edit conflict")
        self.current = current


def _page_path(page: WikiPage) -> str:
    return f"wiki/{page.slug}/"


def _add_revision(page: WikiPage, author, title: str, body: str, comment: str, **extra):
    last = page.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = WikiRevision.objects.create(
        page=page,
        number=last + 1,
        title=title,
        body=body,
        comment=comment,
        author=author,
        **extra,
    )
    page.title = title
    page.current_revision = revision
    page.save()
    return revision


@transaction.atomic
def create_page(
    workspace: Workspace, author, *, title: str, body: str, parent=None, comment: str = ""
) -> WikiPage:
    page = WikiPage(
        workspace=workspace,
        parent=parent,
        title=title,
        slug=unique_slug(WikiPage, title, max_length=160, workspace=workspace),
    )
    page.clean()
    page.save()
    _add_revision(page, author, title, body, comment)
    record(workspace, author, Verb.CREATED_PAGE, title, _page_path(page))
    return page


@transaction.atomic
def save_page(
    page: WikiPage,
    author,
    *,
    title: str,
    body: str,
    parent=None,
    comment: str = "",
    base_revision_id: int | None,
) -> WikiRevision | None:
    """Save a new revision, unless another one was saved since `base_revision_id`.

    Returns the new revision, or None when nothing changed.
    """
    locked = WikiPage.objects.select_for_update().get(pk=page.pk)
    if locked.current_revision_id != base_revision_id:
        raise EditConflict(locked.current_revision)
    current = locked.current_revision
    unchanged = (
        current is not None
        and current.title == title
        and current.body == body
        and locked.parent_id == (parent.pk if parent else None)
    )
    if unchanged:
        return None
    locked.parent = parent
    locked.clean()
    revision = _add_revision(locked, author, title, body, comment)
    record(locked.workspace, author, Verb.EDITED_PAGE, title, _page_path(locked))
    return revision


@transaction.atomic
def restore_revision(page: WikiPage, revision: WikiRevision, author) -> WikiRevision:
    """Make an old revision's text current again, as a new revision (history is never lost)."""
    locked = WikiPage.objects.select_for_update().get(pk=page.pk)
    restored = _add_revision(
        locked,
        author,
        revision.title,
        revision.body,
        _("Restored revision %(number)s") % {"number": revision.number},
        restored_from=revision,
    )
    record(locked.workspace, author, Verb.EDITED_PAGE, revision.title, _page_path(locked))
    return restored


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed" or "gap" (unchanged lines left out)
    text: str
    old_number: int | None = None
    new_number: int | None = None


def diff_lines(old: str, new: str, context: int = 3) -> list[DiffLine]:
    """A line diff of two texts, as data: the template escapes it like any other text."""
    before, after = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    lines: list[DiffLine] = []
    for index, group in enumerate(matcher.get_grouped_opcodes(context)):
        if index:
            lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(
                    DiffLine("same", before[i], i + 1, j1 + offset + 1)
                    for offset, i in enumerate(range(i1, i2))
                )
                continue
            lines.extend(DiffLine("removed", before[i], old_number=i + 1) for i in range(i1, i2))
            lines.extend(DiffLine("added", after[j], new_number=j + 1) for j in range(j1, j2))
    return lines


# [[Title]] or [[Title|label]] links to the page of that title in the same workspace.
WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]{1,150})(?:\|([^\[\]\n]{1,150}))?\]\]")


def wiki_url(workspace: Workspace, title: str) -> str:
    return reverse(
        "projects:wiki_page",
        kwargs={"slug": workspace.slug, "page_slug": slugify(title) or "page"},
    )


def render_wiki(body: str, workspace: Workspace) -> SafeString:
    """Wiki Markdown to HTML: page links become Markdown links, then the portal's sanitizer."""

    def to_markdown_link(match: re.Match) -> str:
        title = match.group(1).strip()
        label = (match.group(2) or title).strip()
        return f"[{label}]({wiki_url(workspace, title)})"

    return render_markdown(WIKI_LINK.sub(to_markdown_link, body or ""))
