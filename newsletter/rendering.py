"""One issue structure, three outputs: the web page, the PDF edition and the email edition.

`build_issue_document` turns an issue page's StreamField into plain data
(sections of items, each with its title, body, links and contributor line)
in two queries; the web, PDF and email templates all lay out that same data,
with the same item template, so the outputs cannot drift apart.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from email.utils import make_msgid
from functools import cached_property
from pathlib import Path

import css_inline
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.http import HttpResponse
from django.template.defaultfilters import date as format_date
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from portal.sanitizer import render_markdown

from .models import NewsItem, NewsletterIssuePage, referenced_ids
from .services import absolute_url
from .text import html_to_text

# Stands for each subscriber's own unsubscribe link in the pre-rendered email.
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/__SUBSCRIBER__"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class IssueItem:
    """One item of an issue, whatever its kind, as every output needs it."""

    kind: str
    title: str = ""
    html: SafeString = mark_safe("")  # noqa: S308  (empty)
    text: str = ""
    url: str = ""
    meta: str = ""
    image_url: str = ""
    links: list[Link] = field(default_factory=list)
    contributor: str = ""
    source: str = ""
    points: list[str] = field(default_factory=list)
    timeline: list[tuple[str, str]] = field(default_factory=list)
    callout_kind: str = ""
    is_section: bool = False


@dataclass
class IssueSection:
    number: int
    title: str
    intro: str
    items: list[IssueItem]
    is_section: bool = True

    @property
    def anchor(self) -> str:
        return f"section-{self.number}-{slugify(self.title)[:40]}"


@dataclass
class IssueDocument:
    page: NewsletterIssuePage
    number: int
    title: str
    date: date
    period: str
    language: str
    opening_html: SafeString
    opening_text: str
    parts: list  # IssueSection and top-level IssueItem (call-outs), in order
    web_url: str
    pdf_url: str

    @property
    def sections(self) -> list[IssueSection]:
        return [part for part in self.parts if part.is_section]


def build_issue_document(page: NewsletterIssuePage) -> IssueDocument:
    """Read the issue's structure once, with the news and resources it points at."""
    language = page.locale.language_code
    raw = list(page.body.raw_data)
    news_ids, resource_ids = referenced_ids(raw)
    news = NewsItem.objects.published().prefetch_related("links").in_bulk(news_ids)
    resources = {p.pk: p for p in Page.objects.filter(pk__in=resource_ids).live().specific()}
    with translation.override(language):
        parts = []
        for block in raw:
            if block["type"] == "section":
                value = block["value"]
                items = [_item(entry, news, resources) for entry in value.get("items") or []]
                parts.append(
                    IssueSection(
                        number=len(parts) + 1,
                        title=value.get("title", ""),
                        intro=value.get("intro", ""),
                        items=[item for item in items if item is not None],
                    )
                )
            elif block["type"] == "callout":
                parts.append(_callout(block["value"]))
        opening = _rich_text(page.opening)
        web_url = page.get_full_url() or absolute_url(page.url or "")
        return IssueDocument(
            page=page,
            number=page.number,
            title=page.title,
            date=page.issue_date,
            period=_period(page),
            language=language,
            opening_html=opening,
            opening_text=html_to_text(opening),
            parts=parts,
            web_url=web_url,
            pdf_url=web_url.rstrip("/") + "/pdf/",
        )


def _period(page: NewsletterIssuePage) -> str:
    start, end = format_date(page.period_start, "F Y"), format_date(page.period_end, "F Y")
    return start if start == end else f"{start} – {end}"


