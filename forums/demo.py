"""Demo forums: five discussion groups by theme, with topics and replies in French and English.

The facts come from the documents in shared/seeds (the first G-NEWS, the
STEP brochure): the UEMOA community act on social mutuals, microinsurance
supervision, the MSS Benin social marketing campaign, PAMECAS, MUSAKIS,
MUSECKIN. Idempotent: forums are found by slug, topics by title.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from portal import roles
from portal.models import Theme, User

from .mentions import mentioned_members
from .models import Forum, Notification, Post, Reason, Subscription, Topic
from .services import refresh_counters
from .states import State

# Members who only write in the demo forums (they cannot log in).
EXTRA_MEMBERS = [
    ("kofi@example.org", "kofi", "Kofi Mensah", "Ghana Health Insurance Forum", "GH"),
    ("maria@example.org", "maria", "María Quispe", "Red ACYM", "BO"),
    ("lan@example.org", "lan", "Nguyen Thi Lan", "Mutual health fund, Hai Phong", "VN"),
]

FORUMS = [
    {
        "slug": "legislation",
        "theme": "legislation-and-regulation",
        "name": ("Législation et réglementation", "Legislation and regulation"),
        "description": (
            "Cadres juridiques des mutuelles sociales, régulation et supervision de la "
            "micro-assurance.",
            "Legal frameworks for social mutuals, regulation and supervision of microinsurance.",
        ),
    },
    {
        "slug": "marketing-social",
        "theme": "social-marketing",
        "name": ("Marketing social", "Social marketing"),
        "description": (
            "Faire connaître les mutuelles et donner envie d'y adhérer.",
            "Making mutuals known and making people want to join.",
        ),
    },
    {
        "slug": "financement-sante",
        "theme": "health-financing",
        "name": ("Financement de la santé", "Health financing"),
        "description": (
            "Cotisations, prélèvements, tarification et viabilité financière.",
            "Contributions, collection, pricing and financial viability.",
        ),
    },
    {
        "slug": "gestion",
        "theme": "management-and-information-systems",
        "name": ("Gestion et systèmes d'information", "Management and information systems"),
        "description": (
            "Outils de gestion, logiciels (MAS Gestion, MAS Pilote), suivi des prestations.",
            "Management tools, software (MAS Gestion, MAS Pilote), monitoring of benefits.",
        ),
    },
    {
        "slug": "reseaux",
        "theme": "networks-and-partnerships",
        "name": ("Réseaux et partenariats", "Networks and partnerships"),
        "description": (
            "La Concertation, AMIN, ACYM : ce que les réseaux régionaux apportent. Les premiers "
            "messages des nouveaux membres sont relus par un modérateur.",
            "La Concertation, AMIN, ACYM: what regional networks bring. First posts of new "
            "members are checked by a moderator.",
        ),
        "premoderation": True,
    },
]

# (forum slug, title, [(author email, days ago, text), ...]); the first post opens the topic.
TOPICS = [
    ("legislation", "Réglementer la micro-assurance : quel cadre pour les mutuelles ?", [
        ("member@example.org", 12,
         "Depuis l'atelier régional de Ouagadougou (fin 2006), l'avant-projet d'acte "
         "communautaire de l'UEMOA sur les mutuelles sociales est finalisé. Dans les huit pays "
         "membres, plus de neuf personnes sur dix n'ont aucune couverture sociale.\n\n"
         "Où en êtes-vous de la transposition ? Au Sénégal, nous nous demandons qui "
         "supervisera les mutuelles : l'autorité des assurances ou une structure dédiée ?"),
        ("moderator@example.org", 11,
         "Merci @Aminata-Diallo pour ce sujet. Le groupe de travail du CGAP et l'association "
         "internationale des superviseurs d'assurance (IAIS) ont publié un document de travail "
         "sur la régulation et la supervision de la micro-assurance. Le point clé : adapter "
         "les exigences à la taille des organisations, sans les étouffer.\n\n"
         "Le BIT et le programme STEP y voient un **instrument d'extension de la sécurité "
         "sociale**, pas seulement un produit financier."),
        ("editor@example.org", 10,
         "En RDC, la question est très concrète : le gouvernement s'est engagé à doter les "
         "mutuelles d'un cadre juridique. Le groupe de travail sur les mutuelles de santé "
         "(GTMS), relancé en 2006 avec le programme national de promotion des mutuelles, se "
         "réunit chaque mois et prépare des propositions."),
    ]),
    ("legislation", "Supervising microinsurance: insurance law or a separate regime?", [
        ("staff@example.org", 9,
         "In Asia, AMIN members range from cooperatives to women's movements and trade "
         "unions. Applying full insurance law to them would close most of them down. "
         "Has anyone seen a tiered regime that works?"),
        ("kofi@example.org", 8,
         "Ghana went for a separate registration for mutual schemes alongside the national "
         "scheme. The hard part is supervision capacity, not the text of the law."),
    ]),
    ("marketing-social", "Campagne de marketing social pour la MSS au Bénin", [
        ("moderator@example.org", 7,
         "Un projet suit pas à pas la campagne de marketing social de la Mutuelle de "
         "sécurité sociale (MSS) du Bénin. Cinq phases, la première consiste à construire la "
         "méthode du plan de marketing social et de la communication vers les publics visés.\n\n"
         "Quels canaux ont marché chez vous ?"),
        ("member@example.org", 6,
         "À Thiès, la radio communautaire et les leaders religieux ont fait plus que les "
         "affiches. Les témoignages de membres remboursés convainquent le mieux."),
        ("kofi@example.org", 5,
         "Same here: testimonials from members whose hospital bill was paid. We also time "
         "our campaigns with the harvest, when households have cash."),
    ]),
    ("marketing-social", "Social marketing that works for mutual health organisations", [
        ("maria@example.org", 4,
         "In Bolivia we tested short radio dramas in Quechua and Spanish. Enrolment rose in "
         "the villages where the local health worker also talked about the scheme."),
    ]),
    ("financement-sante", "Prélèvement automatique des cotisations : l'expérience PAMECAS", [
        ("member@example.org", 9,
         "Après un an, la mutuelle de l'UM-PAMECAS a évalué le prélèvement automatique des "
         "cotisations pratiqué par la caisse de Ben Tally avec le logiciel SAF 2000 : moins "
         "de travail, des données fiables, un meilleur taux de recouvrement.\n\n"
         "La contrainte : le solde du membre doit couvrir la cotisation. Recommandation : "
         "une date de prélèvement différente de celle de l'épargne obligatoire, pour ne pas "
         "confondre micro-assurance et microfinance."),
        ("staff@example.org", 8,
         "Very useful. Several AMIN schemes linked to microfinance institutions do the same; "
         "the separate collection date is a good idea we will share."),
    ]),
    ("financement-sante", "Setting contribution levels: lessons from MUSAKIS", [
        ("editor@example.org", 6,
         "MUSAKIS, the mutual of Kisantu (DRC), was founded in November 2006 after a year-long "
         "participatory feasibility study. By December it had 331 members and 858 dependants: "
         "1,189 beneficiaries. Entry fee 700 Congolese francs, contribution 400 FC "
         "(US$1 = 535 FC), and a three-month waiting period before cover starts."),
        ("maria@example.org", 5,
         "A waiting period of three months seems long for new members. Did it slow "
         "enrolment, or did it protect the scheme against adverse selection?"),
    ]),
    ("gestion", "MAS Gestion ou tableur : quel outil pour une petite mutuelle ?", [
        ("editor@example.org", 4,
         "Le programme STEP propose MAS Gestion pour la gestion courante et MAS Pilote pour "
         "le suivi. Pour une mutuelle de quelques centaines de membres, un tableur "
         "suffit-il ?"),
        ("member@example.org", 3,
         "Nous avons commencé avec un tableur. Au-delà de 500 adhérents, le suivi des "
         "cotisations et des prises en charge est devenu impossible sans logiciel."),
    ]),
    ("gestion", "Monitoring health care costs: the MUSECKIN control system", [
        ("kofi@example.org", 3,
         "Since December 2006 MUSECKIN, the mutual of Catholic school teachers in Kinshasa, "
         "checks care at the health centres with the provider BDOM to know the real cost of "
         "each service. They plan to publish frequencies and costs over the year."),
        ("moderator@example.org", 2,
         "A good example of working *with* the provider rather than against it. "
         "@kofi, do you know which indicators they track?"),
    ]),
    ("reseaux", "What La Concertation brings to a young mutual", [
        ("moderator@example.org", 2,
         "La Concertation links mutual health organisations across West and Central Africa. "
         "Tell us what a regional network changed for your organisation."),
    ]),
]  # fmt: skip

# A first post by a new member, waiting in the moderation queue.
PENDING_REPLY = (
    "reseaux",
    "lan@example.org",
    "In Asia the AMIN network brings together professionals from the largest "
    "microinsurance schemes: we learnt more from their visits than from any manual.",
)


def load(stdout) -> None:
    members = _members()
    forums = {spec["slug"]: _forum(spec) for spec in FORUMS}
    forums["legislation"].moderators.add(members["moderator@example.org"])
    now = timezone.now()
    for slug, title, posts in TOPICS:
        forum = forums[slug]
        if Topic.objects.filter(forum=forum, title=title).exists():
            continue
        _topic(forum, title, posts, members, now)
    _pending_reply(forums, members, now)
    for forum in forums.values():
        Subscription.objects.get_or_create(user=members["member@example.org"], forum=forum)
    stdout.write(f"Forums: {len(forums)} forums, {Topic.objects.count()} topics")


def _members() -> dict[str, User]:
    member_group = Group.objects.get(name=roles.MEMBER)
    for email, username, name, organisation, country in EXTRA_MEMBERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"username": username, "display_name": name,
                      "organisation": organisation, "country_id": country},
        )  # fmt: skip
        if created:
            user.set_unusable_password()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(member_group)
    emails = {email for email, *_rest in EXTRA_MEMBERS} | {
        "member@example.org", "editor@example.org", "moderator@example.org", "staff@example.org",
    }  # fmt: skip
    return {user.email: user for user in User.objects.filter(email__in=emails)}


def _forum(spec: dict) -> Forum:
    forum, _created = Forum.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name_fr": spec["name"][0],
            "name_en": spec["name"][1],
            "description_fr": spec["description"][0],
            "description_en": spec["description"][1],
            "premoderation": spec.get("premoderation", False),
            "sort_order": FORUMS.index(spec),
        },
    )
    forum.themes.add(*Theme.objects.filter(slug_en=spec["theme"]))
    return forum


def _topic(forum, title, posts, members, now) -> None:
    opening_author, opening_days, _text = posts[0]
    created = now - timedelta(days=opening_days)
    topic = Topic.objects.create(
        forum=forum, title=title, author=members[opening_author], created_at=created,
        last_post_at=created, view_count=7 * len(posts),
    )  # fmt: skip
    for index, (email, days, text) in enumerate(posts):
        post = Post.objects.create(
            topic=topic, author=members[email], body=text, is_opening=index == 0,
            created_at=now - timedelta(days=days, hours=index),
        )  # fmt: skip
        Subscription.objects.get_or_create(user=members[email], topic=topic)
        for mentioned in _mentioned(text, members):
            Notification.objects.get_or_create(
                user=mentioned, post=post,
                defaults={"reason": Reason.MENTION, "email": Notification.Email.SKIPPED},
            )  # fmt: skip
    refresh_counters(topic)


def _mentioned(text: str, members: dict[str, User]) -> list[User]:
    return [user for user in mentioned_members(text) if user in members.values()]


def _pending_reply(forums, members, now) -> None:
    slug, email, text = PENDING_REPLY
    topic = forums[slug].topics.order_by("pk").first()
    if topic is None or Post.objects.filter(topic=topic, body=text).exists():
        return
    Post.objects.create(
        topic=topic, author=members[email], body=text, state=State.PENDING,
        created_at=now - timedelta(hours=5),
    )  # fmt: skip
