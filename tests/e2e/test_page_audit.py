"""Every page a person can reach, in Chromium at desktop and phone width, light and
dark: axe-core finds no serious or critical accessibility violation.

The pages are found by crawling a demo account's own links from the dashboard and the
navigation (one URL per route), plus the pages a signed-out visitor sees and the API
documentation. Set CAREERPATH_AUDIT_SCREENSHOTS=1 to also keep a full-page screenshot
of each in test-results/audit/, and CAREERPATH_AUDIT_ONLY=text to audit only the pages
whose path contains that text (while fixing one page).
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.e2e.axe import blocking, run_axe
from tests.e2e.conftest import DESKTOP, PHONE, RESULTS_DIR
from tests.e2e.test_journey_goals import london_today

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIGNED_OUT_PAGES = (
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
)
EXTRA_SIGNED_IN_PAGES = ("/api/v1/docs",)
# Routes that are not pages to look at: leaving, or files to download.
SKIP_ROUTES = {"account_logout"}
MAX_ROUTES = 150


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _route_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def crawl(client, start: list[str]) -> dict[str, str]:
    """route name → the first URL found for it, following the account's own links."""
    found: dict[str, str] = {}
    queue = list(start)
    seen: set[str] = set()
    while queue and len(found) < MAX_ROUTES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        name = _route_name(urlsplit(url).path)
        if name is None or name in SKIP_ROUTES or name in found:
            continue
        if urlsplit(url).path.startswith(("/api/", "/admin/", "/static/")):
            continue
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or "text/html" not in content_type:
            continue
        if not response.content.lstrip().startswith(b"<!DOCTYPE html>"):
            continue  # an htmx fragment, not a page
        found[name] = url
        links = _Links()
        links.feed(response.content.decode())
        for href in links.hrefs:
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            queue.append(href)
    return found


def demo_account_pages(email: str):
    """A signed-in test client for a new demo-seeded account, and route name → URL of
    every page crawled from its dashboard and navigation."""
    from django.test import Client
    from django.urls import reverse

    from careerpath.accounts.tests.factories import UserFactory
    from careerpath.core.context_processors import NAVIGATION
    from careerpath.demo.seeders import seed_all

    user = UserFactory(email=email, display_name="Sam Rivera")
    seed_all(user, scale=1, today=london_today())
    client = Client()
    client.force_login(user)
    start = ["/dashboard/"] + [
        reverse(url_name)
        for _group, entries in NAVIGATION
        for _l, url_name, _prefixes in entries
    ]
    pages = crawl(client, start)
    assert len(pages) >= 40, sorted(pages)
    return client, pages


def _cookie_for(client, base: str) -> list[dict]:
    from django.conf import settings

    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]


@pytest.mark.e2e
def test_every_page_passes_axe_at_both_widths_in_light_and_dark(live_server, browser):
    client, pages = demo_account_pages("audit-e2e@example.org")
    signed_in = sorted(pages.values()) + list(EXTRA_SIGNED_IN_PAGES)
    cookies = _cookie_for(client, live_server.url)
    only = os.environ.get("CAREERPATH_AUDIT_ONLY", "")
    signed_out = [url for url in SIGNED_OUT_PAGES if only in url]
    signed_in = [url for url in signed_in if only in url]

    keep_shots = os.environ.get("CAREERPATH_AUDIT_SCREENSHOTS") == "1"
    shots = RESULTS_DIR / "audit"
    shots.mkdir(parents=True, exist_ok=True)
    # (rule, element, what is wrong) → the page views where axe found it
    problems: dict[tuple[str, str, str], list[str]] = {}
    visited = 0
    for width in (DESKTOP, PHONE):
        for scheme in ("light", "dark"):
            for urls, signed in ((signed_in, True), (signed_out, False)):
                context = browser.new_context(
                    viewport={"width": width, "height": 900},
                    is_mobile=width < 600,
                    color_scheme=scheme,
                    locale="en-GB",
                    timezone_id="Europe/London",
                )
                if signed:
                    context.add_cookies(cookies)
                page = context.new_page()
                try:
                    for url in urls:
                        response = page.goto(live_server.url + url)
                        assert response is not None and response.ok, (url, width)
                        visited += 1
                        if url in EXTRA_SIGNED_IN_PAGES:
                            # Swagger UI draws itself from the schema after load.
                            page.wait_for_selector(".swagger-ui .info")
                        for violation in blocking(run_axe(page)):
                            for node in violation["nodes"]:
                                key = (violation["id"], node["target"], node["summary"])
                                problems.setdefault(key, []).append(
                                    f"{url} {width}px {scheme}"
                                )
                        if keep_shots:
                            slug = url.strip("/").replace("/", "-") or "home"
                            page.screenshot(
                                path=shots / f"{slug}-{width}-{scheme}.png",
                                full_page=True,
                            )
                finally:
                    context.close()
    if not only:
        assert visited >= 4 * (40 + len(SIGNED_OUT_PAGES))
    report = [
        f"{rule} on {target} ({len(views)} views, e.g. {views[0]}):\n  {summary}"
        for (rule, target, summary), views in sorted(problems.items())
    ]
    assert not problems, f"{len(report)} serious or critical violations:\n" + (
        "\n".join(report)
    )
