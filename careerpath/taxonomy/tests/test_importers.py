"""ESCO and O*NET importers on fixtures in the exact release formats.

Fixtures: ``fixtures/esco`` (ESCO v1.1 CSV download: quoted newline-separated label
lists, CRLF), ``fixtures/onet_text`` (the official tab-separated text files) and
``fixtures/onet_csv`` (the spreadsheet export: BOM, PK column, Title columns, gzip).
"""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careerpath.taxonomy.importers.esco import import_esco
from careerpath.taxonomy.importers.files import TaxonomyFileError, table_key
from careerpath.taxonomy.importers.onet import import_onet
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.lookup import load_vocabulary
from careerpath.taxonomy.models import (
    ImportRun,
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
    SkillAlias,
)

pytestmark = pytest.mark.django_db(transaction=False)

FIXTURES = Path(__file__).parent / "fixtures"
S = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"


def quiet() -> Progress:
    return Progress(io.StringIO(), enabled=False)


def snapshot() -> tuple[int, ...]:
    """Row counts of every taxonomy table, to prove that nothing was written."""
    return (
        Skill.objects.count(),
        SkillAlias.objects.count(),
        Occupation.objects.count(),
        OccupationSkill.objects.count(),
        RelatedOccupation.objects.count(),
        ImportRun.objects.count(),
    )


def copy(src: str, tmp_path: Path) -> Path:
    target = tmp_path / src
    shutil.copytree(FIXTURES / src, target)
    return target


def esco_zip(tmp_path: Path, directory: Path | None = None) -> Path:
    """The official download's layout: the CSVs at the root of one zip."""
    path = tmp_path / "ESCO dataset - v1.1.1 - classification - en - csv.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted((directory or FIXTURES / "esco").iterdir()):
            archive.write(file, file.name)
    return path


# --- ESCO ---------------------------------------------------------------------------


def test_esco_directory_import():
    result = import_esco([FIXTURES / "esco"], quiet())
    python = Skill.objects.get(source="esco", external_id=S + "0001-python")
    assert python.label == "Python (computer programming)"
    assert python.kind == "hard"
    assert python.reuse_level == "cross-sector"
    assert python.description.startswith("Techniques and principles")
    assert dict(python.aliases.values_list("normalized", "kind")) == {
        "python computer programming": "preferred",
        "python": "alternative",
        "python programming": "alternative",
        "programming in python": "alternative",
    }
    teamwork = Skill.objects.get(external_id=S + "0002-teamwork")
    assert teamwork.kind == "soft"  # transversal competence
    assert teamwork.aliases.get(normalized="team work").kind == "hidden"
    assert Skill.objects.get(external_id=S + "0003-statistics").kind == "knowledge"
    assert Skill.objects.get(external_id=S + "0004-english").kind == "language"
    sql = Skill.objects.get(external_id=S + "0005-sql")
    assert sql.description.endswith('"with quotes".')
    assert sql.aliases.get(normalized="sql queries").kind == "hidden"

    analyst = Occupation.objects.get(
        source="esco", external_id=OCC + "1001-data-analyst"
    )
    assert analyst.title == "data analyst"
    assert analyst.code == "2511.4"
    assert analyst.alternate_titles == [
        "data analysis specialist",
        "business data analyst",
    ]
    assert Occupation.objects.get(
        external_id=OCC + "1002-software-developer"
    ).alternate_titles == [
        "programmer",
        "software engineer",
        "coder",
    ]
    relations = dict(analyst.skill_links.values_list("skill__external_id", "relation"))
    assert relations == {
        S + "0003-statistics": "essential",
        S + "0005-sql": "essential",
        S + "0001-python": "optional",
        S + "0002-teamwork": "optional",
    }
    assert OccupationSkill.objects.count() == 7
    assert result.rows_read == 1 + 5 + 2 + 7
    assert result.counts.created["skills"] == 5
    run = ImportRun.objects.get(source="esco")
    assert run.rows == result.counts.written
    assert "5 skills, 2 occupations, 7 links" in run.summary


def test_esco_zip_import_matches_directory_import(tmp_path):
    import_esco([esco_zip(tmp_path)], quiet())
    assert Skill.objects.filter(source="esco").count() == 5
    assert OccupationSkill.objects.filter(occupation__source="esco").count() == 7
    assert SkillAlias.objects.filter(skill__source="esco").count() == 17


