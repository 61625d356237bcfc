"""The six categories of user news (and usual G-NEWS sections); editors may add more."""

from django.db import migrations

CATEGORIES = [
    ("whats-new", "Quoi de neuf ?", "What's new", 10),
    ("trainings", "Formations", "Trainings", 20),
    ("conferences", "Conférences", "Conferences", 30),
    ("resources", "Ressources", "Resources", 40),
    ("e-events", "e-Events", "e-Events", 50),
    ("article", "L'article", "Article", 60),
]


def seed(apps, schema_editor):
    NewsCategory = apps.get_model("newsletter", "NewsCategory")
    for slug, name_fr, name_en, order in CATEGORIES:
        NewsCategory.objects.update_or_create(
            slug=slug, defaults={"name_fr": name_fr, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
