import datetime

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.feedback.models import Feedback, FeedbackRequest


class FeedbackRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackRequest

    owner = factory.SubFactory(UserFactory)
    recipient_name = factory.Sequence(lambda n: f"Priya Raman {n}")
    recipient_email = "priya@example.org"
    about_kind = FeedbackRequest.About.PROJECT
    about = "the pricing experiment"
    asked_on = datetime.date(2026, 11, 10)
    due_on = datetime.date(2026, 11, 27)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    owner = factory.SubFactory(UserFactory)
    source = factory.Sequence(lambda n: f"Colleague {n}")
    received_on = datetime.date(2026, 10, 1)
    context = "Q3 review"
    kind = Feedback.Kind.CONSTRUCTIVE
    text = "Your updates to stakeholders come too late."
    themes = factory.LazyFunction(lambda: ["Communication"])
    skills = factory.LazyFunction(lambda: ["Stakeholder management"])
