"""The burnout signal on many weekly histories: a table of cases, no database."""

from datetime import date, timedelta

import pytest

from careerpath.balance.burnout import (
    EARLY,
    ELEVATED,
    HIGH,
    LOW,
    UNKNOWN,
    Week,
    burnout_signal,
    week_start,
)

TODAY = date(2026, 11, 25)  # a Wednesday
THIS_WEEK = date(2026, 11, 23)
CALM = {
    "hours": 40.0,
    "energy": 4,
    "stress": 2,
    "satisfaction": 4,
    "personal_time": 4,
    "sleep": 7.5,
}


def history(*rows, last=THIS_WEEK):
    """Consecutive weeks ending at ``last``; a row is overrides of a calm week, None a missed week."""
    weeks = []
    start = last - timedelta(weeks=len(rows) - 1)
    for index, row in enumerate(rows):
        if row is None:
            continue
        weeks.append(Week(week_of=start + timedelta(weeks=index), **{**CALM, **row}))
    return weeks


CALM_8 = [{}] * 8


CASES = [
    # (id, rows, expected level, expected rules)
    ("calm weeks", CALM_8, LOW, []),
    ("single calm week", [{}], EARLY, []),
    ("two calm weeks", [{}] * 2, EARLY, []),
    ("three calm weeks", [{}] * 3, LOW, []),
    ("two calm weeks with a gap", [{}, None, {}], EARLY, []),
    (
        "stress 4 for three weeks",
        [{}] * 5 + [{"stress": 4}] * 3,
        ELEVATED,
        ["stress"],
    ),
    (
        "stress 5, 4, 5 counts",
        [{}] * 5 + [{"stress": 5}, {"stress": 4}, {"stress": 5}],
        ELEVATED,
        ["stress"],
    ),
    ("stress high only two weeks", [{}] * 6 + [{"stress": 4}] * 2, LOW, []),
    (
        "stress run broken by a calm week",
        [{}] * 3 + [{"stress": 4}] * 2 + [{"stress": 3}] + [{"stress": 4}] * 2,
        LOW,
        [],
    ),
    (
        "stress run broken by a missed week",
        [{}] * 4 + [{"stress": 4}, {"stress": 4}, None, {"stress": 4}],
        LOW,
        [],
    ),
    (
        "stress high earlier but not now",
        [{"stress": 5}] * 4 + [{}] * 4,
        LOW,
        [],
    ),
    (
        "hours up 25 % over four weeks",
        [{"hours": 40}] * 4 + [{"hours": 50}] * 4,
        ELEVATED,
        ["hours_rising", "long_hours"],
    ),
    (
        "hours up exactly 20 %",
        [{"hours": 40}] * 4 + [{"hours": 48}] * 4,
        ELEVATED,
        ["hours_rising"],
    ),
    ("hours up 15 %", [{"hours": 40}] * 4 + [{"hours": 46}] * 4, LOW, []),
    (
        "hours rise needs history before",
        [{"hours": 30}] + [{"hours": 45}] * 3,
        LOW,
        [],
    ),
    (
        "long hours steady",
        [{"hours": 52}] * 8,
        ELEVATED,
        ["long_hours"],
    ),
    ("49 hours is not long", [{"hours": 49}] * 8, LOW, []),
    (
        "energy falls 4 to 2",
        [{}] * 5 + [{"energy": 4}, {"energy": 3}, {"energy": 2}],
        ELEVATED,
        ["energy_falling"],
    ),
    (
        "energy falls one point only",
        [{}] * 5 + [{"energy": 4}, {"energy": 4}, {"energy": 3}],
        LOW,
        [],
    ),
    (
        "energy fell long ago and stayed",
        [{"energy": 5}] * 2 + [{"energy": 2}] * 6,
        LOW,
        [],
    ),
    (
        "energy rising is fine",
        [{"energy": 1}, {"energy": 2}, {"energy": 3}, {"energy": 5}],
        LOW,
        [],
    ),
    (
        "short sleep",
        [{}] * 5 + [{"sleep": 6.0}] * 3,
        ELEVATED,
        ["short_sleep"],
    ),
    ("sleep at the threshold is fine", [{}] * 5 + [{"sleep": 6.5}] * 3, LOW, []),
    (
        "no personal time for three weeks",
        [{}] * 5 + [{"personal_time": 1}, {"personal_time": 2}, {"personal_time": 1}],
        ELEVATED,
        ["no_personal_time"],
    ),
    (
        "personal time low twice",
        [{}] * 6 + [{"personal_time": 1}] * 2,
        LOW,
        [],
    ),
    (
        "low satisfaction for three weeks",
        [{}] * 5 + [{"satisfaction": 2}] * 3,
        ELEVATED,
        ["low_satisfaction"],
    ),
    (
        "stress and rising hours is high",
        [{"hours": 40}] * 4 + [{"hours": 50, "stress": 4}] * 4,
        HIGH,
        ["stress", "hours_rising", "long_hours"],
    ),
    (
        "stress and short sleep is high",
        [{}] * 5 + [{"stress": 4, "sleep": 5.5}] * 3,
        HIGH,
        ["stress", "short_sleep"],
    ),
    (
        "everything at once",
        [{"hours": 40}] * 4
        + [
            {
                "hours": 55,
                "stress": 5,
                "energy": 4,
                "sleep": 5,
                "personal_time": 1,
                "satisfaction": 2,
            },
            {
                "hours": 55,
                "stress": 5,
                "energy": 3,
                "sleep": 5,
                "personal_time": 1,
                "satisfaction": 2,
            },
            {
                "hours": 56,
                "stress": 5,
                "energy": 2,
                "sleep": 5,
                "personal_time": 1,
                "satisfaction": 1,
            },
            {
                "hours": 58,
                "stress": 5,
                "energy": 1,
                "sleep": 5,
                "personal_time": 1,
                "satisfaction": 1,
            },
        ],
        HIGH,
        [
            "stress",
            "hours_rising",
            "long_hours",
            "energy_falling",
            "short_sleep",
            "no_personal_time",
            "low_satisfaction",
        ],
    ),
    (
        "two lesser signs are still elevated",
        [{}] * 5 + [{"sleep": 6, "personal_time": 2}] * 3,
        ELEVATED,
        ["short_sleep", "no_personal_time"],
    ),
    (
        "three lesser signs are high",
        [{}] * 5 + [{"sleep": 6, "personal_time": 2, "satisfaction": 2}] * 3,
        HIGH,
        ["short_sleep", "no_personal_time", "low_satisfaction"],
    ),
]


