"""Keep a member's G-NEWS subscription in step with their profile and their account."""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from .models import Subscriber
from .services import sync_member_subscription


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def follow_newsletter_opt_in(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """The profile's "receive G-NEWS" box subscribes or unsubscribes the member."""
    if raw or (update_fields is not None and "newsletter_opt_in" not in update_fields):
        return
    if created and not instance.newsletter_opt_in:
        return
    sync_member_subscription(instance)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_deleted_member(sender, instance, **kwargs):
    """Deleting an account deletes the subscription that came with it."""
    Subscriber.objects.filter(user=instance).delete()
