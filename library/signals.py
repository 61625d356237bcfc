"""Receivers that keep the extracted text of resources' files up to date."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model

from .models import ResourceFile
from .services import request_text_extraction


@receiver(post_save, sender=ResourceFile)
def extract_text_of_new_file(sender, instance, raw=False, **kwargs):
    """A file row is saved when its resource is created or published: extract its text."""
    if not raw:
        request_text_extraction(instance.document)


@receiver(post_save, sender=get_document_model())
def extract_text_of_replaced_file(sender, instance, raw=False, **kwargs):
    """An editor may replace a document's file in the documents admin."""
    if not raw and ResourceFile.objects.filter(document=instance).exists():
        request_text_extraction(instance)
