"""RSS and Atom feeds of a forum's latest posts, filtered like every other page."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.sanitizer import render_markdown

from .models import Forum, Post
from .states import State

FEED_LENGTH = 30


class ForumPostsFeed(Feed):
    def get_object(self, request, slug):
        forum = get_object_or_404(Forum.objects.visible_to(request.user), slug=slug)
        # Feed instances are shared between requests: the reader travels with the forum.
        forum.reader = request.user
        return forum

    def title(self, forum):
        return f"{forum.name} · {settings.WAGTAIL_SITE_NAME}"

    def description(self, forum):
        return forum.description or _("Latest posts in the forum %(name)s.") % {"name": forum.name}

    subtitle = description

    def link(self, forum):
        return forum.get_absolute_url()

    def items(self, forum):
        return (
            Post.objects.visible_to(forum.reader)
            .filter(topic__forum=forum, state=State.PUBLISHED, topic__state=State.PUBLISHED)
            .select_related("topic__forum", "author")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, post):
        return (
            post.topic.title
            if post.is_opening
            else _("Re: %(title)s") % {"title": post.topic.title}
        )

    def item_description(self, post):
        return render_markdown(post.body)

    def item_author_name(self, post):
        return post.author.public_name if post.author else None

    def item_pubdate(self, post):
        return post.created_at

    def item_updateddate(self, post):
        return post.edited_at or post.created_at


class ForumPostsAtomFeed(ForumPostsFeed):
    feed_type = Atom1Feed
