"""Keep-in-touch cadence: a table of cases, no database."""

from datetime import date

import pytest

from careerpath.network.cadence import (
    CadenceState,
    Candidate,
    Intervals,
    intervals_for,
    keep_in_touch,
    rank_reach_out,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("types", "ideal", "maximum", "expected"),
    [
        ([], None, None, Intervals(180, 365)),
        (["peer"], None, None, Intervals(60, 120)),
        (["mentor"], None, None, Intervals(30, 60)),
        (["sponsor"], None, None, Intervals(45, 90)),
        (["manager"], None, None, Intervals(14, 30)),
        (["recruiter"], None, None, Intervals(90, 180)),
        (["alumni"], None, None, Intervals(120, 240)),
        (["industry"], None, None, Intervals(90, 180)),
        (["mentee"], None, None, Intervals(21, 45)),
        (["other"], None, None, Intervals(180, 365)),
        # Several types: the tightest rhythm wins.
        (["peer", "mentor"], None, None, Intervals(30, 60)),
        (["alumni", "recruiter"], None, None, Intervals(90, 180)),
        (["unknown-type"], None, None, Intervals(180, 365)),
        # The person's own choice.
        (["peer"], 10, None, Intervals(10, 20)),
        (["peer"], 10, 15, Intervals(10, 15)),
        (["peer"], None, 40, Intervals(40, 40)),
        (["peer"], None, 200, Intervals(60, 200)),
        # A maximum below the ideal is raised to it.
        (["peer"], 30, 20, Intervals(30, 30)),
    ],
)
def test_intervals_follow_type_and_choice(types, ideal, maximum, expected):
    assert intervals_for(types, ideal=ideal, maximum=maximum) == expected


PEER = Intervals(60, 120)


@pytest.mark.parametrize(
    ("last", "added", "intervals", "state", "due_on", "past_due"),
    [
        # Never contacted: the clock starts when the contact was added.
        (None, date(2026, 11, 1), PEER, CadenceState.OK, date(2026, 12, 31), 0),
        (None, date(2026, 5, 1), PEER, CadenceState.OVERDUE, date(2026, 6, 30), 146),
        # The last interaction resets the clock, whenever the contact was added.
        (
            date(2026, 11, 20),
            date(2020, 1, 1),
            PEER,
            CadenceState.OK,
            date(2027, 1, 19),
            0,
        ),
        (
            date(2026, 10, 1),
            date(2020, 1, 1),
            PEER,
            CadenceState.DUE_SOON,
            date(2026, 11, 30),
            0,
        ),
        (
            date(2026, 9, 24),
            date(2020, 1, 1),
            PEER,
            CadenceState.DUE,
            date(2026, 11, 23),
            0,
        ),
        (
            date(2026, 9, 1),
            date(2020, 1, 1),
            PEER,
            CadenceState.DUE,
            date(2026, 10, 31),
            23,
        ),
        # Exactly at the maximum is still "due"; the day after is overdue.
        (
            date(2026, 7, 26),
            date(2020, 1, 1),
            PEER,
            CadenceState.DUE,
            date(2026, 9, 24),
            60,
        ),
        (
            date(2026, 7, 25),
            date(2020, 1, 1),
            PEER,
            CadenceState.OVERDUE,
            date(2026, 9, 23),
            61,
        ),
        # Seven days before the ideal date is the start of "due soon".
        (
            date(2026, 9, 30),
            date(2020, 1, 1),
            PEER,
            CadenceState.DUE_SOON,
            date(2026, 11, 29),
            0,
        ),
        (
            date(2026, 10, 2),
            date(2020, 1, 1),
            PEER,
            CadenceState.OK,
            date(2026, 12, 1),
            0,
        ),
        # Turned off.
        (date(2020, 1, 1), date(2020, 1, 1), None, CadenceState.UNTRACKED, None, 0),
    ],
)
def test_cadence_states(last, added, intervals, state, due_on, past_due):
    result = keep_in_touch(
        last_interaction_on=last, added_on=added, intervals=intervals, today=TODAY
    )
    assert result.state == state
    assert result.due_on == due_on
    assert result.days_past_due == past_due


def test_logging_an_interaction_today_resets_an_overdue_contact():
    before = keep_in_touch(
        last_interaction_on=date(2026, 1, 1),
        added_on=date(2025, 1, 1),
        intervals=PEER,
        today=TODAY,
    )
    after = keep_in_touch(
        last_interaction_on=TODAY,
        added_on=date(2025, 1, 1),
        intervals=PEER,
        today=TODAY,
    )
    assert before.state == CadenceState.OVERDUE
    assert after.state == CadenceState.OK
    assert after.due_on == date(2027, 1, 22)


def c(key, due_on, ideal=60, goals=0, mentor=False):
    return Candidate(key, f"Person {key}", due_on, ideal, goals, mentor)


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([], []),
        # Not yet due: not suggested.
        ([c("a", date(2026, 11, 24))], []),
        ([c("a", TODAY)], ["a"]),
        # Lateness relative to each person's rhythm: 15 days late on a 30-day rhythm
        # beats 30 days late on a 180-day one.
        (
            [
                c("slow", date(2026, 10, 24), ideal=180),
                c("fast", date(2026, 11, 8), ideal=30),
            ],
            ["fast", "slow"],
        ),
        # Helping with an active goal lifts someone equally late.
        ([c("a", date(2026, 11, 1)), c("b", date(2026, 11, 1), goals=1)], ["b", "a"]),
        # Two goals outweigh a little extra lateness.
        (
            [c("late", date(2026, 10, 20)), c("useful", date(2026, 11, 10), goals=2)],
            ["useful", "late"],
        ),
        # Mentors and sponsors come first among equals.
        (
            [c("a", date(2026, 11, 1)), c("m", date(2026, 11, 1), mentor=True)],
            ["m", "a"],
        ),
        # Ties are broken by name.
        ([c("b", date(2026, 11, 1)), c("a", date(2026, 11, 1))], ["a", "b"]),
    ],
)
def test_reach_out_ranking(candidates, expected):
    assert [s.key for s in rank_reach_out(candidates, today=TODAY)] == expected


def test_reach_out_explains_itself_and_respects_the_limit():
    many = [c(i, date(2026, 11, 1), goals=1, mentor=True) for i in range(20)]
    suggestions = rank_reach_out(many, today=TODAY, limit=5)
    assert len(suggestions) == 5
    assert suggestions[0].reasons == (
        "22 days past your 60-day rhythm",
        "can help with 1 active goal",
        "mentor or sponsor",
    )
    today_only = rank_reach_out([c("x", TODAY)], today=TODAY)
    assert today_only[0].reasons == ("due today",)