@pytest.mark.parametrize(
    ("rows", "level", "rules"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_burnout_signal_cases(rows, level, rules):
    signal = burnout_signal(history(*rows), today=TODAY)
    assert signal.level == level, signal
    assert [r.rule for r in signal.reasons] == rules
    assert signal.points == sum(r.points for r in signal.reasons)
    assert all(r.text.endswith(".") for r in signal.reasons)


def test_no_check_ins_is_unknown_and_says_how_to_start():
    signal = burnout_signal([], today=TODAY)
    assert signal.level == UNKNOWN
    assert signal.label == "Not enough check-ins"
    assert "30 seconds" in signal.summary


@pytest.mark.parametrize(
    ("last", "level"),
    [
        (THIS_WEEK, ELEVATED),
        (THIS_WEEK - timedelta(weeks=1), ELEVATED),
        (THIS_WEEK - timedelta(weeks=3), ELEVATED),
        (THIS_WEEK - timedelta(weeks=4), UNKNOWN),
        (THIS_WEEK - timedelta(weeks=20), UNKNOWN),
    ],
)
def test_old_check_ins_say_nothing_about_now(last, level):
    weeks = history(*([{}] * 5 + [{"stress": 5}] * 3), last=last)
    signal = burnout_signal(weeks, today=TODAY)
    assert signal.level == level
    if level == UNKNOWN:
        assert "check in to see how you are doing now" in signal.summary
        assert signal.latest_week == last


def test_reasons_quote_the_numbers():
    weeks = history(*([{"hours": 40}] * 4 + [{"hours": 50, "stress": 4}] * 4))
    texts = {r.rule: r.text for r in burnout_signal(weeks, today=TODAY).reasons}
    assert texts["stress"] == (
        "Stress has been 4 or more out of 5 for 4 weeks in a row (4, 4, 4, 4)."
    )
    assert texts["hours_rising"] == (
        "Hours worked are up 25 % over four weeks: 50 hours a week on average, "
        "from 40 the four weeks before."
    )
    assert texts["long_hours"] == (
        "You worked 50 hours a week on average over the last 4 weeks."
    )


def test_energy_reason_names_the_week_it_fell_from():
    weeks = history(*([{}] * 5 + [{"energy": 5}, {"energy": 4}, {"energy": 2}]))
    (reason,) = burnout_signal(weeks, today=TODAY).reasons
    assert reason.text == (
        "Energy has fallen from 5 to 2 out of 5 since the week of 9 Nov 2026."
    )


def test_order_and_duplicates_do_not_matter():
    weeks = history(*([{}] * 5 + [{"stress": 4}] * 3))
    shuffled = list(reversed(weeks))
    # A second reading for the latest week replaces the first, as a second check-in does.
    replaced = [*weeks, Week(**{**weeks[-1].__dict__, "stress": 2})]
    assert burnout_signal(shuffled, today=TODAY).level == ELEVATED
    assert burnout_signal(replaced, today=TODAY).level == LOW


def test_a_check_in_dated_mid_week_counts_for_its_week():
    weeks = history(*([{}] * 5 + [{"stress": 4}] * 3))
    moved = [
        Week(**{**w.__dict__, "week_of": w.week_of + timedelta(days=3)}) for w in weeks
    ]
    assert burnout_signal(moved, today=TODAY).level == ELEVATED


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 11, 23), date(2026, 11, 23)),
        (date(2026, 11, 29), date(2026, 11, 23)),
        (date(2026, 11, 30), date(2026, 11, 30)),
        (date(2027, 1, 1), date(2026, 12, 28)),
        (date(2024, 3, 1), date(2024, 2, 26)),
    ],
)
def test_week_start_is_the_monday(day, monday):
    assert week_start(day) == monday


