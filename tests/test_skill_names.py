"""One alias means one skill in every area that maps a typed name to the taxonomy."""

from __future__ import annotations

from datetime import date

import pytest

from careerpath.accounts.tests.factories import UserFactory
from careerpath.feedback.services import record_feedback
from careerpath.learning.services import create_learning_item
from careerpath.skills.services import add_skill
from careerpath.taxonomy.lookup import resolve_skill_name, resolve_skill_names
from careerpath.taxonomy.models import Skill, SkillAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_alias():
    """ "Quill" is an alternative label of a built-in skill and the preferred label of
    an imported one: the rankings used to disagree about which skill it means."""
    builtin = Skill.objects.create(
        source="builtin", external_id="quillcraft", label="Quillcraft"
    )
    SkillAlias.objects.create(
        skill=builtin, text="Quillcraft", normalized="quillcraft", kind="preferred"
    )
    SkillAlias.objects.create(
        skill=builtin, text="Quill", normalized="quill", kind="alternative"
    )
    esco = Skill.objects.create(source="esco", external_id="http://x/q", label="Quill")
    SkillAlias.objects.create(
        skill=esco, text="Quill", normalized="quill", kind="preferred"
    )
    return builtin


def test_the_ranking_prefers_the_builtin_vocabulary_then_the_preferred_label(
    shared_alias,
):
    assert resolve_skill_name(" QUILL ") == shared_alias
    assert resolve_skill_name("quillcraft") == shared_alias
    assert resolve_skill_name("no such skill") is None
    assert resolve_skill_names(["Quill", "", "nothing"]) == {"quill": shared_alias}


def test_the_same_alias_means_the_same_skill_in_skills_learning_and_feedback(
    shared_alias,
):
    owner = UserFactory()
    user_skill = add_skill(owner=owner, name="quill", level=2)
    item = create_learning_item(
        owner=owner, title="A course", kind="course", skills=["quill"]
    )
    feedback = record_feedback(
        owner=owner,
        data={
            "source": "A peer",
            "received_on": date(2026, 1, 5),
            "kind": "praise",
            "text": "Lovely.",
            "skills": ["quill"],
        },
    )
    assert user_skill.skill == shared_alias
    assert item.skills == [shared_alias.label]
    assert feedback.skills == [shared_alias.label]


def test_the_rankings_lookups_take_one_query(shared_alias, django_assert_num_queries):
    with django_assert_num_queries(1):
        resolve_skill_names(["quill", "quillcraft", "python", "sql"])
