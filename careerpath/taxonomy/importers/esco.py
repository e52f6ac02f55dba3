"""ESCO v1.x CSV import: skills, occupations and which skills each occupation needs.

Reads ``skills_<lang>.csv``, ``occupations_<lang>.csv`` and ``occupationSkillRelations``
(``_<lang>`` or the language-independent file of the relations download) from
directories or the official zips. Preferred labels, alternative labels and hidden
labels (newline-separated) all become aliases; ``skillType`` knowledge becomes the
*knowledge* kind, transversal competences *soft*, skills in the language collection
*language*; ``reuseLevel`` and essential/optional are kept as they are.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from careerpath.taxonomy.importers.base import (
    ImportResult,
    Timer,
    finish,
    reading,
    require,
    split_labels,
)
from careerpath.taxonomy.importers.files import TableFile, find_tables, read_table
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.importers.writer import (
    sync_aliases,
    sync_occupation_skills,
    upsert_occupations,
    upsert_skills,
)
from careerpath.taxonomy.models import Occupation, OccupationSkill, Skill, SkillAlias
from careerpath.taxonomy.normalize import normalize

SOURCE = "esco"
SKILL_TYPES = {"", "skill/competence", "knowledge"}
REUSE_LEVELS = {
    "",
    "transversal",
    "cross-sector",
    "sector-specific",
    "occupation-specific",
}
RELATIONS = {"essential", "optional"}


def _pick(tables: dict[str, TableFile], stem: str, language: str) -> TableFile | None:
    """``skills_en`` before ``skills`` before any other language's ``skills_xx``."""
    for key in (f"{stem}_{language}", stem):
        if key in tables:
            return tables[key]
    others = sorted(k for k in tables if re.fullmatch(rf"{stem}_[a-z]{{2}}", k))
    return tables[others[0]] if others else None


def _uri(value: str) -> bool:
    """An http(s) concept URI that fits the external id column (255 characters)."""
    return (
        value.startswith(("http://", "https://"))
        and " " not in value
        and len(value) <= 255
    )


def _aliases(preferred: str, alt: str, hidden: str) -> dict[str, tuple[str, str]]:
    aliases: dict[str, tuple[str, str]] = {}
    for labels, kind in (
        ([preferred], "preferred"),
        (split_labels(alt), "alternative"),
        (split_labels(hidden), "hidden"),
    ):
        for label in labels:
            key = normalize(label)[:255]
            if key and key not in aliases:
                aliases[key] = (label, kind)
    return aliases


