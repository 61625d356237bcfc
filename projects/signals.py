"""Receivers that bring other apps' events into the workspaces."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from forums.models import Post
from forums.states import State

from .services.discussion import record_post


@receiver(post_save, sender=Post, dispatch_uid="projects_record_forum_post")
def forum_post_in_activity(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.state == State.PUBLISHED:
        record_post(instance)
