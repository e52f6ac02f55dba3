"""Mutated ESCO and O*NET releases: the importer's own error with nothing written, or success.

Seeds are the fixtures in the release formats plus small samples cut from the real
releases in the shared data directory (when it is there): the first rows of ESCO
v1.1.1's skills, occupations, language collection and occupation–skill relations, and
O*NET 29's occupation data and related occupations (gzip). One file of a seed is cut
short, re-encoded, given a BOM, binary noise, a duplicated or missing column, mixed
line ends, a huge cell or a character databases treat differently (NUL, NEL, U+2028);
sometimes the result is gzip-compressed, zipped, or its compressed bytes are damaged.

Outcomes, the same on SQLite and PostgreSQL (CI runs both):

- ``TaxonomyFileError`` (or ``FileNotFoundError`` for a required table that is not
  there) and every taxonomy table as it was; or
- success, and importing the same files again writes nothing: what was stored is what
  was read, with no value cut or changed by the database.

``CAREERPATH_FUZZ_EXAMPLES=500`` runs more examples per test than the default 100.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from careerpath.taxonomy.importers.esco import import_esco
from careerpath.taxonomy.importers.files import TaxonomyFileError
from careerpath.taxonomy.importers.onet import import_onet
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.tests.test_importers import snapshot

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(os.environ.get("CAREERPATH_SHARED_DATA", "/work/shared/data"))
ESCO_ZIP = DATA / "esco/v1.1.1/ESCO dataset - v1.1.1 - classification - en - csv.zip"
RELATIONS_ZIP = DATA / "esco/v1.1.1/ESCO dataset - v1.1.1 - classification -  - csv.zip"
ONET = DATA / "onet-29"
EXAMPLES = int(os.environ.get("CAREERPATH_FUZZ_EXAMPLES", "100"))

Seed = dict[str, bytes]  # file name → contents


def _head(stream: io.BufferedIOBase, rows: int) -> bytes:
    """The header and the first ``rows`` records of a CSV (quoted cells span lines)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    out, quotes, records = [], 0, -1
    for line in text:
        out.append(line)
        quotes += line.count('"')
        if quotes % 2 == 0:
            records += 1
            if records >= rows:
                break
    return "".join(out).encode()


def _real_esco() -> Seed | None:
    if not (ESCO_ZIP.exists() and RELATIONS_ZIP.exists()):
        return None
    seed = {}
    with zipfile.ZipFile(ESCO_ZIP) as archive:
        for name, rows in (
            ("skills_en.csv", 30),
            ("occupations_en.csv", 10),
            ("languageSkillsCollection_en.csv", 10),
        ):
            with archive.open(name) as member:
                seed[name] = _head(member, rows)  # type: ignore[arg-type]
    with (
        zipfile.ZipFile(RELATIONS_ZIP) as archive,
        archive.open("occupationSkillRelations.csv") as member,
    ):
        seed["occupationSkillRelations.csv"] = _head(member, 60)  # type: ignore[arg-type]
    return seed


def _real_onet() -> Seed | None:
    if not (ONET / "occupation_data.csv").exists():
        return None
    with (ONET / "occupation_data.csv").open("rb") as f:
        data = _head(f, 40)  # type: ignore[arg-type]
    with gzip.open(ONET / "related_occupations.csv.gz", "rb") as f:
        related = _head(f, 80)  # type: ignore[arg-type]
    return {
        "occupation_data.csv": data,
        "related_occupations.csv.gz": gzip.compress(related, mtime=0),
    }


def _directory(path: Path) -> Seed:
    return {f.name: f.read_bytes() for f in sorted(path.iterdir())}


ESCO_SEEDS = [_directory(FIXTURES / "esco")] + [s for s in [_real_esco()] if s]
ONET_SEEDS = [_directory(FIXTURES / "onet_text"), _directory(FIXTURES / "onet_csv")]
ONET_SEEDS += [s for s in [_real_onet()] if s]

