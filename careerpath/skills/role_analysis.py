"""A target role's analysis read from the database: its profile from the reviewed
postings, its gaps against the person's skills, and what was already made from each gap
(what the role pages, the API, the ``list_gaps`` command and the demo show)."""

from __future__ import annotations

from careerpath.skills.gaps import Gap, Requirement, rank_gaps
from careerpath.skills.holdings import holdings_of
from careerpath.skills.models import (
    GapAction,
    Posting,
    PostingSkill,
    TargetRole,
    skill_key,
)
from careerpath.skills.role_profile import (
    AskedSkill,
    OccupationNeed,
    RoleProfile,
    build_role_profile,
)
from careerpath.taxonomy.models import OccupationSkill


def role_profile(role: TargetRole) -> RoleProfile:
    """The role's profile from its reviewed postings (three queries, whatever the size)."""
    posting_ids = list(
        Posting.objects.filter(owner_id=role.owner_id, role=role)
        .confirmed()
        .values_list("pk", flat=True)
    )
    rows = (
        PostingSkill.objects.filter(owner_id=role.owner_id)
        .filter(posting__role=role, posting__status=Posting.Status.CONFIRMED)
        .filter(removed=False)
        .order_by("posting_id", "pk")
        .values_list(
            "posting_id", "skill_id", "normalized", "label", "kind", "requirement"
        )
    )
    asked = [
        AskedSkill(
            posting_id=posting_id,
            key=skill_key(skill_id, normalized),
            label=label,
            kind=kind,
            must=requirement == PostingSkill.Requirement.MUST,
            skill_id=skill_id,
        )
        for posting_id, skill_id, normalized, label, kind, requirement in rows
    ]
    needs: dict[int, OccupationNeed] = {}
    if role.occupation_id:
        for skill_id, importance, level, relation in OccupationSkill.objects.filter(
            occupation_id=role.occupation_id,
            skill_id__in={a.skill_id for a in asked if a.skill_id},
        ).values_list("skill_id", "importance", "level", "relation"):
            needs[skill_id] = OccupationNeed(
                importance=importance,
                level=level,
                essential=(relation == OccupationSkill.Relation.ESSENTIAL)
                if relation
                else None,
            )
    return build_role_profile(asked, posting_ids=posting_ids, needs=needs)


def requirements_of(profile: RoleProfile) -> list[Requirement]:
    return [
        Requirement(
            key=entry.key,
            label=entry.label,
            postings=entry.postings,
            must_postings=entry.must_postings,
            total_postings=entry.total_postings,
            skill_id=entry.skill_id,
            onet_level=entry.need.level if entry.need else None,
            importance=entry.need.importance if entry.need else None,
            essential=entry.need.essential if entry.need else None,
        )
        for entry in profile.entries
    ]


def role_gaps(role: TargetRole, *, profile: RoleProfile | None = None) -> list[Gap]:
    """The role's gap analysis against the person's current inventory."""
    profile = profile or role_profile(role)
    return rank_gaps(requirements_of(profile), holdings_of(role.owner_id))


def actions_by_key(role: TargetRole) -> dict[str, list[GapAction]]:
    """What was already made from each of the role's gaps."""
    actions: dict[str, list[GapAction]] = {}
    for action in (
        GapAction.objects.filter(owner_id=role.owner_id, role=role)
        .select_related("goal", "learning_item")
        .order_by("created_on", "pk")
    ):
        actions.setdefault(action.skill_key, []).append(action)
    return actions
