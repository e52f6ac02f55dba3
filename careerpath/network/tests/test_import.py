"""Import preview and commit: matching rules, re-imports, skips with reasons, atomicity."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.network import portability
from careerpath.network.models import Contact, ContactImport
from careerpath.network.records import ContactRecord
from careerpath.network.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = datetime.date(2026, 11, 23)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def linkedin_records(*rows: str):
    return portability.parse_file("linkedin", HEADER + "".join(rows), filename="c.csv")


def test_first_import_creates_contacts_and_skips_the_nameless(alice):
    records = portability.parse_file(
        "linkedin",
        (FIXTURES / "Connections.csv").read_text("utf-8-sig"),
        filename="Connections.csv",
    )
    plan = portability.plan_import(alice, records)
    assert plan.counts == {"new": 4, "update": 0, "skip": 1}
    assert plan.skip_reasons == [("no name", 1)]
    assert Contact.objects.owned_by(alice).count() == 0  # planning writes nothing
    counts = portability.commit_import(alice, records, source="linkedin", today=TODAY)
    assert counts == {"new": 4, "update": 0, "skip": 1}
    jane = Contact.objects.owned_by(alice).get(name="Jane Doe")
    assert jane.company == "Acme, Inc."
    assert jane.met_on == datetime.date(2024, 3, 12)
    assert jane.source == "linkedin"
    # Imported connections are not reminders yet; they are searchable straight away.
    assert jane.keep_in_touch is False and jane.due_on is None
    assert list(Contact.objects.owned_by(alice).search("acme")) == [jane]


def test_reimporting_a_newer_export_updates_instead_of_duplicating(alice):
    first = linkedin_records(
        "Jane,Doe,https://www.linkedin.com/in/jane-doe,,Acme,Analyst,12 Mar 2024\n"
    )
    portability.commit_import(alice, first, source="linkedin", today=TODAY)
    jane = Contact.objects.owned_by(alice).get()
    jane.notes = "Typed by hand"
    jane.tags = ["mentoring"]
    jane.save()
    newer = linkedin_records(
        "Jane,Doe,https://www.linkedin.com/in/jane-doe/,jane@globex.example,Globex,Head of Data,12 Mar 2024\n"
    )
    plan = portability.plan_import(alice, newer)
    assert plan.counts == {"new": 0, "update": 1, "skip": 0}
    assert set(plan.rows[0].changes) == {"company", "title", "emails"}
    portability.commit_import(alice, newer, source="linkedin", today=TODAY)
    jane = Contact.objects.owned_by(alice).get()
    assert (jane.company, jane.title, jane.emails) == (
        "Globex",
        "Head of Data",
        ["jane@globex.example"],
    )
    assert jane.notes == "Typed by hand" and jane.tags == ["mentoring"]
    assert "globex" in jane.search_text
    # The same file again changes nothing.
    again = portability.commit_import(alice, newer, source="linkedin", today=TODAY)
    assert again == {"new": 0, "update": 0, "skip": 1}
    assert portability.plan_import(alice, newer).skip_reasons == [
        ("already up to date", 1)
    ]


@pytest.mark.parametrize(
    ("existing", "record", "matched"),
    [
        # Profile URL first, whatever the name.
        (
            {
                "name": "J. Doe",
                "company": "Other",
                "profile_url": "https://www.linkedin.com/in/jd",
            },
            ContactRecord(
                name="Jane Doe", company="Acme", profile_url="linkedin.com/in/JD/"
            ),
            True,
        ),
        # Then any e-mail address, ignoring case.
        (
            {"name": "J. Doe", "company": "Other", "emails": ["Jane@Acme.example"]},
            ContactRecord(name="Jane Doe", emails=("x@y.example", "jane@acme.example")),
            True,
        ),
        # Then name + company, ignoring case and spacing.
        (
            {"name": "Jane  Doe", "company": "ACME"},
            ContactRecord(name="jane doe", company="Acme"),
            True,
        ),
        # Same name at another company is another person.
        (
            {"name": "Jane Doe", "company": "Acme"},
            ContactRecord(name="Jane Doe", company="Globex"),
            False,
        ),
        # A different profile is another person even with the same name and company.
        (
            {
                "name": "Jane Doe",
                "company": "Acme",
                "profile_url": "https://www.linkedin.com/in/a",
            },
            ContactRecord(
                name="Jane Doe",
                company="Acme",
                profile_url="https://www.linkedin.com/in/b",
            ),
            False,
        ),
    ],
)
def test_matching_rules(alice, existing, record, matched):
    contact = ContactFactory(owner=alice, **existing)
    row = portability.plan_import(alice, [record]).rows[0]
    if matched:
        assert row.action == "update"
        assert row.contact is not None and row.contact.pk == contact.pk
    else:
        assert row.action != "update"


def test_a_different_profile_with_a_taken_name_is_skipped_with_a_reason(alice):
    ContactFactory(
        owner=alice,
        name="Jane Doe",
        company="Acme",
        profile_url="https://www.linkedin.com/in/a",
    )
    record = ContactRecord(
        name="Jane Doe", company="Acme", profile_url="https://www.linkedin.com/in/b"
    )
    plan = portability.plan_import(alice, [record])
    assert plan.skip_reasons == [
        ("same name and company as a contact with another LinkedIn profile", 1)
    ]
    counts = portability.commit_import(alice, [record], source="linkedin", today=TODAY)
    assert counts["skip"] == 1
    assert Contact.objects.owned_by(alice).count() == 1


def test_repeats_inside_one_file_are_skipped_with_the_first_line(alice):
    records = linkedin_records(
        "Jane,Doe,https://www.linkedin.com/in/jane,,Acme,Analyst,12 Mar 2024\n",
        "Jane,Doe,https://www.linkedin.com/in/jane,,Acme,Analyst,12 Mar 2024\n",
        "Bob,Li,,bob@x.example,Beta,,12 Mar 2024\n",
        "Robert,Li,,BOB@x.example,Gamma,,12 Mar 2024\n",
    )
    plan = portability.plan_import(alice, records)
    assert plan.counts == {"new": 2, "update": 0, "skip": 2}
    assert [r.reason for r in plan.of("skip")] == [
        "appears twice in the file (first on line 2)",
        "appears twice in the file (first on line 4)",
    ]


def test_a_failure_half_way_leaves_nothing_imported(alice, monkeypatch):
    ContactFactory(owner=alice, name="Bob Li", company="Beta")
    records = linkedin_records(
        "Jane,Doe,,,Acme,Analyst,12 Mar 2024\n",
        "Bob,Li,,bob@x.example,Beta,,12 Mar 2024\n",
    )
    before = snapshot_owned_rows(alice)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    # The new contact is inserted first; the update of Bob Li then fails.
    monkeypatch.setattr(QuerySet, "update", explode)
    with pytest.raises(RuntimeError):
        portability.commit_import(alice, records, source="linkedin", today=TODAY)
    assert snapshot_owned_rows(alice) == before


def upload(client, name, content: bytes):
    return client.post(
        reverse("network:import_start"), {"file": SimpleUploadedFile(name, content)}
    )


def test_upload_preview_then_commit(alice_client, alice):
    response = upload(
        alice_client, "Connections.csv", (FIXTURES / "Connections.csv").read_bytes()
    )
    contact_import = ContactImport.objects.owned_by(alice).get()
    assert response.status_code == 302
    assert response["Location"] == contact_import.get_absolute_url()
    page = alice_client.get(response["Location"]).content.decode()
    assert "<strong>4</strong> new contacts" in page
    assert "no name (1)" in page
    assert "Zoë Müller-Øster" in page
    assert Contact.objects.owned_by(alice).count() == 0
    response = alice_client.post(
        reverse("network:import_commit", args=[contact_import.pk])
    )
    assert response.status_code == 302
    assert Contact.objects.owned_by(alice).count() == 4
    from careerpath.accounts.models import SecurityEvent

    logged = SecurityEvent.objects.get(user=alice, kind="data_imported")
    assert logged.detail == "contacts: 4 new, 0 updated"
    contact_import.refresh_from_db()
    assert contact_import.result == {"new": 4, "update": 0, "skip": 1}
    assert contact_import.content == ""
    # Committing twice changes nothing.
    alice_client.post(reverse("network:import_commit", args=[contact_import.pk]))
    assert Contact.objects.owned_by(alice).count() == 4
    assert (
        "Imported on"
        in alice_client.get(contact_import.get_absolute_url()).content.decode()
    )


def test_vcard_upload_is_recognised_by_its_content(alice_client, alice):
    upload(alice_client, "export.txt", (FIXTURES / "apple.vcf").read_bytes())
    contact_import = ContactImport.objects.owned_by(alice).get()
    assert contact_import.kind == "vcard"
    alice_client.post(reverse("network:import_commit", args=[contact_import.pk]))
    priya = Contact.objects.owned_by(alice).get(name="Dr. Priya Natarajan")
    assert priya.phones[2] == {"label": "Assistant", "number": "+44 20 7946 0999"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "Connections.csv",
            (HEADER + "Jane,Doe,,,Acme, Inc.,Head,12 Mar 2024\n").encode(),
            "Connections.csv, line 2: this row has 8 fields but the header has 7",
        ),
        (
            "contacts.vcf",
            b"BEGIN:VCARD\nVERSION:3.0\nFN:A\n",
            "contacts.vcf, line 1: the card that begins here has no END:VCARD",
        ),
        (
            "contacts.vcf",
            b"BEGIN:VCARD\nFN:\xff\xfe\nEND:VCARD\n",
            "contacts.vcf, line 2: the file is not UTF-8 text",
        ),
        (
            "notes.txt",
            b"Dear diary",
            "neither LinkedIn&#x27;s Connections.csv, a vCard file",
        ),
        ("big.csv", b"x" * (8 * 1024 * 1024 + 1), "the limit is 8 MB"),
    ],
)
def test_malformed_uploads_are_refused_with_file_line_and_reason(
    alice_client, alice, name, content, message
):
    before = snapshot_owned_rows(alice)
    response = upload(alice_client, name, content)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize("kind", ["vcard", "csv"])
def test_an_export_imports_back_whole_into_another_account(alice, bob, kind):
    ContactFactory(
        owner=alice,
        name="Priya Natarajan",
        company="Globex; Analytics",
        emails=["priya@globex.example", "p@home.example"],
        phones=[
            {"label": "mobile", "number": "+44 7700 900123"},
            {"label": "", "number": "+44 20 7946 0000"},
        ],
        links=[{"label": "blog", "url": "https://priya.example"}],
        profile_url="https://www.linkedin.com/in/priya-n",
        how_we_met="PyData, London",
        met_on=datetime.date(2025, 6, 1),
        relationship_types=["mentor", "peer"],
        tags=["pydata", "forecasting"],
        notes="Line one\nLine two, with a comma; and a semicolon \\ backslash",
    )
    ContactFactory(owner=alice, name="Ana Ruiz", company="", relationship_types=[])
    text = (
        portability.export_vcard(alice)
        if kind == "vcard"
        else portability.export_csv(alice)
    )
    records = portability.parse_file(kind, text, filename="export")
    assert portability.commit_import(bob, records, source=kind, today=TODAY)["new"] == 2
    assert portability.export_records(bob) == portability.export_records(alice)
