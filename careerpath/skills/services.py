"""Writes and reads for the skills area, shared by pages, the API, commands and the demo.

Every write validates all its input before saving anything, so bad input (a duplicate
skill, a level out of range, an unreadable posting) changes nothing. The gap analysis
itself is a pure rule in ``gaps.py``; here it gets its inputs from the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from careerpath.accounts.models import User
from careerpath.core.text import squash
from careerpath.skills.gaps import LEVEL_WORDS, Gap, Holding, Requirement, rank_gaps
from careerpath.skills.models import (
    LEVEL_NAMES,
    GapAction,
    Posting,
    PostingSkill,
    SkillAssessment,
    TargetRole,
    UserSkill,
    skill_key,
)
from careerpath.skills.role_profile import (
    AskedSkill,
    OccupationNeed,
    RoleProfile,
    build_role_profile,
)
from careerpath.taxonomy.lookup import Suggestion, resolve_skill_name, suggest
from careerpath.taxonomy.models import OccupationSkill, Skill
from careerpath.taxonomy.normalize import normalize

NAME_MAX = 120
BULK_MAX = 200
_LIST_SPLIT = re.compile(r"[\n;,•·]+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


# --- Taxonomy lookups -------------------------------------------------------------


def find_taxonomy_skill(text: str) -> Skill | None:
    """The taxonomy skill a name means (the taxonomy's one ranking decides ties)."""
    return resolve_skill_name(text)


def suggest_skills(text: str, *, limit: int = 10) -> list[Suggestion]:
    """Taxonomy skills for autocomplete, ranked by the taxonomy (labels starting with
    the text first)."""
    return suggest(text, limit)


# --- Inventory --------------------------------------------------------------------


def _check_level(value: Any, field_name: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise ValidationError(
            {field_name: f"Choose a level from 1 to 5 (you gave {value!r})."}
        )


def _duplicate_message(existing: UserSkill) -> str:
    return (
        f"“{existing.name}” is already in your inventory at level {existing.level}; "
        "edit it there instead."
    )


@transaction.atomic
def add_skill(
    *,
    owner: User,
    name: str,
    level: int,
    target_level: int | None = None,
    kind: str = "",
    skill: Skill | None = None,
    evidence_links: Sequence[str] = (),
    evidence_notes: str = "",
    last_used_on: date | None = None,
) -> UserSkill:
    """Add a skill to the inventory, linked to the taxonomy when the name is known there.

    A name already in the inventory (in any spelling with the same normal form, or the
    same taxonomy skill) is refused with a message naming it.
    """
    name = squash(name)
    if skill is None:
        skill = find_taxonomy_skill(name)
    if not name and skill is not None:
        name = skill.label
    _check_level(level, "level")
    _check_level(target_level, "target_level", optional=True)
    user_skill = UserSkill(
        owner=owner,
        skill=skill,
        name=name,
        normalized=normalize(name),
        kind=kind or (skill.kind if skill else Skill.Kind.HARD),
        level=level,
        target_level=target_level,
        evidence_links=list(evidence_links),
        evidence_notes=evidence_notes,
        last_used_on=last_used_on,
    )
    if not user_skill.normalized:
        raise ValidationError({"name": "Give the skill a name."})
    existing = _existing(owner, user_skill)
    if existing is not None:
        raise ValidationError({"name": _duplicate_message(existing)})
    user_skill.full_clean()
    user_skill.save()
    return user_skill


def _existing(owner: User, user_skill: UserSkill) -> UserSkill | None:
    others = UserSkill.objects.owned_by(owner)
    if user_skill.pk:
        others = others.exclude(pk=user_skill.pk)
    same_name = others.filter(normalized=user_skill.normalized).first()
    if same_name is not None or user_skill.skill_id is None:
        return same_name
    return others.filter(skill_id=user_skill.skill_id).first()


USER_SKILL_FIELDS = (
    "name",
    "kind",
    "level",
    "target_level",
    "evidence_links",
    "evidence_notes",
    "last_used_on",
)


@transaction.atomic
def update_skill(user_skill: UserSkill, *, data: Mapping[str, Any]) -> UserSkill:
    """Change an inventory skill; a new name is linked to the taxonomy again."""
    for name in USER_SKILL_FIELDS:
        if name in data:
            setattr(user_skill, name, data[name])
    if "level" in data:
        _check_level(user_skill.level, "level")
    if "target_level" in data:
        _check_level(user_skill.target_level, "target_level", optional=True)
    if "name" in data:
        user_skill.name = squash(user_skill.name)
        user_skill.normalized = normalize(user_skill.name)
        if not user_skill.normalized:
            raise ValidationError({"name": "Give the skill a name."})
        user_skill.skill = find_taxonomy_skill(user_skill.name)
        existing = _existing(user_skill.owner, user_skill)
        if existing is not None:
            raise ValidationError({"name": _duplicate_message(existing)})
    # Links kept as they were are not judged again (see save_learning_item).
    user_skill.full_clean(
        exclude=[] if "evidence_links" in data else ["evidence_links"]
    )
    user_skill.save()
    return user_skill


@transaction.atomic
def delete_skill(user_skill: UserSkill) -> None:
    """Delete an inventory skill with its assessment history."""
    user_skill.delete()


def parse_skill_list(text: str) -> list[str]:
    """Names from a pasted list: one per line, or separated by commas or semicolons;
    bullets and numbering dropped, repeats (same normal form) kept once."""
    names: list[str] = []
    seen: set[str] = set()
    for part in _LIST_SPLIT.split(text):
        name = squash(_BULLET.sub("", part)).strip(" .")
        key = normalize(name)
        if key and key not in seen:
            seen.add(key)
            names.append(name)
    return names


@dataclass
class BulkResult:
    added: list[UserSkill] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@transaction.atomic
def add_skills_from_list(
    *, owner: User, text: str, level: int, skip_existing: bool = False
) -> BulkResult:
    """Add every skill of a pasted list at one level.

    Names already in the inventory are refused (nothing saved, each named) unless
    ``skip_existing`` asks to leave them out; a name too long, or a list of more than
    200 names, is refused too.
    """
    _check_level(level, "level")
    names = parse_skill_list(text)
    if not names:
        raise ValidationError({"text": "Paste at least one skill name."})
    if len(names) > BULK_MAX:
        raise ValidationError(
            {"text": f"That is {len(names)} skills; add at most {BULK_MAX} at a time."}
        )
    too_long = [n for n in names if len(n) > NAME_MAX]
    if too_long:
        raise ValidationError(
            {
                "text": f"Skill names are at most {NAME_MAX} characters; this one is "
                f"{len(too_long[0])}: “{too_long[0][:40]}…”. Put one skill per line."
            }
        )
    resolved = [(name, find_taxonomy_skill(name)) for name in names]
    held = list(UserSkill.objects.owned_by(owner).values_list("normalized", "skill_id"))
    held_names = {n for n, _ in held}
    held_ids = {i for _, i in held if i}
    result = BulkResult()
    fresh: list[tuple[str, Skill | None]] = []
    fresh_ids: set[int] = set()
    for name, skill in resolved:
        if (
            normalize(name) in held_names
            or (skill and skill.pk in held_ids)
            or (skill and skill.pk in fresh_ids)
        ):
            result.skipped.append(name)
        else:
            fresh.append((name, skill))
            if skill:
                fresh_ids.add(skill.pk)
    if result.skipped and not skip_existing:
        raise ValidationError(
            {
                "text": "Already in your inventory: "
                + ", ".join(result.skipped)
                + ". Remove them from the list, or tick “Skip skills I already have”."
            }
        )
    for name, skill in fresh:
        result.added.append(add_skill(owner=owner, name=name, level=level, skill=skill))
    return result


@transaction.atomic
def record_assessment(
    user_skill: UserSkill,
    *,
    assessed_on: date,
    source: str,
    level: int,
    note: str = "",
) -> SkillAssessment:
    """Record a dated assessment; the newest one sets the skill's current level."""
    _check_level(level, "level")
    if source not in SkillAssessment.Source.values:
        raise ValidationError({"source": "Choose self, feedback or manager."})
    assessment = SkillAssessment(
        owner=user_skill.owner,
        user_skill=user_skill,
        assessed_on=assessed_on,
        source=source,
        level=level,
        note=note,
    )
    assessment.full_clean()
    assessment.save()
    newest = user_skill.assessments.order_by("-assessed_on", "-pk").first()
    if newest is not None and newest.pk == assessment.pk and user_skill.level != level:
        user_skill.level = level
        user_skill.save(update_fields=["level", "updated_at"])
    return assessment


# --- Target roles and postings ---------------------------------------------------


@transaction.atomic
def save_role(
    *, owner: User, data: Mapping[str, Any], role: TargetRole | None = None
) -> TargetRole:
    role = role or TargetRole(owner=owner)
    for name in ("title", "notes", "occupation"):
        if name in data:
            setattr(role, name, data[name])
    role.title = squash(role.title)
    role.full_clean()
    return _save(role)


def _save(obj: Any) -> Any:
    obj.save()
    return obj


def analyse_text(text: str) -> Any:
    """Run the posting analysis; its refusals become a field error on ``text``."""
    from careerpath.skills.extraction import PostingError, analyse_posting

    try:
        return analyse_posting(text)
    except PostingError as error:
        raise ValidationError({"text": str(error)}) from None


def _first_line_title(text: str) -> str:
    for line in text.splitlines():
        line = squash(line)
        if line:
            return line[:200]
    return "Posting"


@transaction.atomic
def add_posting(
    *,
    role: TargetRole,
    text: str,
    today: date,
    title: str = "",
    company: str = "",
    url: str = "",
) -> Posting:
    """Analyse a pasted posting and keep it, with its extracted skills, for review."""
    analysis = analyse_text(text)
    posting = Posting(
        owner=role.owner,
        role=role,
        title=(squash(title) or _first_line_title(analysis.text))[:200],
        company=squash(company),
        url=url,
        text=analysis.text,
        years_experience=analysis.years_experience,
        education=analysis.education,
        certifications=list(analysis.certifications),
        languages=list(analysis.languages),
        added_on=today,
    )
    posting.full_clean()
    posting.save()
    rows: dict[str, PostingSkill] = {}
    for mention in analysis.skills:
        label = mention.label[:200]
        key = normalize(label)
        if not key or key in rows:
            continue
        rows[key] = PostingSkill(
            owner=role.owner,
            posting=posting,
            skill_id=mention.skill_id,
            label=label,
            normalized=key,
            kind=mention.kind or Skill.Kind.HARD,
            requirement=mention.requirement,
            origin=PostingSkill.Origin.EXTRACTED,
            span=mention.text[:200],
            start=mention.start,
            end=mention.end,
            match=mention.match,
            score=mention.score,
        )
    PostingSkill.objects.bulk_create(rows.values())
    return posting


@dataclass(frozen=True)
class RowCorrection:
    """The person's verdict on one extracted skill."""

    row_id: int
    keep: bool
    requirement: str
    label: str


@dataclass(frozen=True)
class AddedSkill:
    label: str
    requirement: str


@transaction.atomic
def review_posting(
    posting: Posting,
    *,
    corrections: Iterable[RowCorrection],
    added: Iterable[AddedSkill] = (),
    today: date,
) -> Posting:
    """Apply the person's corrections and count the posting in its role's profile.

    Removed skills stay as rows marked ``removed``; a changed requirement or a re-mapped
    skill keeps what the extractor proposed in ``original_*``. Two rows naming the same
    skill are refused.
    """
    rows = {row.pk: row for row in posting.skills.all()}
    names: dict[str, str] = {}
    changed: list[PostingSkill] = []
    for correction in corrections:
        row = rows.get(correction.row_id)
        if row is None:
            raise ValidationError({"skills": "That skill is not part of this posting."})
        if correction.requirement not in PostingSkill.Requirement.values:
            raise ValidationError({"skills": "Choose must have or nice to have."})
        label = squash(correction.label)[:200] or row.label
        key = normalize(label)
        if not key:
            raise ValidationError({"skills": "A skill needs a name."})
        if key != row.normalized:
            extracted_label = row.original_label or row.label
            row.original_label = (
                "" if normalize(extracted_label) == key else extracted_label
            )
            skill = find_taxonomy_skill(label)
            row.skill = skill
            row.label = label
            row.normalized = key
            row.kind = skill.kind if skill else row.kind
        if correction.requirement != row.requirement:
            proposed = row.original_requirement or row.requirement
            row.original_requirement = (
                "" if proposed == correction.requirement else proposed
            )
            row.requirement = correction.requirement
        row.removed = not correction.keep
        changed.append(row)
    # One skill once: the same name, or two names of the same taxonomy skill.
    for row in rows.values():
        if row.removed:
            continue
        if row.key in names or row.normalized in names:
            raise ValidationError(
                {
                    "skills": f"“{row.label}” is listed twice; remove one or map it to "
                    "another skill."
                }
            )
        names[row.key] = names[row.normalized] = row.label
    new_rows: list[PostingSkill] = []
    revived: list[PostingSkill] = []
    by_key = {row.normalized: row for row in rows.values()}
    for item in added:
        label = squash(item.label)[:200]
        key = normalize(label)
        if not key:
            continue
        if item.requirement not in PostingSkill.Requirement.values:
            raise ValidationError({"added": "Choose must have or nice to have."})
        skill = find_taxonomy_skill(label)
        if key in names or (skill and skill_key(skill.pk, key) in names):
            raise ValidationError(
                {"added": f"“{label}” is already in this posting's list."}
            )
        names[key] = label
        if skill:
            names[skill_key(skill.pk, key)] = label
        if key in by_key:  # added back after removing it
            row = by_key[key]
            row.removed = False
            if row.requirement != item.requirement:
                row.original_requirement = row.original_requirement or row.requirement
                row.requirement = item.requirement
            revived.append(row)
            continue
        new_rows.append(
            PostingSkill(
                owner=posting.owner,
                posting=posting,
                skill=skill,
                label=skill.label if skill else label,
                normalized=key,
                kind=skill.kind if skill else Skill.Kind.HARD,
                requirement=item.requirement,
                origin=PostingSkill.Origin.ADDED,
                match="",
            )
        )
    # Saved one by one, renamed rows last-in-wins would trip the per-posting unique
    # name; clear names first so a swap of two labels works.
    to_save = {row.pk: row for row in changed + revived}
    for row in to_save.values():
        PostingSkill.objects.filter(pk=row.pk).update(normalized=f"~{row.pk}")
    for row in to_save.values():
        row.full_clean(exclude=["posting", "normalized"])
        row.save()
    PostingSkill.objects.bulk_create(new_rows)
    posting.status = Posting.Status.CONFIRMED
    posting.reviewed_on = today
    posting.save(update_fields=["status", "reviewed_on", "updated_at"])
    return posting


@transaction.atomic
def delete_posting(posting: Posting) -> None:
    posting.delete()


@transaction.atomic
def delete_role(role: TargetRole) -> None:
    role.delete()


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


def holdings_of(owner_id: int) -> list[Holding]:
    return [
        Holding(skill_id=skill_id, name=name, level=level)
        for skill_id, name, level in UserSkill.objects.filter(
            owner_id=owner_id
        ).values_list("skill_id", "name", "level")
    ]


def role_gaps(role: TargetRole, *, profile: RoleProfile | None = None) -> list[Gap]:
    """The role's gap analysis against the person's current inventory."""
    profile = profile or role_profile(role)
    return rank_gaps(requirements_of(profile), holdings_of(role.owner_id))


def find_gap(role: TargetRole, key: str) -> Gap:
    for gap in role_gaps(role):
        if gap.key == key:
            if not gap.is_gap:
                raise ValidationError(
                    {"skill": f"{gap.label} is already covered: nothing to close."}
                )
            return gap
    raise ValidationError(
        {"skill": "That skill is not part of this role's profile any more."}
    )


def months_for(gap: Gap) -> int:
    """A realistic deadline: three months per level to climb, at most a year."""
    return min(12, 3 * max(1, gap.level_gap))


def goal_draft_for(gap: Gap, role: TargetRole, *, today: date) -> dict[str, Any]:
    """A SMART draft: the skill's level is the metric, from where the person is to where
    the role needs them, by a deadline a few months away."""
    from careerpath.goals.drafts import draft_goal

    needed = f"{gap.required_level} ({LEVEL_WORDS[gap.required_level]})"
    return draft_goal(
        role.owner,
        today=today,
        category="skill",
        statement=f"Raise my {gap.label} level to {needed} for the {role.title} role",
        metric_name=f"{gap.label} level",
        metric_unit="level",
        baseline=gap.current_level,
        target=gap.required_level,
        months=months_for(gap),
        achievability_note=(
            "Drafted from the gap analysis: add the time, budget and support you "
            "have for it, and what stands in the way."
        ),
        relevance_note=f"Gap for {role.title}: {gap.reason}",
        priority=1 if gap.score >= 1 else 2,
    )


def _gap_action(
    role: TargetRole, gap: Gap, *, kind: str, today: date, **links: Any
) -> GapAction:
    action = GapAction.objects.create(
        owner=role.owner,
        role=role,
        skill_key=gap.key,
        skill_label=gap.label[:200],
        kind=kind,
        current_level=gap.current_level,
        required_level=gap.required_level,
        score=gap.score,
        reason=gap.reason[:500],
        created_on=today,
        **links,
    )
    action.made_now = True
    return action


def made_from_gap(
    role: TargetRole, key: str, *, kind: str, learning_kind: str = ""
) -> GapAction | None:
    """What an earlier click already made from this gap, if it still exists: a goal,
    or a learning item of ``learning_kind``."""
    actions = GapAction.objects.owned_by(role.owner).filter(
        role=role, skill_key=key, kind=kind
    )
    if kind == GapAction.Kind.GOAL:
        actions = actions.filter(goal__isnull=False)
    else:
        actions = actions.filter(
            learning_item__isnull=False, learning_item__kind=learning_kind
        )
    return actions.select_related("goal", "learning_item").order_by("pk").first()


def _lock(role: TargetRole) -> None:
    """Serialise actions on one role, so two posts at once make one thing, not two
    (a row lock on PostgreSQL; SQLite's immediate transactions already serialise)."""
    TargetRole.objects.select_for_update().filter(pk=role.pk).exists()


def gap_source(gap: Gap, role: TargetRole) -> str:
    return f"Gap: {gap.label} for {role.title}"


@transaction.atomic
def turn_gap_into_goal(*, role: TargetRole, key: str, today: date) -> GapAction:
    """Make a draft SMART goal from one gap and remember the gap it came from; the
    goal an earlier call made, if it still exists, instead of a second one."""
    from careerpath.goals.services import create_goal

    _lock(role)
    if (earlier := made_from_gap(role, key, kind=GapAction.Kind.GOAL)) is not None:
        return earlier
    gap = find_gap(role, key)
    goal = create_goal(
        owner=role.owner,
        data=goal_draft_for(gap, role, today=today),
        today=today,
        source=gap_source(gap, role),
    )
    return _gap_action(role, gap, kind=GapAction.Kind.GOAL, today=today, goal=goal)


@transaction.atomic
def turn_gap_into_learning_item(
    *, role: TargetRole, key: str, today: date, kind: str = "course"
) -> GapAction:
    """Plan a learning item for one gap (linked to the gap's goal if there is one);
    the item of that kind an earlier call planned, if it still exists, instead of a
    second one."""
    from careerpath.learning.services import create_learning_item

    _lock(role)
    earlier_item = made_from_gap(
        role, key, kind=GapAction.Kind.LEARNING, learning_kind=kind
    )
    if earlier_item is not None:
        return earlier_item
    gap = find_gap(role, key)
    earlier_goal = (
        GapAction.objects.owned_by(role.owner)
        .filter(role=role, skill_key=gap.key, goal__isnull=False)
        .select_related("goal")
        .first()
    )
    noun = {"course": "course", "book": "book", "self_study": "self-study"}.get(
        kind, kind
    )
    item = create_learning_item(
        owner=role.owner,
        title=f"{gap.label} {noun}"[:200],
        kind=kind,
        skills=[gap.label],
        goal=earlier_goal.goal if earlier_goal else None,
        note=f"For the {role.title} role. {gap.reason}",
        source=gap_source(gap, role),
    )
    return _gap_action(
        role, gap, kind=GapAction.Kind.LEARNING, today=today, learning_item=item
    )


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


def level_name(level: int) -> str:
    return LEVEL_NAMES.get(level, "")
