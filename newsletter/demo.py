"""Demo content of user news and G-NEWS: a dozen news items, issues no. 1 and 2, subscribers.

Facts come from the first G-NEWS (shared/seeds/gnews-01-fr.txt) and the
other seed documents; the sentences are written for this demo. Idempotent:
news items are matched on their title, pages on their slug, subscribers on
their address.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from library.models import ResourcePage
from portal.models import Country, HomePage, Theme, User

from .models import (
    NewsCategory,
    NewsItem,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsLink,
    Subscriber,
)
from .services import submit_news


@dataclass
class DemoNews:
    key: str
    category: str
    language: str
    title: str
    body: str
    countries: list[str]
    themes: list[str] = field(default_factory=list)
    contributor: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    event: tuple[str, str, str] | None = None  # place, start, end (ISO dates)
    published: str = "2007-05-01"
    status: str = "published"
    author: str = "editor@example.org"


NEWS = [
    DemoNews(
        "uemoa", "whats-new", "fr",
        "UEMOA : un texte commun pour les mutuelles sociales",
        "Réunis à Ouagadougou du 29 novembre au 1er décembre 2006, les huit pays de "
        "l'UEMOA ont arrêté l'avant-projet d'un acte communautaire qui donne un cadre "
        "juridique aux mutuelles sociales. Dans la région, plus de neuf personnes sur dix "
        "n'ont aucune couverture sociale ; le texte doit faciliter la création et le contrôle "
        "des mutuelles de santé.",
        ["BF", "BJ", "CI", "GW", "ML", "NE", "SN", "TG"], ["legislation-and-regulation"],
        links=[("UEMOA", "http://www.uemoa.int"),
               ("STEP – mutuelles", "http://www.itcilo.org/step/mutuelles")],
        published="2006-12-15",
    ),
    DemoNews(
        "gtms", "whats-new", "fr",
        "RDC : le groupe de travail sur les mutuelles de santé reprend du service",
        "Créé en 2003, le GTMS a été relancé en 2006 avec le programme national de promotion "
        "des mutuelles de santé. Il réunit chaque mois partenaires et mutualistes autour de "
        "l'accès financier aux soins et veut devenir l'interlocuteur des décideurs.",
        ["CD"], ["networks-and-partnerships"],
        contributor="Contribution d'Anne-Marie Mambombe, coordinatrice nationale STEP, "
        "Kinshasa, RDC",
        published="2007-01-20",
    ),
    DemoNews(
        "musakis", "whats-new", "en",
        "MUSAKIS: a new mutual health organisation in Kisantu",
        "Founded on 7 November 2006 after a one-year participatory feasibility study, the "
        "Kisantu mutual already counted 331 members and 858 dependants by December: 1,189 "
        "people covered. Membership costs 700 Congolese francs and the contribution 400; "
        "care is covered after a three-month waiting period.",
        ["CD"], ["health-financing"],
        contributor="Contribution by Bernard André, STEP coordinator for Central Africa, "
        "Kinshasa, DRC",
        published="2007-02-10",
    ),
    DemoNews(
        "pamecas", "whats-new", "fr",
        "PAMECAS : les cotisations prélevées automatiquement",
        "Un an après son lancement, la mutuelle de santé du réseau PAMECAS a fait le point. "
        "La caisse de Ben Tally prélève les cotisations directement sur l'épargne des membres "
        "avec le logiciel SAF 2000 : moins de travail, des données fiables et un meilleur "
        "recouvrement. Le réseau étudie son extension à toutes les caisses.",
        ["SN"], ["management-and-information-systems"],
        contributor="Contribution d'Aly Cissé, coordonnateur national BIT/STEP, Dakar, Sénégal",
        published="2007-03-05",
    ),
    DemoNews(
        "yaounde", "trainings", "fr",
        "Yaoundé : se former à l'étude de faisabilité",
        "Première d'une série organisée avec la GTZ et l'OMS, une formation a réuni au Mont "
        "Fébé les acteurs camerounais de la micro-assurance santé autour de la conduite "
        "d'études de faisabilité de mutuelles.",
        ["CM"], ["health-financing"],
        event=("Yaoundé, Cameroun", "2006-09-25", "2006-09-30"),
        published="2006-10-10",
    ),
    DemoNews(
        "delhi", "trainings", "en",
        "New Delhi workshop on good practices in health microinsurance",
        "Sixty-two participants, including officials of India's labour and health ministries "
        "and experts from the Philippines and Senegal, compared what works in health "
        "microinsurance: financing, enrolment, the choice of benefits and links with health "
        "providers.",
        ["IN", "PH", "SN"], ["health-financing"],
        event=("New Delhi, India", "2007-02-19", "2007-02-22"),
        published="2007-03-01",
    ),
    DemoNews(
        "rabat", "conferences", "fr",
        "Rabat : naissance de l'Union africaine de la mutualité",
        "Les 8 et 9 mars 2007, des mutualistes de 25 pays africains se sont retrouvés à Rabat "
        "pour la première Rencontre africaine de la mutualité. Ils en sont repartis avec une "
        "Union africaine de la mutualité, lieu de dialogue et de plaidoyer.",
        ["MA"], ["networks-and-partnerships"],
        event=("Rabat, Maroc", "2007-03-08", "2007-03-09"),
        published="2007-03-20",
    ),
    DemoNews(
        "manila", "conferences", "en",
        "Manila: extending social health insurance to informal workers",
        "Organised by PhilHealth, GTZ, the ILO and the World Bank, the conference brought 200 "
        "delegations from 25 countries to share policies that gave informal workers financial "
        "protection against ill health.",
        ["PH"], ["health-financing"],
        event=("Manila, Philippines", "2006-10-18", "2006-10-20"),
        published="2006-11-05",
    ),
    DemoNews(
        "rio", "conferences", "en",
        "World Bank microinsurance conference in Rio de Janeiro",
        "More than a hundred people from mutuals, cooperatives, microfinance institutions, "
        "insurers and supervisors discussed the role of private insurers, regulators and "
        "distribution channels, with cases from the Philippines, India, Venezuela and Bolivia.",
        ["BR"], ["legislation-and-regulation"],
        event=("Rio de Janeiro, Brazil", "2007-05-07", "2007-05-08"),
        published="2007-05-20",
    ),
    DemoNews(
        "mas", "resources", "fr",
        "MAS Gestion et MAS Pilote, des logiciels libres pour les mutuelles",
        "Développés par l'équipe STEP en Afrique, ces deux logiciels gèrent adhésions, "
        "cotisations et prestations et suivent les indicateurs d'une mutuelle. Ils sont "
        "utilisés au Sénégal, au Burkina Faso, au Bénin et en RDC, et leurs utilisateurs "
        "échangent dans un espace de travail dédié.",
        ["SN", "BF", "BJ", "CD"], ["management-and-information-systems"],
        published="2007-04-02",
    ),
    DemoNews(
        "inventory", "e-events", "fr",
        "La Concertation lance l'inventaire permanent des mutuelles",
        "Dès 2007, les mutuelles de santé d'Afrique de l'Ouest et du Centre sont invitées à "
        "enregistrer chaque année leurs données : nombre de membres, prestations, "
        "population couverte. Les statistiques seront consultables en ligne.",
        ["SN", "ML", "BF", "BJ", "GN"], ["networks-and-partnerships"],
        contributor="Olivier Louis dit Guérin et Griet Cattaert, STEP",
        links=[("La Concertation", "http://www.concertation.org")],
        published="2007-05-10",
    ),
    DemoNews(
        "china", "e-events", "en",
        "A workspace on rural health insurance in China",
        "The new workspace shares China's experience of extending health insurance to rural "
        "people with microinsurance specialists elsewhere, and supports the managers of the "
        "rural schemes.",
        ["CN"], ["health-financing"],
        contributor="Aidi Hu, ILO Social Security Department",
        published="2007-07-02",
    ),
    DemoNews(
        "acym", "whats-new", "en",
        "ACYM, the network of cooperatives and mutuals of the Americas, meets in Montevideo",
        "The regional network will hold its first meeting on 9 November 2007 in Montevideo, "
        "to prepare its 2008 activities and open its website, alongside the annual "
        "conference of AAC/MIS.",
        ["UY"], ["networks-and-partnerships"],
        event=("Montevideo, Uruguay", "2007-11-09", "2007-11-09"),
        published="2007-08-01",
    ),
    DemoNews(
        "thies", "whats-new", "fr",
        "La mutuelle de Thiès ouvre une permanence au marché",
        "Chaque samedi, deux administrateurs accueillent les commerçantes du marché central "
        "pour les inscrire et encaisser les cotisations.",
        ["SN"], ["health-financing"],
        contributor="Aminata Diallo, gérante, Mutuelle de santé de Thiès, Sénégal",
        status="submitted",
        author="member@example.org",
    ),
]  # fmt: skip

INDEX = {
    "fr": ("G-NEWS", "La lettre de l'extension de la sécurité sociale et de la micro-assurance, "
           "construite à partir de vos nouvelles."),
    "en": ("G-NEWS", "The newsletter on the extension of social security and microinsurance, "
           "built from your news."),
}  # fmt: skip

CALLOUTS = {
    "fr": [
        ("contribute", "Contribuez !", "G-NEWS se nourrit de vos nouvelles : publiez-les depuis "
         "la page d'accueil du portail."),
        ("discussion", "Discussion", "Réagir à un article, proposer un thème : écrivez à la "
         "rédaction."),
        ("programme", "Le programme STEP en bref", "Stratégies et techniques contre l'exclusion "
         "sociale et la pauvreté : le programme du BIT pour la couverture de tous."),
        ("subscribe", "Inscrivez-vous", "Recevez G-NEWS chaque trimestre, en français ou en "
         "anglais."),
    ],
    "en": [
        ("contribute", "Contribute!", "G-NEWS lives on your news: post it from the portal's "
         "home page."),
        ("discussion", "Discussion", "React to an article or suggest a theme: write to the "
         "editors."),
        ("programme", "The STEP programme in brief", "Strategies and Tools against social "
         "Exclusion and Poverty: the ILO programme for coverage for all."),
        ("subscribe", "Subscribe", "Receive G-NEWS every quarter, in French or in English."),
    ],
}  # fmt: skip

ISSUES = [
    {
        "number": 1,
        "slug": "g-news-1",
        "date": "2007-06-01",
        "period": ("2006-05-01", "2007-05-31"),
        "fr": {
            "title": "Une première lettre nourrie par un an de nouvelles",
            "opening": "G-NEWS paraît en français et en anglais et rassemble les nouvelles "
            "que vous publiez sur le portail. Ce premier numéro couvre une année entière ; "
            "les suivants couvriront chaque trimestre.",
            "sections": [
                ("Quoi de neuf ?", ["uemoa", "gtms", "pamecas", "musakis"]),
                ("Formations", ["yaounde", "delhi", "@figure", "@zoom-delhi"]),
                ("Conférences", ["rabat", "manila", "@zoom-timeline"]),
                ("Ressources", ["@resources", "mas"]),
                ("e-Events", ["inventory"]),
                ("L'article : STEP en Afrique", ["@article"]),
            ],
        },
        "en": {
            "title": "A first issue built from a year of news",
            "opening": "G-NEWS comes out in French and English and gathers the news you post "
            "on the portal. This first issue covers a whole year; the next ones will each "
            "cover a quarter.",
            "sections": [
                ("What's new", ["uemoa", "gtms", "pamecas", "musakis"]),
                ("Trainings", ["yaounde", "delhi", "@figure", "@zoom-delhi"]),
                ("Conferences", ["rabat", "manila", "@zoom-timeline"]),
                ("Resources", ["@resources", "mas"]),
                ("e-Events", ["inventory"]),
                ("The article: STEP in Africa", ["@article"]),
            ],
        },
    },
    {
        "number": 2,
        "slug": "g-news-2",
        "date": "2007-09-01",
        "period": ("2007-06-01", "2007-08-31"),
        "fr": {
            "title": "Réseaux et conférences de l'été",
            "opening": "Un trimestre placé sous le signe des réseaux régionaux.",
            "sections": [
                ("Quoi de neuf ?", ["acym"]),
                ("Conférences", ["rio"]),
                ("e-Events", ["china"]),
            ],
        },
        "en": {
            "title": "Networks and conferences of the summer",
            "opening": "A quarter marked by the regional networks.",
            "sections": [
                ("What's new", ["acym"]),
                ("Conferences", ["rio"]),
                ("e-Events", ["china"]),
            ],
        },
    },
]

EDITORIAL = {
    "fr": {
        "figure": ("100 millions", "de personnes tombent chaque année dans la pauvreté parce "
                   "qu'aucun mécanisme ne couvre leurs dépenses de santé.",
                   "OMS, Enquête mondiale sur la santé, 2005"),
        "zoom-delhi": ("Les bonnes pratiques de la micro-assurance santé en Inde", [
            "La micro-assurance santé répond aux besoins des exclus de la sécurité sociale.",
            "Elle suppose l'appui des États.",
            "Ses défis : un financement durable, des adhésions plus larges, des services "
            "adaptés à la capacité contributive.",
        ], "Contribution d'Aly Cissé, Dakar, et de Marc Socquet, New Delhi"),
        "zoom-timeline": ("Repères : l'extension de la sécurité sociale", [
            ("Juin 2003", "Le BIT lance la campagne mondiale sur la sécurité sociale."),
            ("Novembre 2004", "Création du consortium BIT-GTZ-OMS."),
            ("Mars 2007", "Conférence de Paris sur la couverture du risque maladie."),
        ]),
        "article": ("L'accès à la protection sociale et aux soins pour tous",
                    "<p>Depuis près de dix ans, le programme STEP appuie l'extension de la "
                    "sécurité sociale au Bénin, au Burkina Faso, au Sénégal, en RDC et au "
                    "Rwanda : stratégies nationales, systèmes de santé locaux ou nationaux, "
                    "partenariats avec la société civile et les États.</p>"),
    },
    "en": {
        "figure": ("100 million", "people fall into poverty every year because nothing "
                   "covers their health costs.", "WHO, World Health Survey, 2005"),
        "zoom-delhi": ("Good practices of health microinsurance in India", [
            "Health microinsurance meets the needs of people left out of social security.",
            "It needs the support of the State.",
            "Its challenges: sustainable financing, wider enrolment, benefits people can "
            "afford.",
        ], "Contribution by Aly Cissé, Dakar, and Marc Socquet, New Delhi"),
        "zoom-timeline": ("Milestones: extending social security", [
            ("June 2003", "The ILO launches the Global Campaign on Social Security."),
            ("November 2004", "The ILO-GTZ-WHO consortium is created."),
            ("March 2007", "Paris conference on health risk coverage."),
        ]),
        "article": ("Access to social protection and health care for all",
                    "<p>For almost ten years the STEP programme has supported the extension "
                    "of social security in Benin, Burkina Faso, Senegal, the DRC and Rwanda: "
                    "national strategies, local and national health schemes, partnerships "
                    "with civil society and governments.</p>"),
    },
}  # fmt: skip

SUBSCRIBERS = [
    ("lectrice@example.org", "fr", "active"),
    ("reader@example.org", "en", "active"),
    ("both@example.org", "both", "active"),
    ("waiting@example.org", "fr", "pending"),
]


def load(stdout) -> None:
    news = {spec.key: _news(spec) for spec in NEWS}
    indexes = _index_pages()
    for spec in ISSUES:
        fr = _issue(indexes["fr"], spec, "fr", news)
        _issue(indexes["en"], spec, "en", news, translation_of=fr)
    for email, language, status in SUBSCRIBERS:
        Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "status": status,
                "confirmed_at": timezone.now() if status == "active" else None,
            },
        )
    _home_news_blocks()


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _news(spec: DemoNews) -> NewsItem:
    existing = NewsItem.objects.filter(title=spec.title).first()
    if existing is not None:
        return existing
    place, start, end = spec.event or ("", None, None)
    news = NewsItem.objects.create(
        author=User.objects.get(email=spec.author),
        title=spec.title,
        body=spec.body,
        category=NewsCategory.objects.get(slug=spec.category),
        language=spec.language,
        contributor_line=spec.contributor,
        event_place=place,
        event_start=_date(start) if start else None,
        event_end=_date(end) if end else None,
    )
    news.countries.set(Country.objects.filter(code__in=spec.countries))
    news.themes.set(Theme.objects.filter(slug_en__in=spec.themes))
    for position, (label, url) in enumerate(spec.links):
        NewsLink.objects.create(news=news, label=label, url=url, sort_order=position)
    news.save()
    submit_news(news)
    if spec.status == "published":
        published = timezone.make_aware(datetime.datetime.fromisoformat(spec.published))
        NewsItem.objects.filter(pk=news.pk).update(status="published", published_at=published)
    return news


def _index_pages() -> dict[str, NewsletterIndexPage]:
    indexes = {}
    for home in HomePage.objects.select_related("locale"):
        language = home.locale.language_code
        index = NewsletterIndexPage.objects.child_of(home).first()
        if index is None:
            title, intro = INDEX[language]
            index = NewsletterIndexPage(
                title=title, slug="gnews", intro=intro, locale=home.locale, show_in_menus=True
            )
            if "fr" in indexes:
                index.translation_key = indexes["fr"].translation_key
            home.add_child(instance=index)
            index.save_revision().publish()
        indexes[language] = index
    return indexes


def _issue(parent, spec, language, news, translation_of=None) -> NewsletterIssuePage:
    existing = NewsletterIssuePage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    text = spec[language]
    body = [
        {
            "type": "section",
            "value": {
                "title": title,
                "intro": "",
                "items": [item for key in keys if (item := _item(key, language, news)) is not None],
            },
        }
        for title, keys in text["sections"]
    ]
    body += [
        {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{words}</p>"}}
        for kind, title, words in CALLOUTS[language]
    ]
    start, end = spec["period"]
    page = NewsletterIssuePage(
        title=text["title"],
        slug=spec["slug"],
        locale=parent.locale,
        number=spec["number"],
        issue_date=_date(spec["date"]),
        period_start=_date(start),
        period_end=_date(end),
        opening=f"<p>{text['opening']}</p>",
        body=[block for block in body if block["type"] == "callout" or block["value"]["items"]],
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _item(key: str, language: str, news: dict) -> dict | None:
    if not key.startswith("@"):
        return {"type": "news", "value": {"news": news[key].pk, "contributor": "", "more_info": []}}
    editorial = EDITORIAL[language]
    if key == "@figure":
        figure, text, source = editorial["figure"]
        return {"type": "figure", "value": {"figure": figure, "text": text, "source": source}}
    if key == "@zoom-delhi":
        title, points, contributor = editorial["zoom-delhi"]
        entries = [{"type": "points", "value": points}]
        return _zoom(title, entries, contributor)
    if key == "@zoom-timeline":
        title, events = editorial["zoom-timeline"]
        timeline = [{"when": when, "text": what} for when, what in events]
        return _zoom(title, [{"type": "timeline", "value": timeline}])
    if key == "@resources":
        return _resource(language)
    title, body = editorial["article"]
    return {
        "type": "article",
        "value": {"title": title, "body": body, "contributor": "", "more_info": []},
    }


def _zoom(title, entries, contributor="") -> dict:
    return {
        "type": "zoom",
        "value": {
            "title": title,
            "contributor": contributor,
            "text": "",
            "entries": entries,
            "more_info": [],
        },
    }


def _resource(language: str) -> dict | None:
    """The library's first live resource in `language` (the library demo loads first)."""
    resource = (
        ResourcePage.objects.live().filter(locale__language_code=language).order_by("pk").first()
    )
    if resource is None:
        return None
    return {
        "type": "resource",
        "value": {"resource": resource.pk, "summary": "", "contributor": "", "more_info": []},
    }


def _home_news_blocks() -> None:
    """Each home page lists the latest news and invites members to post theirs."""
    headings = {
        "fr": ("Nouvelles du terrain", "Publiez vos nouvelles", "/fr/news/post/"),
        "en": ("News from the field", "Post your news", "/en/news/post/"),
    }
    for home in HomePage.objects.select_related("locale"):
        if any(
            block.block_type == "latest" and block.value["source"] == "news" for block in home.body
        ):
            continue
        heading, call, url = headings[home.locale.language_code]
        home.body.append(("latest", {"heading": heading, "source": "news", "count": 5}))
        home.body.append(("text", f'<p><a href="{url}">{call}</a></p>'))
        home.save_revision().publish()
