"""Project rules that are lint errors, not conventions."""

import ast
import subprocess
import sys
import tomllib
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


def _squash_idioms(path: Path) -> list[int]:
    """Lines of ``" ".join(x.split())`` in ``path`` (what core.text.squash is for)."""

    lines = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join"
            and isinstance(node.func.value, ast.Constant)
            and node.func.value.value == " "
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Call)
            and isinstance(node.args[0].func, ast.Attribute)
            and node.args[0].func.attr == "split"
            and not node.args[0].args
        ):
            lines.append(node.lineno)
    return lines


def test_white_space_is_squashed_in_one_place():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "careerpath").rglob("*.py"))
        if not {"migrations", "tests"} & set(path.parts) and path.name != "text.py"
        for line in _squash_idioms(path)
    ]
    assert found == [], "use careerpath.core.text.squash instead"


def test_the_squash_rule_sees_the_idiom(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("a = ' '.join(str(b).split())\nc = ' '.join(d.split(';'))\n")
    assert _squash_idioms(sample) == [1]


SHARED_HELPERS = {
    "add_months": "careerpath/core/dates.py",
    "month_start": "careerpath/core/dates.py",
    "next_month": "careerpath/core/dates.py",
    "months_ending": "careerpath/core/dates.py",
    "squash": "careerpath/core/text.py",
}


def test_shared_helpers_are_defined_once():
    """Month arithmetic and text tidying have one home each; other modules import it."""
    found = []
    for path in sorted((ROOT / "careerpath").rglob("*.py")):
        if {"migrations", "tests"} & set(path.parts):
            continue
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(), where)):
            if isinstance(node, ast.FunctionDef):
                name = node.name.lstrip("_")
                if SHARED_HELPERS.get(name, where) != where:
                    found.append(f"{where}:{node.lineno} {node.name}")
    assert found == [], "import these from careerpath.core instead"


def test_commands_share_helpers_from_core_not_from_each_other():
    """Owner lookup and date options live in careerpath.core.commands."""
    found = []
    for path in sorted((ROOT / "careerpath").glob("*/management/commands/*.py")):
        where = str(path.relative_to(ROOT))
        source = path.read_text()
        for node in ast.walk(ast.parse(source, where)):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("careerpath.")
                and ".management." in node.module
            ):
                found.append(f"{where}:{node.lineno} imports {node.module}")
        if "email__iexact" in source and "seed_demo_data" not in where:
            found.append(f"{where}: looks an owner up itself")
    assert found == [], "use careerpath.core.commands"


def _contracts() -> list[dict]:

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["contracts"]


def test_every_app_but_the_agenda_demo_and_reviews_is_kept_from_balance():
    """A new app is forbidden to read balance until someone decides otherwise."""
    (contract,) = [c for c in _contracts() if c["type"] == "forbidden"]
    assert contract["forbidden_modules"] == ["careerpath.balance"]
    apps = {
        f"careerpath.{path.parent.name}"
        for path in (ROOT / "careerpath").glob("*/apps.py")
    }
    allowed = {
        f"careerpath.{name}" for name in ("agenda", "demo", "reviews", "balance")
    }
    assert set(contract["source_modules"]) == apps - allowed


def test_every_app_has_a_layer():
    (contract,) = [c for c in _contracts() if c["type"] == "layers"]
    layered = {
        name.strip(" ()")
        for layer in contract["layers"]
        for name in layer.replace(":", "|").split("|")
    }
    apps = {
        f"careerpath.{path.parent.name}"
        for path in (ROOT / "careerpath").glob("*/apps.py")
    }
    assert apps <= layered
    assert layered >= {"careerpath.reviews", "careerpath.sharing", "careerpath.interop"}


def test_one_lint_script_runs_every_static_check():
    lint = (ROOT / "scripts/lint").read_text()
    for check in (
        "ruff check",
        "ruff format --check",
        "lint-imports",
        "makemigrations",
    ):
        assert check in lint
    run_tests = (ROOT / "scripts/run-tests").read_text()
    assert "\nscripts/lint\n" in run_tests
    assert "bin/ruff" not in run_tests and "lint-imports" not in run_tests


def test_the_readme_links_the_architecture_and_contributing_guides():
    readme = (ROOT / "README.md").read_text()
    for doc in ("docs/architecture.md", "CONTRIBUTING.md"):
        assert f"]({doc})" in readme
        assert (ROOT / doc).is_file()


