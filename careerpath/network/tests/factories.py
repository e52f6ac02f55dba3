import datetime

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.network.models import (
    Contact,
    ContactImport,
    Event,
    Interaction,
    MentorshipMeeting,
)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n} Person")
    company = "Northwind Health"
    title = "Head of Data"
    relationship_types = factory.LazyFunction(lambda: ["peer"])
    added_on = datetime.date(2026, 1, 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        contact = model_class(*args, **kwargs)
        contact.refresh_derived()
        contact.save()
        return contact


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    owner = factory.SubFactory(UserFactory)
    name = "PyData London"
    held_on = datetime.date(2026, 11, 1)
    place = "London"
    follow_up_on = datetime.date(2026, 11, 8)


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    occurred_on = datetime.date(2026, 10, 1)
    channel = "call"
    summary = "Catch-up call"

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            self.contacts.set(extracted)
            from careerpath.network.services import refresh_last_interactions

            refresh_last_interactions(self.owner, [c.pk for c in extracted])


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorshipMeeting

    contact = factory.SubFactory(ContactFactory, relationship_types=["mentor"])
    owner = factory.SelfAttribute("contact.owner")
    interaction = factory.LazyAttribute(
        lambda o: InteractionFactory(
            owner=o.contact.owner, channel="meeting", contacts=[o.contact]
        )
    )
    agenda = "Career plan"
    takeaways = "Write the one-pager"
    actions = "Draft by Friday"


class ContactImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactImport

    owner = factory.SubFactory(UserFactory)
    kind = "linkedin"
    filename = "Connections.csv"
    content = (
        'Notes:\n"Email addresses may be missing."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Jane,Doe,https://www.linkedin.com/in/jane-doe,,Acme,Head of Data,12 Mar 2024\n"
    )
