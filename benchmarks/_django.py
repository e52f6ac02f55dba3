"""The one way a benchmark gets a throwaway careerpath: real settings, SQLite (WAL) in a
temporary folder, migrated, with the database cache table; nothing is written outside
that folder."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_throwaway_instance(**environment: str) -> Path:
    """Point careerpath at a new temporary data folder, start Django and migrate.

    ``environment`` adds settings read at start-up (e.g. CAREERPATH_ADMIN_ENABLED).
    Returns the data folder.
    """
    sys.path.insert(0, str(ROOT))
    data_dir = Path(tempfile.mkdtemp(prefix="careerpath-bench-"))
    os.environ["CAREERPATH_DATA_DIR"] = str(data_dir)
    os.environ.update(environment)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")
    os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The test client's host, and static files served without a collected manifest.
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    return data_dir


def seed_demo(scale: int, password: str = "benchmark password") -> float:
    """Seed the demo account at ``scale``; returns the seconds it took."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("seed_demo_data", scale=scale, password=password, stdout=io.StringIO())
    return time.perf_counter() - started
