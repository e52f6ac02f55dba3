"""The read-only taxonomy pages: search, a skill, an occupation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from careerpath.taxonomy.models import (
    ImportRun,
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
    SkillAlias,
)

pytestmark = pytest.mark.django_db


def _occupations(count: int, source: str = "esco") -> list[Occupation]:
    return [
        Occupation.objects.create(
            source=source,
            external_id=f"{source}-{n}",
            title=f"Data analyst {n}",
            code=f"25{n:02d}",
        )
        for n in range(count)
    ]


def _skill(label: str, source: str = "esco", **fields) -> Skill:
    skill = Skill.objects.create(
        source=source, external_id=f"{source}:{label}", label=label, **fields
    )
    SkillAlias.objects.create(
        skill=skill, text=label, normalized=label.lower(), kind="preferred"
    )
    return skill


def test_browse_without_a_query_summarises_sources_and_categories(alice_client):
    ImportRun.objects.create(
        source="esco", rows=10, summary="10 skills, 2 occupations, 7 links"
    )
    page = alice_client.get(reverse("taxonomy:browse")).content.decode()
    assert "careerpath starter vocabulary</strong>: 1" in page
    assert "Skilled trades:" in page
    assert "10 skills, 2 occupations, 7 links" in page


def test_search_finds_skills_by_alias_and_occupations_by_title(alice_client):
    _occupations(2)
    page = alice_client.get(reverse("taxonomy:browse"), {"q": "JS"}).content.decode()
    javascript = Skill.objects.get(source="builtin", label="JavaScript")
    assert reverse("taxonomy:skill_detail", args=[javascript.pk]) in page
    page = alice_client.get(
        reverse("taxonomy:browse"), {"q": "data analyst"}
    ).content.decode()
    assert "Data analyst 0" in page and "Data analyst 1" in page


def test_search_with_nothing_found_says_so(alice_client):
    page = alice_client.get(reverse("taxonomy:browse"), {"q": "zzqx"}).content.decode()
    assert "No skill starts with or contains “zzqx”." in page
    assert "Occupations come with an ESCO or O*NET import." in page


@pytest.mark.parametrize("size", [3, 30])
def test_browse_query_counts_do_not_grow(alice_client, django_assert_num_queries, size):
    for occupation in _occupations(size):
        OccupationSkill.objects.create(
            occupation=occupation, skill=_skill(occupation.title + " skill")
        )
    # session, user, alias prefix scan, "contains" scan (fewer than 40 start with it),
    # skills in bulk, occupations
    with django_assert_num_queries(6):
        assert (
            alice_client.get(
                reverse("taxonomy:browse"), {"q": "data analyst"}
            ).status_code
            == 200
        )
    # session, user, sources, categories, recent imports
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("taxonomy:browse")).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_skill_page_lists_aliases_and_occupations_in_fixed_queries(
    alice_client, django_assert_num_queries, size
):
    skill = _skill("SQL", category="knowledge", reuse_level="sector-specific")
    SkillAlias.objects.create(
        skill=skill,
        text="structured query language",
        normalized="structured query language",
        kind="alternative",
    )
    for n, occupation in enumerate(_occupations(size)):
        OccupationSkill.objects.create(
            occupation=occupation,
            skill=skill,
            relation="essential" if n % 2 else "optional",
        )
    # session, user, skill, aliases, links, link count
    with django_assert_num_queries(6):
        response = alice_client.get(reverse("taxonomy:skill_detail", args=[skill.pk]))
    page = response.content.decode()
    assert "structured query language" in page
    assert "Data analyst 1" in page
    assert page.index("Essential") < page.index("Optional")


def test_builtin_skill_page_explains_where_occupations_come_from(alice_client):
    skill = Skill.objects.get(source="builtin", label="Python")
    page = alice_client.get(
        reverse("taxonomy:skill_detail", args=[skill.pk])
    ).content.decode()
    assert "Python 3" in page
    assert "ESCO and O*NET imports add them" in page


@pytest.mark.parametrize("size", [3, 30])
def test_occupation_page_shows_its_skills_and_relations_in_fixed_queries(
    alice_client, django_assert_num_queries, size
):
    occupation, *others = _occupations(size + 1, source="onet")
    occupation.job_zone = 4
    occupation.alternate_titles = ["Data Mining Analyst"]
    occupation.save()
    for n in range(size):
        OccupationSkill.objects.create(
            occupation=occupation,
            skill=_skill(f"Rated {n}", source="onet", kind="knowledge"),
            importance=Decimal("4.50") - Decimal(n) / 100,
            level=Decimal("5.00"),
        )
        OccupationSkill.objects.create(
            occupation=occupation,
            skill=_skill(f"Tool {n}", source="onet", kind="tool", hot_technology=True),
        )
    for rank, other in enumerate(others, 1):
        RelatedOccupation.objects.create(
            occupation=occupation, related=other, tier="Primary-Short", rank=rank
        )
    # session, user, occupation, skill links, related occupations
    with django_assert_num_queries(5):
        response = alice_client.get(
            reverse("taxonomy:occupation_detail", args=[occupation.pk])
        )
    page = response.content.decode()
    assert "job zone 4 of 5" in page
    assert "Data Mining Analyst" in page
    assert page.index("Rated 0") < page.index("Rated 1")
    assert "Tool 0" in page and "(hot)" in page
    assert "Data analyst 1" in page


def test_esco_occupation_page_splits_essential_and_optional(alice_client):
    occupation = _occupations(1)[0]
    OccupationSkill.objects.create(
        occupation=occupation, skill=_skill("statistics"), relation="essential"
    )
    OccupationSkill.objects.create(
        occupation=occupation, skill=_skill("Python"), relation="optional"
    )
    page = alice_client.get(
        reverse("taxonomy:occupation_detail", args=[occupation.pk])
    ).content.decode()
    assert "Essential skills (1)" in page and "Optional skills (1)" in page
    assert page.index("statistics") < page.index("Python")


def test_missing_objects_are_404(alice_client):
    assert (
        alice_client.get(reverse("taxonomy:skill_detail", args=[999999])).status_code
        == 404
    )
    assert (
        alice_client.get(
            reverse("taxonomy:occupation_detail", args=[999999])
        ).status_code
        == 404
    )


def test_pages_need_sign_in(client):
    response = client.get(reverse("taxonomy:browse"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
