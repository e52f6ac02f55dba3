import datetime
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careerpath.core.testing import snapshot_owned_rows
from careerpath.network.models import Contact, Interaction
from careerpath.network.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def run(*args, **options):
    out = StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def test_import_dry_run_then_import_then_reimport(alice):
    path = str(FIXTURES / "Connections.csv")
    out = run("import_contacts", path, user="alice@example.org", dry_run=True)
    assert "skip line 8: (no name) — no name" in out
    assert "Would import Connections.csv: 4 new, 0 updated, 1 skipped." in out
    assert not Contact.objects.exists()
    assert "Imported Connections.csv: 4 new" in run(
        "import_contacts", path, user="alice@example.org"
    )
    assert "0 new, 0 updated, 5 skipped" in run(
        "import_contacts", path, user="alice@example.org"
    )


def test_import_vcard_and_export_both_formats(alice, tmp_path):
    run("import_contacts", str(FIXTURES / "apple.vcf"), user="alice@example.org")
    vcf = run("export_contacts", user="alice@example.org", format="vcard")
    assert vcf.count("BEGIN:VCARD") == 2
    target = tmp_path / "contacts.csv"
    assert "Wrote" in run(
        "export_contacts", user="alice@example.org", format="csv", output=str(target)
    )
    assert target.read_text().startswith("Name,Company")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello", "is neither LinkedIn's Connections.csv"),
        (
            b"BEGIN:VCARD\nFN:A\n",
            "contacts.vcf, line 1: the card that begins here has no END:VCARD",
        ),
    ],
)
def test_import_refuses_malformed_files_and_changes_nothing(
    alice, tmp_path, content, message
):
    path = tmp_path / "contacts.vcf"
    path.write_bytes(content)
    before = snapshot_owned_rows(alice)
    with pytest.raises(CommandError, match=message):
        run("import_contacts", str(path), user="alice@example.org")
    assert snapshot_owned_rows(alice) == before


def test_import_refuses_missing_file_and_unknown_user(alice, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import_contacts", str(tmp_path / "nope.csv"), user="alice@example.org")
    with pytest.raises(CommandError, match="No active account"):
        run("import_contacts", str(FIXTURES / "apple.vcf"), user="nobody@example.org")


def test_log_interaction_resets_the_cadence_and_lists_contacts(alice):
    contact = ContactFactory(
        owner=alice, name="Ana Ruiz", added_on=datetime.date(2026, 1, 1)
    )
    assert "Ana Ruiz (Northwind Health)  — Overdue" in run(
        "list_contacts", user="alice@example.org", due=True
    )
    out = run(
        "log_interaction",
        user="alice@example.org",
        contact=[contact.pk],
        channel="call",
        summary="Catch-up",
    )
    assert "with Ana Ruiz" in out
    contact.refresh_from_db()
    assert contact.last_interaction_on == datetime.date(2026, 11, 23)
    assert "0 contacts." in run("list_contacts", user="alice@example.org", due=True)
    assert "1 contact." in run("list_contacts", user="alice@example.org", search="ruiz")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"contact": [999999]}, "has no contact with id 999999"),
        ({"date": "soon"}, "--date must be YYYY-MM-DD, not .soon."),
        (
            {"date": "2026-11-20", "follow_up": "2026-11-01"},
            "follow-up can't be before the interaction",
        ),
        ({"date": "2026-12-01"}, "can't be logged in the future"),
    ],
)
def test_log_interaction_refuses_bad_input(alice, bob, options, message):
    contact = ContactFactory(owner=alice)
    options = {
        "user": "alice@example.org",
        "contact": [contact.pk],
        "summary": "x",
        **options,
    }
    with pytest.raises(CommandError, match=message):
        run("log_interaction", **options)
    assert not Interaction.objects.exists()


def test_someone_elses_contact_is_not_found(alice, bob):
    theirs = ContactFactory(owner=bob)
    with pytest.raises(CommandError, match="has no contact with id"):
        run(
            "log_interaction",
            user="alice@example.org",
            contact=[theirs.pk],
            summary="x",
        )
