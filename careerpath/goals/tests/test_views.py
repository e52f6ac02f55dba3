import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.models import Goal, GoalChange, KpiReading, Milestone
from careerpath.goals.tests.factories import (
    ActionStepFactory,
    AspirationFactory,
    GoalChangeFactory,
    GoalFactory,
    KpiReadingFactory,
    MilestoneFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def goal_post(**overrides):
    data = {
        "statement": "Run six internal SQL workshops for the analytics team",
        "category": "skill",
        "parent": "",
        "is_binary": "",
        "metric_name": "Workshops run",
        "metric_unit": "workshops",
        "baseline": "0",
        "target": "6",
        "direction": "increase",
        "achievability_note": "Two hours a week agreed with my manager.",
        "aspiration": "",
        "values": "Learning\nGenerosity",
        "relevance_note": "",
        "starts_on": "2026-11-01",
        "deadline": "2027-04-30",
        "priority": "2",
        "status": "draft",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_create_goal_and_see_the_smart_check(alice_client, alice):
    response = alice_client.post(reverse("goals:goal_create"), goal_post())
    assert response.status_code == 302, response.content.decode()[:2000]
    goal = Goal.objects.owned_by(alice).get()
    assert goal.values == ["Learning", "Generosity"]
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "SMART check" in page
    assert "Specific" in page
    assert "Time-bound" in page


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"deadline": "2026-10-01"}, "The deadline must be after the start."),
        ({"target": "0"}, "The target equals the baseline"),
        ({"target": "lots"}, "Enter a number."),
        ({"baseline": "10", "target": "5"}, "The direction does not match"),
        ({"statement": ""}, "This field is required."),
        ({"statement": "x" * 301}, "at most 300 characters"),
        ({"deadline": "2026-02-30"}, "Enter a valid date."),
        ({"priority": "9"}, "Select a valid choice"),
    ],
)
def test_goal_bad_input_is_refused_and_nothing_saved(
    alice_client, alice, overrides, field_message
):
    before = snapshot_owned_rows(alice)
    response = alice_client.post(reverse("goals:goal_create"), goal_post(**overrides))
    assert response.status_code == 422
    assert field_message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_activating_a_failing_goal_needs_confirmation(alice_client, alice):
    vague = goal_post(
        statement="Improve my skills",
        metric_name="",
        target="",
        baseline="",
        deadline="",
        status="active",
    )
    response = alice_client.post(reverse("goals:goal_create"), vague)
    assert response.status_code == 422
    assert "fails the SMART check" in response.content.decode()
    assert not Goal.objects.owned_by(alice).exists()
    response = alice_client.post(
        reverse("goals:goal_create"), {**vague, "confirm_activation": "on"}
    )
    assert response.status_code == 302
    assert Goal.objects.owned_by(alice).get().status == "active"


