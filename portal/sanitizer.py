"""The one way user-written text becomes HTML: Markdown, then a strict bleach allowlist.

Every app renders members' text (news, posts, bios, wiki pages) through
`render_markdown`; nothing user-written reaches a template any other way.
"""

import html
import threading
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "em", "strong", "b", "i", "del", "sup", "sub",
        "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "th": ["align"],
    "td": ["align"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# Headings in user text start at h3: h1 and h2 belong to the page around it.
_HEADING_SHIFT = {f"<h{level}": f"<h{min(level + 2, 4)}" for level in range(1, 7)}
_HEADING_SHIFT.update({f"</h{level}>": f"</h{min(level + 2, 4)}>" for level in range(1, 7)})

MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


# bleach cleaners are not thread-safe: one per thread of the web server.
_local = threading.local()


def _cleaner() -> bleach.Cleaner:
    if not hasattr(_local, "cleaner"):
        _local.cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
        )
    return _local.cleaner


def _shift_headings(markup: str) -> str:
    for old, new in _HEADING_SHIFT.items():
        markup = markup.replace(old, new)
    return markup


def render_markdown(text: str | None) -> SafeString:
    """Turn a member's Markdown into HTML that is safe to put in any page."""
    if not text:
        return mark_safe("")  # noqa: S308  (empty string)
    source = text.replace("\x00", "")
    converted = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS)
    cleaned = _cleaner().clean(_shift_headings(converted))
    return mark_safe(cleaned)  # noqa: S308  (output of the allowlist cleaner)


def plain_text(text: str | None) -> str:
    """The text of a member's Markdown with every tag removed (for snippets, emails, feeds)."""
    if not text:
        return ""
    return html.unescape(bleach.clean(render_markdown(text), tags=set(), strip=True)).strip()
