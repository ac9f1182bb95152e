"""Settings for AI för socialtjänsten, read from the environment.

Local defaults need nothing installed: SQLite in the project folder, an in-process
cache and DEBUG on. Production (DEBUG off) refuses to start without a real
SECRET_KEY and turns on every transport-security setting `check --deploy` asks for.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A key that is obviously not secret; only ever acceptable with DEBUG on or in tests.
INSECURE_DEV_KEY = "django-insecure-local-development-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "For local work, set DEBUG=1 (make run does this)."
        )
    SECRET_KEY = INSECURE_DEV_KEY
elif not DEBUG and (SECRET_KEY == INSECURE_DEV_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("SECRET_KEY is too weak for production: use 50+ random characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # search vectors and GIN indexes (publishing/search.py)
    "taggit",
    "reversion",  # every saved version of the content, with who and when
    # Throttles password guessing on the admin login: django-axes, with a Swedish name and
    # texts (locale/sv, axes ships none) and its admin in portal/lockouts.py.
    "portal.lockouts_app.LockoutsConfig",
    # Our apps, each standing only on those above it: the publishing core, the content
    # types, feedback (on the core alone), then the site that brings them together.
    "publishing",
    "media",
    "initiatives",
    "resources",
    "feedback",
    # Visitors' proposals and error reports to the editors (on initiatives and feedback).
    "contributions",
    "portal",
    "demo",
]

# Order: a request passes from top to bottom, its response from bottom to top. A cached
# public page is answered right below security and static files, before sessions, CSRF,
# authentication and messages run; what sits above the page cache applies to its hits too.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what is rendered; stored pages carry their own compressed copy.
    "django.middleware.gzip.GZipMiddleware",
    # Counts the page views of every response below it, cached pages included (anonymous
    # on hits: it reads request.user only where authentication ran). On a hit the page
    # cache counts the view in its own round trip to Redis and says so on the request.
    "feedback.middleware.PageViewMiddleware",
    # A hit ends here: a stored page keeps the headers the middleware below gave it.
    "portal.middleware.PublicPageCacheMiddleware",
    # The headers every page needs, stored with it (none depends on the visitor: a page
    # whose CSP used a nonce is never stored).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    # Everything below runs only for pages the cache does not answer.
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Old addresses of renamed content answer 301; acts only on a 404.
    "publishing.middleware.RedirectFallbackMiddleware",
    # Turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
    # A lost database gives the Swedish 503 page, not a 500.
    "portal.middleware.DatabaseUnavailableMiddleware",
    # Only GET, HEAD, OPTIONS and POST reach a view; TRACE and unknown methods get 405.
    "portal.methods.AllowedMethodsMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # `{% extends %}` that collects the base template's blocks once, not per render.
            "builtins": ["publishing.templatetags.inheritance"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default so a newcomer needs nothing; PostgreSQL through DATABASE_URL
# in CI and production (e.g. postgres://postgres@127.0.0.1:5432/test).
DATABASES = {
    # An empty DATABASE_URL (e.g. `make test` where no PostgreSQL answers) means the default.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Every wait on PostgreSQL is bounded, so a database that hangs or a network that drops
# packets gives the Swedish 503 page within seconds instead of a hung worker:
# - connect_timeout: seconds to establish a connection (the whole handshake);
# - statement_timeout / lock_timeout: the server cancels a query running or waiting for a
#   lock too long (DB_STATEMENT_TIMEOUT=0 turns the first off, e.g. for a long migration);
# - TCP keepalives and tcp_user_timeout (ms): a peer that silently stops answering is
#   noticed within DB_NETWORK_TIMEOUT seconds, on an idle connection and with a query sent.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_network_timeout = float(os.environ.get("DB_NETWORK_TIMEOUT", "3"))
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "2")))
    _db_options.setdefault("keepalives", 1)
    _db_options.setdefault("keepalives_idle", max(1, int(_db_network_timeout / 2)))
    _db_options.setdefault("keepalives_interval", 1)
    _db_options.setdefault("keepalives_count", 2)
    _db_options.setdefault("tcp_user_timeout", int(_db_network_timeout * 1000))
    _db_server_limits = {
        "statement_timeout": int(float(os.environ.get("DB_STATEMENT_TIMEOUT", "5")) * 1000),
        "lock_timeout": int(float(os.environ.get("DB_LOCK_TIMEOUT", "2")) * 1000),
        # A worker killed mid-transaction must not hold its locks for long.
        "idle_in_transaction_session_timeout": 30_000,
    }
    _db_options["options"] = " ".join(
        [_db_options.get("options", ""), *(f"-c {k}={v}" for k, v in _db_server_limits.items())]
    ).strip()
    # What libpq and the server cannot bound: a peer that acknowledges packets but never
    # answers (a hung server or proxy). portal.db waits at most this long for any answer.
    DATABASES["default"]["ENGINE"] = "portal.db"
    _statement_timeout = _db_server_limits["statement_timeout"] / 1000
    DATABASE_WAIT_TIMEOUT = (
        _statement_timeout + _db_options["connect_timeout"] if _statement_timeout else None
    )
    # A kept connection that answered within this many seconds is reused without the health
    # check's round trip (a closed one is still caught); 0 checks before every request.
    DATABASE_HEALTH_CHECK_IDLE_SECONDS = float(os.environ.get("DB_HEALTH_CHECK_IDLE_SECONDS", "1"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: in-process by default; a shared Redis cache (REDIS_URL) when several app
# processes must agree, e.g. on rate limits.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "aisoc"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rate-limit, duplicate and unique-visitor markers in a cache alias of their own ("limits",
# feedback/abuse.py). With LIMITS_REDIS_URL naming a Redis of its own (recommended), pages
# filling the page cache can never evict them; unset, it is the same Redis under its own
# prefix (memory limits and eviction policy for both cases: docs/production.md).
LIMITS_REDIS_URL = os.environ.get("LIMITS_REDIS_URL", "") or REDIS_URL
if LIMITS_REDIS_URL:
    CACHES["limits"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": LIMITS_REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "aisoc") + "-limits",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
else:
    CACHES["limits"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "limits",
    }

AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out username+IP is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
# Per username *and* IP: a guesser is stopped without letting anyone lock a colleague out
# from elsewhere by typing their username.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_VERBOSE = False  # no banner on every manage.py command
# The login throttle sees the visitor's address the same way the feedback limits do
# (TRUSTED_PROXY_COUNT below): behind the load balancer, not the balancer's own address.
AXES_CLIENT_IP_CALLABLE = "feedback.abuse.client_ip"
# Axes' own admin is replaced by portal/lockouts.py (Swedish, with "Häv spärren").
AXES_ENABLE_ADMIN = False
# Records of logins and failed logins (username, address, browser) are deleted after this
# many days by `manage.py purge_login_records` (daily); the privacy page states it.
LOGIN_RECORD_RETENTION_DAYS = int(os.environ.get("LOGIN_RECORD_RETENTION_DAYS", "90"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed, content-hashed names: cacheable forever, safe to deploy.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Security. Everything here is on in production; tests assert it with DEBUG off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Only our own origin: no CDN, web font or script from elsewhere (the site must work
# on a closed network). Inline scripts need the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# Load balancers probe /healthz over plain HTTP on the instance; a redirect would fail them.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Seconds within which /healthz must have its answer from the database.
HEALTHZ_DATABASE_TIMEOUT = float(os.environ.get("HEALTHZ_DATABASE_TIMEOUT", "1"))

SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a one-way door the agency decides on itself (SECURE_HSTS_PRELOAD=1).
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Axes logs every successful login at INFO; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}

# Site-wide facts used in templates and the accessibility statement.
SITE_NAME = "AI för socialtjänsten"
SITE_URL = os.environ.get("SITE_URL", "https://aisocialtjanst.digg.se")

# Tag addresses in plain ASCII (/amnen/schemalaggning/), as Swedish public sites do.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
TAGGIT_CASE_INSENSITIVE = True

# ---------------------------------------------------------------------------
# Publishing (publishing app)
# ---------------------------------------------------------------------------
# Editors mark content reviewed; unreviewed content shows visitors a notice after this.
REVIEW_INTERVAL_MONTHS = 12

# check_links: polite, identifiable and bounded.
LINK_CHECK_USER_AGENT = f"AI-for-socialtjansten-lankkontroll/1.0 (+{SITE_URL})"
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_WORKERS = int(os.environ.get("LINK_CHECK_WORKERS", "8"))

# Four-eyes publishing and its e-mail (publishing/review.py).
# On: nobody publishes their own change alone; a second editor with the right to publish
# approves it. FOUR_EYES_PUBLISHING=0 lets every editor publish directly.
FOUR_EYES_PUBLISHING = env_bool("FOUR_EYES_PUBLISHING", True)
# Reviewers get an e-mail when a change waits for them, authors when it is decided. Locally
# the mail is printed to the console; production sets EMAIL_BACKEND (and EMAIL_HOST etc.).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# ---------------------------------------------------------------------------
# Feedback and statistics (feedback app)
# ---------------------------------------------------------------------------
# Comments older than this many months are deleted by `manage.py purge_old_feedback`.
FEEDBACK_COMMENT_RETENTION_MONTHS = int(os.environ.get("FEEDBACK_COMMENT_RETENTION_MONTHS", "24"))
# Search terms (free text, redacted like comments) are deleted by the same command after this
# many months: a year to compare with, and a month's margin.
FEEDBACK_SEARCH_TERM_RETENTION_MONTHS = int(
    os.environ.get("FEEDBACK_SEARCH_TERM_RETENTION_MONTHS", "13")
)
# Visitors choose the terms: at most this many different ones a day are counted as
# themselves, the rest as "[övriga sökord]" (feedback/searchterms.py).
FEEDBACK_SEARCH_TERMS_PER_DAY = int(os.environ.get("FEEDBACK_SEARCH_TERMS_PER_DAY", "5000"))
# With Redis, page views and searches are gathered in each process and sent together this
# often (feedback/pending.py); also when the process stops and before statistics are read.
FEEDBACK_COUNT_SECONDS = float(os.environ.get("FEEDBACK_COUNT_SECONDS", "1"))
# At most FEEDBACK_RATE_LIMIT answers and comments per client per window (seconds).
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "20"))
FEEDBACK_RATE_LIMIT_WINDOW = int(os.environ.get("FEEDBACK_RATE_LIMIT_WINDOW", "600"))
# The same answer and comment from the same client within this many seconds is dropped.
FEEDBACK_DUPLICATE_WINDOW = int(os.environ.get("FEEDBACK_DUPLICATE_WINDOW", "600"))
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# ---------------------------------------------------------------------------
# Page cache (portal/pagecache.py)
# ---------------------------------------------------------------------------
# Rendered public pages are shared between anonymous visitors (portal/pagecache.py). Entries
# go stale on any content save, at the next scheduled (un)publication, and at the latest after
# this many seconds. 0 turns the cache off, the default with DEBUG on (template edits show).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))
# Pages are cached per release of the code; set RELEASE (e.g. the git commit) on deploy, or
# leave it empty to derive it from the project's files at start-up.
PAGE_CACHE_RELEASE = os.environ.get("RELEASE", "")
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/healthz", "/__bench__/"]
# Query parameters that carry one visitor's state: such a page is unique, so never stored.
# (The feedback block's ?aterkoppling=<token> and the editors' preview parameters.)
PAGE_CACHE_BYPASS_PARAMS = ["aterkoppling", "preview", "forhandsvisning"]
# Requests carrying any other cookie (a session: editors, previews, messages) bypass the cache.
# Visitors get no cookie; an old CSRF cookie (from before, or from the admin) changes nothing.
PAGE_CACHE_ALLOWED_COOKIES = ["csrftoken"]  # Django's default CSRF_COOKIE_NAME
# Cache-Control of a cached page: browsers may reuse it this long, a CDN or reverse proxy
# this long (both never past the page's next scheduled change).
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "300"))
# A process reads the content generation (publishing/generation.py) from the shared cache at
# most this often, and meanwhile serves the pages it served lately from its own memory (at
# most PAGE_CACHE_NEAR_BYTES): a change saved in another process shows here up to this many
# seconds later, one saved in this process at once. 0 asks the shared cache every time.
GENERATION_RECHECK_SECONDS = float(os.environ.get("GENERATION_RECHECK_SECONDS", "1"))
PAGE_CACHE_NEAR_BYTES = int(os.environ.get("PAGE_CACHE_NEAR_BYTES", str(1024 * 1024)))

# ---------------------------------------------------------------------------
# Media library (media app): images, documents and films editors upload
# ---------------------------------------------------------------------------
# Uploaded files go through Django's default storage: a folder on disk unless
# MEDIA_STORAGE_BACKEND names another, e.g. "storages.backends.s3.S3Storage" for an
# S3-compatible object store shared by several app servers (docs/production.md).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "uploads")))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_STORAGE_BACKEND = os.environ.get("MEDIA_STORAGE_BACKEND", "")
if MEDIA_STORAGE_BACKEND:
    # The backend's own options as JSON, e.g. for django-storages' S3Storage:
    # {"bucket_name": "media", "endpoint_url": "https://s3.example.se", "querystring_auth": false}
    # (boto3 reads the keys from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment).
    STORAGES["default"] = {
        "BACKEND": MEDIA_STORAGE_BACKEND,
        "OPTIONS": json.loads(os.environ.get("MEDIA_STORAGE_OPTIONS", "{}")),
    }
# The site serves the files under MEDIA_URL itself (so `make run` needs nothing); turn it
# off where a web server or the object store answers there.
MEDIA_SERVE = env_bool("MEDIA_SERVE", True)
# Upload limits (bytes); a bigger file gets a Swedish error and the rest of the form stays.
MEDIA_MAX_IMAGE_BYTES = int(os.environ.get("MEDIA_MAX_IMAGE_BYTES", str(10 * 1000 * 1000)))
MEDIA_MAX_DOCUMENT_BYTES = int(os.environ.get("MEDIA_MAX_DOCUMENT_BYTES", str(25 * 1000 * 1000)))
MEDIA_MAX_FILM_BYTES = int(os.environ.get("MEDIA_MAX_FILM_BYTES", str(2000 * 1000 * 1000)))
MEDIA_MAX_CAPTIONS_BYTES = int(os.environ.get("MEDIA_MAX_CAPTIONS_BYTES", str(2 * 1000 * 1000)))
