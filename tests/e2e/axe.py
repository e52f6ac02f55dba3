"""axe-core (from npm, see package.json) run inside a Playwright page.

The script is evaluated through the DevTools protocol, so the page's Content Security
Policy (no inline scripts) does not block it and the page needs no change.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# What a person relying on assistive technology would be blocked or badly slowed by.
BLOCKING_IMPACTS = ("serious", "critical")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@cache
def _axe_source() -> str:
    if not AXE_SCRIPT.exists():
        raise RuntimeError(
            f"{AXE_SCRIPT} is missing: run `npm ci` in the repository "
            "(scripts/run-tests does it)."
        )
    return AXE_SCRIPT.read_text(encoding="utf-8")


def run_axe(page: Page) -> list[dict]:
    """Every violation axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({
                    target: n.target.join(' '),
                    summary: n.failureSummary,
                })),
            }));
        }""",
        WCAG_TAGS,
    )
    return list(result)


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
