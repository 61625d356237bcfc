"""G-NEWS issues: one structure, rendered as a web page, a PDF and an email (HTML and text).

The acceptance test rebuilds the first G-NEWS (shared/seeds/gnews-01-fr.txt)
from factories and checks that every output shows each of its parts, in order.
"""

import html
import io
import re

import pytest
from pypdf import PdfReader

from newsletter.rendering import build_issue_email, render_issue_pdf
from newsletter.services import issues_mentioning, reused_news
from tests.library.factories import ResourcePageFactory

from .factories import (
    NewsItemFactory,
    NewsletterIssuePageFactory,
    news_block,
    resource_block,
    section_block,
)
from .seed_issue import build_first_issue


def normalized(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).casefold()


def html_text(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return normalized(re.sub(r"<[^>]+>", " ", markup))


def pdf_text(data: bytes) -> str:
    return normalized(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(normalized(part), position)
        assert found >= 0, f"{part!r} missing (or out of order) after position {position}"
        position = found + 1


@pytest.fixture
def first_issue(gnews, library):
    return build_first_issue(gnews["fr"], library)


def test_web_page_shows_every_part_of_the_first_issue_in_order(client, first_issue):
    page, parts = first_issue
    response = client.get(page.url)
    assert response.status_code == 200
    assert_in_order(html_text(response.content.decode()), parts)


def test_email_html_shows_every_part_of_the_first_issue_in_order(first_issue):
    page, parts = first_issue
    email = build_issue_email(page)
    assert_in_order(html_text(email.html), parts)


def test_email_text_shows_every_part_of_the_first_issue_in_order(first_issue):
    page, parts = first_issue
    email = build_issue_email(page)
    assert_in_order(normalized(email.text), parts)


def test_pdf_shows_every_part_of_the_first_issue_in_order(first_issue):
    page, parts = first_issue
    assert_in_order(pdf_text(render_issue_pdf(page)), parts)


def test_pdf_has_a_cover_and_a_table_of_contents_with_page_numbers(first_issue):
    page, _parts = first_issue
    reader = PdfReader(io.BytesIO(render_issue_pdf(page)))
    cover = normalized(reader.pages[0].extract_text())
    assert "g-news" in cover
    assert "la lettre de l'extension de la sécurité sociale" in cover
    toc = normalized(reader.pages[1].extract_text())
    sections = ["quoi de neuf ?", "formations", "conférences", "ressources", "e-events"]
    numbers = [int(n) for n in re.findall(r"\d+", toc)][: len(sections)]
    assert numbers[0] == 3  # after the cover and the contents
    for section, number in zip(sections, numbers, strict=True):
        assert normalized(reader.pages[number - 1].extract_text()).startswith(section)


def test_email_is_a_600_pixel_table_layout_with_inlined_css(first_issue):
    page, _parts = first_issue
    email = build_issue_email(page)
    assert re.search(r'<table[^>]*role="presentation"[^>]*width="600"', email.html)
    assert "<style" not in email.html
    assert 'class="section-title" style="' in email.html


def test_email_has_a_view_in_browser_link(first_issue):
    page, _parts = first_issue
    email = build_issue_email(page)
    assert f'href="{page.full_url}"' in email.html
    assert page.full_url in email.text


def test_pdf_route_serves_the_pdf_edition(client, first_issue):
    page, _parts = first_issue
    response = client.get(f"{page.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_archive_lists_issues_newest_first(client, gnews):
    NewsletterIssuePageFactory(parent=gnews["fr"], number=1, title="Le premier numéro")
    NewsletterIssuePageFactory(parent=gnews["fr"], number=2, title="Le deuxième numéro")
    page = client.get("/fr/gnews/").content.decode()
    assert page.index("Le deuxième numéro") < page.index("Le premier numéro")


def test_archive_hides_draft_issues(client, gnews):
    NewsletterIssuePageFactory(parent=gnews["fr"], title="Brouillon", live=False)
    assert "Brouillon" not in client.get("/fr/gnews/").content.decode()


def test_archive_costs_a_constant_number_of_queries(client, gnews, django_assert_max_num_queries):
    for number in range(1, 9):
        NewsletterIssuePageFactory(parent=gnews["fr"], number=number)
    with django_assert_max_num_queries(20):
        assert client.get("/fr/gnews/").status_code == 200


def test_issue_page_queries_do_not_grow_with_its_items(
    client, gnews, django_assert_max_num_queries
):
    items = [news_block(NewsItemFactory(links=[("ILO", "https://www.ilo.org")])) for _ in range(12)]
    page = NewsletterIssuePageFactory(
        parent=gnews["fr"], body=[section_block("Quoi de neuf ?", items)]
    )
    with django_assert_max_num_queries(25):
        assert client.get(page.url).status_code == 200


def test_unpublished_news_disappears_from_an_issue(client, gnews):
    news = NewsItemFactory(title="Retirée par les éditeurs")
    page = NewsletterIssuePageFactory(
        parent=gnews["fr"], body=[section_block("Quoi de neuf ?", [news_block(news)])]
    )
    news.status = "rejected"
    news.save()
    assert "Retirée par les éditeurs" not in client.get(page.url).content.decode()


def test_editorial_html_cannot_smuggle_scripts_through_news(client, gnews):
    news = NewsItemFactory(body="Texte <script>alert(1)</script> fin")
    page = NewsletterIssuePageFactory(
        parent=gnews["fr"], body=[section_block("Quoi de neuf ?", [news_block(news)])]
    )
    assert "<script>alert(1)" not in client.get(page.url).content.decode()
    assert "<script>alert(1)" not in build_issue_email(page).html


def test_builder_warns_when_news_is_already_in_another_issue(gnews):
    news = NewsItemFactory(title="Déjà parue")
    body = [section_block("Quoi de neuf ?", [news_block(news)])]
    NewsletterIssuePageFactory(parent=gnews["fr"], number=1, body=body)
    second = NewsletterIssuePageFactory(parent=gnews["fr"], number=2, body=body)
    assert reused_news(second) == [(news, [1])]


def test_the_english_edition_is_not_a_reuse_of_the_french_one(gnews):
    news = NewsItemFactory()
    body = [section_block("What's new", [news_block(news)])]
    fr = NewsletterIssuePageFactory(parent=gnews["fr"], number=1, body=body)
    en = NewsletterIssuePageFactory(
        parent=gnews["en"], number=1, body=body, translation_key=fr.translation_key
    )
    assert reused_news(en) == []


def test_two_issues_cannot_share_a_number_in_one_language(gnews):
    from django.core.exceptions import ValidationError

    NewsletterIssuePageFactory(parent=gnews["fr"], number=3)
    duplicate = NewsletterIssuePageFactory.build(number=3, locale=gnews["fr"].locale)
    with pytest.raises(ValidationError):
        duplicate.clean()


def test_issues_mentioning_a_resource_lists_published_issues(library, gnews):
    resource = ResourcePageFactory(parent=library, title="Guide de faisabilité")
    body = [section_block("Ressources", [resource_block(resource)])]
    issue = NewsletterIssuePageFactory(parent=gnews["fr"], number=4, body=body)
    NewsletterIssuePageFactory(parent=gnews["fr"], number=5, body=body, live=False)
    assert issues_mentioning(resource) == [issue]


def test_issues_mentioning_a_resource_include_those_with_related_news(library, gnews):
    resource = ResourcePageFactory(parent=library)
    news = NewsItemFactory()
    news.related_resources.set([resource])
    news.save()
    body = [section_block("Quoi de neuf ?", [news_block(news)])]
    issue = NewsletterIssuePageFactory(parent=gnews["fr"], number=6, body=body)
    assert issues_mentioning(resource) == [issue]


def test_library_resource_page_lists_the_issues_that_mention_it(client, library, gnews):
    resource = ResourcePageFactory(parent=library, title="Logiciel MAS Gestion")
    body = [section_block("Ressources", [resource_block(resource)])]
    NewsletterIssuePageFactory(parent=gnews["fr"], number=7, title="Spécial logiciels", body=body)
    page = client.get(resource.url).content.decode()
    assert "G-NEWS 7 – Spécial logiciels" in page


@pytest.mark.parametrize("mode", ["email", "email-text", "pdf"])
def test_editor_previews_each_output(client, editor, first_issue, mode):
    page, _parts = first_issue
    client.force_login(editor)
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/?mode={mode}")
    assert response.status_code == 200
