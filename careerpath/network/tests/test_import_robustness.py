"""Inputs that once crashed the contact import: each is a clear message or a skipped row.

The preview and the commit agree: every row the preview calls "new" or "update" is
stored exactly as previewed, on SQLite and PostgreSQL alike, because the plan checks
each row against the limits of the columns it writes (length, NUL, web addresses).
"""

import datetime
import json
import time
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.network import portability, vcard
from careerpath.network.models import Contact, ContactImport
from careerpath.network.records import ContactRecord, normalise_profile_url
from careerpath.network.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = datetime.date(2026, 11, 23)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def upload(client, name: str, data: bytes):
    return client.post(
        reverse("network:import_start"), {"file": SimpleUploadedFile(name, data)}
    )


def preview_then_commit(client, owner, name: str, data: bytes):
    """Upload, preview and commit through the pages; the preview's counts must hold."""
    response = upload(client, name, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    contact_import = ContactImport.objects.owned_by(owner).latest("pk")
    records = portability.parse_file(
        contact_import.kind, contact_import.content, filename=contact_import.filename
    )
    planned = portability.plan_import(owner, records)
    preview = client.get(response.url)
    assert preview.status_code == 200
    commit = client.post(reverse("network:import_commit", args=[contact_import.pk]))
    assert commit.status_code == 302
    contact_import.refresh_from_db()
    assert contact_import.result == planned.counts
    return planned


def vcf(*lines: str) -> bytes:
    body = ["BEGIN:VCARD", "VERSION:4.0", *lines, "END:VCARD"]
    return ("\r\n".join(body) + "\r\n").encode()


# --- web addresses -------------------------------------------------------------------


@pytest.mark.parametrize("url", ["https://[x", "https://ex\u2100ample.com/in/jane"])
def test_normalising_a_broken_address_never_raises(url):
    assert normalise_profile_url(url) == url


@pytest.mark.parametrize("url", ["https://[x", "https://ex\u2100ample.com/in/jane"])
def test_a_linkedin_row_with_a_broken_profile_address_is_skipped_with_a_reason(
    alice_client, alice, url
):
    data = (HEADER + f"Jane,Doe,{url},,Acme,Analyst,12 Mar 2024\r\n").encode()
    plan = preview_then_commit(alice_client, alice, "Connections.csv", data)
    assert plan.counts == {"new": 0, "update": 0, "skip": 1}
    assert plan.skip_reasons == [("the LinkedIn profile is not a valid web address", 1)]
    assert not Contact.objects.owned_by(alice).exists()


@pytest.mark.parametrize("url", ["https://[x", "https://ex\u2100ample.com"])
def test_a_vcard_with_a_broken_website_is_skipped_with_a_reason(
    alice_client, alice, url
):
    data = vcf("FN:Jane Doe", f"URL:{url}") + vcf(
        "FN:Bob Li", "URL:https://bob.example"
    )
    plan = preview_then_commit(alice_client, alice, "contacts.vcf", data)
    assert plan.counts == {"new": 1, "update": 0, "skip": 1}
    assert plan.skip_reasons == [("a website is not a valid web address", 1)]
    assert list(Contact.objects.owned_by(alice).values_list("name", flat=True)) == [
        "Bob Li"
    ]


# --- NUL and over-long values ----------------------------------------------------------


def test_a_file_with_nul_characters_is_refused_at_upload(alice_client, alice):
    data = HEADER.encode() + b"Jane,Doe,,,Ac\x00me,Analyst,12 Mar 2024\r\n"
    before = snapshot_owned_rows(alice)
    response = upload(alice_client, "Connections.csv", data)
    assert response.status_code == 422
    assert "line 2: the file contains a NUL character" in response.content.decode()
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize(
    "record, reason",
    [
        (ContactRecord(name="Jane", how_we_met="x" * 301), "how we met"),
        (
            ContactRecord(name="Jane", profile_url="https://jane.example/" + "x" * 300),
            "LinkedIn profile",
        ),
        (ContactRecord(name="Jane", tags=("a\x00b",)), "tags"),
        (ContactRecord(name="Jane", company="Ac\x00me"), "company"),
        (ContactRecord(name="Jane", links=(("\x00", "https://x.example/"),)), "links"),
        (
            ContactRecord(name="Jane", links=(("", "https://x.example/\x00"),)),
            "website",
        ),
        (ContactRecord(name="\u00df" * 160, company="\u00df" * 160), "too long"),
    ],
)
def test_rows_the_database_cannot_store_are_skipped_when_planning(
    alice, record, reason
):
    plan = portability.plan_import(alice, [record, ContactRecord(name="Bob")])
    assert plan.counts == {"new": 1, "update": 0, "skip": 1}
    assert reason in plan.rows[0].reason
    counts = portability.commit_import(
        alice, [record, ContactRecord(name="Bob")], source="vcard", today=TODAY
    )
    assert counts == plan.counts
    assert list(Contact.objects.owned_by(alice).values_list("name", flat=True)) == [
        "Bob"
    ]


def test_an_update_that_would_grow_past_a_limit_is_skipped_and_changes_nothing(alice):
    jane = ContactFactory(owner=alice, name="Jane Doe", company="", notes="n" * 19_990)
    record = ContactRecord(name="Jane Doe", notes="more than ten characters")
    plan = portability.plan_import(alice, [record])
    assert plan.counts == {"new": 0, "update": 0, "skip": 1}
    assert "notes" in plan.rows[0].reason
    portability.commit_import(alice, [record], source="vcard", today=TODAY)
    jane.refresh_from_db()
    assert len(jane.notes) == 19_990


def test_over_long_how_we_met_in_a_vcard_is_skipped_in_the_preview_and_commit(
    alice_client, alice
):
    data = vcf("FN:Jane Doe", "X-CAREERPATH-HOW-WE-MET:" + "x" * 301)
    plan = preview_then_commit(alice_client, alice, "contacts.vcf", data)
    assert plan.counts == {"new": 0, "update": 0, "skip": 1}
    assert not Contact.objects.owned_by(alice).exists()


# --- vCard line ends -------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u2029", "\x0b", "\x0c"])
def test_unicode_line_separators_inside_a_vcard_value_stay_in_the_value(
    alice_client, alice, separator
):
    data = vcf("FN:Jane Doe", f"NOTE:first{separator}second", "TITLE:Analyst")
    plan = preview_then_commit(alice_client, alice, "contacts.vcf", data)
    assert plan.counts["new"] == 1
    jane = Contact.objects.owned_by(alice).get()
    assert jane.title == "Analyst"
    assert jane.notes == f"first{separator}second"


def test_vcard_lines_may_end_in_crlf_lf_or_cr():
    text = "BEGIN:VCARD\rVERSION:4.0\nFN:Jane\r\n Doe\rTITLE:Analyst\r\nEND:VCARD\n"
    [record] = vcard.parse_vcards(text)
    assert (record.name, record.title) == ("JaneDoe", "Analyst")


def test_parsing_is_linear_in_the_size_of_a_folded_property():
    """One NOTE folded over 800,000 lines (about 8 MB), the shape that used to time out.

    Re-building the value for every continuation line copies about n²/2 characters:
    here ~3·10¹², hours of work; linear unfolding copies each character a few times and
    takes well under a second. The bound is a thousand times the linear cost and far
    below the quadratic one, so the outcome does not depend on the machine's speed.
    """
    lines = 800_000
    text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nNOTE:" + "\r\n xxxxxxxxx" * lines
    text += "\r\nEND:VCARD\r\n"
    started = time.process_time()
    logical = vcard.unfold(text)
    assert time.process_time() - started < 20
    assert [line for _, line in logical][3] == "NOTE:" + "x" * 9 * lines
    assert [number for number, _ in logical] == [1, 2, 3, 4, lines + 5, lines + 6]


# --- the API -------------------------------------------------------------------------


def test_a_lone_surrogate_in_api_import_content_is_a_422(client, alice):
    client.force_login(alice)
    body = '{"filename": "contacts.vcf", "content": "BEGIN:VCARD\\ud800"}'
    response = client.post(
        "/api/v1/network/imports", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"] == "The request is not valid; nothing was saved."
    assert data["errors"][0]["field"] == "content"
    assert "unpaired surrogates" in data["errors"][0]["message"]
    assert not Contact.objects.exists()


def test_api_import_commits_only_what_it_previews(client, alice):
    client.force_login(alice)
    content = HEADER + "Jane,Doe,https://[x,,Acme,Analyst,12 Mar 2024\r\n"
    content += "Bob,Li,,,Beta,CTO,12 Mar 2024\r\n"
    body = {"filename": "Connections.csv", "content": content, "commit": True}
    response = client.post(
        "/api/v1/network/imports", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["new"], data["skip"]) == (1, 1)
    assert data["skipped"][0]["reason"] == (
        "the LinkedIn profile is not a valid web address"
    )
    assert Contact.objects.owned_by(alice).count() == 1


# --- size ----------------------------------------------------------------------------


def test_an_upload_over_the_limit_is_refused_before_reading(alice_client, alice):
    data = b"BEGIN:VCARD\r\n" + b"NOTE:" + b"x" * (9 * 1024 * 1024)
    response = upload(alice_client, "big.vcf", data)
    assert response.status_code == 422
    assert "big.vcf is 9.0 MB; the limit is 8 MB." in response.content.decode()
    assert not ContactImport.objects.exists()


def test_a_file_name_with_control_characters_is_stored_printable(alice):
    data = (HEADER + "Jane,Doe,,,Acme,Analyst,12 Mar 2024\r\n").encode()
    upload, plan = portability.import_upload(
        alice, data=data, filename="Conn\x00ections\x1b.csv"
    )
    upload.refresh_from_db()
    assert upload.filename == "Connections.csv"
    assert plan.counts["new"] == 1


def test_a_refused_update_leaves_the_contact_for_the_next_row(alice):
    ContactFactory(
        owner=alice,
        name="Jane Doe",
        company="",
        emails=["jane@acme.example"],
        profile_url="https://www.linkedin.com/in/jane",
        notes="n" * 19_990,
    )
    # Fine on its own; too long only once appended to the notes already there.
    refused = ContactRecord(
        name="Jane Doe", emails=("jane@new.example",), notes="twenty characters..."
    )
    # The same person by profile, under another spelling of the name.
    fine = ContactRecord(
        name="Jane D.",
        profile_url="https://www.linkedin.com/in/jane",
        emails=("jane@third.example",),
    )
    plan = portability.plan_import(alice, [refused, fine])
    assert [row.action for row in plan.rows] == ["skip", "update"]
    assert plan.rows[0].reason == "notes longer than 20,000 characters"
    assert plan.rows[1].changes == ("emails",)
    portability.commit_import(alice, [refused, fine], source="vcard", today=TODAY)
    jane = Contact.objects.owned_by(alice).get()
    assert jane.emails == ["jane@acme.example", "jane@third.example"]
    assert len(jane.notes) == 19_990
