"""Strict parsers for the environment variables that configure careerpath.

A value that cannot be understood is an error at start-up, never a silent default:
``CAREERPATH_DEBUG=maybe`` stops the process with a message naming the variable.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, *, default: str = "") -> str:
    """Return the variable's value, or ``default`` when it is unset or empty."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name: str, *, default: bool) -> bool:
    """Parse a boolean; anything but the usual spellings is an error."""
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, *, default: int, minimum: int | None = None) -> int:
    """Parse a whole number, optionally with a lower bound."""
    raw = os.environ.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}."
        ) from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_list(name: str, *, default: list[str] | None = None) -> list[str]:
    """Parse a comma-separated list, dropping blanks."""
    raw = os.environ.get(name, "")
    if raw.strip() == "":
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, *, choices: tuple[str, ...], default: str) -> str:
    """Parse one of a fixed set of words."""
    raw = os.environ.get(name, "") or default
    if raw not in choices:
        allowed = ", ".join(choices)
        raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {raw!r}.")
    return raw


def env_secret(name: str) -> str:
    """Read a secret from ``NAME`` or from the file named by ``NAME_FILE``.

    Setting both is an error, so an operator never wonders which one is in force.
    """
    direct = os.environ.get(name, "")
    file_name = os.environ.get(f"{name}_FILE", "")
    if direct and file_name:
        raise ImproperlyConfigured(f"Set {name} or {name}_FILE, not both.")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE points at {file_name!r}, which cannot be read: {exc.strerror}."
            ) from None
    return direct


def email_settings(url: str) -> dict[str, object]:
    """Turn ``smtp://user:password@host:port?tls=true`` into Django e-mail settings.

    ``console:`` prints messages to standard output (the default for one person on a
    laptop); ``smtps://`` uses implicit TLS; ``?tls=true`` uses STARTTLS.
    """
    if url in {"", "console:", "console://"}:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if url in {"locmem:", "locmem://"}:
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ImproperlyConfigured(
            "CAREERPATH_EMAIL_URL must look like smtp://user:password@host:587?tls=true, "
            f"smtps://… or console:, not {url!r}."
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    unknown = set(query) - {"tls", "timeout"}
    if unknown:
        raise ImproperlyConfigured(
            f"CAREERPATH_EMAIL_URL has unknown options: {', '.join(sorted(unknown))}."
        )
    use_tls = query.get("tls", "false").lower() in _TRUE
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise ImproperlyConfigured(
            "CAREERPATH_EMAIL_URL has an invalid port."
        ) from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": use_tls and parts.scheme == "smtp",
        "EMAIL_TIMEOUT": int(query.get("timeout", "10")),
    }