def test_esco_relations_in_a_separate_zip_like_the_official_download(tmp_path):
    work = copy("esco", tmp_path)
    relations = work / "occupationSkillRelations_en.csv"
    separate = tmp_path / "ESCO dataset - v1.1.1 - classification -  - csv.zip"
    with zipfile.ZipFile(separate, "w") as archive:
        archive.write(relations, "occupationSkillRelations.csv")
    relations.unlink()
    classification = esco_zip(tmp_path, work)
    import_esco([classification, separate], quiet())
    assert OccupationSkill.objects.count() == 7


def test_esco_reimport_updates_in_place_and_never_duplicates(tmp_path):
    work = copy("esco", tmp_path)
    import_esco([work], quiet())
    before = snapshot()
    ids = dict(Skill.objects.filter(source="esco").values_list("external_id", "id"))

    again = import_esco([work], quiet())
    assert again.counts.written == 0
    assert snapshot()[:5] == before[:5]

    skills = work / "skills_en.csv"
    text = skills.read_text(encoding="utf-8")
    text = text.replace(
        ",statistical science,", ',"statistical science\nmathematical statistics",'
    )
    text = text.replace("team work", "")
    skills.write_text(text, encoding="utf-8")
    relations = work / "occupationSkillRelations_en.csv"
    lines = relations.read_text(encoding="utf-8").splitlines(keepends=True)
    relations.write_text(
        "".join(lines[:-1]).replace(
            "essential,knowledge," + S + "0005-sql",
            "optional,knowledge," + S + "0005-sql",
        ),
        encoding="utf-8",
    )
    result = import_esco([work], quiet())
    assert (
        dict(Skill.objects.filter(source="esco").values_list("external_id", "id"))
        == ids
    )
    assert result.counts.created["aliases"] == 1
    assert result.counts.deleted["aliases"] == 1
    assert result.counts.deleted["occupation skills"] == 1
    assert result.counts.updated["occupation skills"] == 1
    assert OccupationSkill.objects.count() == 6
    assert (
        OccupationSkill.objects.get(skill__external_id=S + "0005-sql").relation
        == "optional"
    )
    assert not SkillAlias.objects.filter(
        skill__source="esco", normalized="team work"
    ).exists()


def test_esco_import_refreshes_the_vocabulary():
    before = load_vocabulary()
    import_esco([FIXTURES / "esco"], quiet())
    after = load_vocabulary()
    assert after is not before
    entry = next(e for e in after if e.label == "work in teams")
    assert entry.source == "esco"
    assert "teamwork" in entry.aliases


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "skills_en.csv",
            "skillType",
            "typeOfSkill",
            "skills_en.csv, line 1, column 14: missing column 'skillType'",
        ),
        (
            "skills_en.csv",
            "knowledge,cross-sector,statistics",
            "knowhow,cross-sector,statistics",
            "skills_en.csv, line 9, column 3 (skillType): unknown skill type 'knowhow'",
        ),
        (
            "skills_en.csv",
            "sector-specific,SQL",
            "sector specific,SQL",
            "skills_en.csv, line 12, column 4 (reuseLevel): unknown reuse level 'sector specific'",
        ),
        (
            "skills_en.csv",
            S + "0003-statistics",
            "statistics-without-uri",
            "skills_en.csv, line 9, column 2 (conceptUri): not a concept URI",
        ),
        (
            "skills_en.csv",
            S + "0002-teamwork",
            S + "0001-python",
            "appears twice (first on line 2)",
        ),
        (
            "occupations_en.csv",
            ",data analyst,",
            ",,",
            "occupations_en.csv, line 2, column 4 (preferredLabel): the preferred label is empty",
        ),
        (
            "occupationSkillRelations_en.csv",
            "optional,skill/competence," + S + "0004-english",
            "maybe,skill/competence," + S + "0004-english",
            "occupationSkillRelations_en.csv, line 8, column 2 (relationType): unknown relation 'maybe'",
        ),
        (
            "occupationSkillRelations_en.csv",
            "essential,knowledge," + S + "0005-sql",
            "essential,knowledge," + S + "0005-sql,extra",
            "occupationSkillRelations_en.csv, line 3, column 5: expected 4 cells, found 5",
        ),
        (
            "occupations_en.csv",
            '"Data analysts import',
            "Data analysts import",
            "occupations_en.csv, line 2",
        ),
    ],
)
def test_malformed_esco_files_are_rejected_with_nothing_written(
    tmp_path, file, old, new, message
):
    work = copy("esco", tmp_path)
    _break(work / file, old, new)
    before = snapshot()
    with pytest.raises(TaxonomyFileError) as error:
        import_esco([work], quiet())
    assert message in str(error.value)
    assert snapshot() == before


