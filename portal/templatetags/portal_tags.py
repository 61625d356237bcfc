"""Template helpers shared by every app's templates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from portal.sanitizer import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render a member's Markdown through the portal's one sanitizer."""
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per portal language that keeps the reader on the same page.

    A Wagtail page links to its own translation (slugs differ between
    languages); a view's URL is translated by Django's URL resolver; a page
    with no translation falls back to the home page of that language.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    translations = (
        {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        if page is not None
        else {}
    )
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            target = translations.get(code)
            url = target.url if target is not None else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Breadcrumbs for a page (its ancestors below the root) or a view's own list."""
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    home = context.get("home_page")
    trail = []
    if page is not None:
        ancestors = page.get_ancestors().filter(depth__gt=2).specific(defer=True)
        trail = [(ancestor.title, ancestor.url) for ancestor in ancestors]
        if page.depth > 2:
            trail.append((page.title, None))
    else:
        trail = list(context.get("breadcrumbs") or [])
    return {"home": home, "trail": trail}
