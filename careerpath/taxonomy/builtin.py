"""The built-in starter vocabulary: readable TSV files in ``vocabulary/``, synced on migrate.

One file per category (``software.tsv`` → category "software"), one skill per line::

    label<TAB>kind<TAB>alias | alias | …

Lines starting with ``#`` and blank lines are ignored. The first column is the canonical
label; aliases are the abbreviations, spellings and phrasings job postings use for the
same skill. An alias written in capitals of two to five letters ("JS", "SQL") is stored as
an abbreviation. ``sync_builtin`` makes the database match the files: run after every
``migrate`` it creates what is new, updates what changed and removes what was dropped,
and does nothing when the files are unchanged.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerpath.taxonomy.normalize import normalize

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary"
KINDS = ("hard", "soft", "tool", "knowledge", "certification", "language")
_ABBREVIATION = re.compile(r"^[A-Z0-9][A-Z0-9.+#/&-]{1,6}$")


class VocabularyFileError(ValueError):
    """A vocabulary file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class BuiltinSkill:
    """One line of a vocabulary file."""

    slug: str
    label: str
    kind: str
    category: str
    aliases: tuple[tuple[str, str, str], ...]  # (text, normalized, alias kind)
    file: str
    line: int


def slugify(label: str) -> str:
    """The stable external id of a built-in skill: its label, normalised, with dashes."""
    key = normalize(label).replace("+", "plus").replace("#", "sharp")
    key = key.replace("&", "and").replace(".", "dot")
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-")


def _alias_kind(text: str) -> str:
    return "abbreviation" if _ABBREVIATION.match(text) else "alternative"


def parse_file(path: Path) -> list[BuiltinSkill]:
    """Parse one vocabulary file; raise ``VocabularyFileError`` on any malformed line."""
    category = path.stem.replace("_", " ")
    skills: list[BuiltinSkill] = []
    text = path.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) not in (2, 3):
            raise VocabularyFileError(
                f"{path.name}, line {number}: expected label, kind and aliases "
                f"separated by tabs, found {len(parts)} fields."
            )
        label, kind = parts[0].strip(), parts[1].strip()
        if not normalize(label):
            raise VocabularyFileError(f"{path.name}, line {number}: empty label.")
        if kind not in KINDS:
            raise VocabularyFileError(
                f"{path.name}, line {number}, column 2: unknown kind {kind!r} "
                f"(one of {', '.join(KINDS)})."
            )
        aliases: dict[str, tuple[str, str, str]] = {
            normalize(label): (label, normalize(label), "preferred")
        }
        for alias in parts[2].split("|") if len(parts) == 3 else []:
            alias = alias.strip()
            key = normalize(alias)
            if key and key not in aliases:
                aliases[key] = (alias, key, _alias_kind(alias))
        skills.append(
            BuiltinSkill(
                slug=slugify(label),
                label=label,
                kind=kind,
                category=category,
                aliases=tuple(aliases.values()),
                file=path.name,
                line=number,
            )
        )
    return skills


def read_vocabulary(directory: Path | None = None) -> list[BuiltinSkill]:
    """Every skill of every file, checked for duplicate labels across files."""
    directory = directory or VOCABULARY_DIR
    skills: list[BuiltinSkill] = []
    seen: dict[str, BuiltinSkill] = {}
    for path in sorted(directory.glob("*.tsv")):
        for skill in parse_file(path):
            if skill.slug in seen:
                first = seen[skill.slug]
                raise VocabularyFileError(
                    f"{skill.file}, line {skill.line}: {skill.label!r} is already "
                    f"defined in {first.file}, line {first.line}."
                )
            seen[skill.slug] = skill
            skills.append(skill)
    return skills


def alias_conflicts(skills: Iterable[BuiltinSkill]) -> dict[str, list[str]]:
    """Normalised aliases that name more than one built-in skill, with those skills."""
    owners: dict[str, list[str]] = {}
    for skill in skills:
        for _text, key, _kind in skill.aliases:
            owners.setdefault(key, []).append(skill.label)
    return {key: labels for key, labels in owners.items() if len(labels) > 1}


def sync_builtin(
    skill_model: Any,
    alias_model: Any,
    run_model: Any | None = None,
    using: str = "default",
) -> int:
    """Make the database's built-in skills match the files; return rows written.

    Takes the model classes so the ``post_migrate`` handler can pass the migration
    state's models. Unchanged files cost two reads and no writes.
    """
    from django.db import transaction

    started = time.monotonic()
    wanted = {skill.slug: skill for skill in read_vocabulary()}
    written = 0
    with transaction.atomic(using=using):
        skills = skill_model.objects.using(using)
        existing = {
            row.external_id: row
            for row in skills.filter(source="builtin").only(
                "id", "external_id", "label", "kind", "category"
            )
        }
        stale = [row.pk for slug, row in existing.items() if slug not in wanted]
        if stale:
            written += len(stale)
            skills.filter(pk__in=stale).delete()
        new = [
            skill_model(
                source="builtin",
                external_id=slug,
                label=skill.label,
                kind=skill.kind,
                category=skill.category,
            )
            for slug, skill in wanted.items()
            if slug not in existing
        ]
        changed = []
        for slug, row in existing.items():
            skill = wanted.get(slug)
            if skill and (row.label, row.kind, row.category) != (
                skill.label,
                skill.kind,
                skill.category,
            ):
                row.label, row.kind, row.category = (
                    skill.label,
                    skill.kind,
                    skill.category,
                )
                changed.append(row)
        skills.bulk_create(new, batch_size=500)
        skills.bulk_update(changed, ["label", "kind", "category"], batch_size=500)
        written += len(new) + len(changed)
        ids = dict(skills.filter(source="builtin").values_list("external_id", "id"))
        aliases = alias_model.objects.using(using)
        have: dict[tuple[int, str], tuple[int, str, str]] = {
            (skill_id, key): (pk, text, kind)
            for pk, skill_id, key, text, kind in aliases.filter(
                skill__source="builtin"
            ).values_list("id", "skill_id", "normalized", "text", "kind")
        }
        want: dict[tuple[int, str], tuple[str, str]] = {}
        for slug, skill in wanted.items():
            for text, key, kind in skill.aliases:
                want[(ids[slug], key)] = (text, kind)
        drop = [have[k][0] for k in have.keys() - want.keys()]
        if drop:
            aliases.filter(pk__in=drop).delete()
        add = [
            alias_model(skill_id=k[0], normalized=k[1], text=v[0], kind=v[1])
            for k, v in want.items()
            if k not in have
        ]
        update = []
        for pair in want.keys() & have.keys():
            pk, text, kind = have[pair]
            if (text, kind) != want[pair]:
                update.append(
                    alias_model(pk=pk, text=want[pair][0], kind=want[pair][1])
                )
        aliases.bulk_create(add, batch_size=1000)
        aliases.bulk_update(update, ["text", "kind"], batch_size=1000)
        written += len(drop) + len(add) + len(update)
        if written and run_model is not None:
            run_model.objects.using(using).create(
                source="builtin",
                rows=written,
                seconds=round(time.monotonic() - started, 3),
                summary=f"{len(wanted)} skills from {VOCABULARY_DIR.name}/",
            )
    return written
