"""Keep subscriptions in step with profiles and accounts; announce G-NEWS selections."""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import NewsletterIssuePage, Subscriber
from .services import announce_selection, sync_member_subscription


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


@receiver(page_published, sender=NewsletterIssuePage)
def tell_contributors_they_are_in_the_issue(sender, instance, **kwargs):
    """Publishing an issue edition tells each contributor once that their news is in it."""
    announce_selection(instance)
