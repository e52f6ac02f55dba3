import datetime

import pytest
import time_machine
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.tests.factories import (
    GoalChangeFactory,
    GoalFactory,
    MilestoneFactory,
)
from careerpath.journal.models import Entry, Setback
from careerpath.journal.tests.factories import EntryFactory, SetbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def entry_post(**overrides):
    data = {
        "written_on": "2026-11-23",
        "title": "",
        "mood": "4",
        "body": "Shipped the churn model. **Ops** wants a weekly version.",
        "tags": "Delivery, wins, delivery",
    }
    data.update(overrides)
    return data


def setback_post(**overrides):
    data = entry_post(
        title="Promotion deferred",
        mood="2",
        body="My manager said the case lacked evidence of leading others.",
        tags="setback",
    )
    data.update(
        {
            "goal": "",
            "lesson": "Nobody sees what I don't write down.",
            "next_time": "Keep a brag document every week.",
        }
    )
    data.update(overrides)
    return data


def test_write_an_entry_with_mood_tags_and_markdown(alice_client, alice):
    response = alice_client.post(reverse("journal:entry_create"), entry_post())
    assert response.status_code == 302
    entry = Entry.objects.owned_by(alice).get()
    assert entry.tags == ["delivery", "wins"]
    assert entry.tag_index == "|delivery|wins|"
    page = alice_client.get(entry.get_absolute_url()).content.decode()
    assert "<strong>Ops</strong>" in page
    assert "Mood 4/5 · Good" in page
    assert "Shipped the churn model." in page  # the untitled entry's title


def test_markdown_in_entries_cannot_run_script(alice_client, alice):
    entry = EntryFactory(
        owner=alice,
        body='<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="a()">',
    )
    page = alice_client.get(entry.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert 'href="javascript' not in page
    assert "<img src=x" not in page and "&lt;img src=x" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"mood": "6"},
            "Select a valid choice. 6 is not one of the available choices.",
        ),
        ({"mood": "0"}, "Select a valid choice."),
        ({"mood": ""}, "This field is required."),
        ({"body": "   "}, "This field is required."),
        (
            {"written_on": "2026-11-24"},
            "A journal entry can&#x27;t be dated in the future.",
        ),
        ({"written_on": "2026-13-01"}, "Enter a valid date."),
        ({"title": "x" * 161}, "at most 160 characters"),
        (
            {"tags": ",".join(f"t{n}" for n in range(13))},
            "Keep it to 12 items or fewer",
        ),
    ],
)
def test_bad_entries_are_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("journal:entry_create"), entry_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_log_a_setback_against_a_goal_and_see_it_in_the_resilience_view(
    alice_client, alice
):
    goal = GoalFactory(owner=alice, statement="Get promoted to lead analyst")
    response = alice_client.post(
        reverse("journal:setback_create"), setback_post(goal=str(goal.pk))
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    setback = Setback.objects.owned_by(alice).select_related("entry").get()
    assert setback.goal == goal
    assert setback.entry.mood == 2
    MilestoneFactory(
        goal=goal,
        title="Led the reporting rework",
        due_on=datetime.date(2026, 11, 23),
        completed_on=datetime.date(2026, 11, 23),
    )
    page = alice_client.get(reverse("journal:resilience")).content.decode()
    assert "Promotion deferred" in page
    assert "Nobody sees what I don&#x27;t write down." in page
    assert "Keep a brag document every week." in page
    assert "Active: 1 milestone reached since; due 31 Dec 2026." in page
    assert "milestone reached, “Led the reporting rework”" in page
    assert "1 still without an outcome" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"lesson": ""}, "This field is required."),
        ({"next_time": ""}, "This field is required."),
        ({"mood": "9"}, "Select a valid choice."),
        ({"written_on": "2027-01-01"}, "can&#x27;t be dated in the future"),
        ({"goal": "999999"}, "Select a valid choice."),
    ],
)
def test_bad_setbacks_save_neither_entry_nor_setback(
    alice_client, alice, overrides, message
):
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("journal:setback_create"), setback_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_a_setback_cannot_point_at_someone_elses_goal(alice_client, alice, bob):
    bobs = GoalFactory(owner=bob, statement="Bob's secret goal")
    page = alice_client.get(reverse("journal:setback_create")).content.decode()
    assert "Bob&#x27;s secret goal" not in page
    response = alice_client.post(
        reverse("journal:setback_create"), setback_post(goal=str(bobs.pk))
    )
    assert response.status_code == 422
    assert not Entry.objects.exists()


