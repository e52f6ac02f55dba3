"""A plain progress bar for long imports, drawn only on an interactive terminal."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """``Reading skills_en.csv   [########----------]  42%`` redrawn in place.

    Silent when the output is not a terminal (cron, CI, logs) or when asked to be quiet,
    so logs get only the summary lines.
    """

    width = 28

    def __init__(self, out: TextIO, *, enabled: bool) -> None:
        self.out = out
        self.enabled = enabled
        self.label = ""
        self._last = 0.0
        self._drawn = False

    def start(self, label: str) -> None:
        self.finish()
        self.label = label
        self.update(0, 1, force=True)

    def update(self, done: int, total: int, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1 and done < total:
            return
        self._last = now
        share = 0.0 if total <= 0 else min(1.0, done / total)
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.out.write(f"\r{self.label[:40]:<40} [{bar}] {share:4.0%}")
        self.out.flush()
        self._drawn = True

    def finish(self) -> None:
        if self.enabled and self._drawn:
            self.out.write("\n")
            self.out.flush()
        self._drawn = False
