import datetime

import pytest
from django.urls import reverse

from careerpath.agenda.today import build_agenda, group_due_items
from careerpath.core.due import DueItem
from careerpath.feedback.tests.factories import FeedbackRequestFactory
from careerpath.profiles.tests.factories import ProfileFactory, SelfAssessmentFactory

TODAY = datetime.date(2026, 11, 23)


def item(days, title="x"):
    return DueItem(
        due_on=TODAY + datetime.timedelta(days=days), title=title, area="goals", url="/"
    )


def test_items_are_split_into_overdue_this_week_and_later_in_date_order():
    agenda = group_due_items(
        [item(10, "c"), item(-1, "a"), item(0, "b"), item(6, "d"), item(7, "e")],
        today=TODAY,
    )
    assert [i.title for i in agenda.overdue] == ["a"]
    assert [i.title for i in agenda.this_week] == ["b", "d"]
    assert [i.title for i in agenda.later] == ["e", "c"]
    assert not agenda.is_empty


def test_build_agenda_asks_every_source_for_its_window():
    calls = []

    def source(owner, start, end):
        calls.append((start, end))
        return [item(-3, "overdue milestone")]

    agenda = build_agenda(None, today=TODAY, sources=(source,))
    assert calls == [
        (TODAY - datetime.timedelta(days=365), TODAY + datetime.timedelta(days=30))
    ]
    assert [i.title for i in agenda.overdue] == ["overdue milestone"]
    assert group_due_items([], today=TODAY).is_empty


@pytest.mark.django_db
def test_empty_dashboard_invites_the_first_steps(alice_client):
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    # This week's balance check-in is the one thing due on a fresh account.
    assert "Weekly balance check-in" in page
    assert "Start with where you are" in page
    assert "How is your current job going?" in page


@pytest.mark.django_db
def test_dashboard_shows_the_profile_summary_and_latest_assessment(alice_client, alice):
    ProfileFactory(owner=alice, current_role="Staff engineer", organisation="Acme")
    SelfAssessmentFactory(owner=alice, job_satisfaction=4)
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Staff engineer at Acme" in page
    assert "4 out of 5" in page
    assert "50 %" in page


@pytest.mark.django_db
def test_root_sends_visitors_to_sign_in_and_people_to_the_dashboard(client, alice):
    assert client.get("/")["Location"] == reverse("account_login")
    client.force_login(alice)
    assert client.get("/")["Location"] == reverse("agenda:dashboard")


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_dashboard_query_count_does_not_grow(
    alice_client, alice, django_assert_num_queries, count
):
    ProfileFactory(owner=alice)
    for n in range(count):
        SelfAssessmentFactory(
            owner=alice,
            assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        )
        FeedbackRequestFactory(
            owner=alice,
            asked_on=datetime.date.today(),
            due_on=datetime.date.today() + datetime.timedelta(days=3),
        )
    # session, user, profile, latest assessment, its responsibilities,
    # due milestones, due action steps, goal deadlines, certificate renewals,
    # this week's check-in, network follow-ups, event follow-ups, contacts due
    # a catch-up, feedback requests, review schedules
    with django_assert_num_queries(15):
        assert alice_client.get(reverse("agenda:dashboard")).status_code == 200
