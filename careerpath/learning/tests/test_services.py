"""The writes other areas and interfaces rely on, and the bad input they refuse."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from careerpath.goals.tests.factories import GoalFactory
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.services import (
    complete_learning_item,
    create_learning_item,
    log_session,
    save_learning_item,
)
from careerpath.learning.tests.factories import LearningItemFactory
from careerpath.taxonomy.models import Skill, SkillAlias
from careerpath.taxonomy.normalize import normalize

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def postgres():
    skill = Skill.objects.create(
        source="builtin", external_id="t-postgres", label="PostgreSQL (test)"
    )
    for text, kind in (("PostgreSQL (test)", "preferred"), ("pg-test", "alternative")):
        SkillAlias.objects.create(
            skill=skill, text=text, normalized=normalize(text), kind=kind
        )
    return skill


def test_create_learning_item_from_a_gap(alice):
    goal = GoalFactory(owner=alice)
    item = create_learning_item(
        owner=alice,
        title="SQL for data analysis",
        kind="course",
        skills=["SQL", "sql", " Window  functions "],
        goal=goal,
        note="Start with joins.",
        source="Gap: SQL for Data analyst",
    )
    item.refresh_from_db()
    assert item.owner == alice
    assert item.status == LearningItem.Status.PLANNED
    assert item.goal == goal
    assert item.source == "Gap: SQL for Data analyst"
    assert [s.casefold() for s in item.skills] == ["sql", "window functions"]


def test_create_learning_item_maps_aliases_to_taxonomy_labels(alice, postgres):
    item = create_learning_item(
        owner=alice,
        title="Postgres internals",
        kind="book",
        skills=["pg test", "PostgreSQL (test)"],
    )
    assert item.skills == ["PostgreSQL (test)"]


def test_create_learning_item_refuses_another_users_goal(alice, bob):
    with pytest.raises(ValidationError) as error:
        create_learning_item(
            owner=alice,
            title="SQL",
            kind="course",
            skills=[],
            goal=GoalFactory(owner=bob),
        )
    assert "goal" in error.value.message_dict
    assert not LearningItem.objects.exists()


@pytest.mark.parametrize(
    ("title", "kind", "field"),
    [
        ("", "course", "title"),
        ("SQL", "podcast", "kind"),
        ("x" * 201, "course", "title"),
    ],
)
def test_create_learning_item_refuses_bad_input(alice, title, kind, field):
    with pytest.raises(ValidationError) as error:
        create_learning_item(owner=alice, title=title, kind=kind, skills=["SQL"])
    assert field in error.value.message_dict
    assert not LearningItem.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"starts_on": TODAY, "finishes_on": TODAY - datetime.timedelta(days=1)},
            "finishes_on",
            "before the start",
        ),
        ({"cost": Decimal("-1"), "currency": "EUR"}, "cost", "negative"),
        ({"hours": Decimal("-2")}, "hours", "negative"),
        (
            {"issued_on": TODAY, "expires_on": TODAY - datetime.timedelta(days=3)},
            "expires_on",
            "before the day it was issued",
        ),
        ({"issued_on": TODAY, "expires_on": TODAY}, "expires_on", "on or before"),
        ({"cost": Decimal("10"), "currency": "euro"}, "currency", "three-letter"),
        ({"currency": "EUR"}, "currency", "Give the cost"),
        ({"url": "not a link"}, "url", "invisible characters"),
        ({"url": "JavaScript:alert(1)"}, "url", "not allowed"),
    ],
)
def test_save_learning_item_refuses_bad_input(alice, data, field, message):
    with pytest.raises(ValidationError) as error:
        save_learning_item(
            owner=alice, data={"title": "Course", "kind": "course", **data}, today=TODAY
        )
    assert any(message in m for m in error.value.message_dict[field])
    assert not LearningItem.objects.exists()


def test_save_learning_item_keeps_completion_date(alice):
    item = save_learning_item(
        owner=alice,
        data={"title": "Book", "kind": "book", "status": "completed"},
        today=TODAY,
    )
    assert item.completed_on == TODAY
    save_learning_item(
        owner=alice, data={"status": "in_progress"}, today=TODAY, item=item
    )
    assert item.completed_on is None


def test_complete_sets_finish_today(alice):
    item = LearningItemFactory(
        owner=alice, starts_on=TODAY + datetime.timedelta(days=5)
    )
    complete_learning_item(item, today=TODAY)
    item.refresh_from_db()
    assert item.status == LearningItem.Status.COMPLETED
    assert item.finishes_on == TODAY == item.completed_on
    assert item.starts_on == TODAY


def test_log_session_starts_a_planned_item(alice):
    item = LearningItemFactory(owner=alice, status="planned", starts_on=None)
    session = log_session(
        owner=alice, item=item, logged_on=TODAY, hours=Decimal("1.5"), skill=" sql "
    )
    item.refresh_from_db()
    assert item.status == LearningItem.Status.IN_PROGRESS
    assert item.starts_on == TODAY
    assert session.skill.casefold() == "sql"


@pytest.mark.parametrize(
    ("logged_on", "hours", "field", "message"),
    [
        (TODAY + datetime.timedelta(days=1), Decimal("1"), "logged_on", "future"),
        (TODAY, Decimal("-1"), "hours", "negative"),
        (TODAY, Decimal("0"), "hours", "more than 0"),
        (TODAY, Decimal("25"), "hours", "at most 24"),
    ],
)
def test_log_session_refuses_bad_input(alice, logged_on, hours, field, message):
    item = LearningItemFactory(owner=alice, status="planned")
    with pytest.raises(ValidationError) as error:
        log_session(owner=alice, item=item, logged_on=logged_on, hours=hours)
    assert any(message in m for m in error.value.message_dict[field])
    assert not LearningSession.objects.exists()
    item.refresh_from_db()
    assert item.status == LearningItem.Status.PLANNED


def test_log_session_refuses_another_users_item(alice, bob):
    item = LearningItemFactory(owner=bob)
    with pytest.raises(ValidationError):
        log_session(owner=alice, item=item, logged_on=TODAY, hours=Decimal("1"))
    assert not LearningSession.objects.exists()
