"""Demo content of the events calendar: a past seminar in three modules and upcoming events.

The seminar follows the programme in shared/seeds/seminaire-programme-fr.txt
(three modules on participatory health microinsurance, late 2009); the
regional workshop in Dakar, the conference in Rabat and the webinar are
invented for the demo, dated from the day the demo is loaded. Sentences are
written for this demo. Idempotent: pages are matched on their slug.
"""

import datetime

from django.utils import timezone

from experts.models import ExpertProfile
from library.models import Language
from portal.models import HomePage, Region, Theme, User

from .models import EventIndexPage, EventPage

CALENDAR = {
    "fr": (
        "Événements",
        "Formations, séminaires, conférences et e-événements de la protection sociale en santé.",
    ),
    "en": (
        "Events",
        "Trainings, seminars, conferences and e-events on social health protection.",
    ),
}

# Written in French only: left out of the English editions rather than shown untranslated.
FRENCH_TEXT = {"description", "objectives", "audience", "fees", "programme"}

HOME_BLOCK_HEADINGS = {"fr": "Prochains événements", "en": "Upcoming events"}


def _expert(email: str) -> int | None:
    return ExpertProfile.objects.filter(user__email=email).values_list("pk", flat=True).first()


def _speaker(name="", affiliation="", expert_email=None) -> dict:
    return {
        "expert": _expert(expert_email) if expert_email else None,
        "name": name,
        "affiliation": affiliation,
    }


def _module(title, start, end, duration, objectives, themes, speakers) -> dict:
    return {
        "type": "module",
        "value": {
            "title": title,
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "duration": duration,
            "objectives": objectives,
            "themes": themes,
            "speakers": speakers,
        },
    }


def _seminar_programme() -> list[dict]:
    d = datetime.date
    return [
        _module(
            "Module 1 – La micro-assurance santé participative dans les stratégies nationales "
            "de financement des soins",
            d(2009, 11, 30), d(2009, 12, 2), "3 jours",
            [
                "Comprendre comment fonctionnent les grands mécanismes de financement de la santé.",
                "Mesurer ce que change l'arrivée d'une assurance maladie dans le "
                "financement des soins.",
                "Faire travailler ensemble mutuelles de santé et régimes publics "
                "d'assurance maladie.",
            ],
            [
                "Le secteur de la santé dans son cadre macro-économique",
                "Financer l'offre ou la demande ? Gratuité ou contribution ?",
                "L'assurance maladie : formes commerciale, sociale et solidaire",
                "Ce qui distingue la micro-assurance maladie",
                "La place des mutuelles dans l'assurance maladie universelle "
                "(Belgique, France, Rwanda)",
            ],
            [
                _speaker("Alain Letourmy", "économiste de la santé, CNRS – CERMES"),
                _speaker("Bruno Galland", "médecin, CIDR"),
                _speaker("", "économiste de la santé", "k.traore@example.org"),
                _speaker("Experts de la Mutualité Française", "FNMF"),
            ],
        ),
        _module(
            "Module 2 – Gestion et gouvernance des organismes de micro-assurance santé "
            "participative",
            d(2009, 12, 3), d(2009, 12, 4), "2,5 jours",
            ["Renforcer les acteurs du Nord et du Sud qui créent et gèrent ces systèmes."],
            [
                "Gestion technique et financière : produits, cotisations, prestataires, risques",
                "Le modèle de gouvernance participative : atouts et limites",
                "Autres modèles : gestion déléguée, transfert du risque à un assureur",
            ],
            [
                _speaker("Allan Boutbien", "Conseil en Gestion des Risques (CGR)"),
                _speaker("Cadres du Réseau Alliance Santé", "Bénin"),
                _speaker("Bruno Galland", "CIDR"),
            ],
        ),
        _module(
            "Module 3 – La viabilité des systèmes de micro-assurance santé participative : "
            "outils et méthodes",
            d(2009, 12, 7), d(2009, 12, 11), "5 jours",
            [
                "Former gestionnaires, dirigeants et techniciens aux outils qui rendent un "
                "système de micro-assurance santé viable.",
            ],
            [
                "L'étude de faisabilité et le calcul de la cotisation",
                "Le montage institutionnel et le portage des risques",
                "Le système d'information et le logiciel de gestion en réseau",
                "La contractualisation avec les prestataires de soins",
                "Viabilité économique et financière : cofinancement et réassurance",
            ],
            [
                _speaker("Allan Boutbien", "CGR"),
                _speaker("Bruno Galland", "CIDR"),
                _speaker("Siméon Nsabimana", "CIDR"),
                _speaker("", "études de faisabilité", "p.kabore@example.org"),
                _speaker("", "conventions avec les prestataires", "m.rakoto@example.org"),
            ],
        ),
    ]  # fmt: skip


