"""The privacy rule is a lint error, not a convention."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")


def ruff_on(source: str, filename: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(RUFF),
            "check",
            "--no-cache",
            "--select",
            "TID251",
            "--stdin-filename",
            filename,
            "-",
        ],
        input=source,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_get_object_or_404_is_banned_outside_core_access():
    source = "from django.shortcuts import get_object_or_404\n"
    result = ruff_on(source, "careerpath/profiles/views.py")
    assert result.returncode == 1
    assert "get_owned_or_404" in result.stdout
    assert ruff_on(source, "careerpath/core/access.py").returncode == 0
