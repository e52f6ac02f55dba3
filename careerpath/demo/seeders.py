"""Every area that has demo content contributes a ``seed(owner, *, rng, scale, today)``.

Listed explicitly, like the agenda's sources: adding an area adds one line.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from careerpath.accounts.models import User
from careerpath.achievements.demo import seed as seed_achievements
from careerpath.balance.demo import seed as seed_balance
from careerpath.feedback.demo import seed as seed_feedback
from careerpath.goals.demo import seed as seed_goals
from careerpath.journal.demo import seed as seed_journal
from careerpath.learning.demo import seed as seed_learning
from careerpath.network.demo import seed as seed_network
from careerpath.profiles.demo import seed as seed_profiles
from careerpath.reviews.demo import seed as seed_reviews
from careerpath.skills.demo import seed as seed_skills

Seeder = Callable[..., dict[str, int]]

SEEDERS: tuple[tuple[str, Seeder], ...] = (
    ("profile and self-assessments", seed_profiles),
    ("goals", seed_goals),
    ("network", seed_network),
    # Feedback cites goals; achievements cite both, so they come last.
    ("feedback", seed_feedback),
    ("achievements", seed_achievements),
    ("journal and setbacks", seed_journal),
    ("balance check-ins", seed_balance),
    ("learning", seed_learning),
    ("skills, target roles and postings", seed_skills),
    # Reviews summarise every other area, so they come after all of them.
    ("reviews", seed_reviews),
)


def seed_all(
    owner: User, *, scale: int, today: date, seed: int = 2026
) -> dict[str, int]:
    """Fill every area for ``owner``; returns row counts per kind of thing created."""
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    for _label, seeder in SEEDERS:
        counts.update(seeder(owner, rng=rng, scale=scale, today=today))
    return counts
