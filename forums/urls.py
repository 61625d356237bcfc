"""URLs of the forums, under /<lang>/forum/ (see validators.RESERVED_SLUGS)."""

from django.urls import path

from . import feeds, moderation_views, views

app_name = "forums"

urlpatterns = [
    path("", views.forum_index, name="index"),
    path("notifications/", views.notification_list, name="notifications"),
    path("settings/", views.notification_settings, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("moderation/", moderation_views.queue, name="moderation"),
    path("moderation/report/<int:pk>/resolve/", moderation_views.resolve_report,
         name="resolve_report"),
    path("post/<int:pk>/", views.post_permalink, name="post"),
    path("post/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("post/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("post/<int:pk>/report/", views.post_report, name="post_report"),
    path("post/<int:pk>/moderate/", moderation_views.moderate_post, name="moderate_post"),
    path("topic/<int:pk>/reply/", views.topic_reply, name="reply"),
    path("topic/<int:pk>/unread/", views.topic_first_unread, name="first_unread"),
    path("topic/<int:pk>/follow/", views.topic_subscribe, name="topic_subscribe"),
    path("topic/<int:pk>/moderate/", moderation_views.moderate_topic, name="moderate_topic"),
    path("topic/<int:pk>/split/", moderation_views.split_topic, name="split_topic"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/new/", views.topic_create, name="new_topic"),
    path("<slug:slug>/follow/", views.forum_subscribe, name="forum_subscribe"),
    path("<slug:slug>/read/", views.forum_mark_read, name="mark_read"),
    path("<slug:slug>/feed/rss/", feeds.ForumPostsFeed(), name="rss"),
    path("<slug:slug>/feed/atom/", feeds.ForumPostsAtomFeed(), name="atom"),
    path("<slug:slug>/<int:pk>-<slug:topic_slug>/", views.topic_detail, name="topic"),
    path("<slug:slug>/<int:pk>/", views.topic_detail, name="topic_short"),
]  # fmt: skip