def _item(entry: dict, news: dict, resources: dict) -> IssueItem | None:
    kind, value = entry["type"], entry.get("value") or {}
    links = [Link(link["label"], link["url"]) for link in _list_values(value.get("more_info"))]
    if kind == "news":
        item = news.get(_int(value.get("news")))
        if item is None:  # unpublished or deleted since the issue was built
            return None
        html = render_markdown(item.body)
        return IssueItem(
            kind=kind,
            title=item.title,
            html=html,
            text=html_to_text(html),
            url=absolute_url(item.get_absolute_url()),
            meta=_event_line(item),
            image_url=absolute_url(item.image.url) if item.image else "",
            links=[Link(link.label, link.url) for link in item.links.all()] + links,
            contributor=value.get("contributor") or item.contributor_line,
        )
    if kind == "resource":
        resource = resources.get(_int(value.get("resource")))
        if resource is None:
            return None
        summary = value.get("summary") or getattr(resource, "summary", "") or ""
        summary = summary or resource.search_description
        return IssueItem(
            kind=kind,
            title=resource.title,
            html=_paragraphs(summary),
            text=summary,
            url=resource.get_full_url() or absolute_url(resource.url or ""),
            links=links,
            contributor=value.get("contributor", ""),
        )
    if kind == "event":
        return _event_item(value, resources.get(_int(value.get("event"))), links)
    if kind == "figure":
        return IssueItem(
            kind=kind,
            title=value.get("figure", ""),
            html=_paragraphs(value.get("text", "")),
            text=value.get("text", ""),
            source=value.get("source", ""),
        )
    if kind == "callout":
        return _callout(value)
    body = _rich_text(value.get("text") if kind == "zoom" else value.get("body"))
    item = IssueItem(
        kind=kind,
        title=value.get("title", ""),
        html=body,
        text=html_to_text(body),
        links=links,
        contributor=value.get("contributor", ""),
    )
    for entries in value.get("entries") or []:
        if entries["type"] == "points":
            item.points.extend(_list_values(entries["value"]))
        elif entries["type"] == "timeline":
            item.timeline.extend(
                (entry["when"], entry["text"]) for entry in _list_values(entries["value"])
            )
    return item


def _event_item(value: dict, event, links: list[Link]) -> IssueItem | None:
    """An event page of the calendar: its summary, and its dates and place as the meta line."""
    if event is None:  # unpublished or deleted since the issue was built
        return None
    summary = value.get("summary") or getattr(event, "summary", "") or event.search_description
    describe = getattr(event, "newsletter_meta", None)
    return IssueItem(
        kind="event",
        title=event.title,
        html=_paragraphs(summary),
        text=summary,
        url=event.get_full_url() or absolute_url(event.url or ""),
        meta=describe() if callable(describe) else "",
        links=links,
        contributor=value.get("contributor") or getattr(event, "contributor_line", ""),
    )


def _callout(value: dict) -> IssueItem:
    body = _rich_text(value.get("text"))
    return IssueItem(
        kind="callout",
        callout_kind=value.get("kind", ""),
        title=value.get("title", ""),
        html=body,
        text=html_to_text(body),
    )


def _list_values(raw) -> list:
    """ListBlock raw data: [{"type": "item", "value": …}] (or a plain list, in old data)."""
    return [
        entry["value"] if isinstance(entry, dict) and entry.get("type") == "item" else entry
        for entry in raw or []
    ]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _paragraphs(text: str) -> SafeString:
    """Editors' plain text (escaped) as HTML paragraphs."""
    return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308  (escaped just now)


_RELATIVE_HREF = re.compile(r'(href|src)="/(?!/)')


def _rich_text(source) -> SafeString:
    """Editors' rich text with internal links resolved and made absolute (for email and PDF)."""
    html = expand_db_html(str(source or ""))
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return mark_safe(_RELATIVE_HREF.sub(rf'\1="{base}/', html))  # noqa: S308  (editors' rich text)


def _event_line(news: NewsItem) -> str:
    parts = [news.event_place]
    if news.event_start:
        dates = format_date(news.event_start, "j F Y")
        if news.event_end and news.event_end != news.event_start:
            dates = f"{dates} – {format_date(news.event_end, 'j F Y')}"
        parts.append(dates)
    return ", ".join(part for part in parts if part)


# PDF ---------------------------------------------------------------------


def render_issue_pdf(page: NewsletterIssuePage) -> bytes:
    from weasyprint import HTML

    issue = build_issue_document(page)
    with translation.override(issue.language):
        html = render_to_string("newsletter/issue/pdf.html", {"issue": issue})
    return HTML(string=html, base_url=issue.web_url, url_fetcher=_media_only_fetcher).write_pdf()


def _media_only_fetcher(url: str, *args, **kwargs):
    """Let WeasyPrint read uploaded images from disk and nothing from the network."""
    from weasyprint.urls import default_url_fetcher

    media_url = absolute_url(settings.MEDIA_URL)
    if url.startswith(media_url):
        name = url.removeprefix(media_url)
        return default_url_fetcher(Path(default_storage.path(name)).as_uri())
    raise ValueError(f"The PDF edition does not load {url}")


