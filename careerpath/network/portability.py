"""Contacts in and out: LinkedIn and vCard imports with a preview, vCard 4.0 and CSV exports.

An import is planned first — each record is new, an update of an existing contact, or
skipped with a reason — and committed in one transaction, so a file is imported whole
or not at all. Matching, in order: the LinkedIn profile URL, any e-mail address, then
name + company (ignoring case and spacing). Re-importing a newer export updates the
people already there instead of duplicating them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from django.db import models, transaction
from django.utils import timezone

from careerpath.accounts.models import User
from careerpath.network import csvfile, linkedin, vcard
from careerpath.network.models import (
    RELATIONSHIP_LABELS,
    Contact,
    ContactImport,
    match_key,
)
from careerpath.network.records import (
    MAX_FILE_BYTES,
    MAX_RECORDS,
    ContactRecord,
    FormatError,
    is_web_address,
)

BATCH = 500


def decode_upload(data: bytes, *, filename: str) -> str:
    """Uploaded bytes as text: UTF-8 (with or without BOM); anything else is refused."""
    if len(data) > MAX_FILE_BYTES:
        raise FormatError(
            filename,
            None,
            f"the file is {len(data) // 1024 // 1024 + 1} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(filename, line, "the file is not UTF-8 text") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        raise FormatError(
            filename, line, "the file contains a NUL character; is it a text file?"
        )
    return text


def detect_kind(text: str, *, filename: str) -> str:
    """Which reader a file needs, from its content (the name can lie)."""
    head = text.removeprefix("\ufeff").lstrip()[:4000]
    if head.upper().startswith("BEGIN:VCARD"):
        return ContactImport.Kind.VCARD
    if "First Name,Last Name" in head or head.startswith("Notes:"):
        return ContactImport.Kind.LINKEDIN
    if head.startswith("Name,"):
        return ContactImport.Kind.CSV
    raise FormatError(
        filename,
        1,
        "this is neither LinkedIn's Connections.csv, a vCard file (.vcf) "
        "nor a careerpath contacts CSV",
    )


def parse_file(kind: str, text: str, *, filename: str) -> list[ContactRecord]:
    """Read a file of the given kind; raise ``FormatError`` if it is malformed or too big."""
    readers: dict[str, Callable[..., list[ContactRecord]]] = {
        ContactImport.Kind.LINKEDIN: linkedin.parse_connections,
        ContactImport.Kind.VCARD: vcard.parse_vcards,
        ContactImport.Kind.CSV: csvfile.parse_csv,
    }
    records = readers[kind](text, filename=filename)
    if len(records) > MAX_RECORDS:
        raise FormatError(
            filename,
            None,
            f"the file holds {len(records):,} contacts; the limit is {MAX_RECORDS:,} per import",
        )
    return records


# --- planning ------------------------------------------------------------------------


@dataclass
class PlannedRow:
    record: ContactRecord
    action: str  # "new", "update" or "skip"
    reason: str = ""
    contact: Contact | None = None
    changes: tuple[str, ...] = ()

    @property
    def change_labels(self) -> list[str]:
        return [CHANGE_LABELS.get(name, name) for name in self.changes]


CHANGE_LABELS = {
    "company": "company",
    "title": "job title",
    "profile_url": "LinkedIn profile",
    "how_we_met": "how we met",
    "met_on": "met on",
    "emails": "e-mail",
    "tags": "tags",
    "relationship_types": "relationship",
    "phones": "phones",
    "links": "links",
    "notes": "notes",
}


@dataclass
class ImportPlan:
    rows: list[PlannedRow] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(row.action for row in self.rows)
        return {action: counted.get(action, 0) for action in ("new", "update", "skip")}

    def of(self, action: str) -> list[PlannedRow]:
        return [row for row in self.rows if row.action == action]

    @property
    def skip_reasons(self) -> list[tuple[str, int]]:
        return Counter(row.reason for row in self.of("skip")).most_common()


MERGED_FIELDS = ("company", "title", "profile_url", "how_we_met", "met_on")


def _merge(contact: Contact, record: ContactRecord) -> tuple[str, ...]:
    """Apply ``record`` onto ``contact``; returns the names of the fields that changed.

    Newer values win for single fields (people change jobs); lists are united so nothing
    typed by hand is lost; the name is kept, and notes are appended, never replaced.
    """
    changed: list[str] = []
    for name in MERGED_FIELDS:
        value = getattr(record, name)
        if value and value != getattr(contact, name):
            setattr(contact, name, value)
            changed.append(name)
    for name in ("emails", "tags", "relationship_types"):
        current = list(getattr(contact, name))
        folded = {item.casefold() for item in current}
        extra = [
            item
            for item in getattr(record, name)
            if item.casefold() not in folded
            and (name != "relationship_types" or item in RELATIONSHIP_LABELS)
        ]
        if extra:
            setattr(contact, name, current + extra)
            changed.append(name)
    for name, key in (("phones", "number"), ("links", "url")):
        current = list(getattr(contact, name))
        known = {item[key].casefold() for item in current}
        extra = [
            {"label": label, key: value}
            for label, value in getattr(record, name)
            if value.casefold() not in known
        ]
        if extra:
            setattr(contact, name, current + extra)
            changed.append(name)
    if record.notes and record.notes not in contact.notes:
        contact.notes = f"{contact.notes}\n\n{record.notes}".strip()
        changed.append("notes")
    return tuple(changed)


# The columns an import writes (every field a file's record carries but the line it
# came from), checked against their limits while planning so that the preview never
# promises a row the database would refuse (PostgreSQL rejects NUL in text and JSON;
# SQLite would store an over-long value silently).
WRITTEN_FIELDS = tuple(
    f.name for f in dataclasses.fields(ContactRecord) if f.name != "line"
)
# (label, max_length) of each written column, and of the match key derived from them.
_LIMITS = {
    name: (str(f.verbose_name), getattr(f, "max_length", None))
    for name in (*WRITTEN_FIELDS, "match_key")
    for f in [cast(models.Field, Contact._meta.get_field(name))]
}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _storage_problem(values: dict[str, object]) -> str:
    """Why the database cannot store these column values as they are; "" if it can."""
    values = {
        **values,
        "match_key": match_key(str(values["name"]), str(values["company"])),
    }
    for name, value in values.items():
        if name not in _LIMITS:
            continue
        label, limit = _LIMITS[name]
        if any("\x00" in text for text in _strings(value)):
            return f"{label} contains a NUL character"
        if limit and isinstance(value, str) and len(value) > limit:
            if name == "match_key":
                return "name and company too long to compare with other contacts"
            return f"{label} longer than {limit:,} characters"
    return ""


def _address_problem(record: ContactRecord) -> str:
    if record.profile_url and not is_web_address(record.profile_url):
        return "the LinkedIn profile is not a valid web address"
    if any(not is_web_address(url) for _, url in record.links):
        return "a website is not a valid web address"
    return ""


def plan_import(owner: User, records: list[ContactRecord]) -> ImportPlan:
    """Decide, for every record, new / update / skip (with the reason); writes nothing."""
    contacts = list(Contact.objects.owned_by(owner).order_by("pk"))
    by_profile = {c.profile_url: c for c in contacts if c.profile_url}
    by_email = {e.casefold(): c for c in contacts for e in c.emails}
    by_key = {c.match_key: c for c in contacts}
    seen: dict[str, int | None] = {}
    plan = ImportPlan()
    for record in records:
        if not record.name:
            plan.rows.append(PlannedRow(record, "skip", "no name"))
            continue
        problem: str | None = _address_problem(record) or _storage_problem(
            _record_values(record)
        )
        if problem:
            plan.rows.append(PlannedRow(record, "skip", problem))
            continue
        keys = [f"k:{match_key(record.name, record.company)}"]
        keys += [f"p:{record.profile_url}"] if record.profile_url else []
        keys += [f"e:{e.casefold()}" for e in record.emails]
        repeat = next((k for k in keys if k in seen), None)
        if repeat is not None:
            first = seen[repeat]
            where = f" (first on line {first})" if first else ""
            plan.rows.append(
                PlannedRow(record, "skip", f"appears twice in the file{where}")
            )
            continue
        for k in keys:
            seen[k] = record.line
        contact = (
            by_profile.get(record.profile_url) if record.profile_url else None
        ) or next(
            (by_email[e.casefold()] for e in record.emails if e.casefold() in by_email),
            None,
        )
        if contact is None:
            contact = by_key.get(match_key(record.name, record.company))
            if (
                contact is not None
                and record.profile_url
                and contact.profile_url
                and contact.profile_url != record.profile_url
            ):
                plan.rows.append(
                    PlannedRow(
                        record,
                        "skip",
                        "same name and company as a contact with another LinkedIn profile",
                        contact,
                    )
                )
                continue
        if contact is None:
            plan.rows.append(PlannedRow(record, "new"))
            continue
        before = {name: getattr(contact, name) for name in WRITTEN_FIELDS}
        old_key = contact.match_key
        changes = _merge(contact, record)
        new_key = match_key(contact.name, contact.company)
        clash = by_key.get(new_key)
        problem = None
        if clash is not None and clash.pk != contact.pk:
            problem = "would become a duplicate of another contact"
        elif changes:
            problem = _storage_problem(
                {
                    "name": contact.name,
                    "company": contact.company,
                    **{name: getattr(contact, name) for name in changes},
                }
            )
        if problem:
            # Leave the contact as it was, for the rows after this one.
            for name, value in before.items():
                setattr(contact, name, value)
            plan.rows.append(PlannedRow(record, "skip", problem))
            continue
        if not changes:
            plan.rows.append(PlannedRow(record, "skip", "already up to date", contact))
            continue
        contact.refresh_derived()
        by_key.pop(old_key, None)
        by_key[contact.match_key] = contact
        plan.rows.append(PlannedRow(record, "update", contact=contact, changes=changes))
    return plan


def _record_values(record: ContactRecord) -> dict[str, object]:
    """The columns a new contact gets from ``record``."""
    return {
        "name": record.name,
        "company": record.company,
        "title": record.title,
        "emails": list(record.emails),
        "phones": [
            {"label": label, "number": number} for label, number in record.phones
        ],
        "links": [{"label": label, "url": url} for label, url in record.links],
        "profile_url": record.profile_url,
        "how_we_met": record.how_we_met,
        "met_on": record.met_on,
        "relationship_types": [
            t for t in record.relationship_types if t in RELATIONSHIP_LABELS
        ],
        "tags": list(record.tags),
        "notes": record.notes,
    }


def _new_contact(
    owner: User, record: ContactRecord, *, source: str, today: date
) -> Contact:
    contact = Contact(
        owner=owner,
        added_on=today,
        source=source,
        **_record_values(record),
        # An imported connection is not yet a relationship: reminders start when the
        # person chooses someone to keep in touch with (or gives them a type).
        keep_in_touch=bool(record.relationship_types),
    )
    contact.refresh_derived()
    return contact


@transaction.atomic
def commit_import(
    owner: User, records: list[ContactRecord], *, source: str, today: date
) -> dict[str, int]:
    """Apply a plan in one transaction; returns its counts (new, update, skip)."""
    plan = plan_import(owner, records)
    new = [
        _new_contact(owner, row.record, source=source, today=today)
        for row in plan.of("new")
    ]
    Contact.objects.bulk_create(new, batch_size=BATCH)
    # One UPDATE per changed contact, of its changed columns only: much faster than
    # bulk_update's CASE expressions over every column for thousands of rows.
    for row in plan.of("update"):
        contact = row.contact
        assert contact is not None
        columns = {name: getattr(contact, name) for name in row.changes}
        columns.update(
            search_text=contact.search_text,
            match_key=contact.match_key,
            updated_at=timezone.now(),
        )
        Contact.objects.filter(pk=contact.pk, owner=owner).update(**columns)
    return plan.counts


def import_upload(
    owner: User, *, data: bytes, filename: str
) -> tuple[ContactImport, ImportPlan]:
    """Keep an uploaded file for its preview; a malformed file raises ``FormatError``."""
    text = decode_upload(data, filename=filename)
    kind = detect_kind(text, filename=filename)
    records = parse_file(kind, text, filename=filename)
    # The name is only shown back: printable characters only (PostgreSQL refuses NUL).
    shown = "".join(ch for ch in filename if ch.isprintable())[:200] or "upload"
    upload = ContactImport.objects.create(
        owner=owner, kind=kind, filename=shown, content=text
    )
    return upload, plan_import(owner, records)


def commit_upload(upload: ContactImport, *, today: date) -> dict[str, int]:
    """Import a previewed file; committing twice changes nothing the second time."""
    records = parse_file(upload.kind, upload.content, filename=upload.filename)
    with transaction.atomic():
        counts = commit_import(upload.owner, records, source=upload.kind, today=today)
        upload.committed_at = timezone.now()
        upload.result = counts
        upload.content = ""  # the contacts hold the data now; keep no second copy
        upload.save(update_fields=["committed_at", "result", "content", "updated_at"])
    return counts


# --- exporting -----------------------------------------------------------------------


def contact_record(contact: Contact) -> ContactRecord:
    return ContactRecord(
        name=contact.name,
        company=contact.company,
        title=contact.title,
        emails=tuple(contact.emails),
        phones=tuple((p.get("label", ""), p.get("number", "")) for p in contact.phones),
        links=tuple((p.get("label", ""), p.get("url", "")) for p in contact.links),
        profile_url=contact.profile_url,
        how_we_met=contact.how_we_met,
        met_on=contact.met_on,
        relationship_types=tuple(contact.relationship_types),
        tags=tuple(contact.tags),
        notes=contact.notes,
    )


def export_records(owner: User) -> list[ContactRecord]:
    return [
        contact_record(c)
        for c in Contact.objects.owned_by(owner).order_by("name", "pk")
    ]


def export_vcard(owner: User) -> str:
    return vcard.write_vcards(export_records(owner))


def export_csv(owner: User) -> str:
    return csvfile.write_csv(export_records(owner))