NASTY = ["\x00", "\x85", "\u2028", "\ufeff", '"', "\t", ",", "\r", "\n", "\udcff"]


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def mutate_text(draw, data: bytes) -> bytes:
    """One of the ways a table file goes wrong (on its uncompressed bytes)."""
    text = _text(data)
    kind = draw(
        st.sampled_from(
            [
                "truncate",
                "encoding",
                "bom",
                "binary",
                "column",
                "line ends",
                "huge",
                "nasty",
                "lines",
            ]
        )
    )
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "encoding":
        codec = draw(st.sampled_from(["utf-16", "latin-1", "cp1252"]))
        return text.encode(codec, "replace")
    if kind == "bom":
        bom = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
        return bom + data
    if kind == "binary":
        at = draw(st.integers(0, len(data)))
        noise = draw(st.binary(min_size=1, max_size=40))
        return data[:at] + noise + data[at + draw(st.integers(0, 40)) :]
    if kind == "column":
        separator = "\t" if "\t" in text.split("\n", 1)[0] else ","
        index = draw(st.integers(0, 8))
        drop = draw(st.booleans())
        out = []
        for line in text.split("\n"):
            cells = line.split(separator)
            if index < len(cells):
                if drop:
                    del cells[index]
                else:
                    cells.insert(index, cells[index])
            out.append(separator.join(cells))
        return _bytes("\n".join(out))
    if kind == "line ends":
        ending = draw(st.sampled_from(["\r\n", "\n", "\r", "\r\r\n"]))
        lines = text.split("\n")
        count = draw(st.integers(0, len(lines)))
        return _bytes(ending.join(lines[:count]) + "\n" + "\n".join(lines[count:]))
    if kind == "huge":
        at = draw(st.integers(0, len(text)))
        size = draw(st.sampled_from([33, 65, 256, 300, 140_000]))
        filler = draw(st.sampled_from(["x", "é", "\u00df", " "]))
        return _bytes(text[:at] + filler * size + text[at:])
    if kind == "nasty":
        at = draw(st.integers(0, len(text)))
        return _bytes(text[:at] + draw(st.sampled_from(NASTY)) + text[at:])
    lines = text.split("\n")
    at = draw(st.integers(0, max(len(lines) - 1, 0)))
    if draw(st.booleans()):
        lines.insert(at, lines[at])
    else:
        del lines[at]
    return _bytes("\n".join(lines))


@st.composite
def releases(draw, seeds: list[Seed]) -> Seed:
    seed = dict(draw(st.sampled_from(seeds)))
    name = draw(st.sampled_from(sorted(seed)))
    data = seed[name]
    compressed = name.endswith(".gz")
    if compressed:
        data = gzip.decompress(data)
    for _ in range(draw(st.integers(1, 2))):
        data = mutate_text(draw, data)
    if compressed:
        data = gzip.compress(data, mtime=0)
        if draw(st.integers(0, 3)) == 0:  # damage the compressed bytes themselves
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at + 8 :]
    seed[name] = data
    return seed


def write_release(
    tmp: Path, release: Seed, *, zipped: bool, damage: int | None
) -> Path:
    """The files as a directory, or as one zip (optionally with a byte changed)."""
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if not zipped:
        for name, data in release.items():
            (tmp / name).write_bytes(data)
        return tmp
    path = tmp / "release.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in release.items():
            archive.writestr(name, data)
    if damage is not None:
        raw = bytearray(path.read_bytes())
        raw[damage % len(raw)] ^= 0xFF
        path.write_bytes(bytes(raw))
    return path


def check(importer, tmp: Path, release: Seed, zipped: bool, damage: int | None) -> str:
    source = write_release(tmp, release, zipped=zipped, damage=damage)
    quiet = Progress(io.StringIO(), enabled=False)
    before = snapshot()
    try:
        importer([source], quiet)
    except (TaxonomyFileError, FileNotFoundError) as error:
        # FileNotFoundError: a required table is not there (e.g. a damaged zip
        # directory renamed it); the command reports both as its own error.
        assert snapshot() == before, error
        return "refused"
    # What was read is what was stored: the same files again change nothing.
    again = importer([source], quiet)
    assert again.counts.written == 0, again.lines()
    return "imported"


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DAMAGE = st.one_of(st.none(), st.none(), st.integers(0, 10**6))


@FUZZ
@given(release=releases(ESCO_SEEDS), zipped=st.booleans(), damage=DAMAGE)
def test_mutated_esco_releases_fail_cleanly_or_import_exactly(
    tmp_path, release, zipped, damage
):
    event(check(import_esco, tmp_path / "esco", release, zipped, damage))


@FUZZ
@given(release=releases(ONET_SEEDS), zipped=st.booleans(), damage=DAMAGE)
def test_mutated_onet_releases_fail_cleanly_or_import_exactly(
    tmp_path, release, zipped, damage
):
    event(check(import_onet, tmp_path / "onet", release, zipped, damage))
