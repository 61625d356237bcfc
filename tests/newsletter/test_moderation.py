"""Editors moderate user news in the admin; contributors hear about each decision."""

from django.core import mail

from newsletter.models import NewsSubmission
from newsletter.services import submit_news

from .factories import NewsItemFactory


def queued_news(**kwargs):
    news = NewsItemFactory(status="submitted", published_at=None, **kwargs)
    submit_news(news)
    return news


def test_moderation_queue_lists_submitted_news(client, editor):
    queued_news(title="MUSECKIN controls health costs")
    client.force_login(editor)
    response = client.get("/admin/newsletter/news/?status=submitted")
    assert response.status_code == 200
    assert "MUSECKIN controls health costs" in response.content.decode()


def test_member_cannot_open_the_moderation_queue(client, member):
    client.force_login(member)
    response = client.get("/admin/newsletter/news/")
    assert response.status_code in (302, 403)


def test_editor_publishes_and_the_contributor_is_told(
    client, editor, django_capture_on_commit_callbacks
):
    news = queued_news(title="UNTC relaunches its mutual")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/newsletter/news/review/{news.pk}/", {"action": "publish"})
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.status == "published"
    assert news.published_at is not None
    assert news.moderated_by == editor
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [news.author.email]
    assert "UNTC relaunches its mutual" in mail.outbox[0].subject


def test_editor_rejects_with_a_reason_the_contributor_receives(
    client, editor, django_capture_on_commit_callbacks
):
    news = queued_news()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/newsletter/news/review/{news.pk}/",
            {"action": "reject", "reason": "Please add the dates of the training."},
        )
    news.refresh_from_db()
    assert news.status == "rejected"
    assert news.rejection_reason == "Please add the dates of the training."
    assert "Please add the dates of the training." in mail.outbox[0].body


def test_rejecting_without_a_reason_is_refused(client, editor):
    news = queued_news()
    client.force_login(editor)
    response = client.post(
        f"/admin/newsletter/news/review/{news.pk}/", {"action": "reject", "reason": ""}
    )
    assert response.status_code == 400
    news.refresh_from_db()
    assert news.status == "submitted"
    assert mail.outbox == []


def test_editor_changes_keep_the_original_submission(client, editor):
    news = queued_news(title="Original title")
    news.title = "Title corrected by the editors"
    news.save()
    client.force_login(editor)
    page = client.get(f"/admin/newsletter/news/review/{news.pk}/").content.decode()
    assert "Original title" in page
    assert "Title corrected by the editors" in page
    assert NewsSubmission.objects.get(news=news).content["title"] == "Original title"


def test_contributor_is_told_once_when_their_news_is_in_a_published_issue(gnews, committed):
    from .factories import NewsletterIssuePageFactory, news_block, section_block

    news = NewsItemFactory(title="PAMECAS automatise les cotisations")
    body = [section_block("Quoi de neuf ?", [news_block(news)])]
    fr = NewsletterIssuePageFactory(parent=gnews["fr"], number=3, body=body, live=False)
    en = NewsletterIssuePageFactory(
        parent=gnews["en"], number=3, body=body, live=False, translation_key=fr.translation_key
    )
    with committed(execute=True):
        fr.save_revision().publish()
        en.save_revision().publish()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [news.author.email]
    assert "G-NEWS n° 3" in mail.outbox[0].subject  # in the contributor's language
