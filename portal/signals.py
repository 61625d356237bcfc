"""Receivers that keep accounts and theme pages in step with what happens elsewhere."""

from allauth.account.signals import email_confirmed
from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Theme
from .roles import MEMBER


@receiver(email_confirmed)
def make_verified_user_a_member(request, email_address, **kwargs):
    """Verifying an email address is what turns a sign-up into a Member."""
    group, _created = Group.objects.get_or_create(name=MEMBER)
    email_address.user.groups.add(group)


@receiver(post_save, sender=Theme)
def give_new_theme_its_pages(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from .services import ensure_theme_pages

    ensure_theme_pages(themes=[instance])
