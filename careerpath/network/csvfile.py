"""careerpath's own contacts CSV: one row per contact, numbered columns for repeats.

Spreadsheet-friendly like Google Contacts' export: ``E-mail 1``, ``Phone 1 - Label``,
``Phone 1 - Value``, ``Website 1 - Label``… as many as the fullest contact needs, so
no value is squeezed into a cell with separators. Reading it back gives the same
records (tested by export → import round trips).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date

from careerpath.core.csvcells import escape_cell, unescape_cell
from careerpath.network.records import ContactRecord, FormatError

BASE_COLUMNS = (
    "Name",
    "Company",
    "Title",
    "LinkedIn",
    "How we met",
    "Met on",
    "Relationship types",
    "Tags",
    "Notes",
)
_NUMBERED = re.compile(r"^(E-mail|Phone|Website) (\d+)(?: - (Label|Value))?$")


def write_csv(records: Sequence[ContactRecord]) -> str:
    """The records as CSV text (UTF-8 without BOM, CRLF rows as the csv module writes).

    Every cell goes through ``escape_cell``, so a value such as ``=HYPERLINK(…)`` or a
    phone number ``+44 …`` is written with a leading quote and opens as text in a
    spreadsheet instead of running as a formula.
    """
    emails = max((len(r.emails) for r in records), default=0)
    phones = max((len(r.phones) for r in records), default=0)
    links = max((len(r.links) for r in records), default=0)
    header = list(BASE_COLUMNS)
    header += [f"E-mail {i}" for i in range(1, emails + 1)]
    for kind, count in (("Phone", phones), ("Website", links)):
        for i in range(1, count + 1):
            header += [f"{kind} {i} - Label", f"{kind} {i} - Value"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for r in records:
        row = [
            r.name,
            r.company,
            r.title,
            r.profile_url,
            r.how_we_met,
            r.met_on.isoformat() if r.met_on else "",
            ", ".join(r.relationship_types),
            ", ".join(r.tags),
            r.notes,
        ]
        row += list(r.emails) + [""] * (emails - len(r.emails))
        for pairs, count in ((r.phones, phones), (r.links, links)):
            for label, value in pairs:
                row += [label, value]
            row += ["", ""] * (count - len(pairs))
        writer.writerow([escape_cell(cell) for cell in row])
    return out.getvalue()


def parse_csv(text: str, *, filename: str = "contacts.csv") -> list[ContactRecord]:
    """Records from a careerpath contacts CSV; a malformed file raises ``FormatError``."""
    reader = csv.reader(
        io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True
    )
    try:
        header = next(reader, None)
        if not header or header[0].strip() != "Name":
            raise FormatError(
                filename,
                1,
                "the first column must be “Name” (a careerpath contacts CSV)",
            )
        records = []
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise FormatError(
                    filename,
                    line,
                    f"this row has {len(row)} fields but the header has {len(header)}",
                )
            # Our export quotes cells a spreadsheet would run as formulas; undo that.
            row = [unescape_cell(cell) for cell in row]
            records.append(_record(dict(zip(header, row, strict=True)), line, filename))
    except csv.Error as error:
        raise FormatError(
            filename, reader.line_num, f"not valid CSV ({error})"
        ) from None
    return records


def _record(cells: dict[str, str], line: int, filename: str) -> ContactRecord:
    emails: dict[int, str] = {}
    pairs: dict[tuple[str, int], dict[str, str]] = {}
    for column, value in cells.items():
        match = _NUMBERED.match(column)
        if not match:
            continue
        kind, number, part = match.group(1), int(match.group(2)), match.group(3)
        if kind == "E-mail":
            emails[number] = value
        else:
            pairs.setdefault((kind, number), {})[part or "Value"] = value
    met_on_text = cells.get("Met on", "").strip()
    try:
        met_on = date.fromisoformat(met_on_text) if met_on_text else None
    except ValueError:
        raise FormatError(
            filename, line, f"Met on: “{met_on_text[:20]}” is not a date (YYYY-MM-DD)"
        ) from None

    def ordered(kind: str) -> tuple[tuple[str, str], ...]:
        return tuple(
            (cell.get("Label", ""), cell.get("Value", ""))
            for (k, _), cell in sorted(pairs.items())
            if k == kind
        )

    return ContactRecord(
        name=cells.get("Name", ""),
        company=cells.get("Company", ""),
        title=cells.get("Title", ""),
        emails=tuple(emails[n] for n in sorted(emails)),
        phones=ordered("Phone"),
        links=ordered("Website"),
        profile_url=cells.get("LinkedIn", ""),
        how_we_met=cells.get("How we met", ""),
        met_on=met_on,
        relationship_types=tuple(cells.get("Relationship types", "").split(",")),
        tags=tuple(cells.get("Tags", "").split(",")),
        notes=cells.get("Notes", ""),
        line=line,
    )
