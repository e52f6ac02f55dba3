"""Test data for reviews and schedules."""

import datetime

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.reviews.models import Review, ReviewSchedule


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    owner = factory.SubFactory(UserFactory)
    cadence = "monthly"
    period_start = datetime.date(2026, 10, 1)
    period_end = datetime.date(2026, 10, 31)
    moving_towards = "Yes, two workshops done."
    focus_next = "Finish the pricing analysis."


class ReviewScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewSchedule

    owner = factory.SubFactory(UserFactory)
    cadence = "monthly"