def test_every_list_pages_with_the_one_pager():
    source = "from django.core.paginator import Paginator\n"
    result = ruff_on(source, "careerpath/goals/views.py")
    assert result.returncode == 1
    assert "core.pagination.paginate" in result.stdout


def test_confirm_delete_pages_share_one_form():
    pages = sorted((ROOT / "careerpath").glob("*/templates/*/*confirm_delete*.html"))
    assert pages
    for page in pages:
        text = page.read_text()
        assert '{% include "components/confirm_delete.html"' in text, page
        assert "button--danger" not in text, page


def test_area_tabs_share_one_component():
    templates = sorted((ROOT / "careerpath").rglob("*.html"))
    own = [
        str(path.relative_to(ROOT))
        for path in templates
        if 'class="subnav"' in path.read_text() and path.name != "tabs.html"
    ]
    assert own == [], "include components/tabs.html"


# Read models with one builder each: (what builds it, the one module allowed to).
ONE_BUILDER = {
    "item_skills=tuple(": "careerpath/learning/log.py",  # the learning log's hours
    "summarise_themes(": "careerpath/feedback/improvement.py",  # the themes report
    # A target role's profile and gaps, and the skills a gap analysis compares.
    "build_role_profile(": "careerpath/skills/role_analysis.py",
    "rank_gaps(": "careerpath/skills/role_analysis.py",
    "Holding(": "careerpath/skills/holdings.py",
}


def test_each_read_model_is_built_in_one_module():
    found = []
    for path in sorted((ROOT / "careerpath").rglob("*.py")):
        where = str(path.relative_to(ROOT))
        if "tests" in path.parts:
            continue
        text = path.read_text()
        for marker, home in ONE_BUILDER.items():
            used = text.replace(f"def {marker}", "")  # defining the rule builds nothing
            if marker in used and where != home and not where.endswith("themes.py"):
                found.append(f"{where} builds what {home} builds")
    assert found == []


# Services modules that hold writes only: every public function in them writes.
WRITES_ONLY = [
    "careerpath/learning/services.py",
    "careerpath/network/services.py",
    "careerpath/skills/services.py",
]
# Calls that change rows: a model's or a manager's, a query set's, a relation's.
WRITE_CALLS = {
    "save",
    "create",
    "delete",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "add",
    "remove",
    "set",
    "clear",
}


def reads_in_services(source: str) -> list[str]:
    """Public functions that write nothing: neither run in ``transaction.atomic`` nor
    call a write, directly or through the module's own helpers."""
    functions = {
        node.name: node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef)
    }
    writes: dict[str, bool] = {}
    helpers: dict[str, set[str]] = {}
    for name, function in functions.items():
        writes[name] = any(
            "atomic" in ast.unparse(decorator) for decorator in function.decorator_list
        )
        helpers[name] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Attribute):
                    writes[name] |= node.func.attr in WRITE_CALLS
                elif isinstance(node.func, ast.Name) and node.func.id in functions:
                    helpers[name].add(node.func.id)

    def does_write(name: str, seen: frozenset[str] = frozenset()) -> bool:
        return writes[name] or any(
            does_write(helper, seen | {name})
            for helper in helpers[name] - seen - {name}
        )

    return [
        name for name in functions if not name.startswith("_") and not does_write(name)
    ]


def test_services_modules_hold_writes_only():
    found = [
        f"{where} {name}: a read model goes in a module named for what it builds"
        for where in WRITES_ONLY
        for name in reads_in_services((ROOT / where).read_text())
    ]
    assert found == []


def test_the_writes_only_rule_sees_a_read():
    source = (
        "@transaction.atomic\n"
        "def save_role(role):\n"
        "    role.save()\n"
        "def _store(role):\n"
        "    role.save()\n"
        "def rename_role(role):\n"
        "    _store(role)\n"
        "def role_gaps(role):\n"
        "    return rank_gaps(role.requirements.all())\n"
    )
    assert reads_in_services(source) == ["role_gaps"]


def test_paged_lists_share_one_pager_template():
    own = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "careerpath").rglob("*.html")
        if "has_other_pages" in path.read_text()
        or "previous_page_number" in path.read_text()
    }
    assert own == set(), "include components/pager.html"
