"""Demo workspaces: the MAS software users' space (public), social marketing (members-only
content), a national strategy being drafted (secret) and an Asian network's space in English.

Facts come from the documents in shared/seeds (the STEP programme's software,
the MSS Bénin social marketing project, Senegal's national social protection
strategy, the AMIN network); the sentences are written for this demo.
Idempotent: a workspace whose slug exists is left as it is.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from fpdf import FPDF

from forums.services import reply, start_topic
from library.uploads import check_upload
from portal import roles
from portal.models import Theme, User

from .models import Milestone, Role, Workspace
from .services.discussion import ensure_forum
from .services.documents import add_document, add_version
from .services.membership import create_workspace
from .services.wiki import create_page, save_page


@dataclass(frozen=True)
class DemoPerson:
    email: str
    display_name: str
    organisation: str
    job_title: str
    country: str
    languages: tuple[str, ...]


# Animators and participants of the demo workspaces (no password: they only author content).
PEOPLE = {
    "ousmane": DemoPerson("ousmane.sarr@example.org", "Ousmane Sarr", "BIT / STEP Dakar",
                          "Expert en systèmes d'information", "SN", ("fr", "wo")),
    "claire": DemoPerson("claire.dubois@example.org", "Claire Dubois", "BIT / STEP Dakar",
                         "Chargée d'appui aux mutuelles", "SN", ("fr", "en")),
    "koffi": DemoPerson("koffi.agbo@example.org", "Koffi Agbo", "MSS Bénin",
                        "Responsable communication", "BJ", ("fr",)),
    "mariam": DemoPerson("mariam.ouedraogo@example.org", "Mariam Ouédraogo",
                         "Union des mutuelles de Ouagadougou", "Gérante", "BF", ("fr",)),
    "priya": DemoPerson("priya.nair@example.org", "Priya Nair", "AMIN network",
                        "Network coordinator", "IN", ("en", "hi")),
    "anwar": DemoPerson("anwar.hossain@example.org", "Anwar Hossain",
                        "Community health scheme, Dhaka", "Scheme manager", "BD", ("en", "bn")),
}  # fmt: skip


@dataclass
class DemoPage:
    title: str
    revisions: list[str]
    parent: str | None = None


@dataclass
class DemoWorkspace:
    slug: str
    name: str
    summary: str
    description: str
    visibility: str
    membership_policy: str
    themes: list[str]
    countries: list[str]
    languages: list[str]
    coordinators: list[str]
    members: dict[str, str]  # person key or portal demo email -> role
    pages: list[DemoPage] = field(default_factory=list)
    documents: list[tuple[str, str, list[str]]] = field(default_factory=list)
    milestones: list[tuple[int, str, str]] = field(default_factory=list)
    # (title, opening post, [(person key, reply)…]); the first coordinator opens each topic.
    topics: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)
    status: str = "active"


WORKSPACES = [
    DemoWorkspace(
        slug="utilisateurs-mas-gestion-mas-pilote",
        name="Utilisateurs de MAS Gestion et MAS Pilote",
        summary=(
            "L'espace des mutuelles et des structures d'appui qui utilisent les logiciels "
            "MAS Gestion et MAS Pilote : entraide, paramétrage, nouvelles versions."
        ),
        description=(
            "Les deux logiciels ont été conçus par l'équipe du programme STEP en Afrique. "
            "**MAS Gestion** sert aux gérants pour enregistrer adhésions, cotisations et "
            "prestations ; **MAS Pilote** donne aux structures d'appui un tableau de bord de "
            "onze indicateurs.\n\n"
            "Cet espace est animé depuis Dakar. Posez vos questions dans la discussion, "
            "complétez le wiki et partagez vos grilles de calcul des cotisations."
        ),
        visibility="public",
        membership_policy="open",
        themes=["management-and-information-systems", "monitoring-and-evaluation"],
        countries=["SN", "BF", "BJ", "CD"],
        languages=["fr"],
        coordinators=["ousmane", "claire"],
        members={"mariam": Role.MEMBER, "member@example.org": Role.MEMBER, "koffi": Role.OBSERVER},
        pages=[
            DemoPage(
                "Bien démarrer",
                [
                    "Bienvenue ! Ce wiki rassemble ce que les utilisateurs ont appris.\n\n"
                    "- [[Installer MAS Gestion]]\n- [[Les onze indicateurs de MAS Pilote]]",
                    "Bienvenue ! Ce wiki rassemble ce que les utilisateurs ont appris en "
                    "installant et en utilisant les logiciels.\n\n"
                    "- [[Installer MAS Gestion]]\n- [[Les onze indicateurs de MAS Pilote]]\n"
                    "- [[Questions fréquentes]]",
                ],
            ),
            DemoPage(
                "Installer MAS Gestion",
                [
                    "1. Télécharger l'installateur depuis la bibliothèque.\n"
                    "2. Créer la mutuelle, ses garanties et ses prestataires conventionnés.\n"
                    "3. Saisir les adhérents et leurs personnes à charge.",
                ],
                parent="Bien démarrer",
            ),
            DemoPage(
                "Les onze indicateurs de MAS Pilote",
                [
                    "MAS Pilote suit l'évolution des adhésions, des cotisations et des "
                    "prestations. Parmi ses indicateurs : taux de recouvrement des "
                    "cotisations, taux d'utilisation des services, coût moyen des "
                    "prestations par bénéficiaire.",
                ],
                parent="Bien démarrer",
            ),
            DemoPage(
                "Questions fréquentes",
                [
                    "**Peut-on échanger des données entre les deux logiciels ?** Oui : MAS Gestion "
                    "exporte les données que MAS Pilote agrège pour les structures d'appui.",
                ],
            ),
        ],
        documents=[
            (
                "Guide d'installation de MAS Gestion",
                "Logiciels",
                [
                    "Guide d'installation de MAS Gestion, version 1.",
                    "Guide d'installation de MAS Gestion, version 2 : ajout des sauvegardes.",
                ],
            ),
            (
                "Grille de calcul des cotisations",
                "Outils",
                [
                    "Grille de calcul des cotisations d'une mutuelle de santé communautaire.",
                ],
            ),
        ],
        topics=[
            (
                "Sauvegarder les données de MAS Gestion",
                "Comment organisez-vous vos sauvegardes ? Une coupure de courant nous a fait "
                "perdre une semaine de saisie.",
                [
                    ("mariam", "Nous copions la base chaque vendredi sur deux clés USB."),
                    (
                        "claire",
                        "La version 2 du guide d'installation décrit une sauvegarde "
                        "automatique : voir les documents.",
                    ),
                ],
            )
        ],
        milestones=[
            (21, "Formation des gérants à Thiès", "Deux jours sur MAS Gestion."),
            (60, "Nouvelle version de MAS Pilote", ""),
        ],
    ),
    DemoWorkspace(
        slug="marketing-social-micro-assurance",
        name="Marketing social pour la micro-assurance",
        summary=(
            "Apprendre et échanger sur le marketing social appliqué à la micro-assurance "
            "santé, avec le suivi de la campagne de la MSS au Bénin."
        ),
        description=(
            "Un lieu de débats, d'expériences et d'outils pratiques. Le projet de la "
            "Mutuelle de sécurité sociale (MSS) du Bénin y est suivi phase par phase : "
            "cinq phases, pour construire une méthode de plan de marketing social et de "
            "communication vers les populations ciblées."
        ),
        visibility="members",
        membership_policy="on_request",
        themes=["social-marketing"],
        countries=["BJ"],
        languages=["fr", "en"],
        coordinators=["koffi"],
        members={"claire": Role.MEMBER, "member@example.org": Role.OBSERVER},
        pages=[
            DemoPage(
                "Plan de marketing social de la MSS",
                [
                    "Phase 1 : étude des besoins et des perceptions des populations cibles.",
                    "Phase 1 : étude des besoins et des perceptions des populations cibles.\n\n"
                    "Phase 2 : choix des messages et des canaux (radios communautaires, "
                    "relais des associations de femmes).",
                ],
            ),
        ],
        documents=[
            (
                "Questionnaire de l'enquête de perception",
                "Phase 1",
                [
                    "Questionnaire de l'enquête de perception auprès des ménages.",
                ],
            )
        ],
        milestones=[(14, "Atelier de restitution de la phase 1", "Cotonou")],
        topics=[
            (
                "Quels messages pour les travailleurs de l'économie informelle ?",
                "Les premiers entretiens montrent que la solidarité parle plus que le prix.",
                [("claire", "Même constat à Thiès : les témoignages de bénéficiaires portent.")],
            )
        ],
    ),
    DemoWorkspace(
        slug="strategie-nationale-protection-sociale-senegal",
        name="Stratégie nationale de protection sociale : mise à jour",
        summary=(
            "Les partenaires co-écrivent la mise à jour de la stratégie nationale de "
            "protection sociale et de gestion des risques."
        ),
        description=(
            "Espace de travail confidentiel : le texte en préparation n'est pas encore "
            "validé par le gouvernement. La première stratégie, adoptée en 2006, visait à "
            "étendre la protection sociale au secteur informel et au monde rural."
        ),
        visibility="secret",
        membership_policy="invitation",
        themes=["legislation-and-regulation", "articulation-with-social-security"],
        countries=["SN"],
        languages=["fr"],
        coordinators=["claire"],
        members={"ousmane": Role.MEMBER, "staff@example.org": Role.OBSERVER},
        pages=[
            DemoPage(
                "Plan du document",
                [
                    "1. Diagnostic\n2. Axes stratégiques\n3. Financement\n4. Suivi et évaluation",
                ],
            ),
        ],
        milestones=[(30, "Validation technique avec les ministères", "")],
        topics=[
            (
                "Calendrier de relecture",
                "Merci de relire l'axe 2 avant la fin du mois.",
                [("ousmane", "Je m'en charge pour la partie sur les systèmes d'information.")],
            )
        ],
    ),
    DemoWorkspace(
        slug="health-microinsurance-south-asia",
        name="Health microinsurance in South Asia",
        summary=(
            "Scheme managers of the AMIN network compare how they set premiums, "
            "contract with providers and reach informal workers."
        ),
        description=(
            "AMIN links microinsurance schemes in Asia. This workspace gathers their "
            "managers and the experts who support them, in English."
        ),
        visibility="public",
        membership_policy="on_request",
        themes=["health-financing", "networks-and-partnerships"],
        countries=["IN", "BD", "NP"],
        languages=["en"],
        coordinators=["priya"],
        members={"anwar": Role.MEMBER},
        pages=[
            DemoPage(
                "Setting premiums",
                [
                    "Most schemes start from the average cost of claims per member and add a "
                    "margin for management costs. See [[Provider contracts]].",
                ],
            ),
            DemoPage(
                "Provider contracts",
                [
                    "Contracts with hospitals fix a price per treatment and a payment delay.",
                ],
            ),
        ],
        topics=[
            (
                "Reaching informal workers",
                "Which enrolment channels work best for you: cooperatives, unions, microfinance?",
                [("anwar", "Microfinance groups: premiums are collected with loan repayments.")],
            )
        ],
    ),
]


def load(stdout) -> None:
    people = {key: _person(person) for key, person in PEOPLE.items()}
    for spec in WORKSPACES:
        if Workspace.objects.filter(slug=spec.slug).exists():
            continue
        _load_workspace(spec, people)


def _person(person: DemoPerson) -> User:
    user, created = User.objects.get_or_create(
        email=person.email, defaults={"username": person.email.split("@")[0]}
    )
    if created:
        user.set_unusable_password()
    user.display_name = person.display_name
    user.organisation = person.organisation
    user.job_title = person.job_title
    user.country_id = person.country
    user.spoken_languages = list(person.languages)
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=person.email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(Group.objects.get(name=roles.MEMBER))
    return user


def _user(key: str, people: dict[str, User]) -> User | None:
    return people.get(key) or User.objects.filter(email=key).first()


def _load_workspace(spec: DemoWorkspace, people: dict[str, User]) -> None:
    creator = people[spec.coordinators[0]]
    workspace = create_workspace(
        creator,
        themes=Theme.objects.filter(slug_en__in=spec.themes),
        countries=spec.countries,
        name=spec.name,
        summary=spec.summary,
        description=spec.description,
        visibility=spec.visibility,
        membership_policy=spec.membership_policy,
        languages=spec.languages,
        status=spec.status,
    )
    workspace.slug = spec.slug
    workspace.save(update_fields=["slug"])
    for key in spec.coordinators[1:]:
        workspace.memberships.create(user=people[key], role=Role.COORDINATOR)
    for key, role in spec.members.items():
        user = _user(key, people)
        if user is not None:
            workspace.memberships.get_or_create(user=user, defaults={"role": role})
    authors = [people[key] for key in spec.coordinators]
    pages = {}
    for page_spec in spec.pages:
        page = create_page(
            workspace,
            authors[0],
            title=page_spec.title,
            body=page_spec.revisions[0],
            parent=pages.get(page_spec.parent),
        )
        for number, body in enumerate(page_spec.revisions[1:], start=1):
            save_page(
                page,
                authors[number % len(authors)],
                title=page.title,
                body=body,
                parent=page.parent,
                comment="Compléments",
                base_revision_id=page.current_revision_id,
            )
        pages[page_spec.title] = page
    for title, folder, versions in spec.documents:
        document = add_document(
            workspace, authors[0], title=title, folder=folder, **_pdf(title, versions[0])
        )
        for text in versions[1:]:
            add_version(document, authors[-1], comment="Mise à jour", **_pdf(title, text))
    forum = ensure_forum(workspace)
    for title, body, replies in spec.topics:
        topic = start_topic(forum, authors[0], title, body)
        for key, text in replies:
            reply(topic, people[key], text)
    today = timezone.localdate()
    for days, title, details in spec.milestones:
        Milestone.objects.create(
            workspace=workspace, title=title, date=today + timedelta(days=days), description=details
        )


def _pdf(title: str, text: str) -> dict:
    """A small real PDF (core fonts: Latin-1 text only), checked like any upload."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.multi_cell(0, 8, title.replace("’", "'"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text.replace("’", "'"))
    upload = ContentFile(bytes(pdf.output()), name=f"{title}.pdf")
    return {"upload": upload, "checked": check_upload(upload, upload.name)}
