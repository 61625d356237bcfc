"""Demo content of the library: the catalogue pages and 27 resources in French and English.

Each resource gets real generated files (PDF with fpdf2, DOCX with
python-docx) whose text is extracted at once, so search and the extraction
status have something to show. Facts come from the documents in
shared/seeds (the STEP programme, its guides and software, the seminar, the
partnership network); the sentences are written for this demo. Idempotent:
resources are matched on their library reference.
"""

import datetime
import io
from dataclasses import dataclass, field

import docx
from django.core.files.base import ContentFile
from fpdf import FPDF
from wagtail.documents import get_document_model

from portal.models import Country, HomePage, Region, Theme

from .models import LibraryIndexPage, ResourceAuthor, ResourceFile, ResourcePage
from .rights import RightsBasis
from .tasks import extract_document_text

INDEX = {
    "fr": ("Bibliothèque", "Guides, études, rapports, outils et textes juridiques, à filtrer par "
           "thème, pays, langue et type."),
    "en": ("Library", "Guides, studies, reports, tools and legal texts, to filter by theme, "
           "country, language and type."),
}  # fmt: skip


@dataclass
class DemoResource:
    reference: str
    resource_type: str
    year: int
    themes: list[str]
    countries: list[str]
    # language -> (title, summary); one entry per tree the resource appears in.
    text: dict[str, tuple[str, str]]
    languages: list[str]
    authors: list[tuple[str, str, str]] = field(default_factory=list)
    publisher: str = "BIT/STEP"
    file_formats: list[str] = field(default_factory=lambda: ["pdf"])
    regions: list[str] = field(default_factory=list)
    rights: dict = field(
        default_factory=lambda: {
            "rights_holder": "BIT",
            "rights_basis": RightsBasis.OWN_PUBLICATION,
        }
    )
    isbn: str = ""
    ilo_reference: str = ""


ILO = ("organisation", "Bureau international du Travail", "")
STEP = ("organisation", "Programme STEP", "")

