import datetime
from decimal import Decimal

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.goals.models import (
    ActionStep,
    Aspiration,
    Goal,
    GoalChange,
    KpiReading,
    Milestone,
)


class AspirationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aspiration

    owner = factory.SubFactory(UserFactory)
    title = "Lead an analytics team"
    starts_on = datetime.date(2025, 1, 1)
    horizon_years = 5
    values = factory.LazyFunction(lambda: ["Impact"])


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    owner = factory.SubFactory(UserFactory)
    statement = factory.Sequence(
        lambda n: f"Run {n + 3} internal SQL workshops for the analytics team"
    )
    category = Goal.Category.SKILL
    metric_name = "Workshops run"
    metric_unit = "workshops"
    baseline = Decimal("0")
    target = Decimal("6")
    achievability_note = "Two hours a week agreed with my manager."
    values = factory.LazyFunction(lambda: ["Learning"])
    starts_on = datetime.date(2026, 1, 1)
    deadline = datetime.date(2026, 12, 31)
    status = Goal.Status.ACTIVE


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    goal = factory.SubFactory(GoalFactory)
    owner = factory.SelfAttribute("goal.owner")
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = datetime.date(2026, 6, 30)


class ActionStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionStep

    goal = factory.SubFactory(GoalFactory)
    owner = factory.SelfAttribute("goal.owner")
    title = factory.Sequence(lambda n: f"Step {n}")
    due_on = datetime.date(2026, 11, 25)


class KpiReadingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KpiReading

    goal = factory.SubFactory(GoalFactory)
    owner = factory.SelfAttribute("goal.owner")
    read_on = datetime.date(2026, 6, 1)
    value = Decimal("3")


class GoalChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalChange

    goal = factory.SubFactory(GoalFactory)
    owner = factory.SelfAttribute("goal.owner")
    field = "deadline"
    old_value = "2026-10-31"
    new_value = "2026-12-31"
    reason = "Reorg"
    changed_on = datetime.date(2026, 5, 1)
