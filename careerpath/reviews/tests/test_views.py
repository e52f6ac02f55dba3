"""Review pages: pre-filled summaries, answers, snapshots, decisions, bad input."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from careerpath.achievements.tests.factories import AchievementFactory
from careerpath.balance.tests.factories import CheckInFactory
from careerpath.feedback.tests.factories import FeedbackFactory
from careerpath.goals.models import Goal, GoalChange
from careerpath.goals.tests.factories import (
    GoalChangeFactory,
    GoalFactory,
    KpiReadingFactory,
    MilestoneFactory,
)
from careerpath.journal.tests.factories import SetbackFactory
from careerpath.learning.models import LearningItem
from careerpath.learning.tests.factories import (
    LearningSessionFactory,
)
from careerpath.network.models import Interaction
from careerpath.network.tests.factories import ContactFactory, InteractionFactory
from careerpath.profiles.tests.factories import SelfAssessmentFactory
from careerpath.reviews.models import Review
from careerpath.reviews.tests.factories import ReviewFactory, ReviewScheduleFactory

NOV = datetime.date(2026, 11, 10)
OPEN_NOV = {"cadence": "monthly", "day": "2026-11-10"}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC)):
        yield


def _fill_november(owner, n=1):
    """Rows in every area in November 2026; ``n`` copies of each, to vary data size."""
    for i in range(n):
        goal = GoalFactory(owner=owner, statement=f"Run SQL workshops {i}")
        KpiReadingFactory(
            goal=goal, read_on=datetime.date(2026, 10, 1), value=Decimal("2")
        )
        KpiReadingFactory(
            goal=goal, read_on=datetime.date(2026, 11, 20), value=Decimal("5")
        )
        MilestoneFactory(
            goal=goal, title=f"Pilot workshop {i}", due_on=NOV, completed_on=NOV
        )
        MilestoneFactory(
            goal=goal, title=f"Slides shared {i}", due_on=datetime.date(2026, 11, 5)
        )
        GoalChangeFactory(
            goal=goal, changed_on=NOV, reason=f"Team moved to Q1 planning {i}"
        )
        AchievementFactory(owner=owner, title=f"Cut report time {i}", achieved_on=NOV)
        FeedbackFactory(
            owner=owner, received_on=NOV, source=f"Priya {i}", themes=["Communication"]
        )
        contact = ContactFactory(owner=owner, name=f"Sam Lee {i}", added_on=NOV)
        InteractionFactory(
            owner=owner,
            occurred_on=NOV,
            summary=f"Coffee with Sam {i}",
            help_direction="gave",
            help_what="intro to a recruiter",
            contacts=[contact],
        )
        session = LearningSessionFactory(
            item__owner=owner, logged_on=NOV, hours=Decimal("2"), skill=f"SQL {i}"
        )
        LearningItem.objects.filter(pk=session.item_id).update(completed_on=NOV)
        SetbackFactory(
            entry__owner=owner,
            entry__written_on=NOV,
            entry__title=f"Talk rejected {i}",
            lesson=f"Pitch the outcome first {i}",
            next_time="Ask a peer to review the abstract",
        )
        SelfAssessmentFactory(
            owner=owner,
            assessed_on=NOV - datetime.timedelta(days=i),
            weaknesses=[f"Delegation {i}"],
        )
    for week in range(4):
        CheckInFactory(
            owner=owner,
            week_of=datetime.date(2026, 11, 2) + datetime.timedelta(weeks=week),
            stress=5,
        )


def test_opening_a_period_shows_a_summary_prefilled_from_every_area(
    alice_client, alice
):
    _fill_november(alice)
    response = alice_client.get(reverse("reviews:review_open"), OPEN_NOV)
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Monthly review of November 2026",
        "Run SQL workshops 0",  # goal progress
        "Pilot workshop 0",  # milestone reached
        "Slides shared 0",  # milestone missed
        "Team moved to Q1 planning 0",  # goal change with its reason
        "Cut report time 0",  # achievement
        "Priya 0",  # feedback
        "Communication",  # its theme
        "Delegation 0",  # improvement area that appeared
        "Coffee with Sam 0",  # interaction
        "Sam Lee 0",  # new contact
        "intro to a recruiter",  # give/receive
        "SQL 0",  # learning hours by skill
        "Talk rejected 0",  # setback
        "Pitch the outcome first 0",  # its lesson
        "Burnout signal",
        "Am I moving towards my goals?",
    ):
        assert text in page, text
    goal = Goal.objects.get(owner=alice, statement="Run SQL workshops 0")
    assert goal.get_absolute_url() in page
    assert not Review.objects.exists()  # looking does not create anything


def test_answering_creates_the_review_and_completing_freezes_the_summary(
    alice_client, alice
):
    _fill_november(alice)
    response = alice_client.post(
        reverse("reviews:review_open"),
        {**OPEN_NOV, "moving_towards": "Mostly: the workshops run.", "complete": "1"},
    )
    review = Review.objects.get(owner=alice)
    assert response.status_code == 302 and response.url == review.get_absolute_url()
    assert review.is_completed and review.summary
    AchievementFactory(owner=alice, title="Added after the review", achieved_on=NOV)
    from careerpath.achievements.models import Achievement

    Achievement.objects.filter(title="Cut report time 0").update(title="Renamed later")
    page = alice_client.get(review.get_absolute_url()).content.decode()
    assert "Cut report time 0" in page
    assert "Renamed later" not in page and "Added after the review" not in page
    assert "Mostly: the workshops run." in page


def test_a_second_review_of_the_same_period_opens_the_existing_one(alice_client, alice):
    review = ReviewFactory(
        owner=alice,
        period_start=datetime.date(2026, 11, 1),
        period_end=datetime.date(2026, 11, 30),
        moving_towards="First answer",
    )
    response = alice_client.post(
        reverse("reviews:review_open"),
        {"cadence": "monthly", "day": "2026-11-20", "moving_towards": "Overwrite"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == review.get_absolute_url()
    assert "You already have a review of November 2026" in response.content.decode()
    review.refresh_from_db()
    assert review.moving_towards == "First answer"
    assert Review.objects.count() == 1


def test_a_period_in_the_future_is_refused_with_a_message(alice_client, alice):
    response = alice_client.post(
        reverse("reviews:review_open"),
        {"cadence": "monthly", "day": "2026-12-05", "moving_towards": "Too early"},
        follow=True,
    )
    assert "December 2026 has not started yet" in response.content.decode()
    assert not Review.objects.exists()


def test_answers_over_the_limit_are_refused_and_nothing_changes(alice_client, alice):
    review = ReviewFactory(owner=alice, moving_towards="Kept")
    response = alice_client.post(
        review.get_absolute_url(), {"moving_towards": "x" * 5001, "focus_next": "New"}
    )
    assert response.status_code == 422
    assert "at most 5000 characters" in response.content.decode()
    review.refresh_from_db()
    assert (review.moving_towards, review.focus_next) == (
        "Kept",
        "Finish the pricing analysis.",
    )


def test_adjusting_a_goal_from_a_review_links_its_history_to_the_review(
    alice_client, alice
):
    review = ReviewFactory(owner=alice)
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("reviews:review_goal_adjust", args=[review.pk]),
        {
            "goal": goal.pk,
            "deadline": "2027-03-31",
            "reason": "The pilot slipped a quarter",
        },
    )
    assert response.status_code == 302
    change = GoalChange.objects.get(goal=goal)
    assert change.field == "deadline" and change.reason == "The pilot slipped a quarter"
    assert change.source_label == "the review of October 2026"
    assert change.source_url == review.get_absolute_url()
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "changed in" in page and "the review of October 2026" in page
    review.refresh_from_db()
    assert "The pilot slipped a quarter" in review.decisions[0]["text"]


def test_adjusting_without_a_change_is_refused(alice_client, alice):
    review = ReviewFactory(owner=alice)
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("reviews:review_goal_adjust", args=[review.pk]),
        {"goal": goal.pk, "reason": "Nothing really"},
    )
    assert response.status_code == 422
    assert "Change the target, the deadline or the status." in response.content.decode()
    assert not GoalChange.objects.exists()


def test_drafting_a_goal_and_planning_learning_from_a_review(alice_client, alice):
    review = ReviewFactory(owner=alice)
    alice_client.post(
        reverse("reviews:review_goal_draft", args=[review.pk]),
        {"statement": "Speak at one meetup by June"},
    )
    goal = Goal.objects.get(owner=alice)
    assert goal.status == Goal.Status.DRAFT
    assert "review of October 2026" in goal.changes.get().reason
    alice_client.post(
        reverse("reviews:review_learning_plan", args=[review.pk]),
        {
            "title": "Public speaking workshop",
            "kind": "workshop",
            "skills": "Presenting",
        },
    )
    item = LearningItem.objects.get(owner=alice)
    assert (
        item.title == "Public speaking workshop"
        and "review of October 2026" in item.source
    )
    review.refresh_from_db()
    assert [d["url"] for d in review.decisions] == [
        goal.get_absolute_url(),
        item.get_absolute_url(),
    ]


def test_scheduling_a_follow_up_from_a_review(alice_client, alice):
    review = ReviewFactory(owner=alice)
    contact = ContactFactory(owner=alice, name="Ines Duarte")
    response = alice_client.post(
        reverse("reviews:review_follow_up", args=[review.pk]),
        {
            "contact": contact.pk,
            "summary": "Ask about the staff role",
            "follow_up_on": "2026-12-10",
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get(owner=alice)
    assert interaction.follow_up_on == datetime.date(2026, 12, 10)
    assert list(interaction.contacts.all()) == [contact]


def test_a_follow_up_in_the_past_is_refused(alice_client, alice):
    review = ReviewFactory(owner=alice)
    contact = ContactFactory(owner=alice)
    response = alice_client.post(
        reverse("reviews:review_follow_up", args=[review.pk]),
        {"contact": contact.pk, "summary": "Late", "follow_up_on": "2026-11-01"},
    )
    assert response.status_code == 422
    assert "Choose today or a later date" in response.content.decode()
    assert not Interaction.objects.exists()


def test_reviews_are_listed_by_period_and_two_can_be_compared(alice_client, alice):
    AchievementFactory(owner=alice, achieved_on=datetime.date(2026, 2, 1))
    q1 = Review.objects.create(
        owner=alice,
        cadence="quarterly",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
    )
    q2 = Review.objects.create(
        owner=alice,
        cadence="quarterly",
        period_start=datetime.date(2026, 4, 1),
        period_end=datetime.date(2026, 6, 30),
    )
    from careerpath.reviews.services import update_review

    update_review(q1, answers={}, complete=True)
    update_review(q2, answers={}, complete=True)
    page = alice_client.get(reverse("reviews:review_list")).content.decode()
    assert page.index("Q2 2026") < page.index("Q1 2026")
    response = alice_client.get(reverse("reviews:review_compare", args=[q2.pk, q1.pk]))
    page = response.content.decode()
    assert "What changed from Q1 2026 to Q2 2026" in page
    assert "<td>Wins</td><td>1</td><td><strong>0</strong></td>" in page
    assert '<th colspan="3" scope="colgroup">Achievements</th>' in page


def test_a_scheduled_review_is_due_on_the_dashboard(alice_client, alice):
    ReviewScheduleFactory(owner=alice, cadence="monthly", days_before_end=6)
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Review due: November 2026" in page
    assert "/reviews/open/?cadence=monthly&amp;day=2026-11-01" in page


def test_a_completed_review_is_no_longer_due(alice_client, alice):
    ReviewScheduleFactory(owner=alice, cadence="monthly")
    Review.objects.create(
        owner=alice,
        cadence="monthly",
        period_start=datetime.date(2026, 11, 1),
        period_end=datetime.date(2026, 11, 30),
        completed_at=datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC),
    )
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Review due: November 2026" not in page


def test_schedule_saves_each_cadence(alice_client, alice):
    response = alice_client.post(
        reverse("reviews:schedule_edit"),
        {
            "weekly-enabled": "on",
            "weekly-weekday": "4",
            "monthly-days_before_end": "6",
            "quarterly-enabled": "on",
            "quarterly-days_before_end": "6",
            "yearly-days_before_end": "13",
        },
    )
    assert response.status_code == 302
    from careerpath.reviews.models import ReviewSchedule

    enabled = set(
        ReviewSchedule.objects.filter(owner=alice, enabled=True).values_list(
            "cadence", flat=True
        )
    )
    assert enabled == {"weekly", "quarterly"}


@pytest.mark.parametrize("copies", [1, 6])
def test_review_page_query_count_is_fixed_whatever_the_data_size(
    alice_client, alice, copies, django_assert_num_queries
):
    _fill_november(alice, n=copies)
    review = ReviewFactory(
        owner=alice,
        period_start=datetime.date(2026, 11, 1),
        period_end=datetime.date(2026, 11, 30),
    )
    url = review.get_absolute_url()
    alice_client.get(url)  # warm the session
    with django_assert_num_queries(25):
        response = alice_client.get(url)
    assert response.status_code == 200


def test_due_reviews_take_two_queries_whatever_the_schedules(
    alice, django_assert_num_queries
):
    from careerpath.reviews.agenda import due_items

    for cadence in ("weekly", "monthly", "quarterly", "yearly"):
        ReviewScheduleFactory(owner=alice, cadence=cadence)
    with django_assert_num_queries(2):
        items = due_items(
            alice, datetime.date(2026, 11, 1), datetime.date(2026, 12, 31)
        )
    titles = {i.title for i in items}
    assert {
        "Review due: November 2026",
        "Review due: Q4 2026",
        "Review due: 2026",
    } <= titles
    assert "Review due: the week of 23 Nov 2026" in titles