RESOURCES = [
    DemoResource(
        "step-afrique-brochure",
        "report",
        2006,
        [
            "articulation-with-social-security",
            "universal-health-coverage",
            "networks-and-partnerships",
        ],
        ["SN", "BF", "BJ", "CD", "ML"],
        {
            "fr": (
                "STEP en Afrique : l'accès à la protection sociale et aux soins de santé pour tous",
                "Brochure du programme STEP en Afrique : appui aux stratégies nationales "
                "d'extension, cadre juridique régional des mutuelles, outils de gestion MAS "
                "Gestion et MAS Pilote, formations et réseaux de partenaires.",
            ),
            "en": (
                "STEP in Africa: access to social protection and health care for all",
                "Brochure of the STEP programme in Africa: support to national extension "
                "strategies, a regional legal framework for mutuals, the MAS Gestion and MAS "
                "Pilote tools, trainings and partner networks.",
            ),
        },
        ["fr", "en"],
        [STEP, ILO],
        file_formats=["pdf", "pdf"],
        regions=["west-africa"],
    ),
    DemoResource(
        "guide-etude-faisabilite",
        "guide",
        2005,
        ["feasibility-studies", "health-financing"],
        ["SN", "ML", "GN"],
        {
            "fr": (
                "Guide pour l'étude de faisabilité de systèmes de micro-assurance santé",
                "Une méthode pas à pas pour vérifier, avant de lancer une mutuelle de santé, "
                "que la population cible, l'offre de soins et la capacité contributive "
                "permettent un système viable : enquêtes, calcul des cotisations, plan de "
                "financement.",
            ),
            "en": (
                "Guide to feasibility studies for health microinsurance schemes",
                "A step-by-step method to check, before a mutual health organisation is "
                "launched, that the target population, health services and ability to pay make "
                "a viable scheme: surveys, contribution calculation, financing plan.",
            ),
        },
        ["fr", "en"],
        [("person", "Diop", "Awa"), STEP],
        file_formats=["pdf", "docx"],
        isbn="92-2-117174-1",
        ilo_reference="STEP/2005/G01",
    ),
    DemoResource(
        "mas-gestion",
        "software",
        2008,
        ["management-and-information-systems"],
        ["CD", "SN"],
        {
            "fr": (
                "MAS Gestion : logiciel de gestion des micro-assurances santé",
                "Logiciel pour les gestionnaires de mutuelles : enregistrement et contrôle des "
                "adhésions, des cotisations et des prestations, tableaux de bord, échange de "
                "données avec les structures d'appui. Utilisé par la MUSECKIN à Kinshasa.",
            ),
            "en": (
                "MAS Gestion: management software for health microinsurance",
                "Software for scheme managers: recording and checking memberships, "
                "contributions and benefits, dashboards and data exchange with support "
                "structures. Used by MUSECKIN in Kinshasa.",
            ),
        },
        ["fr", "en"],
        [STEP],
        file_formats=["docx"],
    ),
    DemoResource(
        "mas-pilote",
        "software",
        2008,
        ["management-and-information-systems", "monitoring-and-evaluation"],
        ["SN", "BJ"],
        {
            "fr": (
                "MAS Pilote : logiciel de suivi des micro-assurances santé",
                "Outil des structures d'appui : onze indicateurs pour suivre l'évolution des "
                "adhésions, des cotisations et des prestations des systèmes qu'elles "
                "accompagnent, et adapter leur conseil.",
            ),
            "en": (
                "MAS Pilote: monitoring software for health microinsurance",
                "A tool for support structures: eleven indicators to follow memberships, "
                "contributions and benefits of the schemes they assist, and adapt their advice.",
            ),
        },
        ["fr", "en"],
        [STEP],
        file_formats=["docx"],
    ),
    DemoResource(
        "seminaire-micro-assurance-sante",
        "training",
        2007,
        ["health-financing", "universal-health-coverage", "governance"],
        ["SN", "CI", "BF"],
        {
            "fr": (
                "Séminaire : la micro-assurance santé participative dans les stratégies nationales",
                "Programme d'un séminaire en trois modules : place de la micro-assurance dans "
                "le financement des soins, gestion des risques et des relations avec l'offre de "
                "soins, stratégies de développement et de partenariat des mutuelles.",
            ),
        },
        ["fr"],
        [("person", "Boutbien", "Allan"), ("person", "Galland", "Bruno")],
        publisher="Mutualité Française",
        rights={
            "rights_holder": "Mutualité Française",
            "rights_basis": RightsBasis.PERMISSION_GRANTED,
            "permission_granted_by": "Direction des relations internationales",
            "permission_date": "2024-03-01",
        },
    ),
    DemoResource(
        "reseau-partenariats",
        "report",
        2006,
        ["networks-and-partnerships"],
        ["SN", "IN", "UY"],
        {
            "fr": (
                "Mise en œuvre d'un réseau international de partenariats",
                "Comment STEP s'appuie sur trois pôles régionaux, La Concertation à Dakar, AMIN "
                "à New Delhi et une future Concertation à Montevideo, reliés par une Alliance "
                "internationale pour l'extension de la protection sociale basée à Genève.",
            ),
            "en": (
                "Building an international partnership network",
                "How STEP relies on three regional hubs, La Concertation in Dakar, AMIN in New "
                "Delhi and a future Concertation in Montevideo, linked by an international "
                "alliance for the extension of social protection based in Geneva.",
            ),
        },
        ["fr", "en"],
        [("person", "Coheur", "Alain")],
        regions=["west-africa", "south-asia"],
    ),
    DemoResource(
        "guide-gestion-mutuelles",
        "manual",
        2004,
        ["management-and-information-systems", "governance"],
        ["SN", "GN", "TG"],
        {
            "fr": (
                "Guide de gestion des mutuelles de santé en Afrique",
                "Manuel de gestion administrative, financière et comptable pour les responsables "
                "élus et les gérants de mutuelles de santé.",
            )
        },
        ["fr"],
        [STEP],
    ),
    DemoResource(
        "guide-suivi-evaluation",
        "guide",
        2001,
        ["monitoring-and-evaluation"],
        ["BJ", "CM"],
        {
            "fr": (
                "Guide de suivi et d'évaluation des systèmes de micro-assurance santé",
                "Indicateurs, tableaux de bord et méthode d'évaluation pour piloter une mutuelle "
                "et rendre compte aux adhérents.",
            ),
            "en": (
                "Monitoring and evaluation guide for health microinsurance schemes",
                "Indicators, dashboards and an evaluation method to steer a scheme and report "
                "to its members.",
            ),
        },
        ["fr", "en"],
        [ILO],
    ),
    DemoResource(
        "reglement-uemoa-mutualite",
        "legal-text",
        2009,
        ["legislation-and-regulation"],
        ["SN", "BJ", "BF", "CI", "ML", "NE", "TG", "GW"],
        {
            "fr": (
                "Règlement portant réglementation de la mutualité sociale au sein de l'UEMOA",
                "Le texte communautaire qui donne un cadre juridique commun aux mutuelles sociales "
                "des huit États de l'Union, préparé avec l'appui de STEP.",
            )
        },
        ["fr"],
        [("organisation", "Union économique et monétaire ouest-africaine", "")],
        publisher="UEMOA",
        regions=["uemoa"],
        rights={
            "rights_holder": "UEMOA",
            "rights_basis": RightsBasis.OPEN_LICENCE,
            "licence": "Texte officiel, reproduction libre",
        },
    ),
    DemoResource(
        "loi-mutualite-mali",
        "legal-text",
        1996,
        ["legislation-and-regulation"],
        ["ML"],
        {
            "fr": (
                "Loi régissant la mutualité au Mali",
                "Loi nationale fixant les conditions de création, d'agrément et de contrôle des "
                "mutuelles au Mali.",
            )
        },
        ["fr"],
        [("organisation", "République du Mali", "")],
        publisher="Journal officiel du Mali",
        rights={
            "rights_holder": "République du Mali",
            "rights_basis": RightsBasis.OPEN_LICENCE,
            "licence": "Texte officiel",
        },
    ),
    DemoResource(
        "etude-transporteurs-senegal",
        "study",
        2007,
        ["feasibility-studies", "articulation-with-social-security"],
        ["SN"],
        {
            "fr": (
                "Étude de faisabilité d'une assurance santé pour les transporteurs routiers "
                "du Sénégal",
                "Réalisée à la demande du Comité national du dialogue social avec les ministères, "
                "les employeurs et les syndicats du transport, avec l'appui de STEP et du PRODIAF.",
            )
        },
        ["fr"],
        [STEP, ("organisation", "Comité national du dialogue social", "")],
    ),
    DemoResource(
        "etude-ruraux-senegal",
        "study",
        2007,
        ["feasibility-studies", "universal-health-coverage"],
        ["SN"],
        {
            "fr": (
                "Protection sociale des ruraux au Sénégal : étude de faisabilité",
                "Coordonnée par le CNCR, l'étude prépare le régime prévu par la loi "
                "agro-sylvo-pastorale pour près de cinq millions de travailleurs de l'agriculture, "
                "avec une expérience pilote dans deux zones de production.",
            ),
            "en": (
                "Social protection for rural workers in Senegal: feasibility study",
                "Coordinated by CNCR, the study prepares the scheme planned by the agro-sylvo-"
                "pastoral law for nearly five million agricultural workers, with a pilot in two "
                "farming areas.",
            ),
        },
        ["fr", "en"],
        [("organisation", "CNCR", ""), STEP],
    ),
    DemoResource(
        "mutuelle-enseignants-kinshasa",
        "study",
        2008,
        ["management-and-information-systems"],
        ["CD"],
        {
            "fr": (
                "MUSECKIN : une mutuelle d'enseignants informatisée à Kinshasa",
                "Étude de cas sur la mutuelle de santé des enseignants des écoles catholiques, qui "
                "a enregistré adhérents et personnes à charge avec MAS Gestion et mesuré la "
                "fréquentation et le coût des soins.",
            )
        },
        ["fr"],
        [STEP],
    ),
    DemoResource(
        "syndicat-kinshasa-faisabilite",
        "study",
        2006,
        ["feasibility-studies"],
        ["CD"],
        {
            "fr": (
                "Étude de faisabilité d'une mutuelle de santé syndicale à Kinshasa",
                "Un syndicat prépare une mutuelle nationale ouverte aux travailleurs à faibles "
                "revenus, en relançant une première structure de soins.",
            )
        },
        ["fr"],
        [STEP],
    ),
    DemoResource(
        "amin-asia-overview",
        "report",
        2007,
        ["networks-and-partnerships", "health-financing"],
        ["IN", "BD", "PH", "KH"],
        {
            "en": (
                "Microinsurance in Asia: the AMIN network",
                "An overview of the Asia microinsurance network, its members and its exchanges "
                "on health microinsurance, from its secretariat in New Delhi.",
            )
        },
        ["en"],
        [("organisation", "Asia Microinsurance Network", "")],
        publisher="AMIN",
        regions=["south-asia", "south-east-asia"],
        rights={
            "rights_holder": "AMIN",
            "rights_basis": RightsBasis.OPEN_LICENCE,
            "licence": "CC BY 4.0",
        },
    ),
    DemoResource(
        "acym-americas",
        "report",
        2007,
        ["networks-and-partnerships"],
        ["UY", "BO", "PE", "CO"],
        {
            "en": (
                "Mutual health organisations in Latin America: towards a regional network",
                "Contacts with representative organisations in Latin America and the plan for a "
                "regional Concertation based in Montevideo.",
            )
        },
        ["en", "es"],
        [STEP],
        regions=["latin-america"],
    ),
    DemoResource(
        "base-donnees-mutuelles",
        "database",
        2010,
        ["monitoring-and-evaluation", "networks-and-partnerships"],
        ["SN", "ML", "BF", "BJ", "GN", "TG", "CI", "NE"],
        {
            "fr": (
                "Inventaire des mutuelles de santé en Afrique de l'Ouest",
                "Base de données des mutuelles recensées par La Concertation : nombre "
                "d'adhérents, services couverts, partenaires, en format tableur.",
            ),
            "en": (
                "Inventory of mutual health organisations in West Africa",
                "Database of the mutuals surveyed by La Concertation: members, services covered, "
                "partners, as a spreadsheet.",
            ),
        },
        ["fr", "en"],
        [("organisation", "La Concertation", "")],
        publisher="La Concertation",
        regions=["west-africa"],
        rights={
            "rights_holder": "La Concertation",
            "rights_basis": RightsBasis.PERMISSION_GRANTED,
            "permission_granted_by": "Secrétariat de La Concertation, Dakar",
            "permission_date": "2023-11-15",
        },
    ),
    DemoResource(
        "base-donnees-cotisations",
        "database",
        2012,
        ["health-financing"],
        ["BF", "ML"],
        {
            "fr": (
                "Grilles de calcul des cotisations",
                "Tableurs pour estimer les cotisations à partir de la fréquentation et du coût "
                "des soins, compléments des logiciels MAS.",
            )
        },
        ["fr"],
        [STEP],
    ),
    DemoResource(
        "formation-marketing-social",
        "training",
        2009,
        ["social-marketing"],
        ["SN", "BJ"],
        {
            "fr": (
                "Module de formation : le marketing social des mutuelles de santé",
                "Supports de formation pour convaincre et fidéliser les adhérents : message, "
                "canaux, relais communautaires.",
            ),
            "en": (
                "Training module: social marketing for mutual health organisations",
                "Training material to convince and keep members: messages, channels, community "
                "relays.",
            ),
        },
        ["fr", "en"],
        [ILO],
    ),
    DemoResource(
        "formation-vih-mutuelles",
        "training",
        2010,
        ["hiv-aids", "health-financing"],
        ["BF", "CI", "CM"],
        {
            "fr": (
                "VIH/sida et mutuelles de santé : module de formation",
                "Comment une mutuelle peut couvrir la prise en charge des personnes vivant avec "
                "le VIH sans mettre en péril son équilibre financier.",
            )
        },
        ["fr"],
        [STEP, ("organisation", "ONUSIDA", "")],
    ),
    DemoResource(
        "manuel-gouvernance-mutuelles",
        "manual",
        2011,
        ["governance"],
        ["SN", "GN"],
        {
            "fr": (
                "Manuel de gouvernance démocratique des mutuelles",
                "Assemblée générale, conseil d'administration, contrôle : les règles qui font "
                "d'une mutuelle une organisation gérée par ses membres.",
            )
        },
        ["fr"],
        [STEP],
    ),
    DemoResource(
        "uhc-articulation-report",
        "report",
        2014,
        ["universal-health-coverage", "articulation-with-social-security"],
        ["GH", "RW", "SN"],
        {
            "en": (
                "Linking community schemes with universal health coverage",
                "How Ghana, Rwanda and Senegal connected community-based schemes with national "
                "health insurance, and what it taught about coherent, articulated systems.",
            )
        },
        ["en"],
        [ILO],
        regions=["west-africa", "east-africa"],
    ),
    DemoResource(
        "health-financing-study-india",
        "study",
        2013,
        ["health-financing"],
        ["IN"],
        {
            "en": (
                "Community health financing in India: lessons from microinsurance",
                "A study of health microinsurance schemes run by cooperatives and microfinance "
                "institutions in India.",
            )
        },
        ["en"],
        [("person", "Kumar", "Ravi")],
        publisher="AMIN",
        rights={
            "rights_holder": "AMIN",
            "rights_basis": RightsBasis.OPEN_LICENCE,
            "licence": "CC BY-NC 4.0",
        },
    ),
    DemoResource(
        "cit-2001-consensus",
        "legal-text",
        2001,
        ["legislation-and-regulation", "universal-health-coverage"],
        [],
        {
            "fr": (
                "Sécurité sociale : un nouveau consensus (CIT 2001)",
                "Conclusions de la 89e session de la Conférence internationale du Travail, qui "
                "donnent la priorité à l'extension de la sécurité sociale aux personnes non "
                "couvertes.",
            ),
            "en": (
                "Social security: a new consensus (ILC 2001)",
                "Conclusions of the 89th International Labour Conference, which give priority "
                "to extending social security to those not covered.",
            ),
        },
        ["fr", "en"],
        [ILO],
        publisher="Bureau international du Travail",
        ilo_reference="ILC.89",
    ),
    DemoResource(
        "guide-cotisations",
        "guide",
        2003,
        ["health-financing", "feasibility-studies"],
        ["BF", "NE"],
        {
            "fr": (
                "Calculer les cotisations d'une mutuelle de santé",
                "Guide technique : fréquentation, coûts moyens, marges de sécurité et choix du "
                "montant des cotisations.",
            )
        },
        ["fr"],
        [STEP],
    ),
    DemoResource(
        "rapport-concertation-2005",
        "report",
        2005,
        ["networks-and-partnerships", "governance"],
        ["SN", "ML", "BF", "CM"],
        {
            "fr": (
                "La Concertation : bilan des activités 2005",
                "Forums, échanges d'expériences et plaidoyer des acteurs du développement des "
                "mutuelles de santé en Afrique de l'Ouest et du Centre.",
            )
        },
        ["fr"],
        [("organisation", "La Concertation", "")],
        publisher="La Concertation",
        regions=["west-africa", "central-africa"],
        rights={
            "rights_holder": "La Concertation",
            "rights_basis": RightsBasis.PERMISSION_GRANTED,
            "permission_granted_by": "Secrétariat de La Concertation, Dakar",
            "permission_date": "2023-11-15",
        },
    ),
    DemoResource(
        "me-toolkit-english",
        "manual",
        2015,
        ["monitoring-and-evaluation", "management-and-information-systems"],
        ["KE", "TZ", "UG"],
        {
            "en": (
                "Performance indicators for health microinsurance: a practitioner's manual",
                "A manual of key performance indicators, with worked examples from East African "
                "schemes.",
            )
        },
        ["en"],
        [ILO],
        regions=["east-africa"],
    ),
]