@pytest.mark.parametrize("weeks", [1, 2])
def test_too_few_weeks_is_too_early_to_tell_not_low(weeks):
    signal = burnout_signal(history(*([{}] * weeks)), today=TODAY)
    assert signal.level == EARLY
    assert signal.label == "Too early to tell"
    assert "No warning signs" not in signal.summary
    assert "3 weeks in a row" in signal.summary
    assert f"has {weeks} week{'s' if weeks > 1 else ''} of check-ins" in signal.summary


def test_a_single_hard_week_is_named_as_such():
    hard = {"hours": 52, "stress": 4, "energy": 2, "sleep": 6}
    signal = burnout_signal(history(hard), today=TODAY)
    assert signal.level == EARLY
    assert signal.hard_week == (
        "52 hours worked",
        "stress 4 out of 5",
        "energy 2 out of 5",
        "6 hours of sleep a night",
    )
    assert signal.summary.endswith(
        "The week of 23 Nov 2026 was a hard one on its own: 52 hours worked, "
        "stress 4 out of 5, energy 2 out of 5 and 6 hours of sleep a night."
    )


def test_a_hard_week_after_calm_ones_is_not_called_free_of_signs():
    signal = burnout_signal(
        history(*([{}] * 5 + [{"hours": 55, "sleep": 5.5}])), today=TODAY
    )
    assert signal.level == LOW
    assert "No warning signs" not in signal.summary
    assert "No pattern of warning signs" in signal.summary
    assert "55 hours worked and 5.5 hours of sleep a night" in signal.summary


def test_a_calm_latest_week_names_nothing():
    signal = burnout_signal(history(*CALM_8), today=TODAY)
    assert signal.hard_week == ()
    assert signal.summary == "No warning signs in your last 4 weeks."
