"""Test data for check-ins."""

import datetime
from decimal import Decimal

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.balance.models import CheckIn


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    owner = factory.SubFactory(UserFactory)
    week_of = factory.Sequence(
        lambda n: datetime.date(2026, 11, 16) - datetime.timedelta(weeks=n)
    )
    hours_worked = Decimal("41.5")
    energy = 4
    stress = 2
    satisfaction = 4
    personal_time = 3
    sleep_hours = Decimal("7.5")
