"""What every importer shares: the result it reports and the helpers for checked values."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from careerpath.taxonomy.importers.files import TableFile, TaxonomyFileError, column_ref
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.importers.writer import Counts
from careerpath.taxonomy.lookup import invalidate_vocabulary
from careerpath.taxonomy.models import ImportRun


@dataclass
class ImportResult:
    """What an import read and wrote, for the command's summary and the ImportRun row."""

    source: str
    files: list[str] = field(default_factory=list)
    rows_read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """Human-readable summary lines."""
        out = [
            f"Read {self.rows_read:,} rows from {len(self.files)} files "
            f"({', '.join(Path(name).name for name in self.files)}).",
            "Now stored: "
            + ", ".join(f"{n:,} {table}" for table, n in self.totals.items())
            + ".",
        ]
        for table in self.counts.created:
            out.append(
                f"  {table}: {self.counts.created[table]:,} new, "
                f"{self.counts.updated.get(table, 0):,} updated, "
                f"{self.counts.deleted.get(table, 0):,} removed"
            )
        for reason, n in self.skipped.items():
            out.append(f"  skipped {n:,} {reason}")
        out.append(f"Wrote {self.counts.written:,} rows in {self.seconds:.1f} s.")
        return out


class Timer:
    def __init__(self) -> None:
        self.started = time.monotonic()

    @property
    def seconds(self) -> float:
        return round(time.monotonic() - self.started, 2)


def finish(result: ImportResult, timer: Timer, summary: str) -> None:
    """Record the run (inside the import's transaction) and drop vocabulary caches after commit."""
    result.seconds = timer.seconds
    ImportRun.objects.create(
        source=result.source,
        rows=result.counts.written,
        seconds=result.seconds,
        summary=summary[:255],
    )
    transaction.on_commit(invalidate_vocabulary)


def reading(progress: Progress, table: TableFile) -> Callable[[int, int], None]:
    """Show "Reading <file>" and return the callback that moves the bar."""
    progress.start(f"Reading {Path(table.name).name}")
    return progress.update


def require(
    table: TableFile, line: int, header: list[str], column: str, ok: bool, message: str
) -> None:
    """Raise a located error unless ``ok``."""
    if not ok:
        raise TaxonomyFileError(
            table.name, line, message, column=column_ref(header, column)
        )


def split_labels(cell: str) -> list[str]:
    """ESCO label lists: one label per line (some exports use `` | `` instead)."""
    return [part.strip() for part in re.split(r"\n| \| ", cell) if part.strip()]
