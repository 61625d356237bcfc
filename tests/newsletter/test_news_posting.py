"""Members post news from the field; bad input gets a clear message, never a 500."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from newsletter.models import NewsItem, NewsSubmission
from portal.models import Country
from tests.portal.factories import ThemeFactory, UserFactory

from .factories import NewsCategoryFactory, NewsItemFactory

POST_URL = "/en/news/post/"


def news_form_data(**overrides):
    data = {
        "title": "MUSAKIS opens in Kisantu",
        "category": NewsCategoryFactory(slug="whats-new").pk,
        "body": "The **mutual** registered 331 members in its first two months.",
        "language": "en",
        "contributor_line": "Contribution by Bernard André, STEP coordinator, Kinshasa, DRC",
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
        "links-0-label": "STEP programme",
        "links-0-url": "https://www.ilo.org/step",
        "links-1-label": "",
        "links-1-url": "",
    }
    data.update(overrides)
    return data


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_contributor_line_is_prefilled_from_the_profile(client, db):
    author = UserFactory(
        display_name="Anne-Marie Mambombe",
        job_title="National coordinator",
        organisation="STEP",
        country=Country.objects.get(code="CD"),
    )
    client.force_login(author)
    response = client.get(POST_URL)
    assert response.status_code == 200
    assert (
        "Anne-Marie Mambombe, National coordinator, STEP, Democratic Republic of the Congo"
        in response.content.decode()
    )


def test_member_posts_news_that_waits_for_moderation(client, member):
    client.force_login(member)
    theme = ThemeFactory()
    data = news_form_data(themes=[theme.pk], countries=["CD"])
    response = client.post(POST_URL, data)
    assert response.status_code == 302
    news = NewsItem.objects.get()
    assert news.author == member
    assert news.status == "submitted"
    assert list(news.themes.all()) == [theme]
    assert [c.code for c in news.countries.all()] == ["CD"]
    assert [(link.label, link.url) for link in news.links.all()] == [
        ("STEP programme", "https://www.ilo.org/step")
    ]


def test_submission_keeps_what_the_contributor_sent(client, member):
    client.force_login(member)
    client.post(POST_URL, news_form_data())
    submission = NewsSubmission.objects.get()
    assert submission.content["title"] == "MUSAKIS opens in Kisantu"
    assert submission.content["links"] == [
        {"label": "STEP programme", "url": "https://www.ilo.org/step"}
    ]


def test_original_submission_cannot_be_changed(member):
    news = NewsItemFactory(author=member, status="submitted")
    submission = NewsSubmission.objects.create(news=news, content=news.snapshot())
    submission.content = {"title": "rewritten"}
    with pytest.raises(ValueError):
        submission.save()


def test_unverified_user_cannot_post_news(client, db):
    client.force_login(UserFactory(verified=False))
    assert client.get(POST_URL).status_code == 403


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get(POST_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_markdown_with_script_is_refused_with_a_message(client, member):
    client.force_login(member)
    response = client.post(POST_URL, news_form_data(body="Hello <script>alert(1)</script>"))
    assert response.status_code == 400
    assert "Scripts, event handlers" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_markdown_with_event_handler_is_refused(client, member):
    client.force_login(member)
    body = '<img src="x.png" onerror="steal()"> news'
    response = client.post(POST_URL, news_form_data(body=body))
    assert response.status_code == 400
    assert not NewsItem.objects.exists()


def test_a_body_of_one_megabyte_is_refused_with_its_size(client, member):
    client.force_login(member)
    response = client.post(POST_URL, news_form_data(body="a" * 1_048_576))
    assert response.status_code == 400
    assert "at most 20000 characters" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_javascript_link_is_refused(client, member):
    client.force_login(member)
    response = client.post(POST_URL, news_form_data(**{"links-0-url": "javascript:alert(1)"}))
    assert response.status_code == 400
    assert "starting with http:// or https://" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_file_that_is_not_an_image_is_refused(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(POST_URL, news_form_data(image=fake))
    assert response.status_code == 400
    assert "Upload a valid image" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_real_image_is_accepted(client, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    image = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    assert client.post(POST_URL, news_form_data(image=image)).status_code == 302
    assert NewsItem.objects.get().image.name.startswith("news/")


def test_event_cannot_end_before_it_starts(client, member):
    client.force_login(member)
    data = news_form_data(event_start="2007-03-15", event_end="2007-03-14")
    response = client.post(POST_URL, data)
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()


def test_contributor_edits_a_rejected_item_and_resubmits_it(client, member):
    news = NewsItemFactory(author=member, status="rejected", rejection_reason="Too short")
    client.force_login(member)
    data = news_form_data(title="MUSAKIS: first results")
    response = client.post(f"/en/news/{news.pk}/edit/", data)
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.status == "submitted"
    assert news.rejection_reason == ""
    assert news.submissions.first().content["title"] == "MUSAKIS: first results"


def test_contributor_cannot_edit_a_published_item(client, member):
    news = NewsItemFactory(author=member, status="published")
    client.force_login(member)
    assert client.get(f"/en/news/{news.pk}/edit/").status_code == 404


def test_member_cannot_edit_someone_elses_item(client, member):
    news = NewsItemFactory(status="submitted")
    client.force_login(member)
    assert client.get(f"/en/news/{news.pk}/edit/").status_code == 404


def test_dashboard_shows_status_and_rejection_reason(client, member):
    NewsItemFactory(author=member, title="Waiting", status="submitted")
    NewsItemFactory(
        author=member, title="Refused", status="rejected", rejection_reason="Duplicate item"
    )
    client.force_login(member)
    page = client.get("/en/news/mine/").content.decode()
    assert "Submitted" in page
    assert "Rejected" in page
    assert "Duplicate item" in page


def test_posting_news_sends_no_email_to_the_contributor(client, member):
    client.force_login(member)
    client.post(POST_URL, news_form_data())
    assert mail.outbox == []


def test_dashboard_shows_the_issue_that_selected_the_news(client, member, gnews):
    from .factories import NewsletterIssuePageFactory, news_block, section_block

    news = NewsItemFactory(author=member)
    NewsletterIssuePageFactory(
        parent=gnews["en"], number=4, body=[section_block("What's new", [news_block(news)])]
    )
    client.force_login(member)
    assert "Selected for G-NEWS no. 4" in client.get("/en/news/mine/").content.decode()
