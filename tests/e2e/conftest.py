"""Browser fixtures for the end-to-end journeys (Playwright, sync API, Debian's Chromium).

Every page opened through ``page_factory`` records console errors (which include CSP
violations) and uncaught page exceptions; a test that produced any fails.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

# The sync API runs an asyncio event loop in this thread; Django would otherwise
# refuse ORM calls made from the test (e.g. clearing the database cache).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
RESULTS_DIR = REPO_ROOT / "test-results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = 1280
PHONE = 390
HEIGHTS = {DESKTOP: 900, PHONE: 844}
DEFAULT_TIMEOUT_MS = 15_000


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets fixtures know whether the test body failed (for failure screenshots).
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    # Console errors fail the test itself (not its teardown) once the body has run.
    result = yield
    factory = getattr(item, "funcargs", {}).get("page_factory")
    if factory is not None:
        factory.assert_no_console_errors()
    return result


@pytest.fixture(scope="session")
def _playwright() -> Iterator:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright) -> Iterator[Browser]:
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _e2e_clear_cache(transactional_db):
    # Rate limits (and allauth's used-TOTP-code marks) live in the cache.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


class PageFactory:
    """Opens pages in fresh browser contexts and watches their consoles."""

    def __init__(self, browser: Browser, test_name: str) -> None:
        self.browser = browser
        self.test_name = test_name
        self.contexts: list[BrowserContext] = []
        self.console_errors: list[str] = []

    def new_page(self, width: int = DESKTOP, *, storage_state=None) -> Page:
        """A page in a new context ``width`` pixels wide (1280 desktop, 390 phone).

        ``storage_state`` (from ``context.storage_state()``) carries cookies over, so a
        phone-sized context can share a desktop context's session.
        """
        phone = width < 600
        context = self.browser.new_context(
            viewport={"width": width, "height": HEIGHTS.get(width, 900)},
            is_mobile=phone,
            has_touch=phone,
            device_scale_factor=1,
            storage_state=storage_state,
            locale="en-GB",
            timezone_id="Europe/London",
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        self.contexts.append(context)
        page = context.new_page()
        label = f"{width}px"

        def on_console(message) -> None:
            if message.type == "error":
                self.console_errors.append(f"[{label}] {page.url}: {message.text}")

        def on_page_error(error) -> None:
            self.console_errors.append(f"[{label}] {page.url}: uncaught {error}")

        page.on("console", on_console)
        page.on("pageerror", on_page_error)
        return page

    def assert_no_console_errors(self) -> None:
        errors, self.console_errors = self.console_errors, []
        assert not errors, "Console errors in the browser:\n" + "\n".join(errors)

    def close(self, failed: bool) -> None:
        for index, context in enumerate(self.contexts):
            if failed:
                for page_index, page in enumerate(context.pages):
                    with contextlib.suppress(Exception):  # best effort only
                        page.screenshot(
                            path=RESULTS_DIR
                            / f"{self.test_name}-FAILED-{index}-{page_index}.png",
                            full_page=True,
                        )
            context.close()


@pytest.fixture
def page_factory(browser: Browser, request) -> Iterator[PageFactory]:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    factory = PageFactory(browser, re.sub(r"\W+", "-", request.node.name).strip("-"))
    yield factory
    report = getattr(request.node, "rep_call", None)
    factory.close(failed=bool(report and report.failed))


@pytest.fixture
def new_page(page_factory: PageFactory):
    return page_factory.new_page


@pytest.fixture
def screenshot():
    """``screenshot(page, "accounts-dashboard", "desktop")`` → test-results/accounts-dashboard-desktop.png."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)

    def take(page: Page, step: str, device: str) -> Path:
        path = RESULTS_DIR / f"{step}-{device}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take
