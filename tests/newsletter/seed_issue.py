"""The structure of the first G-NEWS (shared/seeds/gnews-01-fr.txt), rebuilt from factories.

`build_first_issue` creates the news items, library resources and the issue
page, and returns the parts every output must show, in order: section
titles, item titles, contributor lines, the figure of the issue, the zoom
boxes, "more info" links and the closing call-outs. Bodies are short
placeholders: the structure is what is under test.
"""

from datetime import date

from tests.library.factories import ResourcePageFactory

from .factories import (
    NewsCategoryFactory,
    NewsItemFactory,
    NewsletterIssuePageFactory,
    article_block,
    callout_block,
    figure_block,
    news_block,
    resource_block,
    section_block,
    zoom_block,
)

MICROINSURANCE = ("www.microinsurance.org", "http://www.microinsurance.org")


def _news(expected, category, title, contributor="", links=()):
    news = NewsItemFactory(
        title=title,
        body=f"Résumé : {title.lower()}.",
        category=NewsCategoryFactory(slug=category),
        contributor_line=contributor,
        links=list(links),
    )
    expected.append(title)
    if contributor:
        expected.append(contributor)
    expected.extend(label for label, _url in links)
    return news_block(news)


def _resource(expected, library, title, summary, links=()):
    page = ResourcePageFactory(parent=library, title=title, summary=summary)
    expected.append(title)
    expected.extend(label for label, _url in links)
    return resource_block(page, summary=summary, more_info=links)


def _zoom(expected, title, contributor="", points=(), timeline=(), links=()):
    expected.append(title)
    if contributor:
        expected.append(contributor)
    expected.extend(points)
    for when, _text in timeline:
        expected.append(when)
    expected.extend(label for label, _url in links)
    return zoom_block(
        title,
        text="Un éclairage sur le sujet.",
        points=points,
        timeline=timeline,
        contributor=contributor,
        more_info=links,
    )


def _section(expected, title, build_items, intro=""):
    expected.append(title)
    return section_block(title, build_items(), intro=intro)


