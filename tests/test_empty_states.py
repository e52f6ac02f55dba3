"""A brand-new user's list pages say what is true and offer the first thing to do."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "agenda:dashboard",
    "achievements:achievement_list",
    "achievements:packet",
    "balance:balance_overview",
    "feedback:feedback_list",
    "feedback:improvement_areas",
    "feedback:request_list",
    "goals:goal_list",
    "goals:aspiration_list",
    "goals:roadmap",
    "journal:entry_list",
    "journal:resilience",
    "learning:item_list",
    "learning:session_list",
    "network:overview",
    "network:contact_list",
    "network:event_list",
    "profiles:assessment_list",
    "skills:skill_list",
    "skills:role_list",
]
# Praise for having nothing is not true for someone who has not started.
CONGRATULATIONS = re.compile(
    r"well done|all caught up|nobody is due|great job|nice work|keep it up", re.I
)
FIRST_ACTION_VIEWS = re.compile(r"(_create|_add|import_start|quick_add|bulk_add)$")


def empty_states(page: str) -> list[str]:
    """The text of every element marked class="empty-state" (with its nested markup)."""
    blocks = []
    for match in re.finditer(r'<(div|p|section)[^>]*class="[^"]*\bempty-state\b', page):
        tag = match.group(1)
        depth, at = 0, match.start()
        for inner in re.finditer(rf"<(/?){tag}\b[^>]*>", page[match.start() :]):
            depth += -1 if inner.group(1) else 1
            if depth == 0:
                at = match.start() + inner.end()
                break
        blocks.append(page[match.start() : at])
    return blocks


def first_actions(block: str) -> list[str]:
    actions = []
    for href in re.findall(r'<a[^>]*href="([^"]+)"', block):
        path = urlsplit(unescape(href)).path
        try:
            name = resolve(path).url_name or ""
        except Resolver404:  # an in-page anchor or another site: not a first action
            continue
        if FIRST_ACTION_VIEWS.search(name):
            actions.append(name)
    return actions


@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_brand_new_users_list_page_names_a_first_action(alice_client, url_name):
    response = alice_client.get(reverse(url_name))
    assert response.status_code == 200
    page = response.content.decode()
    main = page[page.find("<main") :]
    assert not CONGRATULATIONS.search(main), CONGRATULATIONS.search(main).group(0)
    blocks = empty_states(main)
    assert blocks, f"{url_name} shows no empty state to a new user"
    assert any(first_actions(block) for block in blocks), (
        f"{url_name}: no link to a create or import page in {blocks}"
    )