def _events(today: datetime.date) -> list[dict]:
    """Each event: language, slug, fields, themes (slug_en), regions, languages, translation."""
    dakar = today + datetime.timedelta(days=24)
    rabat = today + datetime.timedelta(days=75)
    webinar = today + datetime.timedelta(days=10)
    return [
        {
            "key": "seminar",
            "fr": ("seminaire-micro-assurance-sante-participative-2009", {
                "title": "Séminaire : la micro-assurance santé participative en question",
                "event_type": "seminar",
                "summary": (
                    "Trois modules pour situer les mutuelles de santé dans le financement des "
                    "soins, les gérer et les gouverner, et en assurer la viabilité."
                ),
                "description": (
                    "<p>Gratuité ciblée, systèmes contributifs, assurance maladie universelle : "
                    "les politiques de financement de la santé se multiplient. Le séminaire aide "
                    "les promoteurs et dirigeants de mutuelles à préciser ce qui fait leur "
                    "spécificité et à peser dans le dialogue politique.</p>"
                ),
                "objectives": (
                    "Identifier les atouts et les limites de la micro-assurance santé "
                    "participative\n"
                    "Renforcer les compétences de gestion et de négociation des dirigeants"
                ),
                "starts_on": datetime.date(2009, 11, 30),
                "ends_on": datetime.date(2009, 12, 11),
                "time_zone": "Europe/Paris",
                "city": "Paris",
                "country_id": "FR",
                "organisers": "Programme STEP du BIT\nCIDR",
                "partners": "Fédération Nationale de la Mutualité Française (FNMF)\nCNRS – CERMES",
                "audience": (
                    "Promoteurs, dirigeants et gestionnaires d'organismes de micro-assurance "
                    "santé, cadres des ministères et des projets d'appui."
                ),
                "is_free": False,
                "fees": "Frais d'inscription par module, sur demande",
                "programme": _seminar_programme(),
            }),
            "themes": ["health-financing", "governance", "management-and-information-systems"],
            "languages": ["fr"],
        },
        {
            "key": "dakar",
            "fr": ("atelier-regional-dakar-conventions", {
                "title": (
                    "Atelier régional : les conventions entre mutuelles et prestataires de soins"
                ),
                "event_type": "workshop",
                "summary": (
                    "Trois jours à Dakar pour les unions de mutuelles d'Afrique de l'Ouest : "
                    "négocier, signer et suivre une convention avec un centre de santé."
                ),
                "description": (
                    "<p>Les participants partagent leurs conventions, les tarifs négociés et les "
                    "outils de suivi des prestations, avec l'exemple du Réseau Alliance Santé au "
                    "Bénin.</p>"
                ),
                "objectives": (
                    "Préparer une négociation avec un prestataire\n"
                    "Suivre l'exécution d'une convention et ses coûts"
                ),
                "starts_on": dakar,
                "ends_on": dakar + datetime.timedelta(days=2),
                "start_time": datetime.time(9, 0),
                "end_time": datetime.time(17, 0),
                "time_zone": "Africa/Dakar",
                "venue": "Centre de formation de l'UEMOA",
                "city": "Dakar",
                "country_id": "SN",
                "organisers": "La Concertation\nProgramme STEP du BIT",
                "audience": "Responsables d'unions de mutuelles et médecins conseils.",
                "registration_enabled": True,
                "capacity": 25,
                "registration_deadline": dakar - datetime.timedelta(days=7),
                "programme": [
                    _module(
                        "Journée 1 – Préparer la négociation", dakar, dakar, "1 jour",
                        ["Connaître l'offre de soins et ses coûts"],
                        ["Étude de faisabilité de la contractualisation"],
                        [_speaker("", "médecin de santé publique", "m.rakoto@example.org")],
                    ),
                    _module(
                        "Journées 2 et 3 – Signer et suivre la convention",
                        dakar + datetime.timedelta(days=1), dakar + datetime.timedelta(days=2),
                        "2 jours", ["Mettre en place le suivi des prestations"],
                        ["Mesures incitatives", "Rôle de l'administration sanitaire"],
                        [_speaker("Fatou Ndiaye", "La Concertation")],
                    ),
                ],
            }),
            "themes": ["governance"],
            "regions": ["west-africa"],
            "languages": ["fr"],
        },
        {
            "key": "rabat",
            "fr": ("conference-rabat-couverture-maladie", {
                "title": (
                    "Conférence de Rabat : les mutuelles dans la couverture maladie universelle"
                ),
                "event_type": "conference",
                "summary": (
                    "Ministères, caisses nationales et réseaux mutualistes du Maghreb et "
                    "d'Afrique de l'Ouest font le point sur l'articulation de leurs régimes."
                ),
                "starts_on": rabat,
                "ends_on": rabat + datetime.timedelta(days=1),
                "start_time": datetime.time(9, 30),
                "end_time": datetime.time(18, 0),
                "time_zone": "Africa/Casablanca",
                "attendance": "hybrid",
                "venue": "Palais des congrès",
                "city": "Rabat",
                "country_id": "MA",
                "online_url": "https://meet.example.org/rabat-cmu",
                "organisers": "Agence nationale de l'assurance maladie\nProgramme STEP du BIT",
                "registration_enabled": True,
                "capacity": 200,
            }),
            "en": ("rabat-conference-universal-health-coverage", {
                "title": "Rabat conference: mutual organisations in universal health coverage",
                "summary": (
                    "Ministries, national funds and mutualist networks from the Maghreb and "
                    "West Africa review how their schemes fit together."
                ),
            }),
            "themes": ["universal-health-coverage", "articulation-with-social-security"],
            "languages": ["fr", "en"],
        },
        {
            "key": "webinar",
            "fr": ("webinaire-tableaux-de-bord-mas-pilote", {
                "title": "Webinaire : les tableaux de bord de MAS Pilote",
                "event_type": "webinar",
                "summary": (
                    "Une heure et demie pour lire les indicateurs de suivi d'une mutuelle dans "
                    "MAS Pilote : taux de pénétration, sinistralité, recouvrement."
                ),
                "starts_on": webinar,
                "ends_on": webinar,
                "start_time": datetime.time(14, 0),
                "end_time": datetime.time(15, 30),
                "time_zone": "Africa/Abidjan",
                "attendance": "online",
                "online_url": "https://meet.example.org/mas-pilote",
                "online_link_for_participants_only": True,
                "organisers": "Programme STEP du BIT",
                "registration_enabled": True,
                "capacity": 100,
                "programme": [
                    _module(
                        "Lire les indicateurs de suivi", webinar, webinar, "90 min",
                        ["Interpréter le tableau de bord mensuel"],
                        ["Taux de pénétration", "Sinistralité", "Taux de recouvrement"],
                        [_speaker("", "formateur MAS Pilote", "j.mbemba@example.org")],
                    )
                ],
            }),
            "en": ("webinar-mas-pilote-dashboards", {
                "title": "Webinar: MAS Pilote dashboards",
                "summary": (
                    "Ninety minutes on reading a mutual's monitoring indicators in MAS Pilote: "
                    "penetration rate, claims ratio, contribution collection."
                ),
            }),
            "themes": ["management-and-information-systems"],
            "languages": ["fr", "en"],
        },
    ]  # fmt: skip


