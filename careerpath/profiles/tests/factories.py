import datetime

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.profiles.models import Profile, Responsibility, SelfAssessment


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    owner = factory.SubFactory(UserFactory)
    current_role = "Senior data analyst"
    organisation = "Northwind Health"
    industry = "Healthcare"
    years_experience = 7
    aspiration = "Lead an analytics team that shapes clinical decisions."
    aspiration_horizon_years = 5
    values = factory.LazyFunction(lambda: ["autonomy", "learning", "impact"])
    passions = factory.LazyFunction(lambda: ["teaching", "statistics"])
    thriving_environments = factory.LazyFunction(lambda: ["small teams", "clear goals"])


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfAssessment
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    assessed_on = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * n)
    )
    strengths = factory.LazyFunction(lambda: ["SQL", "stakeholder communication"])
    weaknesses = factory.LazyFunction(lambda: ["public speaking"])
    job_satisfaction = 3
    goal_alignment = 3
    notes = ""

    @factory.post_generation
    def responsibilities(self, create, extracted, **kwargs):
        if not create:
            return
        rows = (
            extracted
            if extracted is not None
            else [("Weekly reporting", 2), ("Mentoring juniors", 5)]
        )
        for order, (name, energy) in enumerate(rows):
            Responsibility.objects.create(
                owner=self.owner, assessment=self, name=name, energy=energy, order=order
            )
