"""Demo experts: a dozen varied CVs in French or English, at every visibility level.

The people are invented; their fields of work (feasibility studies, MAS
Gestion, the UEMOA regulation on social mutuals, actuarial work, networks
such as La Concertation and AMIN) come from the documents in shared/seeds.
"""

from dataclasses import dataclass, field
from datetime import date

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from portal import roles
from portal.models import Region, Theme, User

from .languages import LanguageLevel as L
from .models import (
    Availability,
    Education,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    Publication,
    TrainingGiven,
    WorkExperience,
    WorkKind,
)
from .permissions import Visibility


@dataclass(frozen=True)
class DemoExpert:
    email: str
    name: str
    headline: str
    summary: str
    residence: str
    nationality: str
    visibility: str
    languages: dict[str, int]
    expertise: dict[str, int]  # theme slug_en -> years
    countries: list[str]
    regions: list[str] = field(default_factory=list)
    keywords: str = ""
    validated: bool = False
    availability: str = Availability.AVAILABLE
    available_from: date | None = None
    # (role, organisation, country, kind, start, end or None, description)
    work: list[tuple] = field(default_factory=list)
    # (degree, field, institution, year)
    education: list[tuple] = field(default_factory=list)
    # (title, organiser, country, year)
    trainings: list[tuple] = field(default_factory=list)
    # (reference, url, year)
    publications: list[tuple] = field(default_factory=list)


E, C, M = WorkKind.EMPLOYMENT, WorkKind.CONSULTANCY, WorkKind.MISSION

