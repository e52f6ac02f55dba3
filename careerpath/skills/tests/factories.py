import datetime

import factory

from careerpath.accounts.tests.factories import UserFactory
from careerpath.skills.models import (
    GapAction,
    Posting,
    PostingSkill,
    SkillAssessment,
    TargetRole,
    UserSkill,
)
from careerpath.taxonomy.models import Skill, SkillAlias
from careerpath.taxonomy.normalize import normalize


def taxonomy_skill(label, *, kind="hard", aliases=(), source="builtin"):
    """A taxonomy skill with its preferred label and aliases (get or create)."""
    skill, _ = Skill.objects.get_or_create(
        source=source,
        external_id=f"test-{normalize(label).replace(' ', '-')}",
        defaults={"label": label, "kind": kind},
    )
    for text, alias_kind in [(label, "preferred")] + [
        (a, "alternative") for a in aliases
    ]:
        SkillAlias.objects.get_or_create(
            skill=skill,
            normalized=normalize(text),
            defaults={"text": text, "kind": alias_kind},
        )
    return skill


class UserSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UserSkill

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Skill {n}")
    normalized = factory.LazyAttribute(lambda o: normalize(o.name))
    level = 3


class SkillAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SkillAssessment

    user_skill = factory.SubFactory(UserSkillFactory)
    owner = factory.SelfAttribute("user_skill.owner")
    assessed_on = datetime.date(2026, 10, 1)
    source = SkillAssessment.Source.SELF
    level = 3


class TargetRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetRole

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Data analyst {n}")


class PostingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Posting

    role = factory.SubFactory(TargetRoleFactory)
    owner = factory.SelfAttribute("role.owner")
    title = factory.Sequence(lambda n: f"Data analyst posting {n}")
    company = "Acme"
    text = "We need SQL and Python."
    status = Posting.Status.CONFIRMED
    added_on = datetime.date(2026, 11, 1)


class PostingSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostingSkill

    posting = factory.SubFactory(PostingFactory)
    owner = factory.SelfAttribute("posting.owner")
    label = factory.Sequence(lambda n: f"Posting skill {n}")
    normalized = factory.LazyAttribute(lambda o: normalize(o.label))
    requirement = PostingSkill.Requirement.MUST
    origin = PostingSkill.Origin.EXTRACTED


class GapActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GapAction

    role = factory.SubFactory(TargetRoleFactory)
    owner = factory.SelfAttribute("role.owner")
    skill_key = "name:sql"
    skill_label = "SQL"
    kind = GapAction.Kind.GOAL
    required_level = 3
    score = 1.5
    reason = "Asked in 2 of 2 postings."
    created_on = datetime.date(2026, 11, 1)
