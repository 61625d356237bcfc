"""Pages of user news and G-NEWS subscriptions, under /<lang>/ (the archive is a Wagtail page)."""

from django.urls import path

from . import subscription_views, views
from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "newsletter"

urlpatterns = [
    path("news/", views.news_list, name="news_list"),
    path("news/rss/", NewsRssFeed(), name="news_rss"),
    path("news/atom/", NewsAtomFeed(), name="news_atom"),
    path("news/post/", views.news_create, name="news_create"),
    path("news/mine/", views.my_news, name="my_news"),
    path("news/<int:pk>/edit/", views.news_edit, name="news_edit"),
    path("news/<int:pk>/<slug:slug>/", views.news_detail, name="news_detail"),
    path("gnews-subscription/", subscription_views.subscribe, name="subscribe"),
    path(
        "gnews-subscription/confirm/<str:token>/",
        subscription_views.subscription_confirm,
        name="subscription_confirm",
    ),
    path(
        "gnews-subscription/unsubscribe/",
        subscription_views.unsubscribe_request,
        name="unsubscribe_request",
    ),
]
