"""The built-in starter vocabulary: coverage, consistency, and its sync on migrate."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.taxonomy import builtin
from careerpath.taxonomy.builtin import (
    KINDS,
    VocabularyFileError,
    alias_conflicts,
    parse_file,
    read_vocabulary,
    slugify,
    sync_builtin,
)
from careerpath.taxonomy.models import ImportRun, Skill, SkillAlias
from careerpath.taxonomy.normalize import normalize

REQUIRED_CATEGORIES = {
    "software",
    "data",
    "product",
    "design",
    "marketing",
    "sales",
    "finance",
    "operations",
    "healthcare",
    "education",
    "skilled trades",
    "management",
    "soft skills",
}
# Phrases postings use that must land on a given skill (alias coverage the extractor needs).
EXPECTED_ALIASES = [
    ("JS", "JavaScript"),
    ("Javascript", "JavaScript"),
    ("ReactJS", "React"),
    ("node", "Node.js"),
    ("golang", "Go"),
    ("k8s", "Kubernetes"),
    ("CI/CD", "CI/CD"),
    ("CI / CD pipelines", "CI/CD"),
    ("AWS", "Amazon Web Services"),
    ("amazon-web-services", "Amazon Web Services"),
    ("GCP", "Google Cloud Platform"),
    ("agile methodologies", "Agile"),
    ("agile software development", "Agile"),
    ("TDD", "Test-driven development"),
    ("stakeholder management", "Stakeholder management"),
    ("managing stakeholders", "Stakeholder management"),
    ("team player", "Teamwork"),
    ("team-player", "Teamwork"),
    ("work independently", "Independence"),
    ("working independently", "Independence"),
    ("problem-solving", "Problem solving"),
    ("problem solver", "Problem solving"),
    ("communication skills", "Communication"),
    ("detail-oriented", "Attention to detail"),
    ("self-starter", "Self-motivation"),
    ("fluent English", "English"),
    ("Deutsch", "German"),
    ("MS Excel", "Microsoft Excel"),
    ("PMP certified", "PMP"),
    ("CPR", "Basic life support"),
    ("HVAC", "Heating, ventilation and air conditioning"),
    ("MIG welding", "Welding"),
    ("SEO", "Search engine optimization"),
    ("FP&A", "Financial planning and analysis"),
    ("UX", "User experience design"),
    ("EYFS", "Early years education"),
    ("bachelor's degree", "Bachelor's degree"),
]


# Well-known soft skills, as people write them: each must be a soft skill filed under
# "soft skills", whatever field it is most asked for in.
WELL_KNOWN_SOFT_SKILLS = [
    "communication",
    "written communication",
    "public speaking",
    "presentation skills",
    "stakeholder management",
    "mentoring",
    "coaching",
    "leadership",
    "teamwork",
    "collaboration",
    "cross-functional collaboration",
    "problem solving",
    "critical thinking",
    "decision making",
    "time management",
    "prioritization",
    "adaptability",
    "resilience",
    "emotional intelligence",
    "empathy",
    "negotiation",
    "conflict resolution",
    "active listening",
    "creativity",
    "facilitation",
    "influencing",
    "persuasion",
    "delegation",
    "giving feedback",
    "storytelling",
    "relationship building",
    "interpersonal skills",
    "attention to detail",
    "accountability",
    "professional networking",
]


@pytest.fixture(scope="module")
def vocabulary() -> list[builtin.BuiltinSkill]:
    return read_vocabulary()


def test_well_known_soft_skills_are_soft_skills(vocabulary):
    by_text: dict[str, builtin.BuiltinSkill] = {}
    for skill in vocabulary:
        by_text.setdefault(normalize(skill.label), skill)
        for _text, key, _kind in skill.aliases:
            by_text.setdefault(key, skill)
    wrong = {
        name: (found.label, found.kind, found.category) if found else None
        for name in WELL_KNOWN_SOFT_SKILLS
        if (found := by_text.get(normalize(name))) is None
        or (found.kind, found.category) != ("soft", "soft skills")
    }
    assert not wrong, f"not soft skills under 'soft skills': {wrong}"


def test_at_least_1500_skills(vocabulary):
    assert len(vocabulary) >= 1500


def test_every_required_category_is_covered_broadly(vocabulary):
    per_category: dict[str, int] = {}
    for skill in vocabulary:
        per_category[skill.category] = per_category.get(skill.category, 0) + 1
    assert set(per_category) >= REQUIRED_CATEGORIES
    thin = {c: n for c, n in per_category.items() if n < 40}
    assert not thin, f"categories with fewer than 40 skills: {thin}"


def test_every_kind_is_valid_and_every_kind_is_used(vocabulary):
    assert {skill.kind for skill in vocabulary} == set(KINDS)


def test_every_skill_has_aliases(vocabulary):
    bare = [s.label for s in vocabulary if len(s.aliases) < 2]
    assert not bare, f"skills with no alias: {bare}"


def test_no_alias_names_two_builtin_skills(vocabulary):
    assert alias_conflicts(vocabulary) == {}


def test_labels_are_unique_and_slugs_stable(vocabulary):
    slugs = [s.slug for s in vocabulary]
    assert len(slugs) == len(set(slugs))
    assert slugify("C++") == "cplusplus"
    assert slugify("C#") == "csharp"
    assert slugify("Node.js") == "nodedotjs"
    assert slugify("Heating, ventilation and air conditioning") == (
        "heating-ventilation-and-air-conditioning"
    )


@pytest.mark.parametrize(("phrase", "label"), EXPECTED_ALIASES)
def test_posting_phrasings_reach_their_skill(vocabulary, phrase, label):
    owners = [
        s.label for s in vocabulary if normalize(phrase) in {a[1] for a in s.aliases}
    ]
    assert owners == [label]


def test_short_capitals_are_stored_as_abbreviations(vocabulary):
    javascript = next(s for s in vocabulary if s.label == "JavaScript")
    kinds = {text: kind for text, _key, kind in javascript.aliases}
    assert kinds["JavaScript"] == "preferred"
    assert kinds["JS"] == "abbreviation"
    assert kinds["Java Script"] == "alternative"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "Python\tprogramming\tPy\n",
            "test.tsv, line 1, column 2: unknown kind 'programming'",
        ),
        ("Python\n", "test.tsv, line 1: expected label, kind and aliases"),
        ("# comment\n\nPython\ttool\tPy\tExtra\n", "test.tsv, line 3: expected label"),
        ("  \ttool\tPy\n", "test.tsv, line 1: empty label"),
    ],
)
def test_malformed_vocabulary_lines_are_named(tmp_path, content, message):
    path = tmp_path / "test.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyFileError) as error:
        parse_file(path)
    assert message in str(error.value)


def test_a_label_defined_in_two_files_is_rejected(tmp_path):
    (tmp_path / "a.tsv").write_text("Python\ttool\tPy\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("python\ttool\n", encoding="utf-8")
    with pytest.raises(
        VocabularyFileError,
        match=r"b.tsv, line 1: 'python' is already defined in a.tsv, line 1",
    ):
        read_vocabulary(tmp_path)


@pytest.mark.django_db
def test_migrate_loaded_the_whole_vocabulary(vocabulary):
    assert Skill.objects.filter(source="builtin").count() == len(vocabulary)
    expected_aliases = sum(len(s.aliases) for s in vocabulary)
    assert (
        SkillAlias.objects.filter(skill__source="builtin").count() == expected_aliases
    )
    js = Skill.objects.get(source="builtin", aliases__normalized="js")
    assert (js.label, js.kind, js.category, js.external_id) == (
        "JavaScript",
        "tool",
        "software",
        "javascript",
    )


@pytest.mark.django_db
def test_sync_is_idempotent_and_follows_file_changes(tmp_path, monkeypatch):
    assert sync_builtin(Skill, SkillAlias, ImportRun) == 0  # migrate already synced
    runs = ImportRun.objects.count()

    (tmp_path / "software.tsv").write_text(
        "Python\ttool\tPy | Python 3\nNewlang\ttool\tNL\n", encoding="utf-8"
    )
    monkeypatch.setattr(builtin, "VOCABULARY_DIR", Path(tmp_path))
    python_id = Skill.objects.get(source="builtin", external_id="python").pk
    written = sync_builtin(Skill, SkillAlias, ImportRun)
    assert written > 0
    assert ImportRun.objects.count() == runs + 1
    # Kept skills keep their id (user data may point at them); dropped ones go.
    assert Skill.objects.get(source="builtin", external_id="python").pk == python_id
    assert set(
        Skill.objects.filter(source="builtin").values_list("label", flat=True)
    ) == {
        "Python",
        "Newlang",
    }
    assert set(
        SkillAlias.objects.filter(skill_id=python_id).values_list(
            "normalized", flat=True
        )
    ) == {"python", "py", "python 3"}

    (tmp_path / "software.tsv").write_text(
        "Python\tknowledge\tPython 3\n", encoding="utf-8"
    )
    sync_builtin(Skill, SkillAlias, ImportRun)
    python = Skill.objects.get(pk=python_id)
    assert python.kind == "knowledge"
    assert set(python.aliases.values_list("normalized", flat=True)) == {
        "python",
        "python 3",
    }
    assert sync_builtin(Skill, SkillAlias, ImportRun) == 0


@pytest.mark.django_db(transaction=True)
def test_a_flush_between_transactional_tests_reloads_the_vocabulary():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert Skill.objects.filter(source="builtin", label="JavaScript").exists()
