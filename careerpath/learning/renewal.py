"""When a certificate needs renewing: the rule behind the badges and the dashboard.

A certificate's renewal falls due ``RENEWAL_WINDOW`` (60 days) before it expires, so
there is time to sit an exam or collect continuing-education credits; on the dashboard
the renewal shows as overdue once that day has passed, and the badge says "expired"
once the certificate has run out. A certificate the person chose to let lapse (its item
is dropped) is never due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

RENEWAL_WINDOW = timedelta(days=60)


class Renewal(StrEnum):
    NONE = "none"  # no expiry date: nothing to renew
    VALID = "valid"  # more than 60 days left
    DUE = "due"  # within 60 days of expiry
    EXPIRED = "expired"  # past its expiry date
    LAPSED = "lapsed"  # expired or expiring, and the person let it go


@dataclass(frozen=True)
class RenewalState:
    """Where a certificate stands on ``today`` and what to tell the person."""

    state: Renewal
    due_on: date | None
    days_left: int | None  # until expiry; negative once expired

    @property
    def needs_action(self) -> bool:
        return self.state in (Renewal.DUE, Renewal.EXPIRED)

    @property
    def badge(self) -> str:
        """The badge modifier the stylesheet colours: green, amber or red."""
        return {
            Renewal.VALID: "on_track",
            Renewal.DUE: "at_risk",
            Renewal.EXPIRED: "behind",
        }.get(self.state, "")

    @property
    def label(self) -> str:
        if self.state is Renewal.NONE:
            return ""
        if self.state is Renewal.LAPSED:
            return "Let lapse"
        assert self.days_left is not None
        if self.state is Renewal.EXPIRED:
            ago = -self.days_left
            return "Expired today" if ago == 0 else f"Expired {_days(ago)} ago"
        if self.days_left == 0:
            return "Expires today"
        return (
            f"Renew: expires in {_days(self.days_left)}"
            if (self.state is Renewal.DUE)
            else f"Valid for {_days(self.days_left)}"
        )


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def renewal_due_on(expires_on: date) -> date:
    """The day a renewal becomes due: 60 days before the certificate expires."""
    return expires_on - RENEWAL_WINDOW


def renewal_state(
    expires_on: date | None, *, today: date, lapsed: bool = False
) -> RenewalState:
    """Classify a certificate by its expiry date (``None`` = never expires).

    Expiring today still counts as valid-but-due: it is usable until the day ends.
    """
    if expires_on is None:
        return RenewalState(Renewal.NONE, None, None)
    due_on = renewal_due_on(expires_on)
    days_left = (expires_on - today).days
    if lapsed:
        return RenewalState(Renewal.LAPSED, None, days_left)
    if days_left < 0:
        state = Renewal.EXPIRED
    elif today >= due_on:
        state = Renewal.DUE
    else:
        state = Renewal.VALID
    return RenewalState(state, due_on, days_left)