def test_note_the_outcome_later(alice_client, alice):
    goal = GoalFactory(
        owner=alice, status="achieved", achieved_on=datetime.date(2026, 10, 1)
    )
    setback = SetbackFactory(
        entry=EntryFactory(owner=alice, written_on=datetime.date(2026, 6, 1)), goal=goal
    )
    url = reverse("journal:setback_outcome", args=[setback.pk])
    response = alice_client.post(
        url,
        {
            "outcome": "Promoted in the autumn cycle.",
            "outcome_on": "2026-10-02",
            "next": "resilience",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/journal/resilience/#setback-{setback.pk}")
    setback.refresh_from_db()
    assert setback.outcome == "Promoted in the autumn cycle."
    page = alice_client.get(reverse("journal:resilience")).content.decode()
    assert "Achieved on 1 Oct 2026, 4 months after this setback." in page
    assert "Promoted in the autumn cycle." in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "", "outcome_on": "2026-10-01"}, "This field is required."),
        ({"outcome": "Done", "outcome_on": ""}, "This field is required."),
        (
            {"outcome": "Done", "outcome_on": "2026-12-01"},
            "can&#x27;t be dated in the future",
        ),
        (
            {"outcome": "Done", "outcome_on": "2026-05-01"},
            "can&#x27;t come before the setback",
        ),
    ],
)
def test_bad_outcomes_are_refused(alice_client, alice, data, message):
    setback = SetbackFactory(
        entry=EntryFactory(owner=alice, written_on=datetime.date(2026, 6, 1))
    )
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("journal:setback_outcome", args=[setback.pk]), data
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_edit_a_setback_and_delete_it(alice_client, alice):
    setback = SetbackFactory(entry=EntryFactory(owner=alice))
    url = reverse("journal:entry_edit", args=[setback.entry_id])
    page = alice_client.get(url).content.decode()
    assert "What happened" in page and "What I learned" in page
    response = alice_client.post(
        url, setback_post(lesson="Evidence matters as much as the work.")
    )
    assert response.status_code == 302
    setback.refresh_from_db()
    assert setback.lesson == "Evidence matters as much as the work."
    delete_url = reverse("journal:entry_delete", args=[setback.entry_id])
    assert (
        "lesson and outcome go with it" in alice_client.get(delete_url).content.decode()
    )
    alice_client.post(delete_url)
    assert not Entry.objects.exists() and not Setback.objects.exists()


def test_list_filters_by_tag_and_setbacks(alice_client, alice):
    EntryFactory(owner=alice, title="Tagged learning", tags=["learning"])
    EntryFactory(owner=alice, title="Tagged focus", tags=["focus", "Learning Plan"])
    SetbackFactory(
        entry=EntryFactory(owner=alice, title="The setback", tags=["setback"])
    )
    page = alice_client.get(
        reverse("journal:entry_list") + "?tag=Learning"
    ).content.decode()
    assert "Tagged learning" in page and "Tagged focus" not in page
    page = alice_client.get(
        reverse("journal:entry_list") + "?tag=learning plan"
    ).content.decode()
    assert "Tagged focus" in page and "Tagged learning" not in page
    page = alice_client.get(
        reverse("journal:entry_list") + "?kind=setbacks"
    ).content.decode()
    assert "The setback" in page and "Tagged learning" not in page
    page = alice_client.get(
        reverse("journal:entry_list") + "?tag=nothing"
    ).content.decode()
    assert "No entries match." in page


def test_empty_journal_and_resilience_invite_a_first_entry(alice_client):
    assert (
        "Your journal is empty."
        in alice_client.get(reverse("journal:entry_list")).content.decode()
    )
    assert (
        "No setbacks logged."
        in alice_client.get(reverse("journal:resilience")).content.decode()
    )


def _populate(owner, count):
    goal = GoalFactory(owner=owner)
    GoalChangeFactory(goal=goal, changed_on=datetime.date(2026, 11, 21))
    MilestoneFactory(goal=goal)
    for n in range(count):
        EntryFactory(owner=owner, tags=["focus", f"tag{n % 4}"])
        SetbackFactory(entry=EntryFactory(owner=owner), goal=goal if n % 2 else None)


@pytest.mark.parametrize("count", [2, 15])
def test_journal_pages_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, count
):
    _populate(alice, count)
    # session, user, count, entries (+setback, goal), tags
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("journal:entry_list")).status_code == 200
    # session, user, setbacks (+entry, goal), goal changes, milestones
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("journal:resilience")).status_code == 200
    setback = Setback.objects.owned_by(alice).filter(goal__isnull=False).first()
    # session, user, entry (+setback, goal), setback with its goal's changes, milestones
    with django_assert_num_queries(6):
        assert (
            alice_client.get(
                reverse("journal:entry_detail", args=[setback.entry_id])
            ).status_code
            == 200
        )
