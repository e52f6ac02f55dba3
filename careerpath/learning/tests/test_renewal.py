"""The renewal rule, as a table: no database."""

from datetime import date

import pytest

from careerpath.learning.renewal import Renewal, renewal_due_on, renewal_state

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("expires_on", "lapsed", "state", "due_on", "days_left", "label", "badge"),
    [
        (None, False, Renewal.NONE, None, None, "", ""),
        (None, True, Renewal.NONE, None, None, "", ""),
        (
            date(2028, 1, 1),
            False,
            Renewal.VALID,
            date(2027, 11, 2),
            657,
            "Valid for 657 days",
            "on_track",
        ),
        # 61 days left: the renewal falls due tomorrow.
        (
            date(2026, 5, 15),
            False,
            Renewal.VALID,
            date(2026, 3, 16),
            61,
            "Valid for 61 days",
            "on_track",
        ),
        # Exactly 60 days left: due today.
        (
            date(2026, 5, 14),
            False,
            Renewal.DUE,
            date(2026, 3, 15),
            60,
            "Renew: expires in 60 days",
            "at_risk",
        ),
        (
            date(2026, 4, 1),
            False,
            Renewal.DUE,
            date(2026, 1, 31),
            17,
            "Renew: expires in 17 days",
            "at_risk",
        ),
        (
            date(2026, 3, 16),
            False,
            Renewal.DUE,
            date(2026, 1, 15),
            1,
            "Renew: expires in 1 day",
            "at_risk",
        ),
        (
            date(2026, 3, 15),
            False,
            Renewal.DUE,
            date(2026, 1, 14),
            0,
            "Expires today",
            "at_risk",
        ),
        (
            date(2026, 3, 14),
            False,
            Renewal.EXPIRED,
            date(2026, 1, 13),
            -1,
            "Expired 1 day ago",
            "behind",
        ),
        (
            date(2025, 3, 15),
            False,
            Renewal.EXPIRED,
            date(2025, 1, 14),
            -365,
            "Expired 365 days ago",
            "behind",
        ),
        (date(2026, 4, 1), True, Renewal.LAPSED, None, 17, "Let lapse", ""),
        (date(2025, 3, 15), True, Renewal.LAPSED, None, -365, "Let lapse", ""),
        # Leap day: 60 days before 29 April 2028 is 29 February.
        (
            date(2028, 4, 29),
            False,
            Renewal.VALID,
            date(2028, 2, 29),
            776,
            "Valid for 776 days",
            "on_track",
        ),
    ],
)
def test_renewal_state(expires_on, lapsed, state, due_on, days_left, label, badge):
    result = renewal_state(expires_on, today=TODAY, lapsed=lapsed)
    assert result.state is state
    assert result.due_on == due_on
    assert result.days_left == days_left
    assert result.label == label
    assert result.badge == badge
    assert result.needs_action == (state in (Renewal.DUE, Renewal.EXPIRED))


@pytest.mark.parametrize(
    ("expires_on", "due_on"),
    [
        (date(2026, 3, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2025, 11, 2)),
        (date(2024, 3, 1), date(2024, 1, 1)),  # leap year
        (date(2025, 3, 1), date(2024, 12, 31)),
    ],
)
def test_renewal_is_due_sixty_days_before_expiry(expires_on, due_on):
    assert renewal_due_on(expires_on) == due_on
