import datetime

import pytest
from django.urls import reverse

from careerpath.agenda.today import build_agenda, group_due_items
from careerpath.core.due import DueItem
from careerpath.feedback.tests.factories import FeedbackRequestFactory
from careerpath.goals.tests.factories import GoalFactory, KpiReadingFactory
from careerpath.network.models import Contact
from careerpath.network.overview import build_overview
from careerpath.network.tests.factories import ContactFactory
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
    assert [i.title for i in agenda.overdue.items] == ["a"]
    assert [i.title for i in agenda.this_week.items] == ["b", "d"]
    assert [i.title for i in agenda.later.items] == ["e", "c"]
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
    assert [i.title for i in agenda.overdue.items] == ["overdue milestone"]
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
def test_root_tells_visitors_what_careerpath_is_and_sends_people_to_the_dashboard(
    client, alice
):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "careerpath is a private planner" in page
    assert reverse("account_signup") in page
    assert reverse("account_login") in page
    assert alice.email not in page
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
        GoalFactory(owner=alice)
        FeedbackRequestFactory(
            owner=alice,
            asked_on=datetime.date.today(),
            due_on=datetime.date.today() + datetime.timedelta(days=3),
        )
    # session, user, profile, latest assessment, its responsibilities,
    # active goals with their milestones and readings,
    # due milestones, due action steps, goal deadlines, certificate renewals,
    # this week's check-in, network follow-ups, event follow-ups, contacts due
    # a catch-up, feedback requests, review schedules
    with django_assert_num_queries(18):
        assert alice_client.get(reverse("agenda:dashboard")).status_code == 200


@pytest.mark.django_db
def test_landing_page_offers_no_sign_up_when_the_operator_closed_it(client, settings):
    settings.ACCOUNT_SIGNUP_ENABLED = False
    page = client.get("/").content.decode()
    assert reverse("account_signup") not in page
    assert reverse("account_login") in page


def test_an_item_in_its_grace_period_is_due_now_not_overdue():
    grace = DueItem(
        due_on=TODAY - datetime.timedelta(days=5),
        overdue_on=TODAY + datetime.timedelta(days=20),
        title="catch up",
        area="Network",
        url="/",
    )
    late = DueItem(
        due_on=TODAY - datetime.timedelta(days=40),
        overdue_on=TODAY - datetime.timedelta(days=1),
        title="late catch up",
        area="Network",
        url="/",
    )
    agenda = group_due_items([grace, late], today=TODAY)
    assert [i.title for i in agenda.overdue.items] == ["late catch up"]
    assert [i.title for i in agenda.this_week.items] == ["catch up"]


def _contact(owner, today, *, due_days, overdue_days, name):
    contact = ContactFactory(owner=owner, name=name, company="")
    # Cadence dates set as the services keep them: due on the ideal date, overdue
    # after the maximum interval.
    Contact.objects.filter(pk=contact.pk).update(
        due_on=today + datetime.timedelta(days=due_days),
        overdue_on=today + datetime.timedelta(days=overdue_days),
    )
    return contact


@pytest.mark.django_db
def test_dashboard_counts_overdue_people_as_the_network_overview_does(
    alice_client, alice
):
    today = alice.today()
    # Twelve people past their maximum interval, two of them for over a year, and
    # five past their ideal date only (still in their grace period).
    for n in range(10):
        _contact(alice, today, due_days=-60 - n, overdue_days=-2 - n, name=f"Late {n}")
    for n in range(2):
        _contact(alice, today, due_days=-700, overdue_days=-400 - n, name=f"Old {n}")
    for n in range(5):
        _contact(alice, today, due_days=-3 - n, overdue_days=30, name=f"Due {n}")
    agenda = build_agenda(alice, today=today)
    overdue_people = sum(
        1 for i in agenda.overdue.items if i.kind == "keep-in-touch"
    ) + sum(m.count for m in agenda.overdue.more)
    assert overdue_people == build_overview(alice, today=today).overdue_count == 12
    assert [m.text for m in agenda.overdue.more] == [
        "4 more people to get back in touch with"
    ]
    assert [i.title for i in agenda.this_week.items if i.kind == "keep-in-touch"] == [
        f"Get back in touch with Due {n}" for n in (4, 3, 2, 1, 0)
    ]
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    more_line = page.split("4 more people to get back in touch with")[0].rsplit(
        "<li", 1
    )[1]
    # The summing-up line carries no date of its own and leads to the overdue list.
    assert "<time" not in more_line
    assert "cadence=overdue" in more_line


@pytest.mark.django_db
def test_dashboard_dates_show_the_year_only_outside_this_year(alice_client, alice):
    today = alice.today()
    last_year = today.replace(year=today.year - 1, month=12, day=27)
    this_year = today.replace(month=1, day=16)
    _contact(
        alice, today, due_days=(last_year - today).days, overdue_days=-200, name="Ines"
    )
    _contact(
        alice, today, due_days=(this_year - today).days, overdue_days=-1, name="Lena"
    )
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert f">27 Dec {today.year - 1}</time>" in page
    assert ">16 Jan</time>" in page


@pytest.mark.django_db
def test_dashboard_shows_active_goals_with_their_pace(alice_client, alice):
    today = alice.today()
    goal = GoalFactory(
        owner=alice,
        statement="Run 10 SQL workshops for the analytics team",
        baseline=0,
        target=10,
        starts_on=today - datetime.timedelta(days=50),
        deadline=today + datetime.timedelta(days=50),
    )
    KpiReadingFactory(goal=goal, read_on=today, value=3)
    GoalFactory(owner=alice, statement="An abandoned goal", status="abandoned")
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Active goals" in page
    assert "Run 10 SQL workshops" in page
    assert "Behind by 2 workshops" in page
    assert "An abandoned goal" not in page


@pytest.mark.django_db
def test_an_assessment_made_today_reads_today(alice_client, alice):
    SelfAssessmentFactory(owner=alice, assessed_on=alice.today())
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "minutes" not in page
    assert "· today" in page
