"""Mutated real contact files through the pages: a clear refusal, or an import as previewed.

Each importer (LinkedIn's Connections.csv, vCard, careerpath CSV) gets its real sample
files cut short, re-encoded, given BOMs, binary noise, duplicated or missing columns,
mixed line ends, huge fields and the characters that once crashed it. Whatever comes
out, through upload → preview → commit:

- the upload is refused with a 422 and the form's message, and nothing is stored; or
- the preview's counts are the commit's, and every row previewed as new or updated is
  stored exactly as previewed (re-read from the database), the others unchanged.

Both outcomes are database-independent, so the same test holds on SQLite and
PostgreSQL (CI runs it on both): a row PostgreSQL would refuse (NUL, too long) or
SQLite would store cut or unchecked must already be a skipped row in the preview.

``CAREERPATH_FUZZ_EXAMPLES=500`` runs more examples per test than the default 60.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from careerpath.network import csvfile, portability, vcard
from careerpath.network.models import Contact, ContactImport
from careerpath.network.records import ContactRecord

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = int(os.environ.get("CAREERPATH_FUZZ_EXAMPLES", "60"))

LINKEDIN = [(FIXTURES / "Connections.csv").read_bytes()]
VCARDS = [
    (FIXTURES / "apple.vcf").read_bytes(),
    (FIXTURES / "google-v4.vcf").read_bytes(),
]
# Our own export of those people: every column the careerpath CSV has, and vCard 4.0.
_PEOPLE = [r for data in VCARDS for r in vcard.parse_vcards(data.decode())] + [
    ContactRecord(
        name="Ines Silva",
        company="Helix Bio",
        profile_url="https://www.linkedin.com/in/ines-silva",
        how_we_met="PyData London",
        met_on=datetime.date(2024, 6, 14),
        relationship_types=("mentor", "peer"),
        tags=("ml",),
    )
]
OWN_CSV = [csvfile.write_csv(_PEOPLE).encode()]
VCARDS.append(vcard.write_vcards(_PEOPLE).encode())

# Values that once crashed an import, or that a database stores differently.
NASTY = [
    "https://[x",
    "https://ex\u2100ample.com/in/jane",
    "http://:80",
    "https://exa mple.com",
    "\x00",
    "\u2028",
    "\u0085",
    "\u2029",
    "\r",
    "\ufeff",
    "\u00df" * 170,
    '"',
    "\\",
    ";",
    ",",
    ":",
    "\t",
    "\x1b",
    "\udcff",  # written with surrogateescape: bytes that are not UTF-8
]


# Whole values that once crashed an import or that a database cannot store as they are.
VALUES = [
    "https://[x",
    "https://ex\u2100ample.com/in/jane",
    "linkedin.com/in/[x",
    "https://www.linkedin.com/in/" + "x" * 300,
    "https://example.com:port/",
    "x" * 301,
    "\u00df" * 161,
    "Ac\x00me",
    "first\u2028second",
    "first\x85second",
    "",
    "12 Mar 2024",
    "2024-03-12",
    "31 Feb 2024",
]


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                [
                    "truncate",
                    "encoding",
                    "bom",
                    "binary",
                    "column",
                    "line ends",
                    "huge",
                    "nasty",
                    "value",  # the likeliest to reach the parsers' value handling,
                    "value",  # so drawn three times as often
                    "value",
                    "lines",
                ]
            )
        )
        text = data.decode("utf-8", "surrogateescape")
        if kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "encoding":
            codec = draw(st.sampled_from(["utf-16", "utf-16-be", "latin-1", "cp1252"]))
            data = text.encode(codec, "replace")
        elif kind == "bom":
            data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
            data += text.encode("utf-8", "surrogateescape")
        elif kind == "binary":
            at = draw(st.integers(0, len(data)))
            noise = draw(st.binary(min_size=1, max_size=40))
            data = data[:at] + noise + data[at + draw(st.integers(0, 40)) :]
        elif kind == "column":
            # Duplicate or drop one comma-separated cell on every line (CSV), or one
            # property line (vCard): the shapes of a hand-edited file.
            lines = text.split("\n")
            index = draw(st.integers(0, 12))
            drop = draw(st.booleans())
            out = []
            for line in lines:
                cells = line.split(",")
                if index < len(cells):
                    if drop:
                        del cells[index]
                    else:
                        cells.insert(index, cells[index])
                out.append(",".join(cells))
            data = _encode("\n".join(out))
        elif kind == "line ends":
            ending = draw(st.sampled_from(["\r\n", "\n", "\r", "\r\r\n", "\n\r"]))
            lines = text.splitlines()
            count = draw(st.integers(0, len(lines)))
            data = _encode(
                ending.join(lines[:count]) + "\r\n" + "\n".join(lines[count:])
            )
        elif kind == "huge":
            at = draw(st.integers(0, len(text)))
            size = draw(st.sampled_from([161, 301, 20_001, 140_000]))
            filler = draw(st.sampled_from(["x", "é", " ", "\u00df", "a,"]))
            data = _encode(text[:at] + filler * size + text[at:])
        elif kind == "nasty":
            at = draw(st.integers(0, len(text)))
            data = _encode(text[:at] + draw(st.sampled_from(NASTY)) + text[at:])
        elif kind == "value":
            # One whole cell (CSV) or property value (vCard) replaced by a nasty value.
            lines = text.split("\n")
            at = draw(st.integers(min(1, len(lines) - 1), max(len(lines) - 1, 0)))
            value = draw(st.sampled_from(VALUES))
            if text.lstrip("\ufeff").upper().startswith("BEGIN:VCARD"):
                head, colon, _ = lines[at].partition(":")
                lines[at] = head + colon + value + ("\r" if colon else "")
            else:
                cells = lines[at].split(",")
                cells[draw(st.integers(0, len(cells) - 1))] = value
                lines[at] = ",".join(cells)
            data = _encode("\n".join(lines))
        else:  # repeat or drop a line
            lines = text.split("\n")
            at = draw(st.integers(0, max(len(lines) - 1, 0)))
            if draw(st.booleans()):
                lines.insert(at, lines[at])
            else:
                del lines[at]
            data = _encode("\n".join(lines))
    return data


def _state(owner) -> list[tuple]:
    """Every contact as the importer sees it, re-read from the database."""
    return sorted(
        repr(portability.contact_record(c))
        for c in Contact.objects.owned_by(owner).order_by("pk")
    )


def _fresh(owner, seed: bytes, filename: str, client) -> None:
    """An account holding the unmutated file, so mutations meet updates too."""
    Contact.objects.owned_by(owner).delete()
    ContactImport.objects.owned_by(owner).delete()
    response = client.post(
        reverse("network:import_start"), {"file": SimpleUploadedFile(filename, seed)}
    )
    assert response.status_code == 302
    seeded = ContactImport.objects.owned_by(owner).get()
    commit = client.post(reverse("network:import_commit", args=[seeded.pk]))
    assert commit.status_code == 302


def check_import(client, owner, data: bytes, filename: str, seed: bytes) -> str:
    """One upload → preview → commit; returns "refused" or "imported"."""
    _fresh(owner, seed, filename, client)
    before = _state(owner)
    imports = ContactImport.objects.owned_by(owner).count()
    response = client.post(
        reverse("network:import_start"), {"file": SimpleUploadedFile(filename, data)}
    )
    if response.status_code == 422:
        assert response.context["form"].errors["file"]  # the form says why
        assert _state(owner) == before
        assert ContactImport.objects.owned_by(owner).count() == imports
        return "refused"
    assert response.status_code == 302, response.status_code
    upload = ContactImport.objects.owned_by(owner).latest("pk")
    preview = client.get(response.url)
    assert preview.status_code == 200
    records = portability.parse_file(
        upload.kind, upload.content, filename=upload.filename
    )
    plan = portability.plan_import(owner, records)
    # What the database must hold afterwards, from the preview alone.
    expected = {
        c.pk: repr(portability.contact_record(c))
        for c in Contact.objects.owned_by(owner)
    }
    for row in plan.of("update"):
        assert row.contact is not None
        expected[row.contact.pk] = repr(portability.contact_record(row.contact))
    new = [
        repr(
            portability.contact_record(
                portability._new_contact(
                    owner, row.record, source=upload.kind, today=datetime.date.today()
                )
            )
        )
        for row in plan.of("new")
    ]
    commit = client.post(reverse("network:import_commit", args=[upload.pk]))
    assert commit.status_code == 302
    upload.refresh_from_db()
    assert upload.result == plan.counts
    assert _state(owner) == sorted([*expected.values(), *new])
    return "imported"


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


@FUZZ
@given(data=mutated(LINKEDIN))
def test_mutated_linkedin_exports_are_refused_or_imported_as_previewed(
    alice_client, alice, data
):
    event(check_import(alice_client, alice, data, "Connections.csv", LINKEDIN[0]))


@FUZZ
@given(data=mutated(VCARDS))
def test_mutated_vcards_are_refused_or_imported_as_previewed(alice_client, alice, data):
    event(check_import(alice_client, alice, data, "contacts.vcf", VCARDS[0]))


@FUZZ
@given(data=mutated(OWN_CSV))
def test_mutated_careerpath_csvs_are_refused_or_imported_as_previewed(
    alice_client, alice, data
):
    event(check_import(alice_client, alice, data, "contacts.csv", OWN_CSV[0]))