def load(stdout) -> None:
    indexes = _calendars()
    if not indexes:
        stdout.write("Demo events skipped: no home page.")
        return
    owner = User.objects.filter(email="editor@example.org").first()
    created = 0
    for spec in _events(timezone.localdate()):
        if "fr" not in indexes:
            break
        slug, fields = spec["fr"]
        fr_event, is_new = _event(indexes["fr"], slug, fields, spec, owner)
        created += is_new
        if "en" in spec and "en" in indexes:
            en_slug, en_fields = spec["en"]
            shared = {name: value for name, value in fields.items() if name not in FRENCH_TEXT}
            _, is_new = _event(
                indexes["en"], en_slug, {**shared, **en_fields}, spec, owner, fr_event
            )
            created += is_new
    _home_blocks()
    stdout.write(f"Demo events: {created} created.")


def _calendars() -> dict[str, EventIndexPage]:
    indexes = {}
    translation_key = None
    for home in HomePage.objects.filter(depth=2).select_related("locale").order_by("-locale_id"):
        language = home.locale.language_code
        index = EventIndexPage.objects.child_of(home).first()
        if index is None:
            title, intro = CALENDAR.get(language, CALENDAR["en"])
            index = EventIndexPage(title=title, slug="events", intro=intro, locale=home.locale)
            if translation_key:
                index.translation_key = translation_key
            home.add_child(instance=index)
            index.save_revision().publish()
        translation_key = translation_key or index.translation_key
        indexes[language] = index
    return indexes


def _event(index, slug, fields, spec, owner, translation_of=None) -> tuple[EventPage, bool]:
    event = EventPage.objects.child_of(index).filter(slug=slug).first()
    if event is not None:
        return event, False
    event = EventPage(slug=slug, locale=index.locale, owner=owner, **fields)
    if translation_of is not None:
        event.translation_key = translation_of.translation_key
    index.add_child(instance=event)
    event.themes.set(Theme.objects.filter(slug_en__in=spec.get("themes", [])))
    event.regions.set(Region.objects.filter(slug__in=spec.get("regions", [])))
    event.languages.set(Language.objects.filter(code__in=spec.get("languages", [])))
    event.save_revision(user=owner).publish()
    return event, True


def _home_blocks() -> None:
    """Each home page lists the upcoming events."""
    for home in HomePage.objects.filter(depth=2).select_related("locale"):
        if any(
            block.block_type == "latest" and block.value["source"] == "events"
            for block in home.body
        ):
            continue
        heading = HOME_BLOCK_HEADINGS.get(home.locale.language_code, HOME_BLOCK_HEADINGS["en"])
        home.body.append(("latest", {"heading": heading, "source": "events", "count": 4}))
        home.save_revision().publish()
