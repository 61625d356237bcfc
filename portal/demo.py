"""Demo content of the portal: roles' users, home, about and theme pages in French and English.

Text is written for this project; facts about the field come from the
documents in shared/seeds (the STEP programme, its networks and seminars).
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from . import roles
from .models import ContentPage, HomePage, Theme, ThemeIndexPage, User
from .services import ensure_theme_pages, locale_for

# A fixed TOTP secret so that demo editors can reach the admin: add it to an
# authenticator app, or run `python manage.py demo_totp`. Demo only.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105


@dataclass(frozen=True)
class DemoUser:
    email: str
    password: str
    display_name: str
    organisation: str
    job_title: str
    country: str
    role: str | None
    totp: bool = False
    superuser: bool = False


DEMO_USERS = [
    DemoUser("member@example.org", "demo-member-2026", "Aminata Diallo",
             "Mutuelle de santé de Thiès", "Gérante", "SN", roles.MEMBER),
    DemoUser("editor@example.org", "demo-editor-2026", "Jean-Pierre Mbala",
             "Programme STEP", "Chargé de l'information", "CD", roles.EDITOR, totp=True),
    DemoUser("moderator@example.org", "demo-moderator-2026", "Fatou Ndiaye",
             "La Concertation", "Animatrice de réseau", "SN", roles.MODERATOR),
    DemoUser("staff@example.org", "demo-staff-2026", "Ravi Kumar",
             "AMIN network", "Platform administrator", "IN", roles.STAFF, totp=True,
             superuser=True),
]  # fmt: skip

HOME = {
    "fr": {
        "title": "Accueil",
        "hero_title": "Partager ce qui marche pour étendre la protection sociale",
        "latest": "Pages récentes",
        "hero_text": (
            "Guides, études, outils de gestion, actualités du terrain et experts : "
            "le portail des mutuelles de santé, de la micro-assurance santé et de "
            "l'extension de la sécurité sociale, en français et en anglais."
        ),
    },
    "en": {
        "title": "Home",
        "hero_title": "Sharing what works to extend social protection",
        "latest": "Recent pages",
        "hero_text": (
            "Guides, studies, management tools, news from the field and experts: the "
            "portal of mutual health organisations, health microinsurance and the "
            "extension of social security, in French and English."
        ),
    },
}

PAGES = [
    {
        "slug": "a-propos",
        "fr": ("À propos", "Un portail de connaissances successeur de GIMI et GESS.", [
            "Le portail rassemble les ressources, les nouvelles et les personnes qui "
            "travaillent à étendre la protection sociale en santé en Afrique, en Asie et "
            "en Amérique latine. Il prend la suite de deux plateformes de l'OIT : GIMI, "
            "l'information mondiale sur la micro-assurance, et GESS, l'extension mondiale "
            "de la sécurité sociale.",
            "Chacun peut consulter la bibliothèque et lire G-NEWS ; les membres inscrits "
            "publient leurs nouvelles, participent aux forums et aux espaces de travail.",
        ]),
        "en": ("About", "A knowledge portal that succeeds GIMI and GESS.", [
            "The portal brings together the resources, news and people working to extend "
            "social health protection in Africa, Asia and Latin America. It follows two "
            "ILO platforms: GIMI, Global Information on Microinsurance, and GESS, Global "
            "Extension of Social Security.",
            "Anyone can browse the library and read G-NEWS; registered members post their "
            "news, join the forums and take part in workspaces.",
        ]),
        "en_slug": "about",
        "themes": ["networks-and-partnerships"],
    },
    {
        "slug": "programme-step",
        "fr": ("Le programme STEP",
               "Stratégies et techniques contre l'exclusion sociale et la pauvreté.", [
            "Le programme STEP du BIT appuie depuis 1998 les mutuelles de santé et les "
            "systèmes de micro-assurance santé : guides méthodologiques, logiciels de "
            "gestion MAS Gestion et MAS Pilote, formations, appui aux cadres juridiques "
            "comme le règlement de l'UEMOA sur la mutualité sociale.",
            "Il travaille avec les réseaux régionaux : La Concertation en Afrique de "
            "l'Ouest et du Centre, AMIN en Asie et ACYM dans les Amériques.",
        ]),
        "en": ("The STEP programme", "Strategies and Tools against social Exclusion and Poverty.", [
            "Since 1998 the ILO's STEP programme has supported mutual health "
            "organisations and health microinsurance schemes: methodological guides, the "
            "MAS Gestion and MAS Pilote management software, trainings, and support for "
            "legal frameworks such as the UEMOA regulation on social mutuals.",
            "It works with regional networks: La Concertation in West and Central Africa, "
            "AMIN in Asia and ACYM in the Americas.",
        ]),
        "en_slug": "step-programme",
        "themes": ["legislation-and-regulation", "management-and-information-systems"],
    },
]  # fmt: skip


THEME_INDEX = {
    "fr": {"title": "Thèmes", "intro": "Tout ce que le portail contient, thème par thème."},
    "en": {"title": "Themes", "intro": "Everything the portal holds, theme by theme."},
}


def load(stdout) -> None:
    fr_home, en_home = _load_home_pages()
    for spec in PAGES:
        themes = Theme.objects.filter(slug_en__in=spec["themes"])
        fr_page = _page(fr_home, ContentPage, spec["slug"], _content_fields(spec["fr"]), themes)
        _page(en_home, ContentPage, spec["en_slug"], _content_fields(spec["en"]), themes, fr_page)
    fr_index = _page(fr_home, ThemeIndexPage, "themes", THEME_INDEX["fr"])
    _page(en_home, ThemeIndexPage, "themes", THEME_INDEX["en"], translation_of=fr_index)
    ensure_theme_pages()
    _load_users(stdout)


def _page(parent, model, slug, fields, themes=None, translation_of=None, locale=None):
    """Return the page `slug` under `parent`, creating and publishing it if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    locale = locale or parent.locale
    page = model(slug=slug, locale=locale, show_in_menus=True, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    if themes is not None:
        page.themes.set(themes)
    page.save_revision().publish()
    return page


def _content_fields(text) -> dict:
    title, intro, paragraphs = text
    return {
        "title": title,
        "intro": intro,
        "body": [("paragraph", f"<p>{paragraph}</p>") for paragraph in paragraphs],
    }


def _home_fields(language: str) -> dict:
    text = HOME[language]
    hero = {"title": text["hero_title"], "text": text["hero_text"], "link_page": None}
    return {
        "title": text["title"],
        "body": [
            ("hero", hero),
            ("latest", {"heading": text["latest"], "source": "pages", "count": 4}),
        ],
    }


def _load_home_pages() -> tuple[HomePage, HomePage]:
    root = Page.get_first_root_node()
    fr_home = _page(root, HomePage, "accueil", _home_fields("fr"), locale=locale_for("fr"))
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if site.root_page_id != fr_home.pk:
        site.root_page = fr_home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's placeholder "Welcome" page is replaced by the portal's home.
        Page.objects.filter(depth=2).exclude(pk=fr_home.pk).delete()
    en_home = _page(
        root, HomePage, "home", _home_fields("en"), translation_of=fr_home, locale=locale_for("en")
    )
    return fr_home, en_home


def _load_users(stdout) -> None:
    for account in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=account.email, defaults={"username": account.email.split("@")[0]}
        )
        user.display_name = account.display_name
        user.organisation = account.organisation
        user.job_title = account.job_title
        user.country_id = account.country
        user.spoken_languages = ["fr", "en"]
        user.is_superuser = account.superuser
        user.is_staff = account.superuser
        if created:
            user.set_password(account.password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(Group.objects.get(name=roles.MEMBER))
        if account.role:
            user.groups.add(Group.objects.get(name=account.role))
        if (
            account.totp
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
    if settings.DEBUG:
        stdout.write("Demo accounts (local use only):")
        for account in DEMO_USERS:
            extra = (
                " (admin needs a TOTP code: `python manage.py demo_totp`)" if account.totp else ""
            )
            stdout.write(
                f"  {account.role or 'Member'}: {account.email} / {account.password}{extra}"
            )