def load(stdout) -> None:
    indexes = _index_pages()
    themes = {theme.slug_en: theme for theme in Theme.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}
    created = 0
    for spec in RESOURCES:
        translation_key = None
        for language, text in spec.text.items():
            page, was_created = _resource(indexes[language], spec, language, text, translation_key)
            translation_key = page.translation_key
            created += was_created
            if was_created:
                page.themes.set([themes[slug] for slug in spec.themes])
                page.countries.set(Country.objects.filter(code__in=spec.countries))
                page.regions.set([regions[slug] for slug in spec.regions])
                page.languages.set(spec.languages)
                page.save_revision().publish()
    stdout.write(f"Library: {created} resources created ({len(RESOURCES)} in the demo).")


def _index_pages() -> dict[str, LibraryIndexPage]:
    indexes = {}
    fr_index = None
    for language in ("fr", "en"):
        home = HomePage.objects.filter(locale__language_code=language).first()
        index = LibraryIndexPage.objects.child_of(home).first()
        if index is None:
            title, intro = INDEX[language]
            index = LibraryIndexPage(
                title=title, slug="library", intro=intro, locale=home.locale, show_in_menus=True
            )
            if fr_index is not None:
                index.translation_key = fr_index.translation_key
            home.add_child(instance=index)
            index.save_revision().publish()
        fr_index = fr_index or index
        indexes[language] = index
    return indexes


