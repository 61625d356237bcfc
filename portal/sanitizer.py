"""The one way user-written text becomes HTML: Markdown, then a strict bleach allowlist.

Every app renders members' text (news, posts, bios, wiki pages) through
`render_markdown`; nothing user-written reaches a template any other way.
"""

import html
import re
import threading
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions.tables import TableExtension

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
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")

# Column alignment as the `align` attribute: a `style` one would be stripped.
MARKDOWN_EXTENSIONS = [TableExtension(use_align_attribute=True), "fenced_code", "sane_lists"]


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
    # One pass, so that a shifted h1 (now h3) is not shifted again.
    return _HEADING_TAG.sub(lambda match: f"<{match[1]}h{min(int(match[2]) + 2, 4)}", markup)


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
