"""The pace rules, table-driven: one row per situation a goal can be in."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from careerpath.core.charts import format_number
from careerpath.goals.progress import (
    AT_RISK_TOLERANCE,
    ON_TRACK_TOLERANCE,
    Reading,
    metric_pace,
    milestone_pace,
    time_elapsed,
)

D = Decimal
JAN_1 = date(2026, 1, 1)
JAN_8 = date(2026, 1, 8)  # 7 of the 20 days from JAN_1 to JAN_21: 35 % of the time gone
JAN_21 = date(2026, 1, 21)


def readings(*pairs):
    return [Reading(day, D(value)) for day, value in pairs]


# Increase goal: 0 → 20 interviews from 1 to 21 January; on 8 January the line is at 7.
UP = {
    "baseline": D(0),
    "target": D(20),
    "starts_on": JAN_1,
    "deadline": JAN_21,
    "unit": "interviews",
}
# Decrease goal: 90 → 70 kg over the same days; on 8 January the line is at 83.
DOWN = {
    "baseline": D(90),
    "target": D(70),
    "starts_on": JAN_1,
    "deadline": JAN_21,
    "unit": "kg",
}


@pytest.mark.parametrize(
    ("goal", "value", "status", "difference", "reason"),
    [
        # increase goals
        (
            UP,
            "10",
            "on_track",
            "3",
            "Ahead by 3 interviews: expected 7 interviews by today, you have 10 interviews.",
        ),
        (
            UP,
            "7",
            "on_track",
            "0",
            "Exactly on pace: expected 7 interviews by today, you have 7 interviews.",
        ),
        # 30 % of the way with 35 % of the time gone: the edge of on track
        (
            UP,
            "6",
            "on_track",
            "-1",
            "Behind by 1 interview: expected 7 interviews by today, you have 6 interviews.",
        ),
        (
            UP,
            "5",
            "at_risk",
            "-2",
            "Behind by 2 interviews: expected 7 interviews by today, you have 5 interviews.",
        ),
        # 15 % of the way: the edge of at risk
        (
            UP,
            "3",
            "at_risk",
            "-4",
            "Behind by 4 interviews: expected 7 interviews by today, you have 3 interviews.",
        ),
        (
            UP,
            "2",
            "behind",
            "-5",
            "Behind by 5 interviews: expected 7 interviews by today, you have 2 interviews.",
        ),
        (
            UP,
            "-1",
            "behind",
            "-8",
            "Behind by 8 interviews: expected 7 interviews by today, you have -1 interview.",
        ),
        (
            UP,
            "20",
            "achieved",
            "13",
            "Target reached: you have 20 interviews against a target of 20 interviews.",
        ),
        (
            UP,
            "25",
            "achieved",
            "18",
            "Target reached: you have 25 interviews against a target of 20 interviews.",
        ),
        (
            UP,
            "7.50",
            "on_track",
            "0.5",
            "Ahead by 0.5 interviews: expected 7 interviews by today, you have 7.5 interviews.",
        ),
        # decrease goals: coming down faster than the line is ahead
        (
            DOWN,
            "80",
            "on_track",
            "3",
            "Ahead by 3 kg: expected 83 kg by today, you have 80 kg.",
        ),
        (
            DOWN,
            "83",
            "on_track",
            "0",
            "Exactly on pace: expected 83 kg by today, you have 83 kg.",
        ),
        (
            DOWN,
            "86",
            "at_risk",
            "-3",
            "Behind by 3 kg: expected 83 kg by today, you have 86 kg.",
        ),
        (
            DOWN,
            "92",
            "behind",
            "-9",
            "Behind by 9 kg: expected 83 kg by today, you have 92 kg.",
        ),
        (
            DOWN,
            "70",
            "achieved",
            "13",
            "Target reached: you have 70 kg against a target of 70 kg.",
        ),
        (
            DOWN,
            "65.5",
            "achieved",
            "17.5",
            "Target reached: you have 65.5 kg against a target of 70 kg.",
        ),
    ],
)
def test_metric_pace_on_8_january(goal, value, status, difference, reason):
    pace = metric_pace(
        **goal, readings=readings((date(2026, 1, 5), value)), today=JAN_8
    )
    assert pace.status == status
    assert pace.difference == D(difference)
    assert pace.reason == reason
    assert pace.actual == D(value)
    assert pace.expected_today == (D(7) if goal is UP else D(83))
    assert pace.expected_progress == pytest.approx(0.35)


@pytest.mark.parametrize(
    ("goal", "value", "progress"),
    [
        (UP, "10", 0.5),
        (UP, "-1", -0.05),
        (UP, "25", 1.25),
        (DOWN, "80", 0.5),
        (DOWN, "92", -0.1),
        (DOWN, "60", 1.5),
    ],
)
def test_progress_is_the_share_of_the_way_in_the_goals_direction(goal, value, progress):
    pace = metric_pace(**goal, readings=readings((JAN_8, value)), today=JAN_8)
    assert pace.progress == pytest.approx(progress)


def test_percent_goal_reason_reads_with_the_unit():
    pace = metric_pace(
        baseline=D(0),
        target=D(100),
        starts_on=JAN_1,
        deadline=date(2026, 1, 11),
        readings=readings((date(2026, 1, 6), "37.50")),
        today=date(2026, 1, 6),
        unit="%",
    )
    assert (pace.status, pace.reason) == (
        "at_risk",
        "Behind by 12.5 %: expected 50 % by today, you have 37.5 %.",
    )


@pytest.mark.parametrize(
    ("today", "series", "status", "expected", "actual", "elapsed"),
    [
        # before the start: nothing is expected yet, even with an early reading
        (date(2025, 12, 31), [], "not_started", "0", None, 0.0),
        (date(2025, 12, 31), [(date(2025, 12, 20), "2")], "not_started", "0", "2", 0.0),
        # the start day: the line is at the baseline
        (JAN_1, [(JAN_1, "0")], "on_track", "0", "0", 0.0),
        # no readings yet
        (JAN_8, [], "no_data", "7", None, 0.35),
        # readings after today do not count, wherever they sit in the list
        (
            JAN_8,
            [(date(2026, 1, 10), "20"), (date(2026, 1, 5), "7")],
            "on_track",
            "7",
            "7",
            0.35,
        ),
        (JAN_8, [(date(2026, 1, 9), "20")], "no_data", "7", None, 0.35),
        # the latest reading counts, not the best
        (
            JAN_8,
            [(date(2026, 1, 7), "3"), (date(2026, 1, 2), "9")],
            "at_risk",
            "7",
            "3",
            0.35,
        ),
        # after the deadline the line stays at the target
        (date(2026, 3, 1), [(date(2026, 1, 20), "19")], "on_track", "20", "19", 1.0),
        (date(2026, 3, 1), [(date(2026, 1, 20), "17")], "at_risk", "20", "17", 1.0),
        (date(2026, 3, 1), [(date(2026, 1, 20), "10")], "behind", "20", "10", 1.0),
        (date(2026, 3, 1), [(date(2026, 2, 20), "21")], "achieved", "20", "21", 1.0),
    ],
)
def test_metric_pace_over_time(today, series, status, expected, actual, elapsed):
    pace = metric_pace(**UP, readings=readings(*series), today=today)
    assert pace.status == status
    assert pace.expected_today == D(expected)
    assert pace.actual == (None if actual is None else D(actual))
    assert pace.expected_progress == pytest.approx(elapsed)


def test_no_readings_asks_for_one():
    pace = metric_pace(**UP, readings=[], today=JAN_8)
    assert "add a reading" in pace.reason
    assert pace.difference is None and pace.progress is None


def test_not_started_names_the_start_day():
    pace = metric_pace(**UP, readings=[], today=date(2025, 12, 1))
    assert pace.reason == "Not started yet: the goal starts on 1 Jan 2026."


def test_expected_value_is_rounded_for_people():
    # a third of the way from 0 to 22 hours
    pace = metric_pace(
        baseline=D(0),
        target=D(22),
        starts_on=JAN_1,
        deadline=date(2026, 1, 4),
        readings=readings((date(2026, 1, 2), "8")),
        today=date(2026, 1, 2),
        unit="hours",
    )
    assert pace.expected_today == D("7.33")
    assert (
        pace.reason
        == "Ahead by 0.67 hours: expected 7.33 hours by today, you have 8 hours."
    )


@pytest.mark.parametrize(
    ("unit", "reading", "reason"),
    [
        # Counted things are told in whole numbers, with their unit.
        ("calls", "8", "Ahead by 1 call: expected 7 calls by today, you have 8 calls."),
        (
            "talks given",
            "6",
            "Behind by 1 talk given: expected 7 talks given by today, you have 6 talks given.",
        ),
        # Measures keep their decimals and never lose their unit.
        ("%", "8.5", "Ahead by 1.17 %: expected 7.33 % by today, you have 8.5 %."),
        (
            "hours",
            "7",
            "Behind by 0.33 hours: expected 7.33 hours by today, you have 7 hours.",
        ),
    ],
)
def test_counted_units_are_whole_and_units_are_never_dropped(unit, reading, reason):
    pace = metric_pace(
        baseline=D(0),
        target=D(22),
        starts_on=JAN_1,
        deadline=date(2026, 1, 4),
        readings=readings((date(2026, 1, 2), reading)),
        today=date(2026, 1, 2),
        unit=unit,
    )
    assert pace.reason == reason


def test_a_decrease_in_incidents_is_told_in_whole_incidents():
    # 30 -> 8 incidents over 100 days, 43 days in: the line is at 20.54, so 21.
    pace = metric_pace(
        baseline=D(30),
        target=D(8),
        starts_on=JAN_1,
        deadline=JAN_1 + timedelta(days=100),
        readings=readings((JAN_1 + timedelta(days=43), "22")),
        today=JAN_1 + timedelta(days=43),
        unit="incidents",
    )
    assert pace.expected_today == D(21)
    assert (
        pace.reason
        == "Behind by 1 incident: expected 21 incidents by today, you have 22 incidents."
    )


def test_expected_value_keeps_the_goals_own_precision():
    pace = metric_pace(
        baseline=D("0.100"),
        target=D("0.125"),
        starts_on=JAN_1,
        deadline=date(2026, 1, 5),
        readings=readings((date(2026, 1, 2), "0.107")),
        today=date(2026, 1, 2),
    )
    assert pace.expected_today == D(
        "0.106"
    )  # 0.10625 rounded to the goal's three places
    assert pace.reason == "Ahead by 0.001: expected 0.106 by today, you have 0.107."


@pytest.mark.parametrize(
    ("today", "value", "status", "elapsed"),
    [
        (date(2026, 2, 1), "20", "achieved", 1.0),
        (date(2026, 2, 1), "0", "behind", 1.0),
        (date(2026, 2, 2), "0", "behind", 1.0),
        (date(2026, 1, 31), None, "not_started", 0.0),
    ],
)
def test_deadline_on_the_start_day_does_not_divide_by_zero(
    today, value, status, elapsed
):
    day = date(2026, 2, 1)
    series = [] if value is None else [(day, value)]
    pace = metric_pace(
        baseline=D(0),
        target=D(20),
        starts_on=day,
        deadline=day,
        readings=readings(*series),
        today=today,
    )
    assert pace.status == status
    assert pace.expected_progress == elapsed


@pytest.mark.parametrize(
    ("value", "status"), [("5", "achieved"), ("6", "achieved"), ("4", "behind")]
)
def test_baseline_equal_to_target_does_not_divide_by_zero(value, status):
    pace = metric_pace(
        baseline=D(5),
        target=D(5),
        starts_on=JAN_1,
        deadline=JAN_21,
        readings=readings((JAN_8, value)),
        today=JAN_21,
    )
    assert pace.status == status
    assert pace.progress in {0.0, 1.0}


def test_tolerances_are_named_and_ordered():
    assert D(0) < ON_TRACK_TOLERANCE < AT_RISK_TOLERANCE < D(1)


# Milestones: 1 to 11 January; on 7 January 60 % of the time is gone.
@pytest.mark.parametrize(
    ("done", "total", "today", "status", "reason"),
    [
        (
            3,
            5,
            date(2026, 1, 7),
            "on_track",
            "3 of 5 milestones done (60 %) with 60 % of the time gone.",
        ),
        (
            4,
            5,
            date(2026, 1, 7),
            "on_track",
            "4 of 5 milestones done (80 %) with 60 % of the time gone.",
        ),
        # 40 % done with 60 % gone: the edge of at risk
        (
            2,
            5,
            date(2026, 1, 7),
            "at_risk",
            "2 of 5 milestones done (40 %) with 60 % of the time gone.",
        ),
        (
            1,
            5,
            date(2026, 1, 7),
            "behind",
            "1 of 5 milestones done (20 %) with 60 % of the time gone.",
        ),
        (
            0,
            1,
            date(2026, 1, 7),
            "behind",
            "0 of 1 milestone done (0 %) with 60 % of the time gone.",
        ),
        (5, 5, date(2026, 1, 7), "achieved", "All 5 milestones are done."),
        (1, 1, date(2026, 1, 7), "achieved", "The milestone is done."),
        (7, 5, date(2026, 1, 7), "achieved", "All 5 milestones are done."),
        (
            0,
            0,
            date(2026, 1, 7),
            "no_data",
            "No milestones yet: add milestones to track progress.",
        ),
        (
            0,
            3,
            date(2025, 12, 31),
            "not_started",
            "Not started yet: the goal starts on 1 Jan 2026.",
        ),
        (
            0,
            3,
            JAN_1,
            "on_track",
            "0 of 3 milestones done (0 %) with 0 % of the time gone.",
        ),
        (
            4,
            5,
            date(2026, 6, 1),
            "at_risk",
            "4 of 5 milestones done (80 %) with 100 % of the time gone.",
        ),
        (
            2,
            3,
            date(2026, 6, 1),
            "behind",
            "2 of 3 milestones done (67 %) with 100 % of the time gone.",
        ),
    ],
)
def test_milestone_pace(done, total, today, status, reason):
    pace = milestone_pace(
        starts_on=JAN_1, deadline=date(2026, 1, 11), done=done, total=total, today=today
    )
    assert (pace.status, pace.reason) == (status, reason)


def test_milestone_pace_shares():
    pace = milestone_pace(
        starts_on=JAN_1,
        deadline=date(2026, 1, 11),
        done=2,
        total=5,
        today=date(2026, 1, 7),
    )
    assert pace.progress == pytest.approx(0.4)
    assert pace.expected_progress == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("today", "status"),
    [(date(2026, 2, 1), "behind"), (date(2026, 1, 31), "not_started")],
)
def test_milestone_pace_with_deadline_on_the_start_day(today, status):
    day = date(2026, 2, 1)
    assert (
        milestone_pace(starts_on=day, deadline=day, done=0, total=2, today=today).status
        == status
    )


@pytest.mark.parametrize(
    ("starts_on", "deadline", "today", "share"),
    [
        (JAN_1, JAN_21, JAN_1, 0),
        (JAN_1, JAN_21, date(2026, 1, 11), D("0.5")),
        (JAN_1, JAN_21, date(2025, 6, 1), 0),
        (JAN_1, JAN_21, date(2027, 6, 1), 1),
        (JAN_1, JAN_1, JAN_1, 1),
        (
            JAN_21,
            JAN_1,
            JAN_21,
            1,
        ),  # a deadline before the start is treated as no time at all
    ],
)
def test_time_elapsed(starts_on, deadline, today, share):
    assert time_elapsed(starts_on, deadline, today) == share


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("12.50", "12.5"),
        ("40.00", "40"),
        ("1E+1", "10"),
        ("-0.00", "0"),
        ("0.1250", "0.125"),
        ("1234567", "1234567"),
    ],
)
def test_format_number(value, text):
    assert format_number(D(value)) == text


def test_the_last_of_several_readings_on_one_day_counts():
    pace = metric_pace(
        baseline=Decimal("0"),
        target=Decimal("6"),
        starts_on=date(2026, 1, 1),
        deadline=date(2026, 12, 31),
        readings=[
            Reading(date(2026, 6, 1), Decimal("0")),
            Reading(date(2026, 6, 1), Decimal("3")),
        ],
        today=date(2026, 6, 1),
    )
    assert pace.actual == Decimal("3")
