"""Backup time of ``careerpath backup`` while the app writes at a steady rate.

    .venv/bin/python benchmarks/backup.py [--megabytes 50] [--rate 50] [--runs 3] [--compare]

Builds a throwaway data folder with the real settings (``careerpath migrate``), fills it
to the given size, then starts a writer committing one row at a time at ``--rate``
writes per second (WAL, synchronous=FULL, BEGIN IMMEDIATE, as the app does) and runs
``careerpath backup`` ``--runs`` times. It prints the copy time the command reports, the
whole command's time (including Python and Django start-up), the writer's achieved rate
and its slowest commit during the backups. ``--compare`` also times the step-by-step
``sqlite3 .backup`` of the sqlite3 command-line tool under the same load (given up on
after 120 s). Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CAREERPATH = Path(sys.executable).with_name("careerpath")


def environment(data_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CAREERPATH_") and k != "DATABASE_URL"
    }
    env.update(DJANGO_SETTINGS_MODULE="careerpath.settings")
    env["CAREERPATH_DATA_DIR"] = str(data_dir)
    return env


def run(data_dir: Path, *args: str) -> str:
    result = subprocess.run(
        [str(CAREERPATH), *args],
        env=environment(data_dir),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def fill(database: Path, megabytes: int) -> None:
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    payload = os.urandom(1500).hex()[:2000]
    rows = megabytes * 1_000_000 // 2100
    with db:
        db.executemany(
            "INSERT INTO careerpath_cache (cache_key, value, expires) "
            "VALUES (?, ?, '2099-01-01 00:00:00')",
            ((f"fill-{i}", payload) for i in range(rows)),
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


class Writer(threading.Thread):
    def __init__(self, database: Path, rate: float) -> None:
        super().__init__(daemon=True)
        self.database = database
        self.pause = 1 / rate
        self.stop = threading.Event()
        self.count = 0
        self.latencies: list[tuple[float, float]] = []  # (finished at, seconds)

    def run(self) -> None:
        db = sqlite3.connect(self.database, timeout=20, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        next_at = time.perf_counter()
        while not self.stop.is_set():
            started = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO careerpath_cache (cache_key, value, expires) "
                "VALUES (?, ?, '2099-01-01 00:00:00')",
                (f"write-{self.count}", "x" * 300),
            )
            db.execute("COMMIT")
            finished = time.perf_counter()
            self.latencies.append((finished, finished - started))
            self.count += 1
            next_at += self.pause
            time.sleep(max(0.0, next_at - time.perf_counter()))
        db.close()

    def during(self, start: float, end: float) -> tuple[float, float]:
        """Writes per second and the slowest commit between ``start`` and ``end``."""
        inside = [s for t, s in self.latencies if start <= t <= end]
        rate = len(inside) / (end - start) if end > start else 0.0
        return rate, max(inside, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--rate", type=float, default=50.0, help="writes per second")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="careerpath-backup-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        run(data_dir, "migrate", "--verbosity", "0")
        run(data_dir, "createcachetable")
        database = data_dir / "careerpath.sqlite3"
        fill(database, args.megabytes)
        size = database.stat().st_size / 1_000_000
        print(f"Database: {size:.1f} MB; writer: {args.rate:g} writes/s")

        writer = Writer(database, args.rate)
        writer.start()
        time.sleep(2)
        try:
            for n in range(1, args.runs + 1):
                target = Path(tmp) / f"backup-{n}"
                started = time.perf_counter()
                out = run(data_dir, "backup", str(target))
                ended = time.perf_counter()
                copy = re.search(r" in ([\d.]+) s", out)
                rate, slowest = writer.during(started, ended)
                print(
                    f"careerpath backup #{n}: copy {float(copy.group(1)) if copy else 0:.2f} s, "
                    f"command {ended - started:.2f} s; writer {rate:.0f} writes/s, "
                    f"slowest commit {slowest * 1000:.0f} ms"
                )
                shutil.rmtree(target)
            sqlite_cli = shutil.which("sqlite3")
            if args.compare and sqlite_cli:
                target = Path(tmp) / "cli-backup.sqlite3"
                started = time.perf_counter()
                try:
                    subprocess.run(
                        [sqlite_cli, str(database), f".backup '{target}'"],
                        check=True,
                        timeout=120,
                        capture_output=True,
                    )
                    outcome = f"{time.perf_counter() - started:.2f} s"
                except subprocess.TimeoutExpired:
                    outcome = "did not finish in 120 s"
                rate, slowest = writer.during(started, time.perf_counter())
                print(
                    f"sqlite3 .backup: {outcome}; writer {rate:.0f} writes/s, "
                    f"slowest commit {slowest * 1000:.0f} ms"
                )
        finally:
            writer.stop.set()
            writer.join()
        print(f"Writes committed in all: {writer.count}")


if __name__ == "__main__":
    main()