def pdf_response(page: NewsletterIssuePage, cache: bool = True) -> HttpResponse:
    response = HttpResponse(render_issue_pdf(page), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="g-news-{page.number}-{page.locale.language_code}.pdf"'
    )
    response["Cache-Control"] = "public, max-age=3600" if cache else "private, no-store"
    return response


# Email -------------------------------------------------------------------


# Stands for each subscriber's address in the pre-flattened email.
ADDRESS_PLACEHOLDER = "subscriber@placeholder.invalid"


class _FlattenedMIME:
    """A MIME message already turned into bytes: what Django's SMTP backend sends."""

    def __init__(self, raw: bytes):
        self.raw = raw

    def as_bytes(self, linesep: str = "\n", **kwargs) -> bytes:
        return self.raw if linesep == "\n" else self.raw.replace(b"\n", linesep.encode())


class IssueMessage(EmailMultiAlternatives):
    """An issue email whose MIME form may have been produced in advance.

    Every backend gets the ordinary fields (body, alternatives, headers);
    backends that ask for `message()` (SMTP, console, file) get bytes made
    by substitution in the edition's flattened template instead of a fresh
    MIME tree per subscriber, which would cost more than the SMTP exchange.
    """

    flattened: bytes | None = None

    def message(self):
        if self.flattened is None:
            return super().message()
        return _FlattenedMIME(self.flattened)


@dataclass
class IssueEmail:
    """The email edition, rendered and inlined once; only the unsubscribe link varies."""

    subject: str
    html: str
    text: str
    from_email: str
    list_id: str

    def message_for(self, subscriber_id: int, email: str, connection=None) -> IssueMessage:
        from .services import unsubscribe_url

        link = unsubscribe_url(subscriber_id)
        message = self._message(link, email, connection)
        template = self._flattened_template
        if template is not None and email.isascii() and "\n" not in email and "\r" not in email:
            raw, message_id = template
            message.flattened = (
                raw.replace(UNSUBSCRIBE_PLACEHOLDER.encode(), link.encode())
                .replace(ADDRESS_PLACEHOLDER.encode(), email.encode())
                .replace(message_id, make_msgid(domain=DNS_NAME).encode())
            )
        return message

    def _message(self, link: str, email: str, connection=None) -> IssueMessage:
        message = IssueMessage(
            subject=self.subject,
            body=self.text.replace(UNSUBSCRIBE_PLACEHOLDER, link),
            from_email=self.from_email,
            to=[email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": self.list_id,
            },
        )
        message.attach_alternative(self.html.replace(UNSUBSCRIBE_PLACEHOLDER, link), "text/html")
        return message

    @cached_property
    def _flattened_template(self) -> tuple[bytes, bytes] | None:
        """The edition as bytes with placeholders, if they survived MIME encoding verbatim.

        Bodies with lines over 998 characters are quoted-printable encoded,
        which can split a placeholder: such editions take the ordinary path.
        """
        mime = self._message(UNSUBSCRIBE_PLACEHOLDER, ADDRESS_PLACEHOLDER).message()
        raw = mime.as_bytes()
        message_id = mime["Message-ID"].encode()
        links = (
            1 + self.text.count(UNSUBSCRIBE_PLACEHOLDER) + self.html.count(UNSUBSCRIBE_PLACEHOLDER)
        )
        if (
            raw.count(UNSUBSCRIBE_PLACEHOLDER.encode()) != links
            or raw.count(ADDRESS_PLACEHOLDER.encode()) != 1
            or raw.count(message_id) != 1
        ):
            return None
        return raw, message_id

    def preview_html(self) -> str:
        return self.html.replace(UNSUBSCRIBE_PLACEHOLDER, "#")

    def preview_text(self) -> str:
        return self.text.replace(UNSUBSCRIBE_PLACEHOLDER, "#")


def build_issue_email(page: NewsletterIssuePage) -> IssueEmail:
    issue = build_issue_document(page)
    context = {"issue": issue, "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER}
    with translation.override(issue.language):
        html = render_to_string("newsletter/issue/email.html", context)
        text = render_to_string("newsletter/issue/email.txt", context)
        subject = render_to_string("newsletter/issue/email_subject.txt", context).strip()
    host = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split("/")[0].split(":")[0]
    return IssueEmail(
        subject=subject,
        html=css_inline.inline(html, load_remote_stylesheets=False),
        text=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        list_id=f"G-NEWS ({issue.language}) <gnews-{issue.language}.{host}>",
    )
