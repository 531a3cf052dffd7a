"""Settings safe for production; every deployment-specific value is read from the environment.

``dev.py`` and ``test.py`` only relax these. A feature that needs an external service
(Elasticsearch, SMTP) switches on when its variable is present.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "pattern_pages",
    "library",
    "api",
    "search",
    "assessments",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
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
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "contributions",
    "editorial",
    "limits",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.RejectNulCharactersMiddleware",
    "cms.middleware.RefuseDeepJsonMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp's, letting the admin frame its previews (cms.csp).
    "cms.csp.LibraryCSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Inside CSP (a kept page gets this request's nonce), outside what a kept page does not need.
    "cms.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Needs the signed-in user: it answers with an admin page.
    "cms.middleware.BoundAdminSearchMiddleware",
    # Last, as django-axes asks: turns a login refused for a lockout into cms.login.locked_out's answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/patterns; a SQLite file in the project
# otherwise, so that `make run` needs no database server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the default locale, served at /; Welsh at /cy/.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Editors choose the admin's language in their account (Wagtail's "Preferred language"): English or Welsh.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex pattern pages exceed Django's default of 1,000 fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "LocalGov Pattern Library"
# The address readers and suppliers use, e.g. https://patterns.example.org: every absolute URL the site
# gives out (API responses, sitemap, feed, hreflang links, emails) starts with it, and Wagtail's Site record
# follows it (library.site_url). `make run` sets it to the address it serves. Scheme, host and port only.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
# Wagtail 8's autosave is off. On a create form it saves the object in the background, and a click on
# "Submit" or "Save" that overtakes it creates a second object: under load our browser test recorded one
# assessment twice. With inline panels it can also duplicate rows (wagtail/wagtail#14568, still open).
# Editors save explicitly; concurrent edits are caught by Wagtail's revision check and page locks.
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "0"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# The library's search engine: {"ENGINE": dotted path of a search.engines.SearchEngine, "OPTIONS": its
# keyword arguments}. The database's by default; set ELASTICSEARCH_URL to switch to Elasticsearch.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_ENGINE = (
    {
        "ENGINE": "search.engines.elasticsearch.ElasticsearchEngine",
        "OPTIONS": {"url": ELASTICSEARCH_URL, "index_prefix": os.environ.get("SEARCH_INDEX_PREFIX", "patterns")},
    }
    if ELASTICSEARCH_URL
    else {"ENGINE": "search.engines.database.DatabaseEngine", "OPTIONS": {}}
)

# "api" holds rendered API responses under their ETag (see library.version): per process by default.
# "default" is set below, with the rate limits that count in it; "api" holds rendered API responses under
# their ETag (library.version), in each process's memory.
CACHES = {
    "api": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "api-responses",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    # Rendered public pages for anonymous readers, under the library version (cms.page_cache).
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public-pages",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "2000"))},
    },
    # Search answers (page and API) for anonymous readers, under the library version and the index's generation
    # (search.answers); apart from the pages, so that made-up queries never push pages out.
    "search": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "search-answers",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("SEARCH_CACHE_MAX_ENTRIES", "500"))},
    },
}
# How long a process may answer from the library version it last read (seconds); see library.version.
API_LIBRARY_VERSION_TTL = float(os.environ.get("API_LIBRARY_VERSION_TTL", "1"))

# Background work (search indexing, webhooks, reminders) goes through Django Tasks, the framework
# Wagtail 8 uses, stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "patterns@localhost")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ApiKeyAuthentication"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "LocalGov Pattern Library API",
    "DESCRIPTION": (
        "Service patterns and processes for UK councils. Anonymous reads are rate limited per IP; "
        "send an API key as `Authorization: Bearer <key>` for a higher limit and draft previews."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs pages load Redoc and Swagger UI from drf-spectacular-sidecar's static files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The "number" path converter (pattern_pages.numbers): an id up to the largest integer a database stores.
    "PATH_CONVERTER_OVERRIDES": {"number": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}},
    # Two resources have a "status": name each set of choices after what it is.
    "ENUM_NAME_OVERRIDES": {
        "AdoptionStatusEnum": "contributions.models.AdoptionStatus",
        "ComponentStatusEnum": "pattern_pages.models.ComponentStatus",
    },
    "PREPROCESSING_HOOKS": ["cms.openapi.public_api_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.openapi.jsonld_lists_are_not_paginated",
        "cms.openapi.request_bodies_are_closed",
        "cms.openapi.narrowed_items_require_only_id",
    ],
}
# Rate limits (the API's throttles, the contribute and feedback forms) count in the default cache. With more
# than one web process the cache must be shared: Redis when REDIS_URL is set (e.g. redis://127.0.0.1:6379/0).
# Without it, one process's memory: right for development and tests; production falls back to the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
else:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def env_rate(name, default):
    """A rate limit from the environment, e.g. ``60/min``; ``off`` means none (load tests only)."""
    value = os.environ.get(name, default).strip()
    return None if value.lower() in {"off", "none"} else value


# Requests a minute: anonymous clients per IP, keyed clients per key, e.g. API_ANON_RATE=60/min.
API_THROTTLE_RATES = {"anon": env_rate("API_ANON_RATE", "60/min"), "key": env_rate("API_KEY_RATE", "1200/min")}
# Webhook targets on addresses that are not globally routable are refused unless this is on (tests only).
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS")
# A PEM file of extra certificate authorities webhook receivers' certificates may come from (default: none).
WEBHOOK_CA_BUNDLE = os.environ.get("WEBHOOK_CA_BUNDLE") or None

CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Every task's start and end is logged at INFO: too much for a console, kept for warnings.
    "loggers": {"django_tasks": {"level": os.environ.get("TASKS_LOG_LEVEL", "WARNING")}},
}

# Contributions from the public form (contributions app). Rate limits are (how many, per how many seconds),
# counted in Django's cache; confirmation links expire after CONTRIBUTIONS_CONFIRMATION_HOURS.
CONTRIBUTIONS_CONFIRMATION_HOURS = int(os.environ.get("CONTRIBUTIONS_CONFIRMATION_HOURS", "48"))
CONTRIBUTIONS_RATE_LIMITS = {
    "contribution_per_ip": (10, 60 * 60),
    "contribution_per_email": (5, 60 * 60),
    "feedback_per_ip": (30, 60 * 60),
}

# Who a request comes from (limits.client): X-Forwarded-For is believed only from these proxies' addresses or
# networks, e.g. TRUSTED_PROXIES=10.0.0.0/8 behind a load balancer in that network. Empty: never believed.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Where limits count (limits.counting): the default cache, or rows in the database where that cache is the
# database's (production without Redis), whose increments are not atomic.
LIMITS_COUNTER = "limits.counting.CacheCounter"

# Every password the library checks is under one lockout (cms.login, django-axes): per user name and address
# together; after `attempts` failures within `window_seconds` of each other, a wait of `first_wait_seconds`
# that doubles with every further failure, up to `longest_wait_seconds`.
LOGIN_LOCKOUT = {
    "attempts": int(os.environ.get("LOGIN_LOCKOUT_ATTEMPTS", "5")),
    "window_seconds": int(os.environ.get("LOGIN_LOCKOUT_WINDOW_SECONDS", "900")),
    "first_wait_seconds": int(os.environ.get("LOGIN_LOCKOUT_FIRST_WAIT_SECONDS", "300")),
    "longest_wait_seconds": int(os.environ.get("LOGIN_LOCKOUT_LONGEST_WAIT_SECONDS", "86400")),
}
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "cms.login.GrowingLockoutHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = LOGIN_LOCKOUT["attempts"]
AXES_COOLOFF_TIME = "cms.login.longest_wait"  # how long a failure is kept; the wait itself is cms.login's
AXES_RESET_ON_SUCCESS = True
# An attempt while locked out is refused before any password is compared, and does not lengthen the wait.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "cms.login.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "cms.login.locked_out"
# Masked in axes' failure records and logs (each failure keeps the form's other fields): every password field
# of every door, as the account form names them too.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "csrfmiddlewaretoken",
    *[f"{prefix}{name}" for prefix in ("", "password-") for name in ("old_password", "new_password1", "new_password2")],
]

# Content-Security-Policy (django-csp) on the public site and the API: no inline script or style
# except scripts carrying the per-request nonce. The admin gets its own policy (ADMIN_CONTENT_SECURITY_POLICY,
# applied by cms.csp.LibraryCSPMiddleware), and the previews it frames may be framed by it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The strictest policy Wagtail 8's admin works with: everything from the site itself, no plugins, no other
# base address, framed only by itself (previews, modals). Wagtail's widgets still write inline scripts
# (chooser initialisers) and style attributes, so those two keep 'unsafe-inline'; no script from elsewhere.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Avatars from gravatar.com would be a third-party request from every admin page (and refused by its CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard's upgrade notice fetches releases.wagtail.org from each editor's browser; upgrades come
# through the project's pinned dependencies instead, and the admin's CSP allows no other site.
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Uploads: whole requests up to 10 MB in memory; the image and document limits above apply per file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Welsh translations start as drafts, whatever the English page's state: they are published through the
# review workflow (editorial), not the moment someone starts translating.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
