"""Idempotent bulk writes shared by the importers: upsert by natural key, in batches.

Every function reads what the database already holds for the source in one query,
then creates what is new, updates what changed and (where the importer says so) deletes
what the release no longer contains — so running an import twice changes nothing the
second time, and the row counts it reports are real writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, models

from careerpath.taxonomy.models import (
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
    SkillAlias,
)

BATCH = 2000
Tick = Callable[[int, int], None]


@dataclass
class Counts:
    """Rows created, updated and deleted per table, for the summary line."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def add(
        self, table: str, created: int = 0, updated: int = 0, deleted: int = 0
    ) -> None:
        self.created[table] = self.created.get(table, 0) + created
        self.updated[table] = self.updated.get(table, 0) + updated
        self.deleted[table] = self.deleted.get(table, 0) + deleted

    @property
    def written(self) -> int:
        return (
            sum(self.created.values())
            + sum(self.updated.values())
            + sum(self.deleted.values())
        )


def _batches(
    items: list, tick: Tick | None, done: list[int], total: int
) -> Iterable[list]:
    for start in range(0, len(items), BATCH):
        chunk = items[start : start + BATCH]
        yield chunk
        done[0] += len(chunk)
        if tick:
            tick(done[0], total)


def _insert(
    model: type[models.Model],
    columns: list[str],
    rows: list[tuple],
    tick: Tick | None,
    done: list[int],
    total: int,
) -> None:
    """Plain multi-row INSERTs for the big link tables.

    Building a model instance per row costs more than the database write itself for the
    hundred thousand ESCO relations; the rows here are already checked values.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    values = ", ".join(["%s"] * len(columns))
    # Names come from the model's metadata, values are bound parameters.
    sql = f"INSERT INTO {table} ({names}) VALUES ({values})"  # noqa: S608
    with connection.cursor() as cursor:
        for chunk in _batches(rows, tick, done, total):
            cursor.executemany(sql, chunk)


def upsert_skills(
    source: str, wanted: dict[str, dict], counts: Counts, tick: Tick | None = None
) -> dict[str, int]:
    """Create or update ``Skill`` rows keyed by external id; return external id → pk."""
    fields = [
        "label",
        "kind",
        "category",
        "description",
        "reuse_level",
        "hot_technology",
        "in_demand",
    ]
    existing = {
        row[0]: row[1:]
        for row in Skill.objects.filter(source=source).values_list(
            "external_id", "id", *fields
        )
    }
    new, changed = [], []
    for external_id, values in wanted.items():
        if external_id not in existing:
            new.append(Skill(source=source, external_id=external_id, **values))
            continue
        pk, *current = existing[external_id]
        if tuple(current) != tuple(values[f] for f in fields):
            changed.append(Skill(pk=pk, **values))
    done, total = [0], len(new) + len(changed)
    for chunk in _batches(new, tick, done, total):
        Skill.objects.bulk_create(chunk)
    for chunk in _batches(changed, tick, done, total):
        Skill.objects.bulk_update(chunk, fields)
    counts.add("skills", created=len(new), updated=len(changed))
    return dict(Skill.objects.filter(source=source).values_list("external_id", "id"))


def sync_aliases(
    source: str,
    wanted: dict[int, dict[str, tuple[str, str]]],
    counts: Counts,
    tick: Tick | None = None,
) -> None:
    """Make the aliases of the given skills exactly ``wanted[skill_id][normalized]``."""
    have: dict[tuple[int, str], tuple[int, str, str]] = {
        (skill_id, key): (pk, text, kind)
        for pk, skill_id, key, text, kind in SkillAlias.objects.filter(
            skill__source=source
        ).values_list("id", "skill_id", "normalized", "text", "kind")
        if skill_id in wanted
    }
    flat = {
        (skill_id, key): value
        for skill_id, aliases in wanted.items()
        for key, value in aliases.items()
    }
    drop = [have[key][0] for key in have.keys() - flat.keys()]
    new = [
        (key[0], key[1], value[0][:255], value[1])
        for key, value in flat.items()
        if key not in have
    ]
    changed = [
        SkillAlias(pk=have[key][0], text=flat[key][0][:255], kind=flat[key][1])
        for key in flat.keys() & have.keys()
        if have[key][1:] != (flat[key][0][:255], flat[key][1])
    ]
    done, total = [0], len(drop) + len(new) + len(changed)
    for chunk in _batches(drop, tick, done, total):
        SkillAlias.objects.filter(pk__in=chunk).delete()
    _insert(
        SkillAlias, ["skill_id", "normalized", "text", "kind"], new, tick, done, total
    )
    for chunk in _batches(changed, tick, done, total):
        SkillAlias.objects.bulk_update(chunk, ["text", "kind"])
    counts.add("aliases", created=len(new), updated=len(changed), deleted=len(drop))


def upsert_occupations(
    source: str, wanted: dict[str, dict], counts: Counts, tick: Tick | None = None
) -> dict[str, int]:
    """Create or update ``Occupation`` rows; fields not given keep their stored value."""
    fields = ["code", "title", "description", "job_zone", "alternate_titles"]
    existing = {
        row[0]: dict(zip(["id", *fields], row[1:], strict=True))
        for row in Occupation.objects.filter(source=source).values_list(
            "external_id", "id", *fields
        )
    }
    new, changed = [], []
    for external_id, values in wanted.items():
        current = existing.get(external_id)
        if current is None:
            new.append(Occupation(source=source, external_id=external_id, **values))
            continue
        merged = {f: values.get(f, current[f]) for f in fields}
        if any(merged[f] != current[f] for f in fields):
            changed.append(Occupation(pk=current["id"], **merged))
    done, total = [0], len(new) + len(changed)
    for chunk in _batches(new, tick, done, total):
        Occupation.objects.bulk_create(chunk)
    for chunk in _batches(changed, tick, done, total):
        Occupation.objects.bulk_update(chunk, fields)
    counts.add("occupations", created=len(new), updated=len(changed))
    return dict(
        Occupation.objects.filter(source=source).values_list("external_id", "id")
    )


def sync_occupation_skills(
    wanted: dict[tuple[int, int], tuple[str, Decimal | None, Decimal | None]],
    scope_skill_ids: set[int],
    occupation_source: str,
    counts: Counts,
    tick: Tick | None = None,
) -> None:
    """Links (occupation, skill) → (relation, importance, level).

    Existing links between the source's occupations and the scoped skills that the release no longer
    has are deleted; links outside the scope (another file kind) are left alone.
    """
    have = {
        (occupation_id, skill_id): (pk, relation, importance, level)
        for pk, occupation_id, skill_id, relation, importance, level in (
            OccupationSkill.objects.filter(
                occupation__source=occupation_source
            ).values_list(
                "id", "occupation_id", "skill_id", "relation", "importance", "level"
            )
        )
        if skill_id in scope_skill_ids
    }
    drop = [have[key][0] for key in have.keys() - wanted.keys()]
    new = [
        (key[0], key[1], value[0], value[1], value[2])
        for key, value in wanted.items()
        if key not in have
    ]
    changed = [
        OccupationSkill(
            pk=have[key][0], relation=value[0], importance=value[1], level=value[2]
        )
        for key, value in wanted.items()
        if key in have and have[key][1:] != value
    ]
    done, total = [0], len(drop) + len(new) + len(changed)
    for chunk in _batches(drop, tick, done, total):
        OccupationSkill.objects.filter(pk__in=chunk).delete()
    columns = ["occupation_id", "skill_id", "relation", "importance", "level"]
    _insert(OccupationSkill, columns, new, tick, done, total)
    for chunk in _batches(changed, tick, done, total):
        OccupationSkill.objects.bulk_update(chunk, ["relation", "importance", "level"])
    counts.add(
        "occupation skills", created=len(new), updated=len(changed), deleted=len(drop)
    )


def sync_related(
    wanted: dict[tuple[int, int], tuple[str, int]],
    occupation_source: str,
    counts: Counts,
    tick: Tick | None = None,
) -> None:
    """Related-occupation links (occupation, related) → (tier, rank) for the scope."""
    have = {
        (occupation_id, related_id): (pk, tier, rank)
        for pk, occupation_id, related_id, tier, rank in RelatedOccupation.objects.filter(
            occupation__source=occupation_source
        ).values_list("id", "occupation_id", "related_id", "tier", "rank")
    }
    drop = [have[key][0] for key in have.keys() - wanted.keys()]
    new = [
        (key[0], key[1], value[0], value[1])
        for key, value in wanted.items()
        if key not in have
    ]
    changed = [
        RelatedOccupation(pk=have[key][0], tier=value[0], rank=value[1])
        for key, value in wanted.items()
        if key in have and have[key][1:] != value
    ]
    done, total = [0], len(drop) + len(new) + len(changed)
    for chunk in _batches(drop, tick, done, total):
        RelatedOccupation.objects.filter(pk__in=chunk).delete()
    columns = ["occupation_id", "related_id", "tier", "rank"]
    _insert(RelatedOccupation, columns, new, tick, done, total)
    for chunk in _batches(changed, tick, done, total):
        RelatedOccupation.objects.bulk_update(chunk, ["tier", "rank"])
    counts.add(
        "related occupations", created=len(new), updated=len(changed), deleted=len(drop)
    )