DEMO_EXPERTS = [
    DemoExpert(
        "member@example.org", "Aminata Diallo",
        "Gérante de mutuelle de santé, formatrice MAS Gestion",
        "Je gère depuis dix ans une mutuelle de santé communautaire à Thiès : adhésions, "
        "cotisations, conventions avec les centres de santé. J'accompagne d'autres "
        "mutuelles qui passent du registre papier au logiciel **MAS Gestion**.",
        "SN", "SN", Visibility.MEMBERS,
        {"fr": L.NATIVE, "wo": L.NATIVE, "en": L.B1},
        {"management-and-information-systems": 10, "governance": 6},
        ["SN", "GM"], ["west-africa"],
        keywords="MAS Gestion, gestion des adhésions, formation de gérants",
        work=[
            ("Gérante", "Mutuelle de santé de Thiès", "SN", E, date(2015, 1, 1), None,
             "Suivi des adhésions et des prestations, tableau de bord mensuel."),
            ("Formatrice", "Union des mutuelles de santé de Dakar", "SN", M,
             date(2019, 4, 1), date(2019, 6, 1), "Formation de douze gérants à MAS Gestion."),
        ],
        education=[("Licence", "Gestion des entreprises", "Université de Thiès", 2012)],
        trainings=[("Prise en main de MAS Gestion", "UMSD", "SN", 2019)],
    ),
    DemoExpert(
        "k.traore@example.org", "Kadiatou Traoré",
        "Économiste de la santé, spécialiste du financement des mutuelles",
        "Économiste de la santé, je travaille sur la place de la micro-assurance dans les "
        "stratégies nationales de financement des soins : gratuité ciblée, assurance "
        "maladie universelle et articulation avec les mutuelles de santé.",
        "ML", "ML", Visibility.PUBLIC,
        {"fr": L.NATIVE, "bm": L.NATIVE, "en": L.C1},
        {"health-financing": 18, "universal-health-coverage": 9,
         "articulation-with-social-security": 7},
        ["ML", "BF", "NE", "SN"], ["uemoa"],
        keywords="financement de la santé, assurance maladie universelle, coûts des soins",
        validated=True,
        work=[
            ("Économiste principale", "Ministère de la Santé", "ML", E,
             date(2006, 9, 1), date(2016, 12, 1),
             "Comptes nationaux de la santé et scénarios de financement."),
            ("Consultante indépendante", "Programme STEP (BIT)", "BF", C,
             date(2017, 2, 1), None, "Études sur l'articulation mutuelles – AMU."),
        ],
        education=[
            ("Doctorat", "Économie de la santé", "Université Cheikh Anta Diop", 2005),
        ],
        publications=[
            ("La place des mutuelles dans le financement de la couverture universelle au Mali",
             "", 2018),
        ],
    ),
    DemoExpert(
        "r.menon@example.org", "Rohan Menon",
        "Actuary for community-based health insurance",
        "I price benefit packages and set contribution levels for community-based health "
        "insurance schemes, and I train their managers to read the results. I also "
        "worked with the AMIN network on prudential rules for small insurers.",
        "IN", "IN", Visibility.PUBLIC,
        {"en": L.C2, "hi": L.NATIVE, "fr": L.A2},
        {"health-financing": 14, "monitoring-and-evaluation": 8},
        ["IN", "NP", "PH", "BD"], ["south-asia", "south-east-asia"],
        keywords="actuarial studies, premium calculation, reserves, prudential rules",
        validated=True,
        work=[
            ("Actuary", "Asia Micro-insurance Network (AMIN)", "IN", E,
             date(2010, 6, 1), date(2020, 3, 1), "Pricing and reserving for member schemes."),
            ("Consultant actuary", "ILO STEP programme", "NP", C,
             date(2020, 4, 1), None, "Actuarial reviews of district health schemes."),
        ],
        education=[("MSc", "Actuarial science", "University of Mumbai", 2009)],
        trainings=[("Calculating contributions for a mutual", "AMIN", "PH", 2016)],
    ),
    DemoExpert(
        "p.kabore@example.org", "Pascal Kaboré",
        "Formateur en études de faisabilité de mutuelles de santé",
        "J'anime des formations à la conduite d'études de faisabilité : analyse du "
        "contexte, offre de soins, capacité contributive et volonté de payer des "
        "ménages, choix des garanties et calcul des cotisations.",
        "BF", "BF", Visibility.PUBLIC,
        {"fr": L.NATIVE, "en": L.B2},
        {"feasibility-studies": 15, "social-marketing": 5},
        ["BF", "BJ", "TG", "CI"], ["west-africa"],
        keywords="étude de faisabilité, volonté de payer, calcul des cotisations",
        availability=Availability.PARTIAL,
        work=[
            ("Conseiller technique", "Centre international de développement et de recherche",
             "BF", E, date(2008, 1, 1), date(2018, 8, 1),
             "Appui à la création de mutuelles en zone rurale."),
            ("Formateur", "Programme STEP (BIT)", "BJ", M, date(2019, 3, 1), date(2019, 3, 1),
             "Séminaire de formation de formateurs."),
        ],
        trainings=[
            ("Conduire une étude de faisabilité", "La Concertation", "SN", 2017),
            ("Calcul des cotisations d'une mutuelle", "STEP", "BJ", 2019),
        ],
        publications=[("Guide pratique de l'étude de faisabilité (co-auteur)", "", 2011)],
    ),
    DemoExpert(
        "f.sow@example.org", "Fatimata Sow",
        "Juriste, législation de la mutualité sociale dans l'UEMOA",
        "Juriste spécialisée dans le droit de la mutualité, j'ai participé aux ateliers "
        "nationaux qui ont préparé le règlement de l'UEMOA sur la mutualité sociale et "
        "j'accompagne les ministères dans sa mise en œuvre.",
        "SN", "SN", Visibility.STAFF,
        {"fr": L.NATIVE, "en": L.B2, "pt": L.A2},
        {"legislation-and-regulation": 16, "governance": 8},
        ["SN", "BJ", "BF", "CI", "GW", "ML", "NE", "TG"], ["uemoa"],
        keywords="règlement UEMOA, droit de la mutualité, textes d'application",
        validated=True,
        work=[
            ("Conseillère juridique", "Ministère du Travail", "SN", E,
             date(2004, 1, 1), date(2012, 6, 1), ""),
            ("Experte juridique", "Programme STEP (BIT)", "SN", C, date(2012, 7, 1), None,
             "Rédaction du projet de règlement et des textes d'exécution."),
        ],
        education=[("Master", "Droit social", "Université Cheikh Anta Diop", 2003)],
    ),
    DemoExpert(
        "j.mbemba@example.org", "Joseph Mbemba",
        "Formateur MAS Gestion et MAS Pilote",
        "J'installe les logiciels MAS Gestion et MAS Pilote et je forme les gestionnaires "
        "de mutuelles et les structures d'appui qui suivent leurs indicateurs.",
        "CD", "CD", Visibility.MEMBERS,
        {"fr": L.NATIVE, "ln": L.NATIVE, "sw": L.B1},
        {"management-and-information-systems": 9, "monitoring-and-evaluation": 6},
        ["CD", "RW", "BI"], ["central-africa"],
        keywords="MAS Gestion, MAS Pilote, indicateurs de suivi, informatisation",
        availability=Availability.AVAILABLE, available_from=date(2026, 9, 1),
        work=[
            ("Informaticien", "Mutuelle de santé des enseignants des écoles catholiques",
             "CD", E, date(2013, 2, 1), date(2021, 12, 1),
             "Saisie des adhérents et suivi de la consommation de soins."),
        ],
        trainings=[("MAS Pilote pour les structures d'appui", "STEP", "RW", 2022)],
    ),
    DemoExpert(
        "a.coulibaly@example.org", "Awa Coulibaly",
        "Spécialiste du suivi et de l'évaluation des micro-assurances santé",
        "Je conçois des systèmes de suivi pour les réseaux de mutuelles et j'évalue les "
        "programmes d'appui.",
        "CI", "CI", Visibility.PUBLIC,
        {"fr": L.NATIVE, "en": L.B2},
        {"monitoring-and-evaluation": 12, "feasibility-studies": 4},
        ["CI", "GN", "CM"],
        keywords="indicateurs, évaluation, tableaux de bord",
        availability=Availability.UNAVAILABLE,
        work=[
            ("Chargée de suivi-évaluation", "La Concertation", "SN", E,
             date(2012, 1, 1), None, "Base de données régionale des mutuelles."),
        ],
    ),
    DemoExpert(
        "m.rakoto@example.org", "Mamy Rakotomalala",
        "Médecin de santé publique, conventions entre mutuelles et prestataires",
        "Médecin, je négocie et j'évalue les conventions entre mutuelles de santé et "
        "formations sanitaires : tarifs, qualité des soins, contrôle des prestations.",
        "MG", "MG", Visibility.MEMBERS,
        {"fr": L.C2, "en": L.B1},
        {"universal-health-coverage": 11, "health-financing": 6},
        ["MG", "KM"], ["southern-africa"],
        keywords="conventionnement, qualité des soins, offre de soins",
        work=[
            ("Médecin-chef", "District sanitaire", "MG", E, date(2005, 1, 1),
             date(2015, 12, 1), ""),
            ("Consultant", "Réseau des mutuelles de Madagascar", "MG", C,
             date(2016, 1, 1), None, ""),
        ],
    ),
    DemoExpert(
        "l.quispe@example.org", "Lucía Quispe",
        "Social protection specialist, community health schemes in the Andes",
        "I support rural health schemes in Bolivia and Peru and the regional network "
        "that connects them with national social security.",
        "BO", "BO", Visibility.PUBLIC,
        {"es": L.NATIVE, "en": L.C1, "fr": L.B1},
        {"articulation-with-social-security": 10, "networks-and-partnerships": 8},
        ["BO", "PE", "EC"], ["latin-america"],
        keywords="community health insurance, social security extension, networks",
        work=[
            ("Programme officer", "Regional network of health mutuals", "UY", E,
             date(2011, 3, 1), None, "Advocacy and exchanges between member schemes."),
        ],
        education=[("MA", "Public policy", "Universidad Mayor de San Andrés", 2010)],
    ),
    DemoExpert(
        "s.ouedraogo@example.org", "Salif Ouédraogo",
        "Gouvernance mutualiste et formation des élus",
        "J'accompagne les assemblées générales et les conseils d'administration des "
        "mutuelles : statuts, règlement intérieur, rôle des élus et contrôle.",
        "BF", "BF", Visibility.STAFF,
        {"fr": L.NATIVE, "en": L.A2},
        {"governance": 13},
        ["BF", "NE"],
        keywords="gouvernance, statuts, vie associative",
        availability=Availability.PARTIAL,
        work=[
            ("Animateur", "Union des mutuelles du Burkina", "BF", E, date(2009, 1, 1), None, ""),
        ],
    ),
    DemoExpert(
        "n.hossain@example.org", "Nasreen Hossain",
        "Microinsurance product designer for microfinance networks",
        "I design health microinsurance products distributed by microfinance "
        "institutions, from market study to claims procedures.",
        "BD", "BD", Visibility.MEMBERS,
        {"bn": L.NATIVE, "en": L.C2},
        {"social-marketing": 9, "feasibility-studies": 7},
        ["BD", "IN", "KH"], ["south-asia"],
        keywords="product design, microfinance, market study, claims",
        validated=True,
        work=[
            ("Product manager", "Microfinance network", "BD", E, date(2012, 5, 1),
             date(2022, 4, 1), ""),
            ("Consultant", "AMIN", "KH", C, date(2022, 5, 1), None, ""),
        ],
        publications=[
            ("Bundling health cover with microcredit: lessons from Bangladesh", "", 2019),
        ],
    ),
    DemoExpert(
        "y.benali@example.org", "Youssef Benali",
        "Expert en systèmes d'information de l'assurance maladie",
        "Je conçois les systèmes d'information qui relient les mutuelles aux caisses "
        "nationales d'assurance maladie : immatriculation, échanges de données, "
        "tableaux de bord.",
        "MA", "MA", Visibility.PUBLIC,
        {"ar": L.NATIVE, "fr": L.C2, "en": L.B2},
        {"management-and-information-systems": 12, "universal-health-coverage": 5},
        ["MA", "TN", "MR", "SN"], ["north-africa"],
        keywords="système d'information, interopérabilité, immatriculation",
        work=[
            ("Chef de projet", "Caisse nationale d'assurance maladie", "MA", E,
             date(2010, 9, 1), None, ""),
        ],
    ),
]  # fmt: skip


