"""Seed what every installation needs: countries, themes, regions and the roles."""

from django.db import migrations
from django_countries.data import COUNTRIES

THEMES = [
    ("Législation et réglementation", "legislation-et-reglementation",
     "Legislation and regulation", "legislation-and-regulation"),
    ("Articulation avec la sécurité sociale", "articulation-securite-sociale",
     "Articulation with social security", "articulation-with-social-security"),
    ("Couverture santé universelle", "couverture-sante-universelle",
     "Universal health coverage", "universal-health-coverage"),
    ("Financement de la santé", "financement-de-la-sante",
     "Health financing", "health-financing"),
    ("Marketing social", "marketing-social", "Social marketing", "social-marketing"),
    ("Gestion et systèmes d'information", "gestion-et-systemes-information",
     "Management and information systems", "management-and-information-systems"),
    ("Suivi et évaluation", "suivi-et-evaluation",
     "Monitoring and evaluation", "monitoring-and-evaluation"),
    ("Études de faisabilité", "etudes-de-faisabilite", "Feasibility studies", "feasibility-studies"),
    ("Gouvernance", "gouvernance", "Governance", "governance"),
    ("VIH/sida", "vih-sida", "HIV/AIDS", "hiv-aids"),
    ("Réseaux et partenariats", "reseaux-et-partenariats",
     "Networks and partnerships", "networks-and-partnerships"),
]  # fmt: skip

REGIONS = [
    ("west-africa", "Afrique de l'Ouest", "West Africa",
     "BJ BF CV CI GM GH GN GW LR ML NE NG SN SL TG"),
    ("uemoa", "UEMOA", "WAEMU (UEMOA)", "BJ BF CI GW ML NE SN TG"),
    ("central-africa", "Afrique centrale", "Central Africa", "BI CM CF TD CG CD GQ GA RW ST"),
    ("east-africa", "Afrique de l'Est", "East Africa", "DJ ER ET KE SO SS TZ UG"),
    ("southern-africa", "Afrique australe", "Southern Africa",
     "AO BW KM LS MG MW MU MZ NA SC ZA SZ ZM ZW"),
    ("north-africa", "Afrique du Nord", "North Africa", "DZ EG LY MA MR TN"),
    ("south-asia", "Asie du Sud", "South Asia", "AF BD BT IN LK MV NP PK"),
    ("south-east-asia", "Asie du Sud-Est", "South-East Asia", "BN ID KH LA MM MY PH SG TH TL VN"),
    ("latin-america", "Amérique latine", "Latin America",
     "AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PY SV UY VE"),
]  # fmt: skip

ROLES = ["Member", "Editor", "Moderator", "Staff"]
# Wagtail's initial migration creates these; the portal's roles replace them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def seed(apps, schema_editor):
    Country = apps.get_model("portal", "Country")
    Theme = apps.get_model("portal", "Theme")
    Region = apps.get_model("portal", "Region")
    Group = apps.get_model("auth", "Group")

    Country.objects.bulk_create(
        [Country(code=code) for code in COUNTRIES], ignore_conflicts=True
    )
    for order, (name_fr, slug_fr, name_en, slug_en) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug_en=slug_en,
            defaults={"name_fr": name_fr, "slug_fr": slug_fr, "name_en": name_en, "sort_order": order},
        )
    for slug, name_fr, name_en, codes in REGIONS:
        region, _created = Region.objects.update_or_create(
            slug=slug, defaults={"name_fr": name_fr, "name_en": name_en}
        )
        region.countries.set(codes.split())
    for role in ROLES:
        Group.objects.get_or_create(name=role)
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_pages"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
