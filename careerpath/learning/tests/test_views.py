"""Learning pages: list with filters, detail, form, complete, delete, and the learning log."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from careerpath.goals.tests.factories import GoalFactory
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.tests.factories import (
    CertificationFactory,
    LearningItemFactory,
    LearningSessionFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        yield


ITEM_FORM = {
    "title": "AWS Solutions Architect Associate",
    "kind": "certification",
    "provider": "Amazon Web Services",
    "url": "https://aws.amazon.com/certification/",
    "status": "in_progress",
    "starts_on": "2026-02-01",
    "finishes_on": "2026-05-01",
    "hours": "40",
    "cost": "150",
    "currency": "usd",
    "skills": "AWS\nCloud architecture\naws",
    "add_skill": "Networking",
    "issued_on": "",
    "expires_on": "",
    "credential_id": "",
    "note": "Exam in May.",
}


def test_create_item(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("learning:item_create"), {**ITEM_FORM, "goal": goal.pk}
    )
    item = LearningItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    assert item.owner == alice
    assert item.currency == "USD"
    assert item.goal == goal
    # "AWS" is a taxonomy alias: it is stored under the skill's label, once.
    assert len(item.skills) == 3
    assert item.skills[0] != "AWS"
    assert item.skills[2].casefold() == "networking"
    page = alice_client.get(item.get_absolute_url())
    assert page.status_code == 200
    assert "AWS Solutions Architect Associate" in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"finishes_on": "2026-01-01"}, "The finish can&#x27;t be before the start"),
        ({"cost": "-5"}, "greater than or equal to 0"),
        ({"hours": "-1"}, "greater than or equal to 0"),
        (
            {"issued_on": "2026-03-01", "expires_on": "2025-03-01"},
            "can&#x27;t expire on or before the day it was issued",
        ),
        ({"title": ""}, "This field is required"),
        ({"url": "javascript:alert(1)"}, "“javascript:” links are not allowed"),
    ],
)
def test_create_item_refuses_bad_input(alice_client, changes, message):
    response = alice_client.post(
        reverse("learning:item_create"), {**ITEM_FORM, **changes}
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not LearningItem.objects.exists()


def test_another_users_goal_is_not_offered_nor_accepted(alice_client, bob):
    goal = GoalFactory(owner=bob, statement="Bob's secret goal statement")
    page = alice_client.get(reverse("learning:item_create"))
    assert "Bob&#x27;s secret goal" not in page.content.decode()
    response = alice_client.post(
        reverse("learning:item_create"), {**ITEM_FORM, "goal": goal.pk}
    )
    assert response.status_code == 422
    assert not LearningItem.objects.exists()


def test_edit_item_refused_leaves_it_unchanged(alice_client, alice):
    item = LearningItemFactory(owner=alice, title="Original")
    response = alice_client.post(
        reverse("learning:item_edit", args=[item.pk]),
        {**ITEM_FORM, "title": "Changed", "finishes_on": "2020-01-01"},
    )
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.title == "Original"


def test_edit_item(alice_client, alice):
    item = LearningItemFactory(owner=alice)
    response = alice_client.post(
        reverse("learning:item_edit", args=[item.pk]),
        {**ITEM_FORM, "status": "completed"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "completed"
    assert item.completed_on == TODAY


def test_complete_item(alice_client, alice):
    item = LearningItemFactory(owner=alice)
    response = alice_client.post(reverse("learning:item_complete", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "completed"
    assert item.finishes_on == TODAY


def test_delete_asks_first(alice_client, alice):
    item = LearningItemFactory(owner=alice, title="Pandas in depth")
    LearningSessionFactory(item=item, hours=Decimal("2"))
    url = reverse("learning:item_delete", args=[item.pk])
    page = alice_client.get(url)
    assert page.status_code == 200
    assert "1 logged session (2 h)" in page.content.decode()
    assert LearningItem.objects.exists()
    response = alice_client.post(url)
    assert response.status_code == 302
    assert not LearningItem.objects.exists()
    assert not LearningSession.objects.exists()


def test_list_filters(alice_client, alice):
    LearningItemFactory(owner=alice, title="Open course", skills=["SQL"])
    LearningItemFactory(
        owner=alice, title="Finished book", kind="book", status="completed"
    )
    LearningItemFactory(owner=alice, title="Python course", skills=["Python"])
    url = reverse("learning:item_list")
    body = alice_client.get(url).content.decode()
    assert "Open course" in body and "Finished book" not in body
    body = alice_client.get(url, {"status": "all", "kind": "book"}).content.decode()
    assert "Finished book" in body and "Open course" not in body
    body = alice_client.get(url, {"skill": " sql "}).content.decode()
    assert "Open course" in body and "Python course" not in body


def test_list_filter_finds_a_skill_by_its_alias(alice_client, alice):
    from careerpath.taxonomy.models import Skill, SkillAlias
    from careerpath.taxonomy.normalize import normalize

    skill = Skill.objects.create(
        source="builtin", external_id="t-gcp", label="GCP (test)"
    )
    for text, kind in (("GCP (test)", "preferred"), ("gc-test", "abbreviation")):
        SkillAlias.objects.create(
            skill=skill, text=text, normalized=normalize(text), kind=kind
        )
    LearningItemFactory(owner=alice, title="Cloud course", skills=["GCP (test)"])
    body = alice_client.get(reverse("learning:item_list"), {"skill": "GC test"}).content
    assert "Cloud course" in body.decode()


def test_list_order_puts_current_learning_first(alice_client, alice):
    LearningItemFactory(owner=alice, title="Zeta done", status="completed")
    LearningItemFactory(owner=alice, title="Eta planned", status="planned")
    LearningItemFactory(owner=alice, title="Theta dropped", status="dropped")
    LearningItemFactory(
        owner=alice, title="Old current", starts_on=datetime.date(2025, 1, 1)
    )
    LearningItemFactory(
        owner=alice, title="New current", starts_on=datetime.date(2026, 2, 1)
    )
    body = alice_client.get(reverse("learning:item_list"), {"status": "all"}).content
    titles = ["New current", "Old current", "Eta planned", "Zeta done", "Theta dropped"]
    positions = [body.decode().index(t) for t in titles]
    assert positions == sorted(positions)


def test_list_pages(alice_client, alice):
    for n in range(30):
        LearningItemFactory(owner=alice, title=f"Course number {n:02}", skills=["SQL"])
    url = reverse("learning:item_list")
    first = alice_client.get(url, {"skill": "SQL"}).content.decode()
    assert "1–25 of 30" in first
    assert first.count("learning-card__title") == 25
    second = alice_client.get(url, {"skill": "SQL", "page": "2"}).content.decode()
    assert "26–30 of 30" in second
    assert second.count("learning-card__title") == 5


def test_list_shows_renewal_badge(alice_client, alice):
    CertificationFactory(owner=alice, expires_on=TODAY + datetime.timedelta(days=20))
    body = alice_client.get(reverse("learning:item_list"), {"status": "all"}).content
    assert "Renew: expires in 20 days" in body.decode()


def test_log_hours_on_item(alice_client, alice):
    item = LearningItemFactory(owner=alice, status="planned")
    response = alice_client.post(
        reverse("learning:item_session_create", args=[item.pk]),
        {"logged_on": "2026-03-14", "hours": "1.5", "skill": "SQL", "note": "Joins"},
    )
    assert response.status_code == 302
    session = LearningSession.objects.get()
    assert session.item == item and session.owner == alice
    item.refresh_from_db()
    assert item.status == "in_progress"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"logged_on": "2026-03-16", "hours": "1"},
            "can&#x27;t log hours in the future",
        ),
        ({"logged_on": "2026-03-14", "hours": "-1"}, "hours can&#x27;t be negative"),
        ({"logged_on": "2026-03-14", "hours": "30"}, "at most 24"),
        ({"logged_on": "", "hours": "1"}, "This field is required"),
    ],
)
def test_log_hours_refuses_bad_input(alice_client, alice, data, message):
    item = LearningItemFactory(owner=alice)
    response = alice_client.post(
        reverse("learning:item_session_create", args=[item.pk]), data
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not LearningSession.objects.exists()
    response = alice_client.post(reverse("learning:session_create"), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not LearningSession.objects.exists()


def test_log_standalone_hours_and_see_the_charts(alice_client, alice):
    response = alice_client.post(
        reverse("learning:session_create"),
        {"logged_on": "2026-03-10", "hours": "2", "skill": "Statistics"},
    )
    assert response.status_code == 302
    body = alice_client.get(reverse("learning:session_list")).content.decode()
    assert "<svg" in body
    assert "Statistics" in body
    assert "March 2026: 2 h" in body
    assert "Show as a table" in body


def test_log_period_and_pages(alice_client, alice):
    LearningSessionFactory(
        item__owner=alice, logged_on=datetime.date(2024, 6, 1), hours=Decimal("3")
    )
    body = alice_client.get(reverse("learning:session_list")).content.decode()
    assert "June 2024" not in body
    body = alice_client.get(
        reverse("learning:session_list"), {"months": "24"}
    ).content.decode()
    assert "June 2024: 3 h" in body
    # A period the page does not offer falls back to a year.
    response = alice_client.get(reverse("learning:session_list"), {"months": "9999"})
    assert response.status_code == 200


def test_delete_session(alice_client, alice):
    session = LearningSessionFactory(item__owner=alice)
    response = alice_client.post(
        reverse("learning:session_delete", args=[session.pk]), {"from": "item"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/learning/{session.item_id}/#log")
    assert not LearningSession.objects.exists()


def test_skill_suggestions_come_from_the_taxonomy(alice_client):
    from careerpath.taxonomy.models import Skill, SkillAlias
    from careerpath.taxonomy.normalize import normalize

    skill = Skill.objects.create(
        source="builtin", external_id="t-kql", label="Kusto Query Language"
    )
    SkillAlias.objects.create(
        skill=skill,
        text="Kusto Query Language",
        normalized=normalize("Kusto Query Language"),
        kind="preferred",
    )
    response = alice_client.get(
        reverse("learning:skill_suggestions"), {"add_skill": "kusto"}
    )
    assert '<option value="Kusto Query Language">' in response.content.decode()
    # Too little to look up: no content, and the list in the page stays as it is.
    response = alice_client.get(reverse("learning:skill_suggestions"), {"q": "k"})
    assert response.status_code == 204
    response = alice_client.get(reverse("learning:skill_suggestions"))
    assert response.status_code == 204


def _list_data(owner, n):
    goal = GoalFactory(owner=owner)
    for i in range(n):
        item = LearningItemFactory(owner=owner, goal=goal if i % 2 else None)
        LearningSessionFactory(item=item, logged_on=datetime.date(2026, 1 + i % 3, 5))
        CertificationFactory(owner=owner, expires_on=TODAY + datetime.timedelta(days=i))


@pytest.mark.parametrize("n", [1, 12])
def test_list_query_count_is_fixed(alice_client, alice, django_assert_num_queries, n):
    _list_data(alice, n)
    # session, user, count, a page of items with their goals, their hours, status counts
    with django_assert_num_queries(6):
        response = alice_client.get(reverse("learning:item_list"), {"status": "all"})
    assert response.status_code == 200
    assert response.content.decode().count("1.5 h logged") == n


@pytest.mark.parametrize("n", [1, 12])
def test_log_query_count_is_fixed(alice_client, alice, django_assert_num_queries, n):
    _list_data(alice, n)
    for i in range(n):
        LearningSessionFactory(
            owner=alice,
            item=None,
            skill="Python",
            logged_on=datetime.date(2026, 2, 1 + i),
        )
    # session, user, hours for the charts, page count, page of sessions, open items for the form
    with django_assert_num_queries(6):
        response = alice_client.get(reverse("learning:session_list"))
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 12])
def test_detail_query_count_is_fixed(alice_client, alice, django_assert_num_queries, n):
    item = CertificationFactory(owner=alice, goal=GoalFactory(owner=alice))
    for i in range(n):
        LearningSessionFactory(item=item, logged_on=datetime.date(2026, 1, 1 + i))
    with django_assert_num_queries(4):
        response = alice_client.get(item.get_absolute_url())
    assert response.status_code == 200


def test_a_free_course_says_free(alice_client, alice):
    item = LearningItemFactory(owner=alice, title="Free SQL", cost=Decimal("0"))
    paid = LearningItemFactory(owner=alice, title="Paid SQL", cost=Decimal("49"))
    listing = alice_client.get(reverse("learning:item_list")).content.decode()
    row = listing[listing.index("Free SQL") :]
    assert "· free" in row[: row.index("Paid SQL")]
    assert "0 EUR" not in listing
    assert "49 EUR" in listing
    detail = alice_client.get(item.get_absolute_url()).content.decode()
    assert "<dt>Cost</dt><dd>Free</dd>" in detail
    assert "49 EUR" in alice_client.get(paid.get_absolute_url()).content.decode()
