"""Receivers that keep the expert bank's files in step with its rows."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import ExpertProfile


@receiver(post_delete, sender=ExpertProfile)
def delete_profile_files(sender, instance, **kwargs):
    """A deleted profile (by its owner, staff, or with the account) leaves no photo or CV behind."""
    names = [(field.storage, field.name) for field in (instance.photo, instance.cv_file) if field]

    def delete():
        for storage, name in names:
            storage.delete(name)

    # Only once the deletion is committed: a rolled-back delete keeps its files.
    transaction.on_commit(delete)
