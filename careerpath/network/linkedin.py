"""Read LinkedIn's ``Connections.csv`` (from "Get a copy of your data").

The file starts with a "Notes:" preamble of about three lines before the header
(pandas chokes on it), may start with a UTF-8 byte-order mark, quotes fields that
contain commas, and writes "Connected On" as ``12 Mar 2024`` (older exports:
``7-Feb-22``). E-mail is often empty: members choose whether connections may
download it.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from careerpath.network.records import ContactRecord, FormatError

HEADER_START = ("first name", "last name")
COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}
DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y")


def parse_connected_on(text: str) -> date | None:
    """A "Connected On" value as a date; ``None`` for an empty cell, ``ValueError`` if unknown."""
    text = text.strip()
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date LinkedIn writes (e.g. “12 Mar 2024”)")


def parse_connections(
    text: str, *, filename: str = "Connections.csv"
) -> list[ContactRecord]:
    """Every connection in the file, in file order; a malformed file raises ``FormatError``."""
    reader = csv.reader(
        io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True
    )
    header: dict[int, str] | None = None
    width = 0
    records: list[ContactRecord] = []
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.removeprefix("\ufeff").strip() for cell in row]
            if header is None:
                if tuple(c.casefold() for c in cells[:2]) == HEADER_START:
                    header = {
                        i: COLUMNS[c.casefold()]
                        for i, c in enumerate(cells)
                        if c.casefold() in COLUMNS
                    }
                    width = len(cells)
                continue
            if not any(cells):
                continue
            if len(cells) != width:
                raise FormatError(
                    filename,
                    line,
                    f"this row has {len(cells)} fields but the header has {width}; "
                    "a value with a comma may have lost its quotes",
                )
            values = {key: cells[i] for i, key in header.items()}
            try:
                connected_on = parse_connected_on(values.get("connected_on", ""))
            except ValueError as error:
                raise FormatError(filename, line, f"Connected On: {error}") from None
            email = values.get("email", "")
            records.append(
                ContactRecord(
                    name=f"{values.get('first', '')} {values.get('last', '')}",
                    company=values.get("company", ""),
                    title=values.get("position", ""),
                    emails=(email,) if email else (),
                    profile_url=values.get("url", ""),
                    how_we_met="LinkedIn",
                    met_on=connected_on,
                    line=line,
                )
            )
    except csv.Error as error:
        raise FormatError(
            filename, reader.line_num, f"not valid CSV ({error})"
        ) from None
    if header is None:
        raise FormatError(
            filename,
            None,
            "no header row starting with “First Name,Last Name” was found; "
            "is this LinkedIn's Connections.csv?",
        )
    return records
