"""Balance data stays with its owner by construction: only named places may read it.

Any new import of the balance area (a shared view, an export for others, another
area's page) fails here until it is added on purpose, with the reason, below.
"""

import re
from pathlib import Path

import careerpath

ROOT = Path(careerpath.__file__).parent
IMPORT = re.compile(r"^\s*(from|import)\s+careerpath\.balance\b", re.MULTILINE)

# Where outside the balance area the check-ins may be reached, and why that is private.
ALLOWED = {
    "api.py": "mounts the balance API, which answers only the caller's own rows",
    "agenda/sources.py": "the owner's own dashboard: only whether this week's check-in is missing",
    "demo/seeders.py": "fills the demo account's own check-ins",
    "reviews/sources.py": "the owner's own review of a period: the trend and the "
    "burnout signal; reviews are never shared",
}


def test_only_the_named_places_outside_balance_import_it():
    importers = {
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "balance" not in path.relative_to(ROOT).parts[:1]
        and "tests" not in path.parts
        and IMPORT.search(path.read_text(encoding="utf-8"))
    }
    assert importers == set(ALLOWED)


def test_the_dashboard_item_carries_no_balance_numbers():
    source = (ROOT / "balance" / "agenda.py").read_text(encoding="utf-8")
    # The due item is built from the date alone; no field of a check-in is read.
    for field in ("hours_worked", "energy", "stress", "satisfaction", "sleep_hours"):
        assert field not in source
