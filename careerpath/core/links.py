"""Links people store: only web addresses (and e-mail links where a field allows them).

One rule for every place a URL can be typed, imported or rendered:

- ``http://`` and ``https://`` are accepted, ``mailto:`` only where the field says so;
  any other scheme (``javascript:``, ``data:``, ``vbscript:``, ``file:`` …) is refused
  with a message naming it, whatever its case;
- a link may not contain spaces, control or invisible characters, so tricks such as
  ``"java\\tscript:"`` or ``"\\x01javascript:"`` are refused too;
- an address typed without a scheme (``example.com/talk``) is stored as
  ``https://example.com/talk``, as the link fields' placeholder suggests.

``clean_link`` raises Django's ``ValidationError``; Django form fields, model field
validators and the API's ``Link`` types are built on it. ``safe_url`` returns the
cleaned link or ``None`` (for importers); the ``safe_href`` template filter renders
a stored value only when it passes, so a bad value stored earlier is shown as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.utils.deconstruct import deconstructible
from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

from careerpath.core.forms import ListField

WEB_SCHEMES = ("http", "https")
MAIL_SCHEME = "mailto"
LINK_MAX_LENGTH = 500

# RFC 3986 scheme: a letter, then letters, digits, "+", "-" or ".".
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$", re.DOTALL)
# "localhost:8000/x": a host and port, not a scheme.
_PORT = re.compile(r"^\d+(?:[/?#]|$)")
_web = URLValidator(schemes=list(WEB_SCHEMES))


def _shown(value: str) -> str:
    """The value as a message may quote it: printable, at most 60 characters."""
    printable = "".join(
        ch if ch.isprintable() and not ch.isspace() else "·" for ch in value
    )
    return printable if len(printable) <= 60 else f"{printable[:59]}…"


def _hidden_characters(value: str) -> bool:
    """Spaces, control characters or invisible formatting characters anywhere."""
    return any(
        ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp", "Zs"}
        for ch in value
    )


def _allowed_text(mailto: bool) -> str:
    return "https://, http:// or mailto:" if mailto else "https:// or http://"


def clean_link(value: str, *, mailto: bool = False) -> str:
    """The link as it is stored, or ``ValidationError`` saying what is wrong with it.

    Surrounding whitespace is trimmed, the scheme written in lower case and a missing
    scheme taken as ``https://``. Whatever it returns starts with ``http://``,
    ``https://`` or (when ``mailto``) ``mailto:``.
    """
    text = str(value).strip()
    if not text:
        raise ValidationError("Give a link or leave the field empty.", code="required")
    if _hidden_characters(text):
        raise ValidationError(
            f"“{_shown(text)}” contains spaces or invisible characters; "
            "a link can't have them.",
            code="invalid_link",
        )
    match = _SCHEME.match(text)
    scheme, rest = (match.group(1).lower(), match.group(2)) if match else ("", text)
    if "." in scheme or (scheme == "localhost" and _PORT.match(rest)):
        scheme, rest = "", text  # a host (and its port) typed without a scheme
    if scheme == MAIL_SCHEME and mailto:
        address = rest.split("?", 1)[0]
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                f"“{_shown(text)}” is not an e-mail link (mailto:name@example.org).",
                code="invalid_link",
            ) from None
        return f"{MAIL_SCHEME}:{rest}"
    if scheme and scheme not in WEB_SCHEMES:
        raise ValidationError(
            f"“{scheme}:” links are not allowed: a link starts with "
            f"{_allowed_text(mailto)}.",
            code="invalid_link",
        )
    if scheme:
        url = f"{scheme}:{rest}"
    else:
        url = f"https:{text}" if text.startswith("//") else f"https://{text}"
    try:
        _web(url)
    except ValidationError:
        raise ValidationError(
            f"“{_shown(text)}” is not a web address; check it, or start it with https://.",
            code="invalid_link",
        ) from None
    assert url.startswith(("http://", "https://"))  # what every caller relies on
    return url


def safe_url(value: object, *, mailto: bool = False) -> str | None:
    """``clean_link(value)``, or ``None`` when the value is not an allowed link."""
    if not isinstance(value, str):
        return None
    try:
        return clean_link(value, mailto=mailto)
    except ValidationError:
        return None


def safe_href(value: object) -> str:
    """What an ``href`` may hold for a stored link: the cleaned link, or "" if it is not one.

    Web and e-mail links pass; anything else — a ``javascript:`` value stored before
    links were checked, or by an older import — gives "", so pages show it as text.
    """
    return safe_url(value, mailto=True) or ""


_SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}
_BROWSER_IGNORES = str.maketrans("", "", "\t\n\r")


def runs_script(value: object) -> bool:
    """Whether a browser would take ``value`` as a javascript:, vbscript: or data: URL.

    As browsers read an href: tabs and newlines removed anywhere, control characters
    and spaces trimmed at both ends, the scheme compared ignoring case. For clearing
    such values out of data stored before links were checked.
    """
    if not isinstance(value, str):
        return False
    text = value.translate(_BROWSER_IGNORES).strip("".join(map(chr, range(33))))
    match = _SCHEME.match(text)
    return match is not None and match.group(1).lower() in _SCRIPT_SCHEMES


# --- Model field validators --------------------------------------------------------


@deconstructible
class LinkValidator:
    """A single link (blank allowed: ``blank=True`` decides whether one is needed)."""

    def __init__(self, *, mailto: bool = False) -> None:
        self.mailto = mailto

    def __call__(self, value: object) -> None:
        if value in (None, ""):
            return
        clean_link(str(value), mailto=self.mailto)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LinkValidator) and other.mailto == self.mailto

    def __hash__(self) -> int:
        return hash((LinkValidator, self.mailto))


@deconstructible
class LinkListValidator:
    """A JSON list of links, each a string or, with ``key``, a mapping holding one."""

    def __init__(self, *, key: str = "", mailto: bool = False) -> None:
        self.key = key
        self.mailto = mailto

    def __call__(self, value: object) -> None:
        if not isinstance(value, list):
            raise ValidationError("Give the links as a list.", code="invalid_link")
        for item in value:
            link = item.get(self.key) if self.key and isinstance(item, dict) else item
            if not isinstance(link, str):
                raise ValidationError("Each link must be text.", code="invalid_link")
            clean_link(link, mailto=self.mailto)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, LinkListValidator)
            and other.key == self.key
            and other.mailto == self.mailto
        )

    def __hash__(self) -> int:
        return hash((LinkListValidator, self.key, self.mailto))


# --- Form fields ---------------------------------------------------------------------


def _link_widget() -> forms.TextInput:
    # Not type="url": browsers would refuse "example.com", which is stored as https://….
    return forms.TextInput(
        attrs={"inputmode": "url", "spellcheck": "false", "placeholder": "https://"}
    )


class LinkFormField(forms.CharField):
    """One link; the cleaned value is what ``clean_link`` stores ("" when left empty)."""

    def __init__(self, *, mailto: bool = False, **kwargs: Any) -> None:
        self.mailto = mailto
        kwargs.setdefault("max_length", LINK_MAX_LENGTH)
        kwargs.setdefault("widget", _link_widget())
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        if text is None or text in self.empty_values:
            return ""
        return clean_link(text, mailto=self.mailto)


class LinkListFormField(ListField):
    """Links typed one per line; repeats dropped, each cleaned by ``clean_link``."""

    widget = forms.Textarea(attrs={"rows": 3, "spellcheck": "false"})

    def __init__(
        self,
        *,
        max_items: int = 10,
        max_item_length: int = LINK_MAX_LENGTH,
        mailto: bool = False,
        **kwargs: Any,
    ) -> None:
        self.mailto = mailto
        super().__init__(max_items=max_items, max_item_length=max_item_length, **kwargs)

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list | tuple):
            lines = [str(item) for item in value]
        else:
            # One link per line (commas may be part of a link): the typed text as
            # CharField reads it, not ListField's comma split.
            lines = (forms.CharField.to_python(self, value) or "").splitlines()
        links: list[str] = []
        for line in lines:
            if not line.strip():
                continue
            link = clean_link(line, mailto=self.mailto)
            if len(link) > self.max_item_length:
                raise ValidationError(
                    f"Each link must be {self.max_item_length} characters or fewer: "
                    f"“{_shown(link)}” is longer.",
                    code="item_too_long",
                )
            if link not in links:
                links.append(link)
        if len(links) > self.max_items:
            raise ValidationError(
                f"Keep it to {self.max_items} links or fewer (you gave {len(links)}).",
                code="too_many",
            )
        return links

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


# --- Model field -------------------------------------------------------------------


class LinkField(models.CharField):
    """A stored link: refused by ``full_clean`` unless ``clean_link`` accepts it."""

    description = "A web link"

    def __init__(self, *args: Any, mailto: bool = False, **kwargs: Any) -> None:
        self.mailto = mailto
        self.default_validators = [LinkValidator(mailto=mailto)]
        kwargs.setdefault("max_length", LINK_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.mailto:
            kwargs["mailto"] = True
        return name, path, args, kwargs

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(
            **{"form_class": LinkFormField, "mailto": self.mailto, **kwargs}
        )


# --- API types -----------------------------------------------------------------------


def _api_check(max_length: int, mailto: bool) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value == "":
            return ""
        try:
            link = clean_link(value, mailto=mailto)
        except ValidationError as error:
            raise PydanticCustomError("invalid_link", error.messages[0]) from None
        if len(link) > max_length:
            raise PydanticCustomError(
                "string_too_long",
                "A link must be {max_length} characters or fewer.",
                {"max_length": max_length},
            )
        return link

    return check


def link_type(
    max_length: int = LINK_MAX_LENGTH, *, required: bool = False, mailto: bool = False
) -> Any:
    """A pydantic string type for a link: a bad one is a 422 naming the field.

    The length is checked on the stored form (``example.com`` is stored as
    ``https://example.com``), so give it here rather than in ``Field(max_length=…)``.
    """
    return Annotated[
        str,
        StringConstraints(
            strip_whitespace=True,
            min_length=1 if required else 0,
            max_length=max_length,
        ),
        AfterValidator(_api_check(max_length, mailto)),
    ]


# A link that may be "" (to clear it), one that must be given, and a contact's link.
Link = link_type()
RequiredLink = link_type(required=True)
ContactLink = link_type(required=True, mailto=True)
ProfileLink = link_type(300)
