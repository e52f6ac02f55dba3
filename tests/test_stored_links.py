"""Every link a person or the API can store is a web address (or mailto: for contacts).

Each storing path — the contact, skill, posting and learning forms and their API
endpoints — refuses ``javascript:``, ``data:`` and ``vbscript:`` in their disguises
with a field error and changes nothing; and a bad link already in the database (from
before links were checked, or an old import) renders as text, never as a live href.
"""

from __future__ import annotations

import datetime
import html.parser
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.learning.models import LearningItem
from careerpath.learning.tests.factories import LearningItemFactory
from careerpath.network.models import Contact
from careerpath.network.tests.factories import ContactFactory
from careerpath.skills.models import Posting, UserSkill
from careerpath.skills.tests.factories import (
    PostingFactory,
    TargetRoleFactory,
    UserSkillFactory,
)
from careerpath.skills.tests.postings import ANALYST_POSTINGS

pytestmark = pytest.mark.django_db

BAD_LINKS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
GOOD = "https://example.org/talk"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


# --- What each storing path sends ----------------------------------------------------


def contact_form(**links: str) -> dict[str, Any]:
    return {
        "name": "Priya Natarajan",
        "company": "Globex",
        "relationship_types": ["peer"],
        "keep_in_touch": "on",
        "links": "",
        "profile_url": "",
        **links,
    }


def skill_form(**links: str) -> dict[str, Any]:
    return {"name": "SQL", "kind": "hard", "level": "3", **links}


def learning_form(**links: str) -> dict[str, Any]:
    return {"title": "Statistics", "kind": "course", "status": "planned", **links}


def posting_form(**links: str) -> dict[str, Any]:
    return {"text": ANALYST_POSTINGS[0], **links}


@dataclass(frozen=True)
class Path:
    """One way to store a link: where to send it, how, and which field names it."""

    name: str
    url: Callable[[Any], str]  # given the setup's objects
    body: Callable[[str], dict[str, Any]]  # given the link
    field: str
    stored: Callable[[Any], Any]  # what is stored, given the owner
    method: str = "post"


def _contact(alice):
    return ContactFactory(owner=alice, name="Ana Ruiz", company="Initech")


FORM_PATHS = [
    Path(
        "contact form link",
        lambda o: reverse("network:contact_create"),
        lambda link: contact_form(links=f"blog: {link}"),
        "links",
        lambda alice: list(Contact.objects.owned_by(alice).values_list("links")),
    ),
    Path(
        "contact form LinkedIn profile",
        lambda o: reverse("network:contact_edit", args=[o["contact"].pk]),
        lambda link: contact_form(profile_url=link),
        "profile_url",
        lambda alice: list(Contact.objects.owned_by(alice).values_list("profile_url")),
    ),
    Path(
        "skill form evidence",
        lambda o: reverse("skills:skill_create"),
        lambda link: skill_form(evidence_links=f"{GOOD}\n{link}"),
        "evidence_links",
        lambda alice: list(
            UserSkill.objects.owned_by(alice).values_list("evidence_links")
        ),
    ),
    Path(
        "skill edit form evidence",
        lambda o: reverse("skills:skill_edit", args=[o["skill"].pk]),
        lambda link: skill_form(name="Python", evidence_links=link),
        "evidence_links",
        lambda alice: list(
            UserSkill.objects.owned_by(alice).values_list("evidence_links")
        ),
    ),
    Path(
        "posting form",
        lambda o: reverse("skills:posting_create", args=[o["role"].pk]),
        lambda link: posting_form(url=link),
        "url",
        lambda alice: list(Posting.objects.owned_by(alice).values_list("url")),
    ),
    Path(
        "learning form",
        lambda o: reverse("learning:item_create"),
        lambda link: learning_form(url=link),
        "url",
        lambda alice: list(LearningItem.objects.owned_by(alice).values_list("url")),
    ),
    Path(
        "learning edit form",
        lambda o: reverse("learning:item_edit", args=[o["item"].pk]),
        lambda link: learning_form(url=link),
        "url",
        lambda alice: list(LearningItem.objects.owned_by(alice).values_list("url")),
    ),
]

