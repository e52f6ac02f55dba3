"""A real, file-backed careerpath data folder for tests that read the files themselves.

The test database pytest-django makes for SQLite lives in memory, so what is on disk
(the write-ahead log, a backup, a restore) is tested against a data folder made by the
real ``careerpath`` command with the real settings, in a child process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CAREERPATH = Path(sys.executable).with_name("careerpath")
_templates: dict[str, Path] = {}


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a local install whose data folder is ``data_dir``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CAREERPATH_") and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="careerpath.settings",
        CAREERPATH_DATA_DIR=str(data_dir),
        **extra,
    )
    return env


def careerpath(
    data_dir: Path, *args: str, check: bool = True, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run ``careerpath <args>`` against ``data_dir``; output captured as text."""
    result = subprocess.run(
        [str(CAREERPATH), *args],
        env=environment(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"careerpath {' '.join(args)} exited {result.returncode}:\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def migrated_data_dir(base: Path, name: str) -> Path:
    """A fresh data folder with every migration applied (migrated once per run)."""
    if "template" not in _templates:
        template = base / "migrated-template"
        careerpath(template, "migrate", "--verbosity", "0")
        careerpath(template, "createcachetable")
        _templates["template"] = template
    target = base / name
    # Nothing has the template open, so its files can be copied as they are.
    shutil.copytree(_templates["template"], target)
    return target