def test_smart_check_partial_follows_the_draft(alice_client):
    response = alice_client.post(
        reverse("goals:smart_check"),
        goal_post(statement="Improve"),
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "smart__item--fail" in html
    good = alice_client.post(
        reverse("goals:smart_check"), goal_post(), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "smart__item--pass" in good


def test_changing_the_deadline_needs_a_reason_and_is_kept_in_history(
    alice_client, alice
):
    goal = GoalFactory(owner=alice, status="draft")
    url = reverse("goals:goal_edit", args=[goal.pk])
    data = goal_post(
        statement=goal.statement,
        starts_on="2026-01-01",
        deadline="2027-03-31",
        status="draft",
    )
    response = alice_client.post(url, data)
    assert response.status_code == 422
    assert "Say why the deadline changed" in response.content.decode()
    goal.refresh_from_db()
    assert goal.deadline == datetime.date(2026, 12, 31)
    assert not GoalChange.objects.exists()
    response = alice_client.post(
        url, {**data, "reason": "The reorg cost me two months."}
    )
    assert response.status_code == 302
    change = GoalChange.objects.get(goal=goal)
    assert (change.field, change.old_value, change.new_value) == (
        "deadline",
        "2026-12-31",
        "2027-03-31",
    )
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "The reorg cost me two months." in page


def test_achieving_a_goal_is_celebrated_and_recorded(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("goals:goal_status", args=[goal.pk]),
        {"status": "achieved", "reason": "Sixth workshop done"},
        follow=True,
    )
    page = response.content.decode()
    assert "Goal achieved" in page
    assert "message--celebrate" in page
    goal.refresh_from_db()
    assert goal.achieved_on == datetime.date(2026, 11, 23)
    assert GoalChange.objects.get(goal=goal).reason == "Sixth workshop done"


def test_status_change_without_reason_changes_nothing(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("goals:goal_status", args=[goal.pk]), {"status": "paused", "reason": ""}
    )
    assert response.status_code == 422
    assert "Say why the status changed" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == "active"


def test_milestone_outside_the_goal_dates_is_refused(alice_client, alice):
    goal = GoalFactory(owner=alice)
    for due_on, message in [
        ("2027-02-01", "after its goal"),
        ("2025-12-01", "before its goal starts"),
        ("", "required"),
    ]:
        response = alice_client.post(
            reverse("goals:milestone_create", args=[goal.pk]),
            {"title": "Ship it", "due_on": due_on},
        )
        assert response.status_code == 422
        assert message in response.content.decode()
    assert not Milestone.objects.exists()


def test_completing_a_milestone_is_celebrated_and_can_be_undone(alice_client, alice):
    milestone = MilestoneFactory(goal=GoalFactory(owner=alice))
    url = reverse("goals:milestone_complete", args=[milestone.pk])
    page = alice_client.post(url, follow=True).content.decode()
    assert "Milestone reached" in page
    milestone.refresh_from_db()
    assert milestone.completed_on == datetime.date(2026, 11, 23)
    alice_client.post(url)
    milestone.refresh_from_db()
    assert milestone.completed_on is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"read_on": "2026-12-01", "value": "2"}, "in the future"),
        ({"read_on": "2026-06-01", "value": "two"}, "Enter a number."),
        ({"read_on": "2026-06-01", "value": ""}, "This field is required."),
        ({"read_on": "2026-06-01", "value": "1e30"}, "digits"),
    ],
)
def test_bad_readings_are_refused(alice_client, alice, data, message):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(reverse("goals:reading_create", args=[goal.pk]), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not KpiReading.objects.exists()


def test_reading_after_the_deadline_is_refused(alice_client, alice):
    goal = GoalFactory(
        owner=alice,
        starts_on=datetime.date(2025, 1, 1),
        deadline=datetime.date(2025, 12, 31),
    )
    response = alice_client.post(
        reverse("goals:reading_create", args=[goal.pk]),
        {"read_on": "2026-03-01", "value": "4"},
    )
    assert response.status_code == 422
    assert "after the goal&#x27;s deadline" in response.content.decode()


def test_readings_show_the_pace_and_the_chart(alice_client, alice):
    goal = GoalFactory(owner=alice)
    alice_client.post(
        reverse("goals:reading_create", args=[goal.pk]),
        {"read_on": "2026-11-01", "value": "2"},
    )
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert 'role="img"' in page
    assert "Behind" in page


def test_delete_goal_with_milestones_asks_first(alice_client, alice):
    goal = GoalFactory(owner=alice)
    MilestoneFactory.create_batch(2, goal=goal)
    ActionStepFactory(goal=goal)
    url = reverse("goals:goal_delete", args=[goal.pk])
    page = alice_client.get(url).content.decode()
    assert "2 milestones" in page
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert alice_client.post(url).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert not Milestone.objects.exists()


def test_action_steps_toggle_and_plan_view(alice_client, alice):
    goal = GoalFactory(owner=alice)
    milestone = MilestoneFactory(goal=goal, title="Workshop 1 delivered")
    alice_client.post(
        reverse("goals:step_create", args=[goal.pk]),
        {"title": "Book a room", "due_on": "2026-11-30", "milestone": milestone.pk},
    )
    step = goal.steps.get()
    assert step.milestone == milestone
    alice_client.post(reverse("goals:step_toggle", args=[step.pk]))
    step.refresh_from_db()
    assert step.done_on == datetime.date(2026, 11, 23)
    page = alice_client.get(reverse("goals:goal_plan", args=[goal.pk])).content.decode()
    assert "Workshop 1 delivered" in page
    assert "1 of 1 step done" in page


def test_step_cannot_point_at_another_goals_milestone(alice_client, alice):
    goal = GoalFactory(owner=alice)
    other = MilestoneFactory(goal=GoalFactory(owner=alice))
    response = alice_client.post(
        reverse("goals:step_create", args=[goal.pk]),
        {"title": "x", "milestone": other.pk},
    )
    assert response.status_code == 422
    assert not goal.steps.exists()


def test_goal_form_offers_only_my_goals_and_aspirations(alice_client, alice, bob):
    GoalFactory(owner=bob, statement="Bob's secret goal")
    AspirationFactory(owner=bob, title="Bob's secret aspiration")
    page = alice_client.get(reverse("goals:goal_create")).content.decode()
    assert "Bob&#x27;s secret" not in page
    response = alice_client.post(
        reverse("goals:goal_create"),
        goal_post(parent=str(Goal.objects.get(owner=bob).pk)),
    )
    assert response.status_code == 422
    assert not Goal.objects.owned_by(alice).exists()


def test_roadmap_shows_items_today_and_overdue(alice_client, alice):
    aspiration = AspirationFactory(owner=alice)
    goal = GoalFactory(
        owner=alice, aspiration=aspiration, statement="Ship the pricing experiment"
    )
    MilestoneFactory(
        goal=goal, title="Analysis plan signed off", due_on=datetime.date(2026, 10, 1)
    )
    page = alice_client.get(reverse("goals:roadmap")).content.decode()
    assert "Ship the pricing experiment" in page
    assert "Analysis plan signed off" in page
    assert "overdue" in page
    assert "Today" in page
    filtered = alice_client.get(
        reverse("goals:roadmap") + "?category=network"
    ).content.decode()
    assert "Ship the pricing experiment" not in filtered


def test_goal_list_filters(alice_client, alice):
    GoalFactory(owner=alice, statement="Active one")
    GoalFactory(owner=alice, statement="Done one", status="achieved")
    page = alice_client.get(reverse("goals:goal_list")).content.decode()
    assert "Active one" in page and "Done one" not in page
    page = alice_client.get(
        reverse("goals:goal_list") + "?status=achieved"
    ).content.decode()
    assert "Done one" in page and "Active one" not in page


def _populate(owner, goals):
    aspiration = AspirationFactory(owner=owner)
    for n in range(goals):
        goal = GoalFactory(owner=owner, aspiration=aspiration)
        for m in range(3):
            MilestoneFactory(goal=goal, due_on=datetime.date(2026, 3 + m, 1))
        KpiReadingFactory(
            goal=goal, read_on=datetime.date(2026, 5, 1), value=Decimal(n % 5)
        )
        ActionStepFactory(goal=goal)
        GoalChangeFactory(goal=goal)
    return goal


@pytest.mark.parametrize("goals", [2, 12])
def test_goal_pages_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, goals
):
    goal = _populate(alice, goals)
    # session, user, goals, milestones, readings, status counts
    with django_assert_num_queries(6):
        assert alice_client.get(reverse("goals:goal_list")).status_code == 200
    # session, user, goal (+aspiration, parent), milestones, readings, other active
    # goals, steps (+milestone), changes, children, the step form's milestone choices
    with django_assert_num_queries(11):
        assert alice_client.get(goal.get_absolute_url()).status_code == 200
    # session, user, aspirations, goals, milestones
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("goals:roadmap")).status_code == 200


