"""The one settings module. Everything an operator changes comes from the environment.

Two profiles share this file: ``local`` (the default: one person on a laptop, plain
HTTP on 127.0.0.1) and ``production`` (``CAREERPATH_ENV=production``: behind TLS,
refuses to start without a real secret key). They differ only in the TLS-dependent
flags listed in ``PRODUCTION_ONLY``.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from careerpath.env import (
    email_settings,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_secret,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("CAREERPATH_DATA_DIR", default=str(BASE_DIR / "var")))

ENVIRONMENT = env_choice(
    "CAREERPATH_ENV", choices=("local", "production"), default="local"
)
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("CAREERPATH_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured(
        "CAREERPATH_DEBUG cannot be on when CAREERPATH_ENV=production."
    )


def _insecure(key: str) -> bool:
    # The same test Django's security.W009 applies, so a key that passes here
    # also keeps `check --deploy` quiet.
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-")


def _local_secret_key() -> str:
    """Keep a generated key in the data folder so sessions survive restarts."""
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


SECRET_KEY = env_secret("CAREERPATH_SECRET_KEY")
if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "CAREERPATH_ENV=production needs CAREERPATH_SECRET_KEY or "
            "CAREERPATH_SECRET_KEY_FILE (50+ random characters)."
        )
    if _insecure(SECRET_KEY):
        raise ImproperlyConfigured(
            "CAREERPATH_SECRET_KEY is too weak for production: use 50+ random characters, "
            "for example the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
elif not SECRET_KEY:
    SECRET_KEY = _local_secret_key()

ALLOWED_HOSTS = env_list(
    "CAREERPATH_HOSTS",
    default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"],
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "CAREERPATH_ENV=production needs CAREERPATH_HOSTS, e.g. careers.example.org."
    )
CSRF_TRUSTED_ORIGINS = env_list("CAREERPATH_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "careerpath.core",
    "careerpath.accounts",
    "careerpath.taxonomy",
    "careerpath.profiles",
    "careerpath.goals",
    "careerpath.network",
    "careerpath.feedback",
    "careerpath.achievements",
    "careerpath.journal",
    "careerpath.balance",
    "careerpath.skills",
    "careerpath.learning",
    "careerpath.reviews",
    "careerpath.agenda",
    "careerpath.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "careerpath.core.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "careerpath.accounts.middleware.TimeZoneMiddleware",
    "careerpath.core.middleware.NoStoreMiddleware",
    "careerpath.core.middleware.ApiErrorShapeMiddleware",
]

ROOT_URLCONF = "careerpath.urls"
WSGI_APPLICATION = "careerpath.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "careerpath" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careerpath.core.context_processors.navigation",
            ],
        },
    }
]

# --- Database ---------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)
    if _db["ENGINE"] not in {
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    }:
        raise ImproperlyConfigured(
            "DATABASE_URL must be a postgres:// or sqlite:// URL."
        )
    DATABASES = {"default": _db}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "careerpath.sqlite3"),
            "CONN_MAX_AGE": 600,
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the writer; IMMEDIATE takes the write lock at the
    # start of atomic() so concurrent writers queue instead of failing with
    # "database is locked"; FULL makes an acknowledged write survive power loss.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=FULL;"
            "PRAGMA temp_store=MEMORY;"
            "PRAGMA mmap_size=134217728;"
            "PRAGMA journal_size_limit=67108864;"
            "PRAGMA cache_size=-20000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits must hold across every server process, so the cache is shared:
# a database table by default, Redis when an operator configures it.
REDIS_URL = env_str("CAREERPATH_REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "careerpath_cache",
        }
    }

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# One backend, so every sign-in costs exactly one password hash: with Django's
# ModelBackend in front, a right password stopped after one Argon2 verification
# while a wrong one (or an unknown account) was hashed again by allauth's backend,
# which made the answer's timing tell a right password from a wrong one. allauth's
# backend is a ModelBackend too, so permissions work as before.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "agenda:dashboard"
ACCOUNT_ADAPTER = "careerpath.accounts.account_adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "careerpath.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[careerpath] "
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_ENABLED = env_bool("CAREERPATH_SIGNUP_ENABLED", default=True)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "careerpath"
MFA_ADAPTER = "careerpath.accounts.mfa.EncryptingMFAAdapter"
# TOTP secrets and recovery-code seeds are stored encrypted with these keys: the
# first encrypts, every one decrypts, so a new key goes in front and
# `careerpath rotate_mfa_key` re-encrypts every row before the old one is removed.
_MFA_KEY_RECIPE = (
    ".venv/bin/python -c 'from cryptography.fernet import Fernet; "
    "print(Fernet.generate_key().decode())'"
)


def _parse_mfa_keys(raw: str, source: str) -> list[str]:
    keys = [key for key in re.split(r"[\s,]+", raw) if key]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ImproperlyConfigured(
                f"Key {position} in {source} is not a Fernet key (44 characters of "
                f"url-safe base64); make one with: {_MFA_KEY_RECIPE}"
            ) from None
    return keys


def _local_mfa_keys() -> list[str]:
    """Keep a generated key in the data folder, like the secret key."""
    path = DATA_DIR / "mfa_keys"
    if path.exists():
        keys = _parse_mfa_keys(path.read_text(encoding="utf-8"), str(path))
        if keys:
            return keys
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return [key]


MFA_ENCRYPTION_KEYS = _parse_mfa_keys(
    env_secret("CAREERPATH_MFA_KEYS"), "CAREERPATH_MFA_KEYS"
)
if PRODUCTION and not MFA_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "CAREERPATH_ENV=production needs CAREERPATH_MFA_KEYS or CAREERPATH_MFA_KEYS_FILE "
        f"(the key that encrypts two-factor secrets); make one with: {_MFA_KEY_RECIPE}"
    )
if not MFA_ENCRYPTION_KEYS:
    MFA_ENCRYPTION_KEYS = _local_mfa_keys()

# The Django admin is for operators and is off unless they turn it on; when on, it
# signs in through allauth (rate limits, two-factor, the security log).
ADMIN_ENABLED = env_bool("CAREERPATH_ADMIN_ENABLED", default=False)
USERSESSIONS_TRACK_ACTIVITY = False  # a write per request would hold SQLite's lock
# ACCOUNT_RATE_LIMITS stays at allauth's defaults: 5 failed logins per account in
# 5 minutes and 10 per minute per IP, counted in the shared cache below.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int(
    "CAREERPATH_TRUSTED_PROXIES", default=0, minimum=0
)

# --- E-mail -----------------------------------------------------------------
globals().update(email_settings(env_str("CAREERPATH_EMAIL_URL", default="console:")))
DEFAULT_FROM_EMAIL = env_str(
    "CAREERPATH_FROM_EMAIL", default="careerpath <careerpath@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "careerpath" / "static"]
STATIC_ROOT = Path(
    env_str("CAREERPATH_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Background work --------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Security ---------------------------------------------------------------
# Django's defaults already send nosniff, same-origin referrer and opener policies,
# and X-Frame-Options: DENY. What depends on TLS is switched on in production only.
PRODUCTION_ONLY = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("CAREERPATH_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int(
        "CAREERPATH_HSTS_SECONDS", default=31_536_000, minimum=0
    )
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(
        "CAREERPATH_HSTS_SUBDOMAINS", default=True
    )
    SECURE_HSTS_PRELOAD = env_bool("CAREERPATH_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    if env_bool("CAREERPATH_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The health check answers plain HTTP probes from the load balancer.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
else:
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    SECURE_HSTS_PRELOAD = False
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "sessionid"
    CSRF_COOKIE_NAME = "csrftoken"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Uploads are read in memory up to this size; importers cap their own files.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- API --------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_str("CAREERPATH_LOG_LEVEL", default="INFO"),
    },
}
