"""Median server time and query count of every main page for the demo user at scale.

    .venv/bin/python benchmarks/pages.py [--scale 10] [--runs 30]

Builds a throwaway SQLite database (WAL, the real settings) in a temporary folder,
seeds the demo account with ``seed_demo_data --scale N`` and requests each page
in-process with Django's test client, printing median and p95 milliseconds and
the number of queries. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _django import seed_demo, setup_throwaway_instance  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    setup_throwaway_instance()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    seeded = seed_demo(args.scale)

    from careerpath.accounts.models import User
    from careerpath.goals.models import Goal
    from careerpath.journal.models import Setback
    from careerpath.profiles.models import SelfAssessment

    user = User.objects.get(email="demo@careerpath.local")
    goal = (
        Goal.objects.owned_by(user)
        .filter(status="active")
        .exclude(metric_name="")
        .first()
        or Goal.objects.owned_by(user).first()
    )
    assessment = SelfAssessment.objects.owned_by(user).first()
    from careerpath.achievements.models import Achievement
    from careerpath.feedback.models import Feedback, FeedbackRequest

    feedback_request = FeedbackRequest.objects.owned_by(user).first()
    feedback = Feedback.objects.owned_by(user).first()
    achievement = Achievement.objects.owned_by(user).first()
    from careerpath.learning.models import LearningItem

    certificate = LearningItem.objects.owned_by(user).certificates().first()
    from careerpath.skills.models import Posting, TargetRole, UserSkill

    role = TargetRole.objects.owned_by(user).order_by("pk").first()
    user_skill = UserSkill.objects.owned_by(user).first()
    posting = Posting.objects.owned_by(user).first()
    setback = Setback.objects.owned_by(user).first()
    from careerpath.network.models import Contact

    contact = (
        Contact.objects.owned_by(user).of_type("mentor").first()
        or Contact.objects.owned_by(user).first()
    )
    client = Client()
    client.force_login(user)
    pages = {
        "dashboard": "/dashboard/",
        "profile": "/profile/",
        "self-assessment history": "/assessments/",
        "self-assessment detail": f"/assessments/{assessment.pk}/",
        "goal list": "/goals/",
        "goal detail": f"/goals/{goal.pk}/",
        "goal action plan": f"/goals/{goal.pk}/plan/",
        "new goal form": "/goals/new/",
        "roadmap": "/roadmap/",
        "API: goals": "/api/v1/goals",
        "API: goal detail": f"/api/v1/goals/{goal.pk}",
        "feedback list": "/feedback/",
        "feedback form (edit)": f"/feedback/{feedback.pk}/edit/",
        "feedback requests": "/feedback/requests/?status=all",
        "feedback request detail": f"/feedback/requests/{feedback_request.pk}/",
        "improvement areas": "/feedback/themes/",
        "brag document": "/achievements/",
        "brag document by skill": "/achievements/?view=skill",
        "achievement form (edit)": f"/achievements/{achievement.pk}/edit/",
        "promotion packet": "/achievements/packet/",
        "promotion packet PDF": "/achievements/packet.pdf",
        "API: feedback": "/api/v1/feedback",
        "API: improvement areas": "/api/v1/improvement-areas",
        "API: achievements": "/api/v1/achievements",
        "learning list": "/learning/?status=all",
        "learning item": f"/learning/{certificate.pk}/",
        "learning log (2 years)": "/learning/log/?months=24",
        "API: learning summary": "/api/v1/learning/summary?months=24",
        "skill inventory": "/skills/",
        "skill detail": f"/skills/{user_skill.pk}/",
        "target roles": "/skills/roles/",
        "role profile": f"/skills/roles/{role.pk}/",
        "gap analysis": f"/skills/roles/{role.pk}/gaps/",
        "posting review": f"/skills/postings/{posting.pk}/",
        "API: gaps": f"/api/v1/roles/{role.pk}/gaps",
        "journal": "/journal/",
        "journal entry (setback)": f"/journal/{setback.entry_id}/",
        "resilience": "/journal/resilience/",
        "balance (6 months)": "/balance/",
        "balance (2 years)": "/balance/?range=104",
        "check-in form": "/balance/check-in/",
        "API: journal entries": "/api/v1/journal/entries",
        "API: burnout signal": "/api/v1/balance/signal",
        "taxonomy search": "/taxonomy/?q=manag",
        "network overview": "/network/",
        "contact list": "/network/contacts/",
        "contact search": "/network/contacts/?q=analytics",
        "contact detail": f"/network/contacts/{contact.pk}/",
        "API: contacts": "/api/v1/network/contacts?q=data",
    }
    print(
        f"careerpath page benchmark — demo user at --scale {args.scale}, {args.runs} runs per page, SQLite"
    )
    print(
        f"seeded in {seeded:.1f} s: {Goal.objects.owned_by(user).count()} goals, "
        f"{SelfAssessment.objects.owned_by(user).count()} self-assessments"
    )
    print(f"{'page':<26}{'median ms':>10}{'p95 ms':>9}{'queries':>9}")
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url  # warm-up and sanity
        timings = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(
            f"{name:<26}{statistics.median(timings):>10.1f}{p95:>9.1f}{len(queries):>9}"
        )


if __name__ == "__main__":
    main()