def test_dashboard_lists_due_milestones_and_steps(alice_client, alice):
    goal = GoalFactory(owner=alice)
    MilestoneFactory(
        goal=goal, title="Overdue milestone", due_on=datetime.date(2026, 11, 1)
    )
    ActionStepFactory(
        goal=goal, title="Book the room", due_on=datetime.date(2026, 11, 25)
    )
    MilestoneFactory(
        goal=GoalFactory(owner=alice, status="abandoned"),
        title="Abandoned milestone",
        due_on=datetime.date(2026, 11, 24),
    )
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Milestone: Overdue milestone" in page
    assert "Step: Book the room" in page
    assert "Abandoned milestone" not in page


def test_change_history_uses_the_app_s_date_format(alice_client, alice):
    goal = GoalFactory(owner=alice)
    GoalChangeFactory(
        goal=goal,
        field="deadline",
        old_value="2025-10-31",
        new_value="2026-12-31",
        changed_on=datetime.date(2026, 5, 1),
    )
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "<del>31 Oct 2025</del>" in page
    assert "<ins>31 Dec</ins>" in page
    assert ">1 May</time>" in page
    assert "2025-10-31" not in page.split("<del>", 1)[1].split("</del>")[0]


def test_goal_pages_count_nouns_properly(alice_client, alice):
    aspiration = AspirationFactory(owner=alice, horizon_years=1)
    GoalFactory(owner=alice, aspiration=aspiration)
    page = alice_client.get(reverse("goals:aspiration_list")).content.decode()
    assert "1 goal<" in page or "1 goal " in page or "· 1 goal" in page
    assert "1 goals" not in page
    assert "(1 year)" in page


def test_roadmap_never_invents_a_deadline(alice_client, alice):
    GoalFactory(
        owner=alice,
        statement="Write a data-quality playbook for the team",
        starts_on=datetime.date(2026, 12, 4),
        deadline=None,
        status="draft",
    )
    page = alice_client.get(reverse("goals:roadmap")).content.decode()
    assert "Write a data-quality playbook" in page
    assert "No deadline yet" in page
    assert "no deadline set" in page
    # Drawn 90 days long for visibility, but 4 Mar is no date the person gave.
    assert "4 Mar" not in page
    assert "goal deadline" not in page


