"""The shape every contact file is read into and written from, and what can go wrong.

Parsers (LinkedIn, vCard, our CSV) produce ``ContactRecord``s; the importer matches
them to existing contacts; the writers turn contacts back into records first. Records
are normalised on creation (whitespace collapsed, repeats dropped, profile URLs in one
form), so "export, then import" gives back equal records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from careerpath.core.links import safe_url

# The upload limits: bigger files are refused before parsing.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_RECORDS = 20_000

_SPACES = re.compile(r"\s+")
_LINKEDIN_PATH = re.compile(r"^/in/([^/?#]+)", re.IGNORECASE)


class FormatError(ValueError):
    """A file that cannot be read; says which file, which line and why."""

    def __init__(self, filename: str, line: int | None, reason: str) -> None:
        self.filename = filename
        self.line = line
        self.reason = reason
        where = f"{filename}, line {line}" if line else filename
        super().__init__(f"{where}: {reason}")


def one_line(text: str) -> str:
    """Whitespace (including newlines) collapsed to single spaces, trimmed."""
    return _SPACES.sub(" ", text or "").strip()


def tidy_list(items: object, *, fold: bool = True) -> tuple[str, ...]:
    """Single-line items without blanks or repeats (ignoring case when ``fold``)."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in items or ():  # type: ignore[attr-defined]
        item = one_line(str(raw))
        key = item.casefold() if fold else item
        if item and key not in seen:
            seen.add(key)
            result.append(item)
    return tuple(result)


def tidy_tags(items: Iterable[object] | None) -> tuple[str, ...]:
    """Tags never contain commas or semicolons: those separate tags wherever they are typed."""
    return tidy_list(
        part for raw in (items or ()) for part in re.split(r"[,;]", str(raw))
    )


def tidy_pairs(pairs: object) -> tuple[tuple[str, str], ...]:
    """(label, value) pairs with a value, single-line, repeats of a value dropped."""
    seen: set[str] = set()
    result: list[tuple[str, str]] = []
    for label, value in pairs or ():  # type: ignore[attr-defined]
        value = one_line(value)
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            result.append((one_line(label), value))
    return tuple(result)


def normalise_profile_url(url: str) -> str:
    """One spelling per LinkedIn profile: ``https://www.linkedin.com/in/<name>``.

    LinkedIn exports write ``https://www.linkedin.com/in/jane-doe-12ab``; people paste
    ``linkedin.com/in/Jane-Doe-12ab/?trk=…``. Other URLs are only trimmed.
    """
    url = one_line(url)
    if not url:
        return ""
    try:
        parts = urlsplit(url if "//" in url else f"https://{url}")
    except ValueError:  # "https://[x", a host that changes under NFKC: not LinkedIn
        return url.rstrip("/")
    host = (parts.hostname or "").removeprefix("www.")
    match = _LINKEDIN_PATH.match(parts.path)
    if host.endswith("linkedin.com") and match:
        return f"https://www.linkedin.com/in/{match.group(1).casefold()}"
    return url.rstrip("/")


def is_web_address(url: str) -> bool:
    """Whether ``url`` is an http(s) address a browser can open (no scheme means https).

    The one link rule of careerpath (``core.links``): refused are what cannot be read
    (``https://[x``, hosts that change under Unicode normalisation such as
    ``ex℀ample.com``), other schemes, a missing host, spaces and control characters.
    """
    return safe_url(url) is not None


def is_linkedin_profile(url: str) -> bool:
    return normalise_profile_url(url).startswith("https://www.linkedin.com/in/")


@dataclass(frozen=True)
class ContactRecord:
    """One person as read from a file, normalised."""

    name: str
    company: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[tuple[str, str], ...] = ()  # (label, number)
    links: tuple[tuple[str, str], ...] = ()  # (label, url)
    profile_url: str = ""
    how_we_met: str = ""
    met_on: date | None = None
    relationship_types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""
    line: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Frozen: normalise through object.__setattr__ so every record is canonical.
        set_ = object.__setattr__
        for name in ("name", "company", "title", "how_we_met"):
            set_(self, name, one_line(getattr(self, name)))
        set_(self, "emails", tidy_list(self.emails))
        set_(self, "phones", tidy_pairs(self.phones))
        set_(self, "links", tidy_pairs(self.links))
        set_(self, "profile_url", normalise_profile_url(self.profile_url))
        set_(self, "relationship_types", tidy_list(self.relationship_types))
        set_(self, "tags", tidy_tags(self.tags))
        set_(
            self,
            "notes",
            (self.notes or "").replace("\r\n", "\n").replace("\r", "\n").strip(),
        )