API_PATHS = [
    Path(
        "contact API link",
        lambda o: "/api/v1/network/contacts",
        lambda link: {"name": "Priya", "links": [{"url": link, "label": "blog"}]},
        "links.0.url",
        lambda alice: list(Contact.objects.owned_by(alice).values_list("links")),
    ),
    Path(
        "contact API profile",
        lambda o: "/api/v1/network/contacts",
        lambda link: {"name": "Priya", "profile_url": link},
        "profile_url",
        lambda alice: list(Contact.objects.owned_by(alice).values_list("profile_url")),
    ),
    Path(
        "contact API patch",
        lambda o: f"/api/v1/network/contacts/{o['contact'].pk}",
        lambda link: {"profile_url": link},
        "profile_url",
        lambda alice: list(Contact.objects.owned_by(alice).values_list("profile_url")),
        method="patch",
    ),
    Path(
        "contact API patch link",
        lambda o: f"/api/v1/network/contacts/{o['contact'].pk}",
        lambda link: {"links": [{"url": GOOD}, {"url": link}]},
        "links.1.url",
        lambda alice: list(Contact.objects.owned_by(alice).values_list("links")),
        method="patch",
    ),
    Path(
        "skill API evidence",
        lambda o: "/api/v1/skills",
        lambda link: {"name": "SQL", "level": 3, "evidence_links": [link]},
        "evidence_links.0",
        lambda alice: list(
            UserSkill.objects.owned_by(alice).values_list("evidence_links")
        ),
    ),
    Path(
        "skill API patch evidence",
        lambda o: f"/api/v1/skills/{o['skill'].pk}",
        lambda link: {"evidence_links": [GOOD, link]},
        "evidence_links.1",
        lambda alice: list(
            UserSkill.objects.owned_by(alice).values_list("evidence_links")
        ),
        method="patch",
    ),
    Path(
        "posting API",
        lambda o: f"/api/v1/roles/{o['role'].pk}/postings",
        lambda link: {"text": ANALYST_POSTINGS[0], "url": link},
        "url",
        lambda alice: list(Posting.objects.owned_by(alice).values_list("url")),
    ),
    Path(
        "learning API",
        lambda o: "/api/v1/learning/items",
        lambda link: {"title": "Statistics", "url": link},
        "url",
        lambda alice: list(LearningItem.objects.owned_by(alice).values_list("url")),
    ),
    Path(
        "learning API patch",
        lambda o: f"/api/v1/learning/items/{o['item'].pk}",
        lambda link: {"url": link},
        "url",
        lambda alice: list(LearningItem.objects.owned_by(alice).values_list("url")),
        method="patch",
    ),
]


@pytest.fixture
def objects(alice):
    """What the edit paths change: one of each, all with good links."""
    return {
        "contact": _contact(alice),
        "skill": UserSkillFactory(owner=alice, name="Python", evidence_links=[GOOD]),
        "role": TargetRoleFactory(owner=alice),
        "item": LearningItemFactory(owner=alice, url=GOOD),
    }


def _send(client, path: Path, objects, link: str, *, json: bool):
    send = getattr(client, path.method)
    if json:
        return send(path.url(objects), path.body(link), content_type="application/json")
    return send(path.url(objects), path.body(link))


@pytest.mark.parametrize("link", BAD_LINKS)
@pytest.mark.parametrize("path", FORM_PATHS, ids=lambda p: p.name)
def test_forms_refuse_bad_links_with_a_field_error(
    alice_client, alice, objects, path, link
):
    before = snapshot_owned_rows(alice)
    response = _send(alice_client, path, objects, link, json=False)
    assert response.status_code == 422, response.content.decode()[:2000]
    form = response.context["form"]
    assert path.field in form.errors, form.errors
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize("link", BAD_LINKS)
@pytest.mark.parametrize("path", API_PATHS, ids=lambda p: p.name)
def test_api_refuses_bad_links_with_a_field_error(api, alice, objects, path, link):
    before = snapshot_owned_rows(alice)
    response = _send(api, path, objects, link, json=True)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "The request is not valid; nothing was saved."
    fields = {error["field"] for error in body["errors"]}
    assert fields == {path.field}, body
    assert snapshot_owned_rows(alice) == before


def _stored_links(values: list[Any]) -> set[str]:
    found: set[str] = set()
    for (value,) in values:
        items = value if isinstance(value, list) else [value]
        found |= {item["url"] if isinstance(item, dict) else item for item in items}
    return found


@pytest.mark.parametrize(
    ("path", "client_name"),
    [(p, "alice_client") for p in FORM_PATHS] + [(p, "api") for p in API_PATHS],
    ids=lambda p: getattr(p, "name", p),
)
def test_web_addresses_are_accepted_and_stored_with_https(
    request, alice, objects, path, client_name
):
    client = request.getfixturevalue(client_name)
    response = _send(
        client, path, objects, "example.org/slides", json=client_name == "api"
    )
    assert response.status_code in {200, 201, 302}, response.content.decode()[:2000]
    assert "https://example.org/slides" in _stored_links(path.stored(alice))


