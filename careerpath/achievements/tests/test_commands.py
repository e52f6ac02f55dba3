import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from careerpath.achievements.models import Achievement
from careerpath.achievements.tests.factories import AchievementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_add_achievement(alice):
    out = run(
        "add_achievement",
        "--user",
        "alice@example.org",
        "--title",
        "Automated the report",
        "--what",
        "Rewrote it in SQL",
        "--impact",
        "16",
        "--unit",
        "hours saved",
        "--skill",
        "SQL",
    )
    assert "added: Automated the report" in out
    win = Achievement.objects.owned_by(alice).get()
    assert (win.skills, win.achieved_on) == (["SQL"], datetime.date(2026, 11, 23))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--impact", "lots", "--unit", "h"], "--impact must be a number"),
        (
            ["--impact", "-3", "--unit", "h"],
            "Nothing saved: The impact must be between 0",
        ),
        (["--impact", "3"], "Nothing saved: Give the number a unit"),
        (
            ["--date", "2026-12-24"],
            "Nothing saved: An achievement can't be dated in the future.",
        ),
        (["--goal", "999"], "has no goal with id 999"),
    ],
)
def test_add_achievement_bad_input(alice, args, message):
    with pytest.raises(CommandError, match=message):
        run(
            "add_achievement",
            "--user",
            "alice@example.org",
            "--title",
            "T",
            "--what",
            "W",
            *args,
        )
    assert not Achievement.objects.exists()


def test_export_packet_as_markdown_and_pdf(alice, tmp_path):
    AchievementFactory(owner=alice, title="Ran the SQL workshops", skills=["SQL"])
    out = run("export_promotion_packet", "--user", "alice@example.org")
    assert out.startswith("# Promotion packet: Alice") and "## SQL" in out
    target = tmp_path / "packet.pdf"
    out = run(
        "export_promotion_packet",
        "--user",
        "alice@example.org",
        "--format",
        "pdf",
        "--output",
        str(target),
        "--from",
        "2026-01-01",
    )
    assert "(1 achievement and 0 pieces of feedback, 1 skill)" in out
    first_page = PdfReader(target).pages[0].extract_text()
    assert "Ran the SQL workshops" in first_page
    assert "1 achievement and 0 pieces of feedback cited" in " ".join(
        first_page.split()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "A PDF needs --output FILE."),
        (
            ["--from", "2026-06-01", "--to", "2026-01-01"],
            "--from must be on or before --to.",
        ),
        (["--from", "June"], "--from must be YYYY-MM-DD"),
        (["--output", "/nonexistent-folder/p.md"], "does not exist"),
    ],
)
def test_export_packet_bad_input(alice, args, message):
    with pytest.raises(CommandError, match=message):
        run("export_promotion_packet", "--user", "alice@example.org", *args)
