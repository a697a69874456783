"""Settings, all from the environment: safe by default and loud when a production value is wrong.

Every setting read here is listed in docs/settings.md; tests/test_settings_docs.py checks that.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from followthrough.api.schema_names import ENUM_NAMES
from followthrough.core.logs import logging_config
from followthrough.environment import env_bool, env_days, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("FOLLOWTHROUGH_VAR_DIR", PROJECT_DIR / "var"))

_DEV_SECRET = "followthrough-development-only-secret-key-never-use-in-production"


PRODUCTION = env_bool("FOLLOWTHROUGH_PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production")
    if SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 40:
        raise ImproperlyConfigured("SECRET_KEY must be set to a long random value in production")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production")
    if "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names, not *")

# Links in emails are built from this, never from the request's Host header (a client sets it).
SITE_URL = os.environ.get(
    "SITE_URL",
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}" if PRODUCTION else "http://localhost:8000",
)
if not SITE_URL.startswith(("https://", "http://")) or SITE_URL.rstrip("/").count("/") > 2:
    raise ImproperlyConfigured(
        f"SITE_URL must be https:// or http:// and the host name, with no path, not {SITE_URL!r}"
    )

INSTALLED_APPS = [
    # First, so that its GOV.UK sign-in and password templates win over the admin's.
    "followthrough.web",
    "followthrough.web.admin_site.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "followthrough.core",
    "followthrough.organisations",
    "followthrough.inspections",
    "followthrough.actionplans",
    "followthrough.ingest",
    "followthrough.reporting",
    "followthrough.selfassessment",
    "followthrough.cases",
    "followthrough.audits",
    "followthrough.auditlog",
    "followthrough.api",
    "followthrough.flows",
]

MIDDLEWARE = [
    "followthrough.web.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "followthrough.web.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "followthrough.urls"
WSGI_APPLICATION = "followthrough.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "followthrough.web.context_processors.site",
            ],
        },
    }
]

# Connections are kept for a minute and checked before reuse rather than opened per request
# (docs/decisions/0008-database-connections.md): 3.3 times faster a request on PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'followthrough.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# An optional read replica for reporting's reads (core/replica.py); in tests a mirror of default.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60)
    )
    DATABASES["replica"].update(CONN_HEALTH_CHECKS=True, TEST={"MIRROR": "default"})
    DATABASE_ROUTERS = ["followthrough.core.replica.ReplicaRouter"]
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded database needs its directory
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers on the embedded database: readers never wait for a writer (WAL), a
    # writer waits up to 20 s for another (busy timeout), and every write transaction takes the
    # lock when it starts (IMMEDIATE), so a second writer waits, then reads the saved version and
    # is refused as stale, instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# Two caches (docs/decisions/0011-shared-cache.md). "default" keeps what is cached under a
# fingerprint of the data (core/freshness.py) in each process: always right, counted once per
# process. "shared" keeps what every process must agree on, the API's allowance per token, in a
# table of the database, so the rate holds however many web processes and machines serve.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "followthrough_shared_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "followthrough.core.passwords.UsernameNotInPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer checks health over plain HTTP

# Content security policy: nothing inline, nothing from elsewhere. Charts are SVG files
# (docs/decisions/0002) and every script is a file served by the site itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The REST API (docs/api.md): a personal token or the browser's session (CSRF checked), errors as
# problem details, JSON only (the browsable API would need inline script), each token throttled.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "followthrough.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "followthrough.api.authentication.TokenScope",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["followthrough.api.authentication.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("API_TOKEN_RATE", "600/minute")},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "followthrough.api.problems.problem_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Followthrough API",
    "DESCRIPTION": "Inspection recommendations, action plans and progress. See docs/api.md.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": ENUM_NAMES,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "followthrough.api.problems.document_problems",
        "followthrough.api.schema_hooks.document_conformance",
    ],
}

# Sign-in lockout (django-axes): after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind N reverse proxies that each append to X-Forwarded-For, the client is the address the
# outermost one saw; 0 (the default) trusts no header and keys on the connection's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Closed cases are anonymised this many years after the order ends (`followthrough retention`).
CASE_RETENTION_YEARS = env_int("CASE_RETENTION_YEARS", 6)
# The version and date of the KPI definitions the service's return to the YJB follows, printed
# beside each board-pack measure (for example "2023 definitions, April 2023"); empty says so.
CASES_KPI_DEFINITION_VERSION = os.environ.get("CASES_KPI_DEFINITION_VERSION", "")
AXES_CLIENT_IP_CALLABLE = "followthrough.web.client_address.client_address"

# Email: printed to the console unless an SMTP host is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Followthrough <no-reply@localhost>")
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")
if NOTIFY_API_KEY:
    if not NOTIFY_TEMPLATE_ID:
        raise ImproperlyConfigured("NOTIFY_TEMPLATE_ID must name the Notify email template")
    EMAIL_BACKEND = "followthrough.core.notify.NotifyEmailBackend"

# Second factor: the issuer name an authenticator app shows beside the code.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Followthrough")

# OpenID Connect sign-in: off unless OIDC_RP_CLIENT_ID is set, then every endpoint is required.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    _oidc = {
        name: os.environ.get(name, "")
        for name in (
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
    }
    _missing = [name for name, value in _oidc.items() if not value]
    if _missing:
        raise ImproperlyConfigured(f"OpenID Connect needs {', '.join(_missing)}")
    OIDC_RP_CLIENT_ID = _oidc["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = _oidc["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = _oidc["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = _oidc["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = _oidc["OIDC_OP_JWKS_ENDPOINT"]
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = "openid email"
    OIDC_CREATE_USER = False  # only invited members sign in
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("followthrough.web.oidc.OIDCBackend")

# Long work runs as tasks (Django's tasks interface, backported by django-tasks) stored in the
# database: the same SQLite or PostgreSQL as everything else, no other server. `followthrough
# worker` runs them; core/tasks.py is where the project's task plumbing lives (decision 0009).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# The hour (Europe/London) from which the worker queues the day's reminder digest and
# escalation, once a day.
DAILY_RUN_HOUR = env_int("DAILY_RUN_HOUR", 6)

# Uploaded files live outside the web root and are served only by permission-checked views.
UPLOAD_ROOT = Path(os.environ.get("UPLOAD_ROOT", VAR_DIR / "uploads"))
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

# Webhook receivers must be on the internet over HTTPS; tests and a local demo may allow
# http://127.0.0.1 receivers with this (never in production).
WEBHOOKS_ALLOW_LOOPBACK = env_bool("WEBHOOKS_ALLOW_LOOPBACK", False)

# Largest document the importer reads, in bytes.
INGEST_MAX_BYTES = env_int("INGEST_MAX_BYTES", 20 * 1024 * 1024)
# Documents larger than this are read by the worker, the sender shown how far it has got.
INGEST_BACKGROUND_BYTES = env_int("INGEST_BACKGROUND_BYTES", 512 * 1024)

# The escalation ladder: days overdue, and days with no progress update, at which an action
# reaches step 1 (owner reminder), 2 (the organisation's approver) and 3 (the inspectorate).
ESCALATION_OVERDUE_DAYS = env_days("ESCALATION_OVERDUE_DAYS", [30, 90, 180])
ESCALATION_NO_UPDATE_DAYS = env_days("ESCALATION_NO_UPDATE_DAYS", [90, 180, 270])
# A rung is climbed only after the one below has stood this long, so each step gets an answer.
ESCALATION_STEP_GAP_DAYS = env_int("ESCALATION_STEP_GAP_DAYS", 14)
# A partner's task on a child's case is counted in days, not months: a child leaves custody on a
# fixed date. Overdue this many days, it goes to the owning agency, the service's managers, and
# the management board's next pack; each rung stands CASE_TASK_STEP_GAP_DAYS before the next.
CASE_TASK_OVERDUE_DAYS = env_days("CASE_TASK_OVERDUE_DAYS", [1, 7, 14])
CASE_TASK_STEP_GAP_DAYS = env_int("CASE_TASK_STEP_GAP_DAYS", 5)

# Logs go to standard error: one JSON object a line with the request's id in production, or text.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text")
LOGGING = logging_config(log_format=LOG_FORMAT, level=os.environ.get("LOG_LEVEL", "WARNING"))