def test_non_utf8_text_is_named(tmp_path):
    work = copy("esco", tmp_path)
    path = work / "occupations_en.csv"
    path.write_bytes(path.read_bytes().replace(b"programmer", b"programm\xe9r"))
    with pytest.raises(
        TaxonomyFileError, match=r"occupations_en.csv, line \d+: the text is not UTF-8"
    ):
        import_esco([work], quiet())
    assert not Skill.objects.filter(source="esco").exists()


def test_a_broken_last_file_leaves_nothing_behind(tmp_path):
    """Atomic: skills and occupations parse fine, the relations file does not."""
    work = copy("esco", tmp_path)
    with (work / "occupationSkillRelations_en.csv").open("a", encoding="utf-8") as f:
        f.write(
            OCC + "1001-data-analyst,sometimes,knowledge," + S + "0003-statistics\r\n"
        )
    with pytest.raises(TaxonomyFileError, match="line 9"):
        import_esco([work], quiet())
    assert not Skill.objects.filter(source="esco").exists()
    assert not Occupation.objects.exists()


def test_a_database_error_mid_write_rolls_everything_back(monkeypatch):
    from careerpath.taxonomy.importers import esco

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(esco, "sync_occupation_skills", fail)
    before = snapshot()
    with pytest.raises(RuntimeError):
        import_esco([FIXTURES / "esco"], quiet())
    assert snapshot() == before


def test_esco_needs_a_skills_file(tmp_path):
    (tmp_path / "occupations_en.csv").write_text("conceptUri\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"No skills_en\.csv"):
        import_esco([tmp_path], quiet())


def test_a_corrupt_zip_is_named(tmp_path):
    bad = tmp_path / "esco.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(
        TaxonomyFileError, match=r"esco\.zip, line 1: not a readable zip"
    ):
        import_esco([bad], quiet())


# --- O*NET --------------------------------------------------------------------------


def test_onet_text_files_import():
    result = import_onet([FIXTURES / "onet_text"], quiet())
    scientists = Occupation.objects.get(source="onet", external_id="15-2051.00")
    assert scientists.title == "Data Scientists"
    assert scientists.code == "15-2051.00"
    assert scientists.job_zone == 4
    assert scientists.alternate_titles == [
        "Data Mining Analyst",
        "Machine Learning Scientist",
        "ML Scientist",
    ]
    links = {
        (link.skill.external_id, link.skill.kind): (link.importance, link.level)
        for link in scientists.skill_links.select_related("skill")
    }
    assert links == {
        ("2.A.1.e", "hard"): (Decimal("4.12"), Decimal("4.88")),
        # Recommend Suppress = Y on the level: the importance is kept, the level is not.
        ("2.A.2.a", "hard"): (Decimal("4.00"), None),
        ("2.C.4.a", "knowledge"): (Decimal("4.50"), Decimal("5.40")),
        ("technology/python", "tool"): (None, None),
        ("technology/structured query language sql", "tool"): (None, None),
    }
    python = Skill.objects.get(source="onet", external_id="technology/python")
    assert python.hot_technology and python.in_demand
    assert python.category == "Object or component oriented development software"
    assert python.description.startswith("UNSPSC 43232405")
    git = Skill.objects.get(source="onet", external_id="technology/git")
    assert git.hot_technology and not git.in_demand
    related = list(
        RelatedOccupation.objects.filter(occupation=scientists).values_list(
            "related__external_id", "tier", "rank"
        )
    )
    assert related == [
        ("15-1252.00", "Primary-Short", 1),
        ("11-3021.00", "Primary-Long", 6),
    ]
    assert result.skipped == {"suppressed ratings (Recommend Suppress = Y)": 1}
    assert len(result.files) == 7


