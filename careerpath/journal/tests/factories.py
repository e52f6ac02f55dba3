"""Test data for journal entries and setbacks."""

import datetime

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.journal.models import Entry, Setback


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    owner = factory.SubFactory(UserFactory)
    written_on = datetime.date(2026, 11, 20)
    title = factory.Sequence(lambda n: f"Entry {n}")
    body = "Good 1:1 with my manager about the **quarterly review**."
    mood = 4
    tags = factory.LazyFunction(lambda: ["1:1s"])


class SetbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Setback

    entry = factory.SubFactory(
        EntryFactory, title="Promotion deferred", mood=2, tags=["setback"]
    )
    owner = factory.SelfAttribute("entry.owner")
    lesson = "Nobody sees what I don't write down."
    next_time = "Keep a brag document every week."