def test_roadmap_shows_the_next_year_by_default_and_everything_on_request(
    alice_client, alice
):
    from careerpath.goals.roadmap import build_roadmap

    today = datetime.date(2026, 11, 23)
    aspiration = AspirationFactory(owner=alice, horizon_years=5)
    GoalFactory(
        owner=alice,
        aspiration=aspiration,
        statement="Short goal this winter",
        starts_on=datetime.date(2026, 11, 1),
        deadline=datetime.date(2027, 1, 31),
    )
    GoalFactory(
        owner=alice,
        aspiration=aspiration,
        statement="Goal in four years",
        starts_on=datetime.date(2030, 1, 1),
        deadline=datetime.date(2030, 6, 30),
    )
    year = build_roadmap(alice, today=today, range_key="12m")
    assert year.timeline is not None
    assert year.timeline.start == datetime.date(2026, 10, 1)
    assert year.timeline.end == datetime.date(2027, 11, 1)
    labels = [r.item.label for r in year.timeline.rows]
    assert "Short goal this winter" in labels
    assert "Goal in four years" not in labels
    assert year.hidden_count == 1
    # The short goal spans about a fifth of the year's width, not a twentieth.
    short = next(r for r in year.timeline.rows if r.item.label.startswith("Short"))
    assert short.width > 15
    everything = build_roadmap(alice, today=today, range_key="all")
    assert "Goal in four years" in [r.item.label for r in everything.timeline.rows]
    page = alice_client.get(reverse("goals:roadmap")).content.decode()
    assert "Goal in four years" not in page.split("By month")[0]
    assert "1 item outside this range" in page
    assert (
        "Goal in four years"
        in alice_client.get(reverse("goals:roadmap") + "?range=all").content.decode()
    )


def test_the_profile_aspiration_is_the_goals_aspiration(alice_client, alice):
    from careerpath.goals.models import Aspiration
    from careerpath.profiles.tests.factories import ProfileFactory

    profile = ProfileFactory(
        owner=alice,
        aspiration="Lead an analytics team. Be known for clear data.",
        aspiration_horizon_years=4,
        values=["Autonomy", "Fairness"],
    )
    mirror = Aspiration.objects.get(owner=alice, from_profile=True)
    assert mirror.title == "Lead an analytics team"
    assert mirror.horizon_years == 4
    # Entered once: the goal form offers it, with the profile's values.
    page = alice_client.get(reverse("goals:goal_create")).content.decode()
    assert (
        f'<option value="{mirror.pk}" selected>Lead an analytics team</option>' in page
    )
    assert "Autonomy\nFairness" in page
    # Edited on the profile, it changes in goals; edited in goals, on the profile.
    profile.aspiration = "Run a data platform team"
    profile.save()
    mirror.refresh_from_db()
    assert mirror.title == "Run a data platform team"
    assert Aspiration.objects.owned_by(alice).count() == 1
    alice_client.post(
        reverse("goals:aspiration_edit", args=[mirror.pk]),
        {
            "title": "Run a data platform team",
            "description": "Run a data platform team in healthcare",
            "starts_on": "2026-01-01",
            "horizon_years": "6",
            "values": "Autonomy",
        },
    )
    profile.refresh_from_db()
    assert profile.aspiration == "Run a data platform team in healthcare"
    assert profile.aspiration_horizon_years == 6


def test_a_reading_before_the_start_is_kept_as_a_baseline(alice_client, alice):
    goal = GoalFactory(owner=alice, starts_on=datetime.date(2026, 1, 1))
    form_page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "records a baseline" in form_page
    response = alice_client.post(
        reverse("goals:reading_create", args=[goal.pk]),
        {"read_on": "2025-12-01", "value": "1"},
    )
    assert response.status_code == 302
    reading = KpiReading.objects.get(goal=goal)
    assert reading.is_baseline
    page = alice_client.get(goal.get_absolute_url()).content.decode()
    assert "1 workshop</strong>" in page
    assert '<span class="badge">baseline</span>' in page


def test_the_smart_panel_carries_a_compact_strip_for_phones(alice_client):
    page = alice_client.get(reverse("goals:goal_create")).content.decode()
    assert 'class="smart-strip"' in page
    assert "of 5 pass" in page
    live = alice_client.post(
        reverse("goals:smart_check"), {"statement": "Improve my skills"}
    ).content.decode()
    assert 'class="smart-strip"' in live


def test_the_profile_aspiration_is_listed_once_and_marked(alice_client, alice):
    from careerpath.profiles.tests.factories import ProfileFactory

    ProfileFactory(owner=alice, aspiration="Lead an analytics team.")
    page = alice_client.get(reverse("goals:aspiration_list")).content.decode()
    assert page.count("Lead an analytics team") == 2  # heading and its edit label
    assert "your profile&#x27;s long-term aspiration" in page or (
        "your profile's long-term aspiration" in page
    )