def load(stdout) -> None:
    themes = {theme.slug_en: theme for theme in Theme.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}
    member_group = Group.objects.get(name=roles.MEMBER)
    created = 0
    for spec in DEMO_EXPERTS:
        user = _demo_user(spec, member_group)
        profile, is_new = ExpertProfile.objects.get_or_create(
            user=user,
            defaults={
                "headline": spec.headline,
                "summary": spec.summary,
                "nationality_id": spec.nationality,
                "residence_id": spec.residence,
                "keywords": spec.keywords,
                "availability": spec.availability,
                "available_from": spec.available_from,
                "visibility": spec.visibility,
                "is_validated": spec.validated,
                "validated_at": timezone.now() if spec.validated else None,
            },
        )
        if is_new:
            _fill(profile, spec, themes, regions)
            created += 1
    stdout.write(f"Demo experts: {created} created, {len(DEMO_EXPERTS) - created} already there.")


def _demo_user(spec: DemoExpert, member_group) -> User:
    user, created = User.objects.get_or_create(
        email=spec.email,
        defaults={"username": spec.email.split("@")[0], "display_name": spec.name},
    )
    if created:
        # Demo experts never log in (except the demo member, created by the portal).
        user.set_unusable_password()
        user.country_id = spec.residence
        user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=spec.email, defaults={"verified": True, "primary": True}
        )
    user.groups.add(member_group)
    return user


