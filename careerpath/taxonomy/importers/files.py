"""Finding and reading the tables of a release: directories, zips, gzip, CSV and TSV.

Tables are read by column name, never by position, so the official O*NET text files
(tab-separated) and the spreadsheet export (comma-separated, UTF-8 BOM, a leading ``PK``
row-number column, some files gzip-compressed) go through the same code, and ESCO's extra
or reordered columns between releases do not matter.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

# ESCO descriptions and alternative-label lists run to tens of kilobytes per cell.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


# What a damaged file raises while it is read: a broken deflate stream (zlib.error), a
# truncated gzip (EOFError), a bad gzip header or CRC (BadGzipFile, an OSError), a bad
# zip member, CRC, compression method or encryption (BadZipFile), a quote that never
# closes (csv.Error).
UNREADABLE = (csv.Error, EOFError, OSError, zlib.error, zipfile.BadZipFile)


class TaxonomyFileError(ValueError):
    """A malformed table; the message names the file, the line and the column."""

    def __init__(
        self, file: str, line: int, message: str, column: str | None = None
    ) -> None:
        self.file, self.line, self.column = file, line, column
        where = f"{file}, line {line}"
        if column:
            where += f", column {column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class TableFile:
    """One table found in the inputs, openable any number of times."""

    name: str  # shown in messages: the file name, or "archive.zip/member.csv"
    key: str  # the table it holds, e.g. "occupation_data" or "skills_en"
    size: int
    opener: Callable[[], IO[bytes]]


def _open_file(path: Path) -> IO[bytes]:
    return path.open("rb")


def table_key(filename: str) -> str:
    """``Occupation Data.txt`` and ``occupation_data.csv.gz`` both → ``occupation_data``."""
    name = filename.rsplit("/", 1)[-1].lower()
    name = re.sub(r"\.gz$", "", name)
    name = re.sub(r"\.(txt|csv|tsv)$", "", name)
    return re.sub(r"[\s_\-]+", "_", name).strip("_")


# What zipfile raises for a damaged archive besides BadZipFile: a version or method it
# cannot read (NotImplementedError), a name flagged UTF-8 that is not (ValueError), a
# directory pointing past the end of the file (OSError).
_BAD_ARCHIVE = (zipfile.BadZipFile, NotImplementedError, ValueError, OSError)


def _open_member(path: Path, member: str) -> IO[bytes]:
    # The member stream keeps the archive open until the reader closes it.
    try:
        archive = zipfile.ZipFile(path)
    except _BAD_ARCHIVE as error:
        raise zipfile.BadZipFile(str(error)) from None
    try:
        return archive.open(member)
    except (*_BAD_ARCHIVE, RuntimeError) as error:
        # Also an unsupported compression method, or an encrypted member.
        archive.close()
        raise zipfile.BadZipFile(str(error)) from None


def _zip_members(path: Path) -> list[TableFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except _BAD_ARCHIVE:
        raise TaxonomyFileError(path.name, 1, "not a readable zip archive.") from None
    found = []
    for info in infos:
        if info.is_dir() or not re.search(r"\.(csv|txt|tsv)(\.gz)?$", info.filename):
            continue
        found.append(
            TableFile(
                name=f"{path.name}/{info.filename}",
                key=table_key(info.filename),
                size=info.file_size,
                opener=functools.partial(_open_member, path, info.filename),
            )
        )
    return found


def find_tables(paths: list[Path]) -> dict[str, TableFile]:
    """Every table in the given directories, zips and files (zips inside a directory too)."""
    tables: dict[str, TableFile] = {}
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path} does not exist.")
        candidates: list[Path] = (
            sorted(p for p in path.iterdir() if p.is_file())
            if path.is_dir()
            else [path]
        )
        for candidate in candidates:
            if candidate.suffix.lower() == ".zip":
                for table in _zip_members(candidate):
                    tables.setdefault(table.key, table)
            elif re.search(r"\.(csv|txt|tsv)(\.gz)?$", candidate.name, re.IGNORECASE):
                table = TableFile(
                    name=candidate.name,
                    key=table_key(candidate.name),
                    size=candidate.stat().st_size,
                    opener=functools.partial(_open_file, candidate),
                )
                tables.setdefault(table.key, table)
    return tables


class _Counting(io.RawIOBase):
    """Counts the bytes read through it, for the progress bar."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


def read_table(
    table: TableFile,
    required: list[str],
    on_progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """Yield ``(line, row, header)`` for every data row, checking the shape as it goes.

    ``line`` is the physical line the record starts on (quoted cells may span lines).
    A missing required column, a row with the wrong number of cells, a broken quote or
    text that is not UTF-8 raises ``TaxonomyFileError``.
    """
    line = 1
    text: IO[str] | None = None
    try:
        raw = _Counting(table.opener())
        buffered = io.BufferedReader(raw)
        first = buffered.peek(2)[:2]
        stream: IO[bytes] = buffered
        if table.name.lower().endswith(".gz") or first == b"\x1f\x8b":
            stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        sample_name = re.sub(r"\.gz$", "", table.name.lower())
        tab = sample_name.endswith((".txt", ".tsv"))
        reader = csv.reader(
            text,
            delimiter="\t" if tab else ",",
            quoting=csv.QUOTE_NONE if tab else csv.QUOTE_MINIMAL,
            strict=True,
        )
        try:
            header = [cell.strip() for cell in next(reader)]
        except StopIteration:
            raise TaxonomyFileError(table.name, 1, "the file is empty.") from None
        _refuse_nul(table, 1, header)
        missing = [name for name in required if name not in header]
        if missing:
            raise TaxonomyFileError(
                table.name,
                1,
                f"missing column {missing[0]!r} (the header has: "
                f"{', '.join(header[:8])}{'…' if len(header) > 8 else ''}).",
                column=str(len(header) + 1),
            )
        line = reader.line_num + 1
        rows = 0
        for cells in reader:
            if not cells or cells == [""]:
                line = reader.line_num + 1
                continue
            _refuse_nul(table, line, cells)
            if len(cells) != len(header):
                raise TaxonomyFileError(
                    table.name,
                    line,
                    f"expected {len(header)} cells, found {len(cells)}.",
                    column=str(min(len(cells), len(header)) + 1),
                )
            yield line, dict(zip(header, cells, strict=True)), header
            line = reader.line_num + 1
            rows += 1
            if on_progress and rows % 2000 == 0:
                on_progress(raw.count, table.size)
    except UnicodeDecodeError:
        raise TaxonomyFileError(
            table.name, line, "the text is not UTF-8 (is this the right file?)."
        ) from None
    except UNREADABLE as error:
        raise TaxonomyFileError(table.name, line, f"unreadable: {error}.") from None
    finally:
        if text is not None:
            text.close()
    if on_progress:
        on_progress(table.size, table.size)


def _refuse_nul(table: TableFile, line: int, cells: list[str]) -> None:
    """NUL is no character of a text table, and PostgreSQL cannot store it."""
    for index, cell in enumerate(cells):
        if "\x00" in cell:
            raise TaxonomyFileError(
                table.name,
                line,
                "a NUL character (is this a text file?).",
                column=str(index + 1),
            )


def column_ref(header: list[str], name: str) -> str:
    """``3 (skillType)`` — the column's position and name, for messages."""
    return f"{header.index(name) + 1} ({name})"