def test_onet_csv_export_imports_the_same_rows():
    import_onet([FIXTURES / "onet_text"], quiet())
    from_text = snapshot()
    links = set(
        OccupationSkill.objects.values_list(
            "occupation__external_id", "skill__external_id", "importance", "level"
        )
    )
    OccupationSkill.objects.all().delete()
    RelatedOccupation.objects.all().delete()
    Occupation.objects.all().delete()
    Skill.objects.filter(source="onet").delete()

    result = import_onet([FIXTURES / "onet_csv"], quiet())
    assert {Path(f).name for f in result.files} == {
        "occupation_data.csv",
        "skills.csv",
        "technology_skills.csv.gz",
        "related_occupations.csv.gz",
    }
    csv_links = set(
        OccupationSkill.objects.values_list(
            "occupation__external_id", "skill__external_id", "importance", "level"
        )
    )
    # The export has no Knowledge file: everything else is identical.
    assert csv_links == {
        link for link in links if link[1] != "2.C.4.a" and link[1] != "2.C.3.a"
    }
    assert RelatedOccupation.objects.count() == from_text[4]
    assert Occupation.objects.get(external_id="15-2051.00").job_zone is None


def test_onet_reimport_is_idempotent_and_keeps_other_files_links(tmp_path):
    import_onet([FIXTURES / "onet_text"], quiet())
    before = snapshot()
    again = import_onet([FIXTURES / "onet_text"], quiet())
    assert again.counts.written == 0
    assert snapshot()[:5] == before[:5]

    # Importing only the technology file (as the CSV export allows) keeps the ratings
    # from Skills and Knowledge and the job zones.
    only = tmp_path / "only"
    only.mkdir()
    for name in ("Occupation Data.txt", "Technology Skills.txt"):
        shutil.copy(FIXTURES / "onet_text" / name, only / name)
    _break(only / "Technology Skills.txt", "15-1252.00\tGit", "15-1252.00\tGitHub")
    result = import_onet([only], quiet())
    assert result.counts.created["skills"] == 1
    assert result.counts.deleted["occupation skills"] == 1
    assert OccupationSkill.objects.filter(skill__kind="hard").count() == 3
    assert OccupationSkill.objects.filter(skill__kind="knowledge").count() == 2
    assert Occupation.objects.get(external_id="15-2051.00").job_zone == 4
    assert RelatedOccupation.objects.count() == 3


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "Occupation Data.txt",
            "15-2051.00\t",
            "15-2051\t",
            "Occupation Data.txt, line 2, column 1 (O*NET-SOC Code): not an O*NET-SOC code: '15-2051'",
        ),
        (
            "Skills.txt",
            "\tIM\t4.12",
            "\tXX\t4.12",
            "Skills.txt, line 2, column 4 (Scale ID): unknown scale 'XX'",
        ),
        (
            "Skills.txt",
            "\tLV\t4.88",
            "\tLV\tabc",
            "Skills.txt, line 3, column 5 (Data Value): not a number: 'abc'",
        ),
        (
            "Skills.txt",
            "\tIM\t4.12",
            "\tIM\t6.12",
            "Skills.txt, line 2, column 5 (Data Value): IM values run from 1 to 5",
        ),
        (
            "Skills.txt",
            "\tN\tn/a\t08/2023\tAnalyst\n15-2051.00\t2.A.1.e",
            "\tMaybe\tn/a\t08/2023\tAnalyst\n15-2051.00\t2.A.1.e",
            "Skills.txt, line 2, column 10 (Recommend Suppress): expected Y or N",
        ),
        (
            "Knowledge.txt",
            "2.C.4.a",
            "C.4.a",
            "Knowledge.txt, line 2, column 2 (Element ID): not an O*NET element id",
        ),
        (
            "Job Zones.txt",
            "15-1252.00\t4",
            "15-1252.00\t9",
            "Job Zones.txt, line 3, column 2 (Job Zone): a job zone is 1 to 5",
        ),
        (
            "Technology Skills.txt",
            "\t43232402\t",
            "\tUNSPSC\t",
            "Technology Skills.txt, line 5, column 3 (Commodity Code)",
        ),
        (
            "Technology Skills.txt",
            "Development environment software\tY\tN",
            "Development environment software\tYes\tN",
            "Technology Skills.txt, line 5, column 5 (Hot Technology): expected Y or N, found 'YES'",
        ),
        (
            "Related Occupations.txt",
            "Primary-Long\t6",
            "Primary-Long\tsix",
            "Related Occupations.txt, line 3, column 4 (Index): not a rank",
        ),
        (
            "Related Occupations.txt",
            "Primary-Long\t6",
            "Primary-Long\t6\textra",
            "Related Occupations.txt, line 3, column 5: expected 4 cells, found 5",
        ),
        (
            "Alternate Titles.txt",
            "Alternate Title",
            "Alt Title",
            "Alternate Titles.txt, line 1, column 5: missing column 'Alternate Title'",
        ),
    ],
)
def test_malformed_onet_files_are_rejected_with_nothing_written(
    tmp_path, file, old, new, message
):
    work = copy("onet_text", tmp_path)
    _break(work / file, old, new)
    before = snapshot()
    with pytest.raises(TaxonomyFileError) as error:
        import_onet([work], quiet())
    assert message in str(error.value)
    assert snapshot() == before


