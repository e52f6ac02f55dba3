"""Read vCard 3.0 and 4.0 (RFC 2426, RFC 6350) and write vCard 4.0.

What real address books send, and what is kept:

- folded lines (a line starting with a space or tab continues the previous one);
- several EMAIL, TEL and URL properties — every one is kept, with its label;
- Apple and Google grouped items: ``item1.URL:…`` with ``item1.X-ABLabel:linkedin``
  (labels like ``_$!<Mobile>!$_`` are shown as "Mobile"), and ``X-ABRELATEDNAMES``
  and ``RELATED``, kept in the notes rather than dropped;
- escaped text (``\\n``, ``\\,``, ``\\;``) and RFC 6868 caret escapes in parameters.

Writing uses standard properties plus ``X-CAREERPATH-*`` ones for what vCard has no
property for (how we met, relationship types), so our own export reads back whole.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from careerpath.network.records import ContactRecord, FormatError, is_linkedin_profile

SUPPORTED_VERSIONS = {"3.0", "4.0"}
# TEL/EMAIL/URL TYPE values that describe the medium, not a label worth showing.
_IGNORED_TYPES = {"pref", "internet", "voice", "x400", "uri", "text"}
# Standard TEL types written as TYPE=…; any other label goes in a grouped X-ABLabel.
_STANDARD_TEL_TYPES = {"home", "work", "cell", "fax", "pager", "text", "video"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_PROPERTY_NAME = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?$")
FOLD_OCTETS = 75


@dataclass
class _Property:
    group: str
    name: str
    params: dict[str, list[str]]
    value: str
    line: int

    def types(self) -> list[str]:
        return [t.casefold() for t in self.params.get("TYPE", [])]


# --- reading -------------------------------------------------------------------------


# Content lines end in CRLF (RFC 6350 §3.2); bare LF and CR are accepted as well.
# ``str.splitlines`` would also split on U+2028, NEL (U+0085), form feeds and the like,
# which are ordinary characters inside a value.
_LINE_END = re.compile(r"\r\n|\r|\n")


def unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line number each one starts on.

    A line starting with a space or tab continues the previous one. The pieces of a
    logical line are joined once, so unfolding is linear in the size of the file
    however many lines one property is folded over.
    """
    lines: list[tuple[int, str]] = []
    start, pieces = 0, list[str]()
    for number, raw in enumerate(_LINE_END.split(text.removeprefix("\ufeff")), start=1):
        if raw[:1] in (" ", "\t") and pieces:
            pieces.append(raw[1:])
            continue
        if pieces:
            lines.append((start, "".join(pieces)))
        start, pieces = number, [raw]
    if pieces:
        lines.append((start, "".join(pieces)))
    return lines


def _split(text: str, separator: str) -> list[str]:
    """Split on ``separator`` where it is neither escaped nor inside double quotes."""
    if "\\" not in text and '"' not in text:
        return text.split(separator)  # the common case, without a loop per character
    parts, current, quoted, escaped = [], [], False, False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
            current.append(char)
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(
        r"\\(.)",
        lambda m: "\n" if m.group(1) in "nN" else m.group(1),
        text,
    )


