import datetime
from decimal import Decimal

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.achievements.models import Achievement, Evidence


class AchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Achievement

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Automated the weekly KPI report {n}")
    achieved_on = datetime.date(2026, 9, 15)
    what_i_did = "Rewrote the extract in SQL and moved the charts to the dashboard."
    impact_value = Decimal("16")
    impact_unit = "hours saved a month"
    skills = factory.LazyFunction(lambda: ["SQL", "Automation"])


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    achievement = factory.SubFactory(AchievementFactory)
    owner = factory.SelfAttribute("achievement.owner")
    feedback = None
