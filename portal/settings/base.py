"""Settings shared by every environment.

Environment-specific values are read from environment variables (see the
settings table in README.md); `dev`, `test` and `production` only change
defaults and switch on what their environment needs.
"""

from pathlib import Path

import dj_database_url

from .environment import env_bool, env_int, env_list, env_str, persisted_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY") or persisted_secret_key(VAR_DIR / "secret_key")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "forums",
    "experts",
    "search",
    "library",
    "projects",
    "wagtail.contrib.routable_page",
    "newsletter",
    "events",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "anymail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.AdminRequiresMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# Database: https://docs.djangoproject.com/en/5.2/ref/settings/#databases
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when REDIS_URL is set (shared by all
# web processes, which allauth's rate limits need in production).
REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Accounts: https://docs.allauth.org/en/latest/account/configuration.html
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "portal.forms.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = env_str("EMAIL_SUBJECT_PREFIX", "[Portal] ")
ACCOUNT_ADAPTER = "portal.adapters.PortalAccountAdapter"
# allauth's default rate limits stay on (login failures, sign-ups, resets).
# The client's address behind proxies (portal.client_ip): allauth's settings, shared.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("SITE_NAME", "Social Protection Portal")
# Groups whose members must have TOTP enabled before reaching the Wagtail admin.
PORTAL_ADMIN_MFA_GROUPS = ["Editor", "Staff"]
PORTAL_AVATAR_MAX_BYTES = env_int("AVATAR_MAX_BYTES", 2 * 1024 * 1024)

# Internationalization: https://docs.djangoproject.com/en/5.2/topics/i18n/
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True

# Static and media files: https://docs.djangoproject.com/en/5.2/howto/static-files/
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PORTAL_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Workspace files are private: kept outside MEDIA_ROOT, served only through
# the permission-checked download view (a private bucket in production).
STORAGES["workspace_files"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": env_str("PROJECTS_FILES_ROOT", str(VAR_DIR / "workspace-files")),
    },
}

# Email: https://docs.djangoproject.com/en/5.2/topics/email/
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: https://docs.djangoproject.com/en/5.2/topics/tasks/ (django-tasks backport)
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASK_BACKEND", "database")]}}

# Expert bank: largest CV file accepted, and how many contact messages a member
# may send per period (django-ratelimit syntax, e.g. "5/h", "20/d").
EXPERTS_CV_MAX_BYTES = env_int("EXPERTS_CV_MAX_BYTES", 10 * 1024 * 1024)
EXPERTS_CONTACT_RATE = env_str("EXPERTS_CONTACT_RATE", "5/h")