def test_contact_links_may_be_mail_links_but_skill_evidence_may_not(
    api, alice, objects
):
    response = api.post(
        "/api/v1/network/contacts",
        {"name": "Priya", "links": [{"url": "mailto:priya@example.org"}]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    response = api.post(
        "/api/v1/skills",
        {"name": "SQL", "level": 3, "evidence_links": ["mailto:priya@example.org"]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "evidence_links.0"


# --- Bad links stored earlier render inert -------------------------------------------


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src", "action", "formaction", "xlink:href"}:
                self.targets.append(value or "")


_SAFE_TARGET = re.compile(r"^(?:$|[/#?]|https?://|mailto:)")


def _link_targets(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return parser.targets


@pytest.mark.parametrize("bad", BAD_LINKS)
def test_bad_links_already_stored_are_shown_as_text(alice_client, alice, bad):
    contact = ContactFactory(
        owner=alice,
        profile_url=bad,
        links=[{"url": bad, "label": "blog"}, {"url": GOOD, "label": "talk"}],
    )
    skill = UserSkillFactory(owner=alice, evidence_links=[bad, GOOD])
    posting = PostingFactory(
        owner=alice, role=TargetRoleFactory(owner=alice), url="javascript:1"
    )
    item = LearningItemFactory(owner=alice, url=bad)
    pages = [
        contact.get_absolute_url(),
        reverse("network:contact_edit", args=[contact.pk]),
        reverse("network:contact_list"),
        skill.get_absolute_url(),
        reverse("skills:skill_edit", args=[skill.pk]),
        reverse("skills:skill_list"),
        posting.get_absolute_url(),
        reverse("skills:role_detail", args=[posting.role_id]),
        item.get_absolute_url(),
        reverse("learning:item_edit", args=[item.pk]),
        reverse("learning:item_list"),
    ]
    for url in pages:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        targets = _link_targets(page)
        unsafe = [t for t in targets if not _SAFE_TARGET.match(t)]
        assert not unsafe, (url, unsafe)
    # The good links beside the bad ones still work, and the bad ones can be read.
    page = alice_client.get(contact.get_absolute_url()).content.decode()
    assert GOOD in _link_targets(page)
    assert "alert(1)" in page or "msgbox(1)" in page
    page = alice_client.get(skill.get_absolute_url()).content.decode()
    assert GOOD in _link_targets(page)


def test_migrations_clear_script_links_stored_earlier(alice):
    """The data step of each app's links migration, run on today's tables."""
    from importlib import import_module

    from django.apps import apps

    contact = ContactFactory(
        owner=alice,
        profile_url=" JaVaScRiPt:alert(1)",
        links=[{"url": "data:text/html,x", "label": ""}, {"url": GOOD, "label": ""}],
    )
    kept = ContactFactory(owner=alice, profile_url="linkedin.com/in/ana", links=[])
    skill = UserSkillFactory(owner=alice, evidence_links=["vbscript:x", GOOD, "talk"])
    posting = PostingFactory(
        owner=alice, role=TargetRoleFactory(owner=alice), url="javascript:1"
    )
    item = LearningItemFactory(owner=alice, url="\x01javascript:alert(1)")
    other = LearningItemFactory(owner=alice, url=GOOD)
    for app in ("network", "skills", "learning"):
        module = import_module(
            f"careerpath.{app}.migrations.0002_links_are_web_addresses"
        )
        module.clear_script_links(apps, None)
    contact.refresh_from_db()
    assert (contact.profile_url, contact.links) == ("", [{"url": GOOD, "label": ""}])
    kept.refresh_from_db()
    assert kept.profile_url == "linkedin.com/in/ana"
    skill.refresh_from_db()
    assert skill.evidence_links == [GOOD, "talk"]
    posting.refresh_from_db()
    item.refresh_from_db()
    other.refresh_from_db()
    assert (posting.url, item.url, other.url) == ("", "", GOOD)


def test_a_bad_link_stored_earlier_does_not_block_changing_the_rest(api, alice):
    contact = ContactFactory(owner=alice, links=[{"url": "ftp://old.example/cv"}])
    skill = UserSkillFactory(owner=alice, evidence_links=["javascript:alert(1)"])
    item = LearningItemFactory(owner=alice, url="ftp://old.example/course")
    for path, body in [
        (f"/api/v1/network/contacts/{contact.pk}", {"title": "CTO"}),
        (f"/api/v1/skills/{skill.pk}", {"level": 4}),
        (f"/api/v1/learning/items/{item.pk}", {"note": "Half done."}),
    ]:
        response = api.patch(path, body, content_type="application/json")
        assert response.status_code == 200, response.content
    response = api.post(f"/api/v1/learning/items/{item.pk}/complete")
    assert response.status_code == 200, response.content
    contact.refresh_from_db()
    skill.refresh_from_db()
    item.refresh_from_db()
    assert (contact.title, skill.level, item.status) == ("CTO", 4, "completed")
    # Sending the link again judges it: it has to be fixed then.
    response = api.patch(
        f"/api/v1/skills/{skill.pk}",
        {"evidence_links": skill.evidence_links},
        content_type="application/json",
    )
    assert response.status_code == 422
