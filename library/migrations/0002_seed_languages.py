"""Seed the languages resources can be tagged with."""

from django.db import migrations

LANGUAGES = ["fr", "en", "es", "pt", "ar", "sw"]


def seed(apps, schema_editor):
    Language = apps.get_model("library", "Language")
    for order, code in enumerate(LANGUAGES):
        Language.objects.update_or_create(code=code, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_library")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