# Search: SEARCH_BACKEND picks the portal's engine ("database" or "elasticsearch").
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
# Alias readers query; rebuilds create "<alias>-<timestamp>" indexes and swap it.
SEARCH_ELASTICSEARCH_INDEX = env_str("SEARCH_ELASTICSEARCH_INDEX", "portal-search")
SEARCH_ELASTICSEARCH_TIMEOUT = env_int("SEARCH_ELASTICSEARCH_TIMEOUT", 5)
SEARCH_RESULTS_PER_PAGE = env_int("SEARCH_RESULTS_PER_PAGE", 20)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Wagtail: https://docs.wagtail.org/en/stable/reference/settings.html
# An installation's own name; empty means the translated default name.
SITE_NAME = env_str("SITE_NAME")
WAGTAIL_SITE_NAME = SITE_NAME or "Social Protection Portal"
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Workspaces (projects/): invitation links, wiki page size and document uploads.
PROJECTS_INVITATION_MAX_AGE_DAYS = env_int("PROJECTS_INVITATION_MAX_AGE_DAYS", 14)
PROJECTS_WIKI_MAX_CHARS = env_int("PROJECTS_WIKI_MAX_CHARS", 200_000)
PROJECTS_UPLOAD_MAX_BYTES = env_int("PROJECTS_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

# Library: uploads are checked by content (library.uploads) whatever their name.
LIBRARY_MAX_UPLOAD_BYTES = env_int("LIBRARY_MAX_UPLOAD_BYTES", 100 * 1024 * 1024)
# Where manifests uploaded in the admin find the files they name.
LIBRARY_IMPORT_ROOT = Path(env_str("LIBRARY_IMPORT_ROOT", str(VAR_DIR / "imports")))
WAGTAILDOCS_DOCUMENT_FORM_BASE = "library.forms.CheckedDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = LIBRARY_MAX_UPLOAD_BYTES

# User news and the G-NEWS newsletter (newsletter/): sender, bulk email backend
# (empty = EMAIL_BACKEND; e.g. an anymail backend), batching, retries, bounces
# and how long confirmation and unsubscribe links stay valid.
NEWSLETTER_FROM_EMAIL = env_str("NEWSLETTER_FROM_EMAIL") or DEFAULT_FROM_EMAIL
NEWSLETTER_EMAIL_BACKEND = env_str("NEWSLETTER_EMAIL_BACKEND")
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_BACKOFF_SECONDS = env_int("NEWSLETTER_RETRY_BACKOFF_SECONDS", 300)
NEWSLETTER_SUSPEND_AFTER_BOUNCES = env_int("NEWSLETTER_SUSPEND_AFTER_BOUNCES", 2)
NEWSLETTER_CONFIRMATION_MAX_AGE = env_int("NEWSLETTER_CONFIRMATION_MAX_AGE", 3 * 24 * 3600)
NEWSLETTER_UNSUBSCRIBE_MAX_AGE = env_int("NEWSLETTER_UNSUBSCRIBE_MAX_AGE", 2 * 365 * 24 * 3600)
NEWSLETTER_SUBSCRIBE_RATE = env_str("NEWSLETTER_SUBSCRIBE_RATE", "3/h/key,20/h/ip")  # key: address

# Forums (forums/): pages, posting limits, notifications and replies by email.
FORUMS_TOPICS_PER_PAGE = env_int("FORUMS_TOPICS_PER_PAGE", 25)
FORUMS_POSTS_PER_PAGE = env_int("FORUMS_POSTS_PER_PAGE", 20)
FORUMS_POST_MAX_CHARS = env_int("FORUMS_POST_MAX_CHARS", 20_000)
FORUMS_EDIT_WINDOW_MINUTES = env_int("FORUMS_EDIT_WINDOW_MINUTES", 30)
# Rates in django-ratelimit's notation: "count/period", e.g. "10/10m" or "100/d".
FORUMS_USER_POST_RATE = env_str("FORUMS_USER_POST_RATE", "10/10m")
FORUMS_IP_POST_RATE = env_str("FORUMS_IP_POST_RATE", "30/10m")
# Members younger than this many days, or with no published post yet, are "new".
FORUMS_NEW_MEMBER_DAYS = env_int("FORUMS_NEW_MEMBER_DAYS", 7)
FORUMS_NEW_MEMBER_MAX_LINKS = env_int("FORUMS_NEW_MEMBER_MAX_LINKS", 2)
# Domain of the signed reply-by-email addresses (reply+TOKEN@domain); empty turns it off.
FORUMS_REPLY_DOMAIN = env_str("FORUMS_REPLY_DOMAIN")
FORUMS_INBOUND_MAX_BYTES = env_int("FORUMS_INBOUND_MAX_BYTES", 1_000_000)
# Inbound mail webhooks of email providers: https://anymail.dev/en/stable/inbound/
# The forums ignore webhook calls until a secret ("user:password") is set.
ANYMAIL = {"WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET") or None}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail logs every page action at INFO; the audit log keeps them anyway.
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs every layout step of every PDF (G-NEWS editions, CVs) at INFO.
        "weasyprint": {"level": "WARNING"},
    },
}
