"""Wagtail admin of the newsletter app: moderation queue, categories, subscribers, sending."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from . import admin_views
from .choosers import news_chooser_viewset
from .models import NewsCategory, NewsItem, NewsletterIssuePage, Subscriber


class ReviewColumn(Column):
    """A link from the queue to the review page (publish / reject)."""

    cell_template_name = "newsletter/admin/review_cell.html"

    def get_value(self, instance):
        return reverse("newsletter_news:review", args=[instance.pk])


class NewsItemViewSet(ModelViewSet):
    """The moderation queue: submitted items first, each with a review page."""

    model = NewsItem
    icon = "doc-full"
    menu_label = _("User news")
    url_prefix = "newsletter/news"
    name = "newsletter_news"
    list_display = [
        "title",
        "author",
        "category",
        "status",
        DateColumn("created_at", label=_("Submitted")),
        ReviewColumn("review", label=_("Moderation")),
    ]
    list_filter = ["status", "category", "language"]
    search_fields = ["title", "body"]
    ordering = ["status", "-created_at"]
    copy_view_enabled = False
    add_to_admin_menu = False
    panels = [
        FieldPanel("title"),
        FieldPanel("category"),
        FieldPanel("body"),
        FieldPanel("contributor_line"),
        InlinePanel("links", heading=_("More info links"), label=_("Link")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldPanel("event_place"),
            ],
            heading=_("Event"),
        ),
        FieldPanel("themes"),
        FieldPanel("countries"),
        FieldPanel("related_resources"),
        FieldPanel("language"),
        FieldPanel("image"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", admin_views.review_news, name="review"),
        ]


class NewsCategoryViewSet(ModelViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    url_prefix = "newsletter/categories"
    name = "newsletter_categories"
    list_display = ["name_fr", "name_en", "slug", "sort_order"]
    form_fields = ["name_fr", "name_en", "slug", "sort_order"]
    add_to_admin_menu = False


class SubscriberIndexView(IndexView):
    """Exporting the list of addresses needs its own permission, not just seeing it."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not request.user.has_perm("newsletter.export_subscribers"):
            self.list_export = []

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("export") and not self.list_export:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SubscriberViewSet(ModelViewSet):
    """Subscribers with their consent dates; the listing exports to CSV."""

    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "mail"
    menu_label = _("Subscribers")
    url_prefix = "newsletter/subscribers"
    name = "newsletter_subscribers"
    list_display = [
        "email",
        "language",
        "status",
        DateColumn("confirmed_at", label=_("Consent given")),
        DateColumn("unsubscribed_at", label=_("Unsubscribed")),
        "hard_bounces",
    ]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    list_export = [
        "email",
        "language",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "hard_bounces",
    ]
    export_filename = "gnews-subscribers"
    form_fields = ["email", "language", "status"]
    copy_view_enabled = False
    add_to_admin_menu = False


class NewsletterViewSetGroup(ViewSetGroup):
    items = (NewsItemViewSet, NewsCategoryViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("G-NEWS")
    menu_name = "gnews"


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [NewsletterViewSetGroup(), news_chooser_viewset]


@hooks.register("register_admin_urls")
def register_sending_urls():
    return [
        path(
            "newsletter/issues/<int:page_id>/test/",
            admin_views.test_send,
            name="newsletter_test_send",
        ),
        path(
            "newsletter/issues/<int:page_id>/send/",
            admin_views.send_issue,
            name="newsletter_send_issue",
        ),
        path(
            "newsletter/issues/<int:page_id>/progress/",
            admin_views.sending_progress,
            name="newsletter_sending_progress",
        ),
    ]


@hooks.register("register_page_header_buttons")
def issue_buttons(page, user, view_name=None, next_url=None):
    if page.specific_class is None or not issubclass(page.specific_class, NewsletterIssuePage):
        return
    yield Button(
        _("Send a test to me"),
        reverse("newsletter_test_send", args=[page.pk]),
        icon_name="mail",
        priority=80,
    )
    if user.has_perm("newsletter.send_issue"):
        yield Button(
            _("Send to subscribers"),
            reverse("newsletter_send_issue", args=[page.pk]),
            icon_name="mail",
            priority=81,
        )