def import_esco(
    paths: list[Path], progress: Progress, language: str = "en"
) -> ImportResult:
    """Read and check every file, then write it all in one transaction."""
    timer = Timer()
    tables = find_tables(paths)
    skills_table = _pick(tables, "skills", language)
    if skills_table is None:
        raise FileNotFoundError(
            f"No skills_{language}.csv found in {', '.join(str(p) for p in paths)} "
            "(give the ESCO CSV download as a directory or its zip)."
        )
    occupations_table = _pick(tables, "occupations", language)
    relations_table = _pick(tables, "occupationskillrelations", language)
    languages_table = _pick(tables, "languageskillscollection", language)
    result = ImportResult(source=SOURCE)

    language_uris: set[str] = set()
    if languages_table is not None:
        result.files.append(languages_table.name)
        for _line, row, _header in read_table(
            languages_table, ["conceptUri"], reading(progress, languages_table)
        ):
            result.rows_read += 1
            language_uris.add(row["conceptUri"].strip())

    skills: dict[str, dict] = {}
    aliases: dict[str, dict[str, tuple[str, str]]] = {}
    first_line: dict[str, int] = {}
    result.files.append(skills_table.name)
    for line, row, header in read_table(
        skills_table,
        [
            "conceptUri",
            "skillType",
            "reuseLevel",
            "preferredLabel",
            "altLabels",
            "hiddenLabels",
        ],
        reading(progress, skills_table),
    ):
        result.rows_read += 1
        uri, label = row["conceptUri"].strip(), row["preferredLabel"].strip()
        skill_type, reuse = row["skillType"].strip(), row["reuseLevel"].strip()
        require(
            skills_table,
            line,
            header,
            "conceptUri",
            _uri(uri),
            f"not a concept URI (http…, at most 255 characters): {uri[:80]!r}.",
        )
        require(
            skills_table,
            line,
            header,
            "conceptUri",
            uri not in first_line,
            f"{uri} appears twice (first on line {first_line.get(uri)}).",
        )
        require(
            skills_table,
            line,
            header,
            "preferredLabel",
            bool(normalize(label)),
            "the preferred label is empty.",
        )
        require(
            skills_table,
            line,
            header,
            "skillType",
            skill_type in SKILL_TYPES,
            f"unknown skill type {skill_type[:80]!r} (knowledge or skill/competence).",
        )
        require(
            skills_table,
            line,
            header,
            "reuseLevel",
            reuse in REUSE_LEVELS,
            f"unknown reuse level {reuse[:80]!r}.",
        )
        first_line[uri] = line
        if uri in language_uris:
            kind = "language"
        elif skill_type == "knowledge":
            kind = "knowledge"
        elif reuse == "transversal":
            kind = "soft"
        else:
            kind = "hard"
        skills[uri] = {
            "label": label[:255],
            "kind": kind,
            "category": skill_type or "skill/competence",
            "description": (
                row.get("description") or row.get("definition") or ""
            ).strip(),
            "reuse_level": reuse,
            "hot_technology": False,
            "in_demand": False,
        }
        aliases[uri] = _aliases(label, row["altLabels"], row["hiddenLabels"])
    progress.finish()

    occupations: dict[str, dict] = {}
    if occupations_table is not None:
        result.files.append(occupations_table.name)
        first_line = {}
        for line, row, header in read_table(
            occupations_table,
            ["conceptUri", "preferredLabel", "altLabels", "hiddenLabels"],
            reading(progress, occupations_table),
        ):
            result.rows_read += 1
            uri, title = row["conceptUri"].strip(), row["preferredLabel"].strip()
            require(
                occupations_table,
                line,
                header,
                "conceptUri",
                _uri(uri),
                f"not a concept URI (http…, at most 255 characters): {uri[:80]!r}.",
            )
            require(
                occupations_table,
                line,
                header,
                "conceptUri",
                uri not in first_line,
                f"{uri} appears twice (first on line {first_line.get(uri)}).",
            )
            require(
                occupations_table,
                line,
                header,
                "preferredLabel",
                bool(title),
                "the preferred label is empty.",
            )
            first_line[uri] = line
            titles = [
                t
                for t in dict.fromkeys(
                    split_labels(row["altLabels"]) + split_labels(row["hiddenLabels"])
                )
                if t != title
            ]
            occupations[uri] = {
                "code": (row.get("code") or row.get("iscoGroup") or "").strip()[:32],
                "title": title[:255],
                "description": (
                    row.get("description") or row.get("definition") or ""
                ).strip(),
                "alternate_titles": titles,
            }
        progress.finish()

    relations: list[tuple[int, str, str, str]] = []
    if relations_table is not None:
        result.files.append(relations_table.name)
        for line, row, header in read_table(
            relations_table,
            ["occupationUri", "relationType", "skillUri"],
            reading(progress, relations_table),
        ):
            result.rows_read += 1
            occupation, skill = row["occupationUri"].strip(), row["skillUri"].strip()
            relation = row["relationType"].strip()
            require(
                relations_table,
                line,
                header,
                "occupationUri",
                _uri(occupation),
                f"not a concept URI (http…, at most 255 characters): {occupation[:80]!r}.",
            )
            require(
                relations_table,
                line,
                header,
                "skillUri",
                _uri(skill),
                f"not a concept URI (http…, at most 255 characters): {skill[:80]!r}.",
            )
            require(
                relations_table,
                line,
                header,
                "relationType",
                relation in RELATIONS,
                f"unknown relation {relation[:80]!r} (essential or optional).",
            )
            relations.append((line, occupation, skill, relation))
        progress.finish()

    with transaction.atomic():
        progress.start("Writing skills")
        skill_ids = upsert_skills(SOURCE, skills, result.counts, progress.update)
        progress.start("Writing skill aliases")
        sync_aliases(
            SOURCE,
            {skill_ids[uri]: forms for uri, forms in aliases.items()},
            result.counts,
            progress.update,
        )
        occupation_ids: dict[str, int] = {}
        if occupations:
            progress.start("Writing occupations")
            occupation_ids = upsert_occupations(
                SOURCE, occupations, result.counts, progress.update
            )
        if relations_table is not None:
            if not occupation_ids:
                occupation_ids = dict(
                    Occupation.objects.filter(source=SOURCE).values_list(
                        "external_id", "id"
                    )
                )
            links: dict[
                tuple[int, int], tuple[str, Decimal | None, Decimal | None]
            ] = {}
            missing = 0
            for _line, occupation, skill, relation in relations:
                if occupation in occupation_ids and skill in skill_ids:
                    links[(occupation_ids[occupation], skill_ids[skill])] = (
                        relation,
                        None,
                        None,
                    )
                else:
                    missing += 1
            if missing:
                result.skipped[
                    "relations to occupations or skills not in this release"
                ] = missing
            progress.start("Writing occupation skills")
            sync_occupation_skills(
                links, set(skill_ids.values()), SOURCE, result.counts, progress.update
            )
        progress.finish()
        result.totals = {
            "ESCO skills": Skill.objects.filter(source=SOURCE).count(),
            "aliases": SkillAlias.objects.filter(skill__source=SOURCE).count(),
            "occupations": Occupation.objects.filter(source=SOURCE).count(),
            "occupation skills": OccupationSkill.objects.filter(
                occupation__source=SOURCE
            ).count(),
        }
        finish(
            result,
            timer,
            f"{result.totals['ESCO skills']} skills, {result.totals['occupations']} occupations, "
            f"{result.totals['occupation skills']} links",
        )
    return result