def _fill(profile: ExpertProfile, spec: DemoExpert, themes: dict, regions: dict) -> None:
    LanguageSkill.objects.bulk_create(
        LanguageSkill(profile=profile, language=code, level=level)
        for code, level in spec.languages.items()
    )
    Expertise.objects.bulk_create(
        Expertise(profile=profile, theme=themes[slug], years=years)
        for slug, years in spec.expertise.items()
    )
    profile.experience_countries.set(spec.countries)
    profile.experience_regions.set([regions[slug] for slug in spec.regions])
    WorkExperience.objects.bulk_create(
        WorkExperience(
            profile=profile, role=role, organisation=organisation, country_id=country,
            kind=kind, start_date=start, end_date=end, description=description,
        )
        for role, organisation, country, kind, start, end, description in spec.work
    )  # fmt: skip
    Education.objects.bulk_create(
        Education(
            profile=profile, degree=degree, field_of_study=subject, institution=place, year=year
        )
        for degree, subject, place, year in spec.education
    )
    TrainingGiven.objects.bulk_create(
        TrainingGiven(
            profile=profile, title=title, organiser=organiser, country_id=country, year=year
        )
        for title, organiser, country, year in spec.trainings
    )
    Publication.objects.bulk_create(
        Publication(profile=profile, reference=reference, url=url, year=year)
        for reference, url, year in spec.publications
    )