def _decode_param(value: str) -> str:
    """RFC 6868: ^n newline, ^' double quote, ^^ caret; surrounding quotes removed."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return re.sub(
        r"\^([n'^])",
        lambda m: {"n": "\n", "'": '"', "^": "^"}[m.group(1)],
        value,
    )


def _value_colon(line: str) -> int:
    """Where the value starts: the first colon outside double-quoted parameters."""
    colon = line.find(":")
    if '"' not in line[:colon]:
        return colon
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return index
    return -1


def _parse_line(number: int, line: str, filename: str) -> _Property:
    index = _value_colon(line)
    if index < 0:
        raise FormatError(
            filename, number, f"“{line[:40]}” is not a vCard property (no colon)"
        )
    head, value = line[:index], line[index + 1 :]
    name_part, *param_parts = _split(head, ";")
    if not _PROPERTY_NAME.match(name_part):
        raise FormatError(
            filename, number, f"“{name_part[:40]}” is not a vCard property name"
        )
    group, _, name = name_part.rpartition(".")
    params: dict[str, list[str]] = defaultdict(list)
    for part in param_parts:
        key, sep, raw = part.partition("=")
        if not sep:  # vCard 2.1/3.0 shorthand: TEL;CELL:…
            key, raw = "TYPE", key
        for item in _split(raw, ","):
            decoded = _decode_param(item)
            # TYPE="voice,cell" (vCard 4.0) lists several types inside one quoted value.
            values = decoded.split(",") if key.upper() == "TYPE" else [decoded]
            params[key.upper()].extend(v for v in values if v)
    return _Property(group.casefold(), name.upper(), dict(params), value, number)


def _label(prop: _Property, group_labels: dict[str, str]) -> str:
    if prop.group and prop.group in group_labels:
        return group_labels[prop.group]
    types = [t for t in prop.types() if t not in _IGNORED_TYPES]
    return types[0] if types else ""


def _apple_label(value: str) -> str:
    match = _APPLE_LABEL.match(value)
    return match.group(1) if match else value


def _name_from_n(value: str) -> str:
    family, given, additional, prefix, suffix = (
        [_unescape(part) for part in _split(value, ";")] + [""] * 5
    )[:5]
    return " ".join(p for p in (prefix, given, additional, family, suffix) if p.strip())


def _card_record(props: list[_Property], start: int, filename: str) -> ContactRecord:
    group_labels = {
        p.group: _apple_label(_unescape(p.value))
        for p in props
        if p.name == "X-ABLABEL" and p.group
    }
    version = next((p.value.strip() for p in props if p.name == "VERSION"), "")
    if version and version not in SUPPORTED_VERSIONS:
        raise FormatError(
            filename,
            start,
            f"vCard version {version} is not supported; export as vCard 3.0 or 4.0",
        )
    fields: dict[str, object] = defaultdict(str)
    emails: list[str] = []
    phones: list[tuple[str, str]] = []
    links: list[tuple[str, str]] = []
    tags: list[str] = []
    types: list[str] = []
    related: list[str] = []
    profile_url = ""
    n_name = ""
    for p in props:
        text = _unescape(p.value)
        if p.name == "FN":
            fields["name"] = text
        elif p.name == "N":
            n_name = _name_from_n(p.value)
        elif p.name == "ORG":
            fields["company"] = ", ".join(
                part
                for part in (_unescape(x) for x in _split(p.value, ";"))
                if part.strip()
            )
        elif p.name == "TITLE":
            fields["title"] = text
        elif p.name == "NOTE":
            fields["notes"] = text
        elif p.name == "EMAIL":
            emails.append(text.removeprefix("mailto:"))
        elif p.name == "TEL":
            phones.append((_label(p, group_labels), text.removeprefix("tel:")))
        elif p.name == "URL":
            label = _label(p, group_labels)
            if not profile_url and is_linkedin_profile(text):
                profile_url = text
            else:
                links.append((label, text))
        elif p.name == "X-SOCIALPROFILE":
            if "linkedin" in p.types() or is_linkedin_profile(text):
                profile_url = profile_url or text
            else:
                links.append(((p.types() or [""])[0], text))
        elif p.name == "CATEGORIES":
            tags.extend(_unescape(x) for x in _split(p.value, ","))
        elif p.name in {"X-ABRELATEDNAMES", "RELATED"}:
            label = _label(p, group_labels) or "related"
            related.append(f"{label}: {text}")
        elif p.name == "X-CAREERPATH-HOW-WE-MET":
            fields["how_we_met"] = text
        elif p.name == "X-CAREERPATH-MET-ON":
            try:
                fields["met_on"] = date.fromisoformat(text.strip())
            except ValueError:
                raise FormatError(
                    filename, p.line, f"“{text[:20]}” is not a date (YYYY-MM-DD)"
                ) from None
        elif p.name == "X-CAREERPATH-RELATIONSHIP":
            types.extend(_unescape(x) for x in _split(p.value, ","))
    notes = str(fields["notes"])
    if related:
        notes = "\n".join(filter(None, [notes, "Related: " + "; ".join(related)]))
    return ContactRecord(
        name=str(fields["name"]) or n_name,
        company=str(fields["company"]),
        title=str(fields["title"]),
        emails=tuple(emails),
        phones=tuple(phones),
        links=tuple(links),
        profile_url=profile_url,
        how_we_met=str(fields["how_we_met"]),
        met_on=fields["met_on"] or None,  # type: ignore[arg-type]
        relationship_types=tuple(types),
        tags=tuple(tags),
        notes=notes,
        line=start,
    )


def parse_vcards(text: str, *, filename: str = "contacts.vcf") -> list[ContactRecord]:
    """Every card in the file; a malformed file raises ``FormatError`` (file, line, reason)."""
    records: list[ContactRecord] = []
    card: list[_Property] | None = None
    start = 0
    for number, line in unfold(text):
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                raise FormatError(
                    filename,
                    number,
                    f"a new card begins before the card of line {start} ends (missing END:VCARD)",
                )
            card, start = [], number
            continue
        if card is None:
            raise FormatError(
                filename, number, f"expected BEGIN:VCARD, found “{line[:40]}”"
            )
        if upper == "END:VCARD":
            records.append(_card_record(card, start, filename))
            card = None
            continue
        card.append(_parse_line(number, line, filename))
    if card is not None:
        raise FormatError(filename, start, "the card that begins here has no END:VCARD")
    if not records:
        raise FormatError(filename, None, "the file contains no vCard (BEGIN:VCARD)")
    return records


# --- writing -------------------------------------------------------------------------


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _encode_param(value: str) -> str:
    encoded = value.replace("^", "^^").replace("\n", "^n").replace('"', "^'")
    return f'"{encoded}"' if re.search(r"[;:,\s]", encoded) or not encoded else encoded


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    parts: list[str] = []
    current, size = list[str](), 0
    limit = FOLD_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
            limit = FOLD_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def write_vcard(record: ContactRecord) -> str:
    """One vCard 4.0 for ``record``, CRLF line ends, folded."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{_escape(record.name)}"]
    given, _, family = record.name.rpartition(" ")
    lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    if record.company:
        lines.append(f"ORG:{_escape(record.company)}")
    if record.title:
        lines.append(f"TITLE:{_escape(record.title)}")
    for email in record.emails:
        lines.append(f"EMAIL:{_escape(email)}")
    item = 0
    for label, number in record.phones:
        if not label or label in _STANDARD_TEL_TYPES:
            param = f";TYPE={label}" if label else ""
            lines.append(f"TEL;VALUE=text{param}:{_escape(number)}")
        else:
            item += 1
            lines.append(f"item{item}.TEL;VALUE=text:{_escape(number)}")
            lines.append(f"item{item}.X-ABLabel:{_escape(label)}")
    if record.profile_url:
        lines.append(f"X-SOCIALPROFILE;TYPE=linkedin:{_escape(record.profile_url)}")
    for label, url in record.links:
        if label:
            item += 1
            lines.append(f"item{item}.URL:{_escape(url)}")
            lines.append(f"item{item}.X-ABLabel:{_escape(label)}")
        else:
            lines.append(f"URL:{_escape(url)}")
    if record.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in record.tags))
    if record.relationship_types:
        lines.append(
            "X-CAREERPATH-RELATIONSHIP:"
            + ",".join(_escape(t) for t in record.relationship_types)
        )
    if record.how_we_met:
        lines.append(f"X-CAREERPATH-HOW-WE-MET:{_escape(record.how_we_met)}")
    if record.met_on:
        lines.append(f"X-CAREERPATH-MET-ON:{record.met_on.isoformat()}")
    if record.notes:
        lines.append(f"NOTE:{_escape(record.notes)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_vcards(records: Iterable[ContactRecord]) -> str:
    return "".join(write_vcard(record) for record in records)
