"""Damaged compression in a release: the command's own error naming the file, nothing written.

A zip member or ``.gz`` file whose deflate stream is broken, a truncated gzip, a file
that is not a zip and a CRC mismatch all end as ``TaxonomyFileError`` (and, through
``import_taxonomy``, a ``CommandError`` saying nothing was imported) — never a
``zlib.error``, ``EOFError`` or ``BadZipFile`` traceback.
"""

from __future__ import annotations

import gzip
import io
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careerpath.taxonomy.importers.esco import import_esco
from careerpath.taxonomy.importers.files import TaxonomyFileError
from careerpath.taxonomy.importers.onet import import_onet
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.tests.test_importers import snapshot

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def quiet() -> Progress:
    return Progress(io.StringIO(), enabled=False)


def esco_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted((FIXTURES / "esco").iterdir()):
            archive.write(file, file.name)
    return path


def member_offset(path: Path, name: str) -> tuple[int, int]:
    """Where a member's compressed bytes start in the zip, and how many there are."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = path.read_bytes()
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 :][:4])
    return info.header_offset + 30 + name_len + extra_len, info.compress_size


def damage(path: Path, offset: int, replacement: bytes) -> None:
    data = bytearray(path.read_bytes())
    data[offset : offset + len(replacement)] = replacement
    path.write_bytes(bytes(data))


def broken_deflate_zip(tmp_path: Path) -> Path:
    path = esco_zip(tmp_path / "esco.zip")
    start, _ = member_offset(path, "skills_en.csv")
    damage(path, start, b"\xff\xff\xff\xff")  # an invalid deflate block type
    return path


def crc_zip(tmp_path: Path) -> Path:
    path = tmp_path / "esco.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for file in sorted((FIXTURES / "esco").iterdir()):
            archive.write(file, file.name)
    start, size = member_offset(path, "skills_en.csv")
    data = path.read_bytes()
    # Change one stored byte of the text (not the header): only the CRC notices.
    at = start + size // 2
    damage(path, at, b"Y" if data[at : at + 1] != b"Y" else b"Z")
    return path


def onet_gz(tmp_path: Path, transform) -> Path:
    work = tmp_path / "onet"
    shutil.copytree(FIXTURES / "onet_csv", work)
    target = work / "related_occupations.csv.gz"
    target.write_bytes(transform(target.read_bytes()))
    return work


def broken_deflate_gz(data: bytes) -> bytes:
    """The same file with an invalid block type where its deflate stream starts."""
    data = gzip.compress(gzip.decompress(data), mtime=0)  # a 10-byte header, no name
    return data[:10] + b"\xff\xff\xff\xff" + data[14:]


def truncated_gz(data: bytes) -> bytes:
    return data[: len(data) // 2]


def crc_gz(data: bytes) -> bytes:
    return data[:-8] + bytes(b ^ 0xFF for b in data[-8:-4]) + data[-4:]


@pytest.mark.parametrize(
    "make, importer, name, reason",
    [
        (broken_deflate_zip, import_esco, "esco.zip/skills_en.csv", "unreadable"),
        (crc_zip, import_esco, "esco.zip/skills_en.csv", "unreadable"),
        (
            lambda tmp: onet_gz(tmp, broken_deflate_gz),
            import_onet,
            "related_occupations.csv.gz",
            "unreadable",
        ),
        (
            lambda tmp: onet_gz(tmp, truncated_gz),
            import_onet,
            "related_occupations.csv.gz",
            "unreadable",
        ),
        (
            lambda tmp: onet_gz(tmp, crc_gz),
            import_onet,
            "related_occupations.csv.gz",
            "unreadable",
        ),
        (
            lambda tmp: onet_gz(tmp, lambda data: b"\x1f\x8b" + b"\x00" * 40),
            import_onet,
            "related_occupations.csv.gz",
            "unreadable",
        ),
    ],
    ids=[
        "zip-deflate",
        "zip-crc",
        "gz-deflate",
        "gz-truncated",
        "gz-crc",
        "gz-bad-header",
    ],
)
def test_damaged_compression_is_named_and_nothing_is_written(
    tmp_path, make, importer, name, reason
):
    source = make(tmp_path)
    before = snapshot()
    with pytest.raises(TaxonomyFileError) as error:
        importer([source], quiet())
    assert str(error.value).startswith(name + ", line ")
    assert reason in str(error.value)
    assert snapshot() == before


def test_the_command_reports_a_broken_deflate_stream_as_its_own_error(tmp_path):
    source = broken_deflate_zip(tmp_path)
    before = snapshot()
    with pytest.raises(
        CommandError, match=r"^esco\.zip/skills_en\.csv, line 1: .*Nothing was imported"
    ):
        call_command("import_taxonomy", "esco", str(source), stdout=io.StringIO())
    work = onet_gz(tmp_path, broken_deflate_gz)
    with pytest.raises(
        CommandError, match=r"^related_occupations\.csv\.gz, line 1: .*Nothing was"
    ):
        call_command("import_taxonomy", "onet", str(work), stdout=io.StringIO())
    assert snapshot() == before


def test_a_zip_that_is_not_a_zip_inside_a_directory_is_named(tmp_path):
    shutil.copytree(FIXTURES / "esco", tmp_path / "esco")
    (tmp_path / "esco" / "extra.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TaxonomyFileError, match=r"^extra\.zip, line 1"):
        import_esco([tmp_path / "esco"], quiet())


def test_a_gzip_holding_nothing_is_an_empty_file(tmp_path):
    work = onet_gz(tmp_path, lambda data: gzip.compress(b"", mtime=0))
    with pytest.raises(
        TaxonomyFileError, match=r"related_occupations\.csv\.gz, line 1: the file is"
    ):
        import_onet([work], quiet())


# Found by the property test on PostgreSQL, which refuses what SQLite stores.


def test_a_nul_character_is_refused_before_anything_is_written(tmp_path):
    work = tmp_path / "onet"
    shutil.copytree(FIXTURES / "onet_text", work)
    path = work / "Alternate Titles.txt"
    path.write_bytes(path.read_bytes().replace(b"\tMachine", b"\t\x00Machine"))
    before = snapshot()
    with pytest.raises(
        TaxonomyFileError,
        match=r"Alternate Titles\.txt, line 3, column 2: a NUL character",
    ):
        import_onet([work], quiet())
    assert snapshot() == before


def test_a_concept_uri_longer_than_the_column_is_refused(tmp_path):
    work = tmp_path / "esco"
    shutil.copytree(FIXTURES / "esco", work)
    path = work / "skills_en.csv"
    uri = b"http://data.europa.eu/esco/skill/"
    path.write_bytes(path.read_bytes().replace(uri, uri + b"x" * 300, 1))
    before = snapshot()
    with pytest.raises(
        TaxonomyFileError,
        match=r"skills_en\.csv, line 2, column 2 \(conceptUri\): not a concept URI",
    ):
        import_esco([work], quiet())
    assert snapshot() == before


def test_a_zip_claiming_a_version_zipfile_cannot_read_is_named(tmp_path):
    """Found by the property test: one damaged byte in the central directory."""
    path = esco_zip(tmp_path / "esco.zip")
    data = bytearray(path.read_bytes())
    directory = data.rfind(b"PK\x01\x02")  # the last member's directory entry
    data[directory + 6] = 235  # "version needed to extract": 23.5
    path.write_bytes(bytes(data))
    with pytest.raises(
        TaxonomyFileError, match=r"^esco\.zip, line 1: not a readable zip"
    ):
        import_esco([path], quiet())
