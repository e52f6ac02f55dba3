"""load_vocabulary (the extractor's input) and suggest (autocomplete)."""

from __future__ import annotations

import pytest

from careerpath.taxonomy.lookup import invalidate_vocabulary, load_vocabulary, suggest
from careerpath.taxonomy.models import ImportRun, Skill, SkillAlias

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    invalidate_vocabulary()
    yield
    invalidate_vocabulary()


def test_vocabulary_has_every_skill_with_normalised_aliases_label_first():
    entries = load_vocabulary()
    assert len(entries) == Skill.objects.count()
    js = next(e for e in entries if e.label == "JavaScript")
    assert js.source == "builtin"
    assert js.kind == "tool"
    assert js.category == "software"
    assert js.aliases[0] == "javascript"
    assert {"js", "java script", "ecmascript", "es6"} <= set(js.aliases)


def test_builtin_skills_come_before_imported_ones():
    esco = Skill.objects.create(source="esco", external_id="http://x/1", label="Python")
    SkillAlias.objects.create(
        skill=esco, text="Python", normalized="python", kind="preferred"
    )
    sources = [e.source for e in load_vocabulary()]
    assert sources.index("esco") > max(
        i for i, s in enumerate(sources) if s == "builtin"
    )


def test_vocabulary_is_cached_until_an_import(django_assert_num_queries):
    first = load_vocabulary()
    with django_assert_num_queries(1):  # only the freshness check
        assert load_vocabulary() is first
    skill = Skill.objects.create(
        source="onet", external_id="technology/x", label="Xylo"
    )
    SkillAlias.objects.create(
        skill=skill, text="Xylo", normalized="xylo", kind="preferred"
    )
    ImportRun.objects.create(source="onet", rows=2)  # what every import records
    again = load_vocabulary()
    assert again is not first
    assert any(e.label == "Xylo" for e in again)


def test_invalidate_drops_the_cache_in_this_process():
    first = load_vocabulary()
    invalidate_vocabulary()
    assert load_vocabulary() is not first


@pytest.mark.parametrize(
    ("prefix", "first"),
    [
        ("java", "Java"),
        ("JavaS", "JavaScript"),
        ("js", "JavaScript"),
        ("k8", "Kubernetes"),
        ("stakeholder man", "Stakeholder management"),
        ("Problem-so", "Problem solving"),
        ("c++", "C++"),
        ("c#", "C#"),
        ("node.j", "Node.js"),
        ("Deutsch", "German"),
    ],
)
def test_suggest_puts_the_best_match_first(prefix, first):
    assert suggest(prefix)[0].label == first


def test_suggest_reports_what_matched_and_respects_the_limit():
    answers = suggest("py", limit=3)
    assert len(answers) == 3
    assert answers[0].label == "Python"
    assert all(a.matched.startswith("py") for a in answers)
    assert len({a.skill_id for a in answers}) == 3


def test_suggest_fills_with_skills_containing_the_word():
    labels = [s.label for s in suggest("wiring", limit=10)]
    assert labels[0] == "Electrical installation"  # "wiring" is one of its aliases
    assert "18th Edition Wiring Regulations" in labels  # "IET Wiring Regulations"


def test_suggest_shows_one_entry_per_label_preferring_builtin():
    esco = Skill.objects.create(source="esco", external_id="http://x/2", label="Python")
    SkillAlias.objects.create(
        skill=esco, text="Python", normalized="python", kind="preferred"
    )
    answers = [a for a in suggest("python") if a.label == "Python"]
    assert len(answers) == 1
    assert answers[0].source == "builtin"


@pytest.mark.parametrize("prefix", ["", "   ", "!!!", "zzzzzzzzqx"])
def test_suggest_on_nothing_useful_is_empty(prefix):
    assert suggest(prefix) == []
    assert suggest("python", limit=0) == []


def test_suggest_is_one_or_two_indexed_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        suggest("manag")
    with django_assert_max_num_queries(1):
        suggest("java", limit=3)  # enough skills start with it
