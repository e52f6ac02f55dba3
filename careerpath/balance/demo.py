"""Demo check-ins: two years of weeks (more with --scale), with two stressful stretches.

One stretch is well in the past (a product launch) and one is happening now, so the
overview shows both a past warning and a current signal with its reasons. This
week's check-in is left out, so the dashboard shows it as due.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from careerpath.accounts.models import User
from careerpath.balance.burnout import week_start
from careerpath.balance.models import CheckIn

# Weeks before this one: (first, last) of each stressful stretch, and its notes.
LAUNCH = (38, 31)
NOW = (4, 1)
NOTES = {
    38: "Launch prep started; evenings on the migration.",
    35: "Worked both weekend days.",
    31: "Launch done. Exhausted.",
    30: "Took three days off after the launch.",
    4: "Re-org announced; two people left the team.",
    2: "Covering for the team lead on top of my own work.",
    1: "Slept badly most nights.",
}


def _clamp(value: int) -> int:
    return max(1, min(5, value))


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    # Its own stream, seeded by name: the two stressful
    # stretches tell the same story whatever the other areas happened to draw.
    rng = random.Random(f"balance-{scale}")
    this_week = week_start(today)
    rows = []
    for back in range(104 * scale, 0, -1):
        week = this_week - timedelta(weeks=back)
        if back > 6 and rng.random() < 0.05:
            continue  # holidays and forgotten weeks
        if LAUNCH[1] <= back <= LAUNCH[0]:
            depth = LAUNCH[0] - back  # 0 … 7: the launch stretch deepens
            hours = 46 + depth * 1.6 + rng.uniform(-1, 1.5)
            stress = _clamp(3 + (depth >= 2) + (depth >= 5))
            energy = _clamp(3 - depth // 3)
            sleep = 6.6 - depth * 0.15 + rng.uniform(-0.2, 0.2)
            personal = _clamp(2 - depth // 4)
            satisfaction = _clamp(3 - depth // 5)
        elif NOW[1] <= back <= NOW[0]:
            depth = NOW[0] - back  # 0 … 3
            hours = 44 + depth * 3 + rng.uniform(-0.5, 1)
            stress = _clamp(3 + (depth >= 1) + (depth >= 3))
            energy = _clamp(4 - (depth + 1) // 2)
            sleep = 6.8 - depth * 0.3
            personal = _clamp(3 - (depth + 1) // 2)
            satisfaction = 3
        else:
            hours = 40 + rng.uniform(-3, 4)
            stress = _clamp(2 + (rng.random() < 0.3))
            energy = _clamp(3 + (rng.random() < 0.5))
            sleep = 7.2 + rng.uniform(-0.5, 0.5)
            personal = _clamp(3 + (rng.random() < 0.6))
            satisfaction = _clamp(3 + (rng.random() < 0.5))
        rows.append(
            CheckIn(
                owner=owner,
                week_of=week,
                hours_worked=Decimal(str(round(hours * 2) / 2)),
                energy=energy,
                stress=stress,
                satisfaction=satisfaction,
                personal_time=personal,
                sleep_hours=Decimal(str(round(sleep, 1))),
                note=NOTES.get(back, ""),
            )
        )
    CheckIn.objects.bulk_create(rows)
    return {"balance check-ins": len(rows)}