def test_malformed_gzip_export_is_named(tmp_path):
    work = copy("onet_csv", tmp_path)
    data = gzip.decompress((work / "related_occupations.csv.gz").read_bytes())
    (work / "related_occupations.csv.gz").write_bytes(
        gzip.compress(data.replace(b"Primary-Long,6", b"Primary-Long,6,7"), mtime=0)
    )
    with pytest.raises(
        TaxonomyFileError,
        match=r"related_occupations.csv.gz, line 3, column 8: expected 7 cells, found 8",
    ):
        import_onet([work], quiet())
    truncated = gzip.compress(data, mtime=0)[:-12]
    (work / "related_occupations.csv.gz").write_bytes(truncated)
    with pytest.raises(
        TaxonomyFileError, match=r"related_occupations\.csv\.gz, line .*unreadable"
    ):
        import_onet([work], quiet())
    assert not Occupation.objects.exists()


def test_onet_needs_occupation_data(tmp_path):
    shutil.copy(FIXTURES / "onet_text" / "Skills.txt", tmp_path / "Skills.txt")
    with pytest.raises(FileNotFoundError, match=r"Occupation Data\.txt"):
        import_onet([tmp_path], quiet())


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Occupation Data.txt", "occupation_data"),
        ("occupation_data.csv", "occupation_data"),
        ("technology_skills.csv.gz", "technology_skills"),
        ("Technology Skills.txt", "technology_skills"),
        ("db_29_0_text/Related Occupations.txt", "related_occupations"),
        ("skills_en.csv", "skills_en"),
        ("occupationSkillRelations.csv", "occupationskillrelations"),
    ],
)
def test_table_names_of_both_flavours_meet(name, key):
    assert table_key(name) == key


# --- the command --------------------------------------------------------------------


def test_command_prints_rows_and_seconds_and_no_bar_when_not_a_terminal():
    out = io.StringIO()
    call_command("import_taxonomy", "onet", str(FIXTURES / "onet_text"), stdout=out)
    text = out.getvalue()
    assert "O*NET import done." in text
    assert "Now stored: 3 O*NET occupations" in text
    assert "Wrote " in text and " rows in " in text and " s." in text
    assert "[" not in text and "\r" not in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_command_draws_a_progress_bar_on_a_terminal_unless_quiet():
    out = _Terminal()
    call_command("import_taxonomy", "esco", str(FIXTURES / "esco"), stdout=out)
    assert "\rReading skills_en.csv" in out.getvalue()
    assert "[" + "#" * Progress.width + "] 100%" in out.getvalue()
    out = _Terminal()
    call_command(
        "import_taxonomy", "esco", str(FIXTURES / "esco"), "--quiet", stdout=out
    )
    assert "\r" not in out.getvalue()
    assert "Wrote 0 rows" in out.getvalue()


def test_command_errors_name_the_problem_and_change_nothing(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "import_taxonomy", "onet", str(tmp_path / "missing"), stdout=io.StringIO()
        )
    work = copy("onet_text", tmp_path)
    _break(work / "Job Zones.txt", "11-3021.00\t4", "11-3021.00\tfour")
    before = snapshot()
    with pytest.raises(
        CommandError,
        match=r"Job Zones.txt, line 4, column 2 \(Job Zone\).*Nothing was imported.",
    ):
        call_command("import_taxonomy", "onet", str(work), stdout=io.StringIO())
    assert snapshot() == before


def test_command_rejects_an_unknown_source():
    with pytest.raises(CommandError, match="invalid choice: 'lightcast'"):
        call_command(
            "import_taxonomy", "lightcast", str(FIXTURES), stdout=io.StringIO()
        )