def build_first_issue(index_page, library):
    """The first G-NEWS (June 2007) as an issue page under `index_page`; returns (page, parts).

    Its resources are created in `library` (a LibraryIndexPage).
    """
    expected: list[str] = []

    def whats_new():
        return [
            _news(
                expected,
                "whats-new",
                "Acte communautaire sur les mutuelles sociales dans les pays de l'UEMOA",
                links=[
                    MICROINSURANCE,
                    ("www.uemoa.int", "http://www.uemoa.int"),
                    ("www.itcilo.org/step/mutuelles", "http://www.itcilo.org/step/mutuelles"),
                ],
            ),
            _news(
                expected,
                "whats-new",
                "Étude sur les articulations entre sécurité sociale et protection communautaire",
                links=[
                    ("www.issa.int", "http://www.issa.int"),
                    ("www.aim-mutual.org", "http://www.aim-mutual.org"),
                    ("www.social-protection.org", "http://www.social-protection.org"),
                ],
            ),
            _news(
                expected,
                "whats-new",
                "Régulation et supervision de la micro-assurance",
                links=[
                    ("www.iaisweb.org", "http://www.iaisweb.org"),
                    ("www.microfinancegateway.org", "http://www.microfinancegateway.org"),
                ],
            ),
            _news(
                expected,
                "whats-new",
                "Groupe de travail sur les mutuelles de santé (RDC)",
                contributor="Contribution d'Anne-Marie Mambombe, Coordinatrice nationale STEP, "
                "Kinshasa, RDC",
            ),
            _news(
                expected,
                "whats-new",
                "MUSECKIN (RDC)",
                contributor="Contribution de Bernard André, Coordonnateur STEP pour l'Afrique "
                "Centrale, Kinshasa, RDC",
            ),
            _news(
                expected,
                "whats-new",
                "UNTC (RDC)",
                contributor="Contribution de Germain Mukinyi, Expert national STEP, Kinshasa, RDC",
            ),
            _news(
                expected,
                "whats-new",
                "MUSAKIS (RDC)",
                contributor="Contribution de Bernard André, Kinshasa, RDC",
            ),
            _news(
                expected,
                "whats-new",
                "PAMECAS (Sénégal)",
                contributor="Contribution d'Aly Cissé, Coordonnateur National BIT / STEP Dakar, "
                "Sénégal",
            ),
        ]

    def trainings():
        items = [
            _news(expected, "trainings", "Formation en étude de faisabilité"),
            _news(
                expected,
                "trainings",
                "Atelier technique : répondre aux besoins d'assurance santé des pauvres",
                links=[
                    MICROINSURANCE,
                    ("www.plan-international.org", "http://www.plan-international.org"),
                ],
            ),
        ]
        expected.extend(["100 millions", "OMS, Enquête mondiale de santé, Genève 2005"])
        items.append(
            figure_block(
                "100 millions",
                "de personnes basculent chaque année sous le seuil de pauvreté faute de "
                "couverture du risque maladie.",
                "OMS, Enquête mondiale de santé, Genève 2005",
            )
        )
        items.append(
            _zoom(
                expected,
                "Les bonnes pratiques en matière de micro-assurance santé en Inde",
                contributor="Contribution d'Aly Cissé, Dakar, Sénégal et Marc Socquet, "
                "New Delhi, Inde",
                points=[
                    "Les meilleures pratiques et les contraintes des systèmes",
                    "Le financement, la distribution et l'adhésion",
                    "Les réseaux d'appui : la Concertation, AMIN",
                ],
            )
        )
        return items

    def conferences():
        return [
            _news(
                expected,
                "conferences",
                "Conférence du G8 sur la dimension sociale de la mondialisation",
            ),
            _news(
                expected, "conferences", "Conférence de la Banque mondiale sur la micro-assurance"
            ),
            _news(
                expected,
                "conferences",
                "11e Réunion régionale africaine du BIT",
                links=[("Communiqué de presse du BIT", "http://www.ilo.org")],
            ),
            _zoom(
                expected,
                "La conférence internationale de Paris sur la couverture du risque maladie",
                points=[
                    "Une plate-forme internationale pour financer les systèmes de santé",
                    "Des donateurs qui soutiennent l'assurance maladie",
                    "Un complément financier pour la viabilité des systèmes",
                ],
                links=[("Discours du Président Jacques Chirac", "http://www.elysee.fr")],
            ),
            _news(
                expected,
                "conferences",
                "Conférence internationale « Le droit à la santé : la réponse des mutuelles »",
                contributor="Contribution de Brenda Rial, secrétaire de l'ACYM",
            ),
            _news(
                expected,
                "conferences",
                "1re Rencontre africaine de la mutualité",
                links=[("La déclaration de Rabat", "http://www.microinsurance.org")],
            ),
            _news(
                expected,
                "conferences",
                "Nouvelles avancées dans l'accessibilité de l'assurance aux pauvres",
                links=[
                    ("www.microinsuranceconference.org", "http://www.microinsuranceconference.org")
                ],
            ),
            _news(
                expected,
                "conferences",
                "Extension de l'assurance sociale en santé aux travailleurs de l'économie "
                "informelle",
                links=[("www.shiconferencemania.info", "http://www.shiconferencemania.info")],
            ),
            _zoom(
                expected,
                "Un historique des événements liés à l'extension de la sécurité sociale",
                timeline=[
                    ("Septembre 2000", "Sommet du Millénaire de l'ONU"),
                    ("Juin 2003", "Campagne mondiale sur la sécurité sociale"),
                    ("Novembre 2004", "Consortium BIT-GTZ-OMS"),
                    ("Juin 2007", "Sommet du G8 à Heiligendamm"),
                ],
            ),
        ]

    def resources():
        return [
            _resource(
                expected,
                library,
                "Dépliant GIMI et programme STEP en Afrique",
                "Deux dépliants à télécharger.",
            ),
            _resource(
                expected,
                library,
                "Brochure « STEP en Afrique »",
                "Une vue d'ensemble des activités du programme.",
            ),
            _resource(
                expected,
                library,
                "Logiciels de gestion et de suivi : MAS Gestion et MAS Pilote",
                "Des logiciels gratuits pour gérer les mutuelles.",
                links=[("Wiki Mas", "http://www.microinsurance.org")],
            ),
            _resource(
                expected,
                library,
                "Guide pour la conduite d'études de faisabilité",
                "Un guide en deux tomes : la démarche et les outils.",
            ),
            _resource(
                expected,
                library,
                "Inde : produits d'assurance offerts aux groupes défavorisés",
                "83 produits recensés en 2003.",
                links=[("www.irdaindia.org", "http://www.irdaindia.org")],
            ),
            _zoom(
                expected,
                "« Protecting the poor - a microinsurance compendium »",
                links=[("Chapitre 1.3 du Compendium", "http://www.microinsurance.org")],
            ),
        ]

    def e_events():
        return [
            _news(
                expected, "e-events", "Participez aux tests utilisateurs", links=[MICROINSURANCE]
            ),
            _news(
                expected,
                "e-events",
                "Nouveau site de la Concertation",
                links=[("www.concertation.org", "http://www.concertation.org")],
            ),
            _news(
                expected,
                "e-events",
                "Inventaire des systèmes de micro-assurance en Afrique",
                contributor="Olivier Louis dit Guérin et Griet Cattaert, STEP",
            ),
            _news(
                expected,
                "e-events",
                "Consortium pour la protection sociale en santé",
                links=[("www.socialhealthprotection.org", "http://www.socialhealthprotection.org")],
            ),
            _news(
                expected,
                "e-events",
                "Nouvel espace de travail sur le marketing social",
                contributor="Kenza Dimechkie, STEP",
            ),
            _news(
                expected,
                "e-events",
                "Espace de travail sur la Chine",
                contributor="Aidi Hu, Département de la sécurité sociale du BIT",
            ),
            _news(expected, "e-events", "Nouvelle plateforme GESS"),
        ]

    def the_article():
        expected.extend(
            [
                "L'accès à la protection sociale et aux soins pour tous",
                "La brochure dans la bibliothèque",
            ]
        )
        return [
            article_block(
                "L'accès à la protection sociale et aux soins pour tous",
                "<p>Une vue d'ensemble des activités du programme STEP en Afrique.</p>"
                "<ul><li>Des mécanismes innovants</li><li>Des stratégies nationales</li></ul>",
                more_info=[("La brochure dans la bibliothèque", "http://www.microinsurance.org")],
            )
        ]

    body = [
        _section(expected, "Quoi de neuf ?", whats_new),
        _section(expected, "Formations", trainings),
        _section(expected, "Conférences", conferences),
        _section(
            expected,
            "Ressources",
            resources,
            intro="Toutes ces ressources sont dans la bibliothèque.",
        ),
        _section(expected, "e-Events", e_events),
        _section(expected, "L'article : STEP en Afrique", the_article),
    ]
    for kind, title in [
        ("contribute", "Contribuez !"),
        ("discussion", "Discussion"),
        ("programme", "Le programme STEP en bref"),
        ("subscribe", "Inscrivez-vous"),
    ]:
        body.append(callout_block(kind, title, f"{title} — écrivez à gimi@ilo.org."))
        expected.append(title)
    page = NewsletterIssuePageFactory(
        parent=index_page,
        title="La lettre de l'extension de la sécurité sociale et de la micro-assurance",
        number=1,
        issue_date=date(2007, 6, 1),
        period_start=date(2006, 5, 1),
        period_end=date(2007, 5, 31),
        body=body,
    )
    page.save_revision().publish()
    return page, expected
