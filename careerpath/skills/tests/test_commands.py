import datetime
import json
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careerpath.skills.services import add_posting, review_posting
from careerpath.skills.tests.factories import TargetRoleFactory, UserSkillFactory
from careerpath.skills.tests.postings import ANALYST_POSTINGS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def test_analyse_posting_prints_must_and_nice(tmp_path):
    path = tmp_path / "posting.html"
    path.write_text(ANALYST_POSTINGS[1], encoding="utf-8")
    out = StringIO()
    call_command("analyse_posting", str(path), stdout=out)
    text = out.getvalue()
    assert text.index("Must have") < text.index("SQL") < text.index("Nice to have")
    assert "Apache Airflow" in text[text.index("Nice to have") :]


def test_analyse_posting_as_json(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_text(ANALYST_POSTINGS[0], encoding="utf-8")
    out = StringIO()
    call_command("analyse_posting", str(path), json=True, stdout=out)
    data = json.loads(out.getvalue())
    assert data["years_experience"] == 3
    assert "SQL" in {s["label"] for s in data["skills"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The posting is empty"),
        (b"\xff\xfe\x00\x01binary", "is not UTF-8 text"),
        (b"a " * 60_000, "the limit is 100 kB"),
    ],
)
def test_analyse_posting_bad_files(tmp_path, content, message):
    path = tmp_path / "posting.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("analyse_posting", str(path), stdout=StringIO())


def test_analyse_posting_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("analyse_posting", str(tmp_path / "nope.txt"))


def test_list_gaps(alice):
    role = TargetRoleFactory(owner=alice, title="Data analyst")
    for text in ANALYST_POSTINGS:
        review_posting(
            add_posting(role=role, text=text, today=datetime.date(2026, 11, 23)),
            corrections=[],
            today=datetime.date(2026, 11, 23),
        )
    UserSkillFactory(owner=alice, name="Python", level=4)
    out = StringIO()
    call_command("list_gaps", "data ANALYST", user="alice@example.org", stdout=out)
    text = out.getvalue()
    assert text.splitlines()[1].split() == [
        "6.00",
        "SQL",
        "—",
        "missing,",
        "0/5",
        "→",
        "3/5",
    ]
    assert "Python" not in text
    out = StringIO()
    call_command(
        "list_gaps", str(role.pk), user="alice@example.org", all=True, stdout=out
    )
    assert "Python — covered" in out.getvalue()


def test_list_gaps_unknown_role_or_user(alice, bob):
    TargetRoleFactory(owner=bob, title="Data analyst")
    with pytest.raises(CommandError, match="has no target role 'Data analyst'"):
        call_command("list_gaps", "Data analyst", user="alice@example.org")
    with pytest.raises(CommandError, match="No active account"):
        call_command("list_gaps", "Data analyst", user="nobody@example.org")
