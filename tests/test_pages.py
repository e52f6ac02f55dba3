"""Error pages and the account pages' query budgets."""

from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import permission_denied, server_error

from careerpath.accounts.models import SecurityEvent
from careerpath.accounts.services import create_api_token


def test_500_page_is_ours_and_needs_no_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
def test_403_page_is_ours(alice):
    request = RequestFactory().get("/")
    request.user = alice
    response = permission_denied(request, exception=None)
    assert response.status_code == 403
    assert "You can't do that here" in response.content.decode()


@pytest.mark.django_db
def test_csrf_failure_gets_a_clear_page(alice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("profiles:profile_edit"), {"current_role": "x"})
    assert response.status_code == 403
    assert "reload the page and try again" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_token_list_and_security_log_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, count
):
    for n in range(count):
        create_api_token(user=alice, name=f"token {n}")
        SecurityEvent.objects.create(user=alice, kind="login")
    # session, user, tokens
    with django_assert_num_queries(3):
        assert alice_client.get(reverse("accounts:token_list")).status_code == 200
    # session, user, events
    with django_assert_num_queries(3):
        assert alice_client.get(reverse("accounts:security_log")).status_code == 200


class _FormAudit(HTMLParser):
    """Collects landmarks, labelled controls and headings of one page."""

    def __init__(self):
        super().__init__()
        self.labels: set[str] = set()
        self.controls: list[dict[str, str]] = []
        self.landmarks: set[str] = set()
        self.h1 = 0
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag in {"main", "nav", "header", "footer"}:
            self.landmarks.add(tag)
        if tag == "h1":
            self.h1 += 1
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        if tag in {"input", "select", "textarea"} and a.get("type") not in {
            "hidden",
            "submit",
        }:
            self.controls.append(a)


def _audit(html):
    audit = _FormAudit()
    audit.feed(html)
    return audit


@pytest.mark.django_db
def test_every_page_has_landmarks_one_heading_and_labelled_controls(
    alice_client, alice
):
    from careerpath.profiles.tests.factories import (
        ProfileFactory,
        SelfAssessmentFactory,
    )
    from tests.routes import site_routes

    ProfileFactory(owner=alice)
    assessment = SelfAssessmentFactory(owner=alice)
    urls = [reverse(r.name) for r in site_routes() if not r.kwargs_names]
    urls += [
        reverse("profiles:assessment_detail", args=[assessment.pk]),
        reverse("profiles:assessment_edit", args=[assessment.pk]),
        reverse("profiles:assessment_delete", args=[assessment.pk]),
    ]
    from careerpath.balance.tests.factories import CheckInFactory
    from careerpath.journal.tests.factories import EntryFactory, SetbackFactory

    setback = SetbackFactory(entry=EntryFactory(owner=alice))
    check_in = CheckInFactory(owner=alice)
    urls += [
        reverse("journal:entry_detail", args=[setback.entry_id]),
        reverse("journal:entry_edit", args=[setback.entry_id]),
        reverse("balance:checkin_edit", args=[check_in.pk]),
    ]
    checked = 0
    for url in urls:
        response = alice_client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        if not response.content.lstrip().startswith(b"<!DOCTYPE html>"):
            continue  # an htmx fragment (autocomplete suggestions), not a page
        checked += 1
        audit = _audit(response.content.decode())
        assert audit.lang == "en", url
        assert {"main", "header", "footer"} <= audit.landmarks, url
        assert audit.h1 == 1, url
        for control in audit.controls:
            labelled = control.get("id") in audit.labels or control.get("aria-label")
            assert labelled, (url, control)
    assert checked >= 12


@pytest.mark.django_db
def test_every_navigation_entry_opens_and_marks_its_area_as_current(client, alice):
    from careerpath.core.context_processors import NAVIGATION

    client.force_login(alice)
    entries = [entry for _group, group_entries in NAVIGATION for entry in group_entries]
    assert len({url_name for _label, url_name, _prefixes in entries}) == len(entries)
    for label, url_name, prefixes in entries:
        url = reverse(url_name)
        assert url.startswith(prefixes), (url_name, url, prefixes)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.context["nav_current"] == label
        html = response.content.decode()
        # Areas may mark their own sub-navigation too; the main menu marks one entry.
        menu = html[html.index('<nav class="site-nav"') :]
        menu = menu[: menu.index("</nav>")]
        assert f'aria-current="page">{label}</a>' in menu
        assert menu.count('aria-current="page"') == 1, url


# Pages that belong to no area of the plan: the account, the way in, the probe.
OUTSIDE_THE_AREAS = ("accounts/", "healthz")


def test_every_page_of_an_area_marks_that_area_in_the_menu():
    """A new page under an unlisted prefix (e.g. /milestones/…) would leave the menu
    with nothing marked; every route of an area must match an entry's prefixes."""
    from careerpath.core.context_processors import NAVIGATION
    from tests.routes import site_routes

    prefixes = tuple(
        prefix
        for _group, entries in NAVIGATION
        for _label, _url_name, entry_prefixes in entries
        for prefix in entry_prefixes
    )
    unmarked = [
        route.path
        for route in site_routes()
        if route.path
        and not route.path.startswith(OUTSIDE_THE_AREAS)
        and not ("/" + route.path).startswith(prefixes)
    ]
    assert not unmarked, unmarked


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "area"),
    [
        ("/skills/postings/1/", "Target roles"),
        ("/roles/1/gaps/learning/", "Target roles"),
        ("/skills/7/", "Skills"),
        ("/milestones/3/edit/", "Goals"),
        ("/aspirations/", "Goals"),
    ],
)
def test_the_menu_marks_the_area_a_page_belongs_to(path, area):
    from careerpath.core.context_processors import navigation

    request = RequestFactory().get(path)
    assert navigation(request)["nav_current"] == area
