import datetime
from decimal import Decimal

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.learning.models import LearningItem, LearningSession


class LearningItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningItem

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"SQL for analysts, part {n + 1}")
    kind = LearningItem.Kind.COURSE
    provider = "DataCamp"
    cost = Decimal("49.00")
    currency = "EUR"
    hours = Decimal("12.0")
    starts_on = datetime.date(2026, 1, 5)
    status = LearningItem.Status.IN_PROGRESS
    skills = factory.LazyFunction(lambda: ["SQL"])


class CertificationFactory(LearningItemFactory):
    title = factory.Sequence(lambda n: f"AWS Certified Cloud Practitioner {n + 1}")
    kind = LearningItem.Kind.CERTIFICATION
    provider = "Amazon Web Services"
    status = LearningItem.Status.COMPLETED
    skills = factory.LazyFunction(lambda: ["Amazon Web Services"])
    starts_on = datetime.date(2024, 1, 10)
    finishes_on = datetime.date(2024, 3, 1)
    completed_on = datetime.date(2024, 3, 1)
    issued_on = datetime.date(2024, 3, 1)
    expires_on = datetime.date(2027, 3, 1)


class LearningSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningSession

    item = factory.SubFactory(LearningItemFactory)
    owner = factory.SelfAttribute("item.owner")
    logged_on = datetime.date(2026, 2, 10)
    hours = Decimal("1.5")
    note = "Window functions"