def _resource(index, spec: DemoResource, language, text, translation_key):
    existing = ResourcePage.objects.filter(reference=spec.reference, locale=index.locale).first()
    if existing is not None:
        return existing, False
    title, summary = text
    page = ResourcePage(
        title=title,
        slug=spec.reference,
        summary=summary,
        resource_type=spec.resource_type,
        publication_year=spec.year,
        publisher=spec.publisher,
        reference=spec.reference,
        isbn=spec.isbn,
        ilo_reference=spec.ilo_reference,
        locale=index.locale,
        live=False,
        **_rights(spec.rights),
    )
    if translation_key is not None:
        page.translation_key = translation_key
    page.authors = [
        ResourceAuthor(kind=kind, name=name, given_names=given, sort_order=order)
        for order, (kind, name, given) in enumerate(spec.authors)
    ]
    page.files = [
        ResourceFile(
            document=_document(spec, language, title, summary, file_format, number),
            label=_file_label(file_format, language, number),
            language_id=language,
            sort_order=number,
        )
        for number, file_format in enumerate(spec.file_formats)
    ]
    index.add_child(instance=page)
    return page, True


def _rights(rights: dict) -> dict:
    if "permission_date" in rights:
        return {**rights, "permission_date": datetime.date.fromisoformat(rights["permission_date"])}
    return rights


def _file_label(file_format: str, language: str, number: int) -> str:
    if number and file_format == "pdf":
        return {"fr": "Résumé", "en": "Summary"}[language]
    return {"fr": "Version française", "en": "English version"}[language]


def _document(spec, language, title, summary, file_format, number):
    Document = get_document_model()
    filename = f"{spec.reference}-{language}-{number + 1}.{file_format}"
    document = Document.objects.filter(file__endswith=filename).first()
    if document is None:
        data = _pdf(title, summary) if file_format == "pdf" else _docx(title, summary)
        document = Document(title=title[:255])
        document.file.save(filename, ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
    # Demo content should be searchable at once, without waiting for the worker.
    extract_document_text.call(document.pk)
    return document


def _pdf(title: str, summary: str) -> bytes:
    pdf = FPDF()
    pdf.set_title(_latin1(title))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, _latin1(title))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, _latin1(summary))
    return bytes(pdf.output())


def _docx(title: str, summary: str) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(summary)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _latin1(text: str) -> str:
    """fpdf2's built-in fonts cover Latin-1 only."""
    replacements = {"œ": "oe", "Œ": "OE", "’": "'", "–": "-", "—": "-", "…": "..."}
    for character, replacement in replacements.items():
        text = text.replace(character, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")
