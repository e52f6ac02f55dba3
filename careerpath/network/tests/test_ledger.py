"""Give/receive balance, the gentle one-sided flag, and warmth: tables, no database."""

from datetime import date

import pytest

from careerpath.network.ledger import (
    Balance,
    count_help,
    describe_balance,
    only_receiving,
    warmth,
)


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("gave", (1, 0)),
        ("received", (0, 1)),
        ("both", (1, 1)),
        ("none", (0, 0)),
        ("", (0, 0)),
    ],
)
def test_count_help(direction, expected):
    assert count_help(direction) == expected


@pytest.mark.parametrize(
    ("gave", "received", "flagged", "text"),
    [
        (0, 0, False, "No help exchanged yet."),
        (0, 1, False, "You received more: 0 given, 1 received."),
        (0, 2, False, "You received more: 0 given, 2 received."),
        (0, 3, True, "You have received help 3 times and not given any back yet"),
        (0, 9, True, "perhaps offer something"),
        (1, 9, False, "You received more: 1 given, 9 received."),
        (2, 2, False, "Balanced: 2 given, 2 received."),
        (5, 1, False, "You gave more: 5 given, 1 received."),
        (4, 0, False, "You gave more: 4 given, 0 received."),
    ],
)
def test_balance_and_gentle_flag(gave, received, flagged, text):
    assert only_receiving(gave=gave, received=received) is flagged
    assert text in describe_balance(gave=gave, received=received)
    balance = Balance(gave, received)
    assert balance.only_receiving is flagged
    assert balance.net == gave - received
    assert balance.total == gave + received


TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("count", "last", "expected"),
    [
        (0, None, 0),
        (1, TODAY, 54),
        (12, TODAY, 100),
        (30, TODAY, 100),  # frequency saturates at monthly
        (12, date(2026, 8, 25), 75),  # 90 days: recency halves
        (0, date(2026, 8, 25), 25),
        (6, date(2026, 2, 26), 31),  # 270 days: an eighth
        (2, date(2020, 1, 1), 8),
    ],
)
def test_warmth(count, last, expected):
    assert warmth(interactions_last_year=count, last_on=last, today=TODAY) == expected


def test_warmer_means_more_recent_or_more_frequent():
    recent = warmth(interactions_last_year=3, last_on=date(2026, 11, 1), today=TODAY)
    older = warmth(interactions_last_year=3, last_on=date(2026, 6, 1), today=TODAY)
    frequent = warmth(interactions_last_year=10, last_on=date(2026, 6, 1), today=TODAY)
    assert recent > older
    assert frequent > older
