"""Writes for the skills area, shared by pages, the API, commands and the demo.

Every write validates all its input before saving anything, so bad input (a duplicate
skill, a level out of range, an unreadable posting) changes nothing. The gap analysis
itself is a pure rule in ``gaps.py``, read from the database by ``role_analysis.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from careerpath.accounts.models import User
from careerpath.core.text import squash
from careerpath.skills.gaps import LEVEL_WORDS, Gap
from careerpath.skills.models import (
    GapAction,
    Posting,
    PostingSkill,
    SkillAssessment,
    TargetRole,
    UserSkill,
    skill_key,
)
from careerpath.skills.role_analysis import role_gaps
from careerpath.skills.skill_list import parse_skill_list
from careerpath.taxonomy.lookup import resolve_skill_name
from careerpath.taxonomy.models import Skill
from careerpath.taxonomy.normalize import normalize

NAME_MAX = 120
BULK_MAX = 200


def _find_taxonomy_skill(text: str) -> Skill | None:
    """The taxonomy skill a name means (the taxonomy's one ranking decides ties)."""
    return resolve_skill_name(text)


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
        skill = _find_taxonomy_skill(name)
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
        user_skill.skill = _find_taxonomy_skill(user_skill.name)
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
    resolved = [(name, _find_taxonomy_skill(name)) for name in names]
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
    from careerpath.skills.extraction import analyse_text

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
            skill = _find_taxonomy_skill(label)
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
        skill = _find_taxonomy_skill(label)
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


def _find_gap(role: TargetRole, key: str) -> Gap:
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


def _months_for(gap: Gap) -> int:
    """A realistic deadline: three months per level to climb, at most a year."""
    return min(12, 3 * max(1, gap.level_gap))


def _goal_draft_for(gap: Gap, role: TargetRole, *, today: date) -> dict[str, Any]:
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
        months=_months_for(gap),
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


def _made_from_gap(
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


def _gap_source(gap: Gap, role: TargetRole) -> str:
    return f"Gap: {gap.label} for {role.title}"


@transaction.atomic
def turn_gap_into_goal(*, role: TargetRole, key: str, today: date) -> GapAction:
    """Make a draft SMART goal from one gap and remember the gap it came from; the
    goal an earlier call made, if it still exists, instead of a second one."""
    from careerpath.goals.services import create_goal

    _lock(role)
    if (earlier := _made_from_gap(role, key, kind=GapAction.Kind.GOAL)) is not None:
        return earlier
    gap = _find_gap(role, key)
    goal = create_goal(
        owner=role.owner,
        data=_goal_draft_for(gap, role, today=today),
        today=today,
        source=_gap_source(gap, role),
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
    earlier_item = _made_from_gap(
        role, key, kind=GapAction.Kind.LEARNING, learning_kind=kind
    )
    if earlier_item is not None:
        return earlier_item
    gap = _find_gap(role, key)
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
        source=_gap_source(gap, role),
    )
    return _gap_action(
        role, gap, kind=GapAction.Kind.LEARNING, today=today, learning_item=item
    )
