"""ascweb settings, all from the environment.

DEBUG is off unless asked for; the server will not start without SECRET_KEY when it is off. DATABASE_URL selects
PostgreSQL (postgres://...); without it the embedded SQLite file db.sqlite3 is used.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
# Without SECRET_KEY (and DEBUG off) management commands still run, but nothing can be signed:
# Django refuses an empty key the moment a session or token needs it, and ascweb/wsgi.py
# refuses to start the server at all.
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tables2",
    "csp",
    "axes",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
]
# The core and the apps that plug into it (their figures make the page cache's data stamp).
ASCWEB_APPS = ["ascweb", "finance", "savings", "ibcf", "reserves", "performance", "planning"]
INSTALLED_APPS += ASCWEB_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the rest make, so it sits above them; safe with CSRF (see its docstring).
    "ascweb.middleware.CompressPages",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ascweb.middleware.NoStoreWhenSignedIn",
    "axes.middleware.AxesMiddleware",
    # Last: a member's view of a period runs in one read-only snapshot (see its docstring).
    "ascweb.snapshots.MemberSnapshot",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling: first, so a locked account stops here
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ascweb.urls"
WSGI_APPLICATION = "ascweb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ascweb.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
):
    raise ImproperlyConfigured("DATABASE_URL must be a postgres:// or sqlite:// URL")
# A connection kept between requests is checked before a request uses it: after a database
# restart the first request reconnects rather than failing.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent saves on SQLite: every transaction takes the write lock when it begins
    # (IMMEDIATE), so two saves queue rather than one failing to upgrade its read lock
    # ("database is locked"); a writer waits up to SQLITE_BUSY_SECONDS for the lock; WAL lets
    # readers read while a save writes. The second save then meets the first's new version
    # and gets the conflict page.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_SECONDS", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }

# The cache shared by every worker and host (pages and downloads members read, ascweb.caching):
# a table in the app's own database (`manage.py createcachetable` makes it), or Redis when
# REDIS_URL is set (redis://host:6379/0).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "ascweb_cache"}
}
if not REDIS_URL:
    # the cache table through a connection of its own (ascweb.snapshots.CacheRouter): a
    # member's page is read in a read-only snapshot, and kept in the cache from inside it
    DATABASES["cache"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["ascweb.snapshots.CacheRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Column comments document units ("pence") on PostgreSQL; SQLite cannot store them.
SILENCED_SYSTEM_CHECKS = ["fields.W163"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    # plotly.js's partial "basic" bundle (bar, scatter, pie) from npm, pinned in package.json to
    # the plotly.js that the Python plotly package bundles (a test compares the two); no CDN.
    # Served as /static/plotly/plotly-basic.min.js, hashed in production.
    ("plotly", BASE_DIR / "node_modules" / "plotly.js-basic-dist-min"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "ascweb.storage.HashedStaticFiles"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)

# Security: safe by default; HTTPS settings on unless DEBUG.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes from inside, over plain HTTP
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy: no inline script anywhere (chart data travels as JSON in
# <script type="application/json">, drawn by static files). Plotly writes inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login throttling: 5 failures for a username from an address locks it for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The proxies in front of the app (0: none): the client's address is the one the nearest of them
# saw, taken from X-Forwarded-For (ascweb.proxies). Login throttling counts by it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if env_str("AXES_PROXY_COUNT", ""):  # the old name, which never worked: say so rather than ignore it
    raise ImproperlyConfigured("AXES_PROXY_COUNT is now TRUSTED_PROXY_COUNT (see README)")
AXES_CLIENT_IP_CALLABLE = "ascweb.proxies.client_address"

# Long work off the request (ascweb.jobs): a queue kept in the app's own database
# (django-tasks' database backend), run by `python manage.py db_worker` (compose's worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

DJANGO_TABLES2_TEMPLATE = "tables/govuk_table.html"

# Optional single sign-on through the council's OpenID Connect identity provider.
OIDC_ENABLED = bool(env_str("OIDC_RP_CLIENT_ID", ""))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("ascweb.oidc.CouncilOIDCBackend")
    OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
    OIDC_USERNAME_ALGO = "ascweb.oidc.council_username"
    # Off: a sign-in finds only the account sign-on made for that address (ascweb.oidc).
    OIDC_MATCH_BY_EMAIL = env_bool("OIDC_MATCH_BY_EMAIL", False)
    for _name in (
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
        "OIDC_OP_JWKS_ENDPOINT",
    ):
        if not env_str(_name, ""):
            raise ImproperlyConfigured(f"{_name} must be set when OIDC_RP_CLIENT_ID is")
        globals()[_name] = env_str(_name, "")
    LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"

# ascweb: a line whose variance is at least this (in pence) needs an explanation.
ASCWEB_MATERIALITY_PENCE = env_int("ASCWEB_MATERIALITY_PENCE", 100_000 * 100)
ASCWEB_ORGANISATION = env_str("ASCWEB_ORGANISATION", "Norfolk County Council")
# Import files (ascweb.importing.limits): the largest upload, checked before it is read (Django
# spools uploads over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, so nothing larger is
# ever held in memory), and the most rows and columns a file may fill.
ASCWEB_IMPORT_MAX_BYTES = env_int("ASCWEB_IMPORT_MAX_BYTES", 50 * 1024 * 1024)
ASCWEB_IMPORT_MAX_ROWS = env_int("ASCWEB_IMPORT_MAX_ROWS", 200_000)
ASCWEB_IMPORT_MAX_COLUMNS = env_int("ASCWEB_IMPORT_MAX_COLUMNS", 50)
# A file larger than this (bytes) is imported off the request: stored, queued and run by the
# queue worker (`manage.py db_worker`), the lead watching its progress page (ascweb.jobs).
ASCWEB_IMPORT_BACKGROUND_BYTES = env_int("ASCWEB_IMPORT_BACKGROUND_BYTES", 1024 * 1024)
# The pack's charts are drawn by this Chromium (ascweb.pack_charts; Debian's `chromium`).
ASCWEB_CHROMIUM = env_str("ASCWEB_CHROMIUM", "/usr/bin/chromium")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, stated: larger uploads go to disk
# Reminder emails (`manage.py send_reminders`): links start with the site's address; mail goes
# through EMAIL_BACKEND, the console (printed, not sent) unless set, e.g. to SMTP in production
# with Django's EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS.
ASCWEB_SITE_URL = env_str("ASCWEB_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ascweb@localhost")
# How to report an accessibility problem, printed in the accessibility statement: the council
# must set it (an email address and a telephone number) before the service goes live.
ASCWEB_ACCESSIBILITY_CONTACT = env_str(
    "ASCWEB_ACCESSIBILITY_CONTACT",
    "[To be completed by the council before this service goes live: the email address and telephone number "
    "for accessibility requests and problems.] Until then, ask the Adult Social Services finance team.",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
