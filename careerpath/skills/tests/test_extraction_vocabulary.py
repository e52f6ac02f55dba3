"""Posting analysis against the taxonomy in the database: the built-in vocabulary that
``migrate`` installs, and skills added later (as an ESCO or O*NET import adds them)."""

from __future__ import annotations

import pytest

from careerpath.skills.extraction import analyse_posting, default_matcher
from careerpath.taxonomy.lookup import invalidate_vocabulary
from careerpath.taxonomy.models import Skill, SkillAlias

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_vocabulary():
    """Each test reads the vocabulary of its own database state and leaves none behind:
    a cached list built inside a rolled-back test would name skills that are gone."""
    invalidate_vocabulary()
    yield
    invalidate_vocabulary()


POSTING = """<h2>Senior Data Engineer</h2>
<p>We are a small team building the data platform of a logistics company.</p>
<h3>Requirements</h3>
<ul>
  <li>5+ years of experience with Python and SQL</li>
  <li>Experience running Kubernetes in production</li>
  <li>Excellent communication skills</li>
  <li>Bachelor's degree in Computer Science or a related field</li>
</ul>
<h3>Nice to have</h3>
<ul><li>Terraform</li><li>Fluent German</li></ul>
"""


def test_the_builtin_vocabulary_is_used_by_default():
    analysis = analyse_posting(POSTING)
    by_label = {
        mention.label: mention for mention in analysis.skills if mention.skill_id
    }
    for label in ("Python", "SQL", "Kubernetes", "Communication", "Terraform"):
        assert label in by_label, label
        skill = Skill.objects.get(pk=by_label[label].skill_id)
        assert skill.label == label
        assert by_label[label].kind == skill.kind
    assert by_label["Python"].requirement == "must"
    assert by_label["Terraform"].requirement == "nice"
    assert analysis.years_experience == 5
    assert analysis.education == "bachelor"
    assert "German" in analysis.languages


def test_skills_added_to_the_taxonomy_are_found_after_the_vocabulary_reloads():
    text = "Experience with Quokkaflow orchestration is required."
    assert not [m for m in analyse_posting(text).mentions if m.label == "Quokkaflow"]
    skill = Skill.objects.create(
        source="esco",
        external_id="http://example.org/skill/quokkaflow",
        label="Quokkaflow",
    )
    SkillAlias.objects.create(
        skill=skill, text="Quokka flow", normalized="quokka flow", kind="alternative"
    )
    invalidate_vocabulary()
    mentions = analyse_posting(
        "Experience with Quokkaflow or Quokka Flow is required."
    ).mentions
    found = [(m.text, m.match) for m in mentions if m.skill_id == skill.pk]
    assert found == [("Quokkaflow", "exact"), ("Quokka Flow", "alias")]


def test_the_matcher_is_built_once_per_vocabulary():
    assert default_matcher() is default_matcher()


def test_rank_suggests_taxonomy_skills_for_a_phrase():
    matcher = default_matcher()
    ranked = [term.label for term, _score in matcher.rank("writing SQL queries", 5)]
    assert ranked[0] == "SQL"
    assert matcher.rank("", 5) == []
