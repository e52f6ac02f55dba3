"""O*NET database import: occupations, their skills, knowledge and technology, and relations.

Reads the official tab-separated text files (``Occupation Data.txt``, ``Skills.txt``,
``Knowledge.txt``, ``Technology Skills.txt``, ``Alternate Titles.txt``,
``Related Occupations.txt``, ``Job Zones.txt``) or the spreadsheet export with the same
columns (comma-separated, ``occupation_data.csv``, ``technology_skills.csv.gz``, …).
Only ``Occupation Data`` is required; each other file updates its part. Importance
(scale IM, 1–5) and level (scale LV, 0–7) are kept per occupation and skill, and values
O*NET flags ``Recommend Suppress = Y`` are left out.
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
)
from careerpath.taxonomy.importers.files import TableFile, find_tables, read_table
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.importers.writer import (
    sync_aliases,
    sync_occupation_skills,
    sync_related,
    upsert_occupations,
    upsert_skills,
)
from careerpath.taxonomy.models import (
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
    SkillAlias,
)
from careerpath.taxonomy.normalize import normalize

SOURCE = "onet"
CODE = "O*NET-SOC Code"
SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
ELEMENT = re.compile(r"^\d(\.[A-Za-z0-9]+)+$")
SCALES = {"IM": (Decimal(1), Decimal(5)), "LV": (Decimal(0), Decimal(7))}
# Which kind each rated file's elements get; links of a kind are replaced only when its
# file is part of the import, so importing Technology Skills alone keeps Skills' links.
RATED = {
    "skills": ("hard", "O*NET skills"),
    "knowledge": ("knowledge", "O*NET knowledge"),
}


def _flag(
    table: TableFile, line: int, header: list[str], row: dict, column: str
) -> bool:
    value = row.get(column, "N").strip().upper() or "N"
    require(
        table,
        line,
        header,
        column,
        value in {"Y", "N"},
        f"expected Y or N, found {value!r}.",
    )
    return value == "Y"


def _code(
    table: TableFile, line: int, header: list[str], row: dict, column: str = CODE
) -> str:
    code = row[column].strip()
    require(
        table,
        line,
        header,
        column,
        bool(SOC.match(code)),
        f"not an O*NET-SOC code: {code[:80]!r}.",
    )
    return code


def _number(
    table: TableFile, line: int, header: list[str], value: str, column: str
) -> Decimal:
    try:
        number = Decimal(value.strip())
    except ArithmeticError:
        number = Decimal("NaN")
    require(
        table, line, header, column, number.is_finite(), f"not a number: {value!r}."
    )
    return number


def import_onet(paths: list[Path], progress: Progress) -> ImportResult:
    """Read and check every file, then write it all in one transaction."""
    timer = Timer()
    tables = find_tables(paths)
    result = ImportResult(source=SOURCE)
    data = tables.get("occupation_data")
    if data is None:
        raise FileNotFoundError(
            f"No 'Occupation Data.txt' (or occupation_data.csv) in "
            f"{', '.join(str(p) for p in paths)}."
        )

    occupations: dict[str, dict] = {}
    result.files.append(data.name)
    for line, row, header in read_table(
        data, [CODE, "Title", "Description"], reading(progress, data)
    ):
        result.rows_read += 1
        code = _code(data, line, header, row)
        require(
            data, line, header, CODE, code not in occupations, f"{code} appears twice."
        )
        title = row["Title"].strip()
        require(data, line, header, "Title", bool(title), "the title is empty.")
        occupations[code] = {
            "code": code,
            "title": title[:255],
            "description": row["Description"].strip(),
        }
    progress.finish()

    known = set(occupations)

    zones = tables.get("job_zones")
    if zones is not None:
        result.files.append(zones.name)
        for line, row, header in read_table(
            zones, [CODE, "Job Zone"], reading(progress, zones)
        ):
            result.rows_read += 1
            code = _code(zones, line, header, row)
            zone = row["Job Zone"].strip()
            require(
                zones,
                line,
                header,
                "Job Zone",
                zone in {"1", "2", "3", "4", "5"},
                f"a job zone is 1 to 5, found {zone!r}.",
            )
            if code in occupations:
                occupations[code]["job_zone"] = int(zone)
            else:
                result.skipped["job zones of unknown occupations"] = (
                    result.skipped.get("job zones of unknown occupations", 0) + 1
                )
        progress.finish()

    titles_table = tables.get("alternate_titles")
    if titles_table is not None:
        result.files.append(titles_table.name)
        alternates: dict[str, dict[str, None]] = {code: {} for code in occupations}
        for line, row, header in read_table(
            titles_table, [CODE, "Alternate Title"], reading(progress, titles_table)
        ):
            result.rows_read += 1
            code = _code(titles_table, line, header, row)
            if code not in alternates:
                result.skipped["alternate titles of unknown occupations"] = (
                    result.skipped.get("alternate titles of unknown occupations", 0) + 1
                )
                continue
            for cell in (row["Alternate Title"], row.get("Short Title", "")):
                if cell.strip() and cell.strip() != "n/a":
                    alternates[code][cell.strip()] = None
        for code, names in alternates.items():
            occupations[code]["alternate_titles"] = list(names)
        progress.finish()

    skills: dict[str, dict] = {}
    aliases: dict[str, dict[str, tuple[str, str]]] = {}
    links: dict[tuple[str, str], dict[str, Decimal]] = {}
    kinds: set[str] = set()
    for key, (kind, category) in RATED.items():
        table = tables.get(key)
        if table is None:
            continue
        kinds.add(kind)
        result.files.append(table.name)
        required = [CODE, "Element ID", "Element Name", "Scale ID", "Data Value"]
        for line, row, header in read_table(table, required, reading(progress, table)):
            result.rows_read += 1
            code = _code(table, line, header, row)
            element, name = row["Element ID"].strip(), row["Element Name"].strip()
            require(
                table,
                line,
                header,
                "Element ID",
                bool(ELEMENT.match(element)),
                f"not an O*NET element id: {element[:80]!r}.",
            )
            require(
                table,
                line,
                header,
                "Element Name",
                bool(name),
                "the element name is empty.",
            )
            scale = row["Scale ID"].strip()
            require(
                table,
                line,
                header,
                "Scale ID",
                scale in SCALES,
                f"unknown scale {scale!r} (IM or LV).",
            )
            value = _number(table, line, header, row["Data Value"], "Data Value")
            low, high = SCALES[scale]
            require(
                table,
                line,
                header,
                "Data Value",
                low <= value <= high,
                f"{scale} values run from {low} to {high}, found {value}.",
            )
            suppress = (
                _flag(table, line, header, row, "Recommend Suppress")
                if "Recommend Suppress" in row
                else False
            )
            skills.setdefault(
                element,
                {
                    "label": name[:255],
                    "kind": kind,
                    "category": category,
                    "description": "",
                    "reuse_level": "",
                    "hot_technology": False,
                    "in_demand": False,
                },
            )
            aliases.setdefault(element, {normalize(name): (name, "preferred")})
            if code not in known:
                result.skipped["ratings of unknown occupations"] = (
                    result.skipped.get("ratings of unknown occupations", 0) + 1
                )
                continue
            rating = links.setdefault((code, element), {})
            if suppress:
                result.skipped["suppressed ratings (Recommend Suppress = Y)"] = (
                    result.skipped.get("suppressed ratings (Recommend Suppress = Y)", 0)
                    + 1
                )
            else:
                rating[scale] = value.quantize(Decimal("0.01"))
        progress.finish()

    technology = tables.get("technology_skills")
    if technology is not None:
        kinds.add("tool")
        result.files.append(technology.name)
        required = [
            CODE,
            "Example",
            "Commodity Code",
            "Commodity Title",
            "Hot Technology",
        ]
        for line, row, header in read_table(
            technology, required, reading(progress, technology)
        ):
            result.rows_read += 1
            code = _code(technology, line, header, row)
            example = row["Example"].strip()
            key = normalize(example)
            require(
                technology, line, header, "Example", bool(key), "the example is empty."
            )
            commodity = row["Commodity Code"].strip()
            require(
                technology,
                line,
                header,
                "Commodity Code",
                commodity.isdigit(),
                f"not a UNSPSC commodity code: {commodity!r}.",
            )
            hot = _flag(technology, line, header, row, "Hot Technology")
            demand = (
                _flag(technology, line, header, row, "In Demand")
                if "In Demand" in row
                else False
            )
            external_id = f"technology/{key}"[:255]
            skill = skills.setdefault(
                external_id,
                {
                    "label": example[:255],
                    "kind": "tool",
                    "category": row["Commodity Title"].strip()[:64],
                    "description": f"UNSPSC {commodity}: {row['Commodity Title'].strip()}",
                    "reuse_level": "",
                    "hot_technology": False,
                    "in_demand": False,
                },
            )
            skill["hot_technology"] |= hot
            skill["in_demand"] |= demand
            aliases.setdefault(external_id, {key[:255]: (example, "preferred")})
            if code in known:
                links.setdefault((code, external_id), {})
            else:
                result.skipped["technology of unknown occupations"] = (
                    result.skipped.get("technology of unknown occupations", 0) + 1
                )
        progress.finish()

    related: dict[tuple[str, str], tuple[str, int]] = {}
    related_table = tables.get("related_occupations")
    if related_table is not None:
        result.files.append(related_table.name)
        required = [CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"]
        for line, row, header in read_table(
            related_table, required, reading(progress, related_table)
        ):
            result.rows_read += 1
            code = _code(related_table, line, header, row)
            other = _code(related_table, line, header, row, "Related O*NET-SOC Code")
            tier = row["Relatedness Tier"].strip()
            require(
                related_table,
                line,
                header,
                "Relatedness Tier",
                bool(tier),
                "the tier is empty.",
            )
            index = row["Index"].strip()
            require(
                related_table,
                line,
                header,
                "Index",
                index.isdigit() and 0 < int(index) < 1000,
                f"not a rank: {index!r}.",
            )
            if code in known and other in known:
                related[(code, other)] = (tier[:32], int(index))
            else:
                result.skipped["related occupations not in Occupation Data"] = (
                    result.skipped.get("related occupations not in Occupation Data", 0)
                    + 1
                )
        progress.finish()

    with transaction.atomic():
        progress.start("Writing occupations")
        occupation_ids = upsert_occupations(
            SOURCE, occupations, result.counts, progress.update
        )
        progress.start("Writing skills")
        skill_ids = upsert_skills(SOURCE, skills, result.counts, progress.update)
        progress.start("Writing skill aliases")
        sync_aliases(
            SOURCE,
            {skill_ids[e]: forms for e, forms in aliases.items()},
            result.counts,
            progress.update,
        )
        if kinds:
            scope = set(
                Skill.objects.filter(source=SOURCE, kind__in=kinds).values_list(
                    "id", flat=True
                )
            )
            wanted = {
                (occupation_ids[code], skill_ids[element]): (
                    "",
                    rating.get("IM"),
                    rating.get("LV"),
                )
                for (code, element), rating in links.items()
            }
            progress.start("Writing occupation skills")
            sync_occupation_skills(
                wanted, scope, SOURCE, result.counts, progress.update
            )
        if related_table is not None:
            progress.start("Writing related occupations")
            sync_related(
                {
                    (occupation_ids[a], occupation_ids[b]): value
                    for (a, b), value in related.items()
                },
                SOURCE,
                result.counts,
                progress.update,
            )
        progress.finish()
        result.totals = {
            "O*NET occupations": Occupation.objects.filter(source=SOURCE).count(),
            "skills": Skill.objects.filter(source=SOURCE).count(),
            "aliases": SkillAlias.objects.filter(skill__source=SOURCE).count(),
            "occupation skills": OccupationSkill.objects.filter(
                occupation__source=SOURCE
            ).count(),
            "related occupations": RelatedOccupation.objects.filter(
                occupation__source=SOURCE
            ).count(),
        }
        finish(
            result,
            timer,
            f"{result.totals['O*NET occupations']} occupations, {result.totals['skills']} skills, "
            f"{result.totals['occupation skills']} links",
        )
    return result
