import datetime

import pytest
import time_machine
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.profiles.models import Profile, Responsibility, SelfAssessment
from careerpath.profiles.tests.factories import ProfileFactory, SelfAssessmentFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def assessment_post(**overrides):
    data = {
        "assessed_on": "2026-11-20",
        "strengths": "SQL\nStakeholder communication",
        "weaknesses": "Public speaking",
        "job_satisfaction": "4",
        "goal_alignment": "3",
        "notes": "Good quarter.",
        "resp-TOTAL_FORMS": "3",
        "resp-INITIAL_FORMS": "0",
        "resp-MIN_NUM_FORMS": "0",
        "resp-MAX_NUM_FORMS": "12",
        "resp-0-name": "Weekly reporting",
        "resp-0-energy": "2",
        "resp-1-name": "Mentoring juniors",
        "resp-1-energy": "5",
        "resp-2-name": "",
        "resp-2-energy": "",
    }
    data.update(overrides)
    return data


snapshot = snapshot_owned_rows


def test_profile_edit_saves_lists_and_shows_them(alice_client, alice):
    response = alice_client.post(
        reverse("profiles:profile_edit"),
        {
            "current_role": "Data analyst",
            "organisation": "Northwind",
            "industry": "Healthcare",
            "years_experience": "6",
            "aspiration": "Head of analytics",
            "aspiration_horizon_years": "5",
            "values": "Autonomy\nlearning, autonomy\n\nImpact",
            "passions": "",
            "thriving_environments": "Small teams",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(owner=alice)
    assert profile.values == ["Autonomy", "learning", "Impact"]
    page = alice_client.get(reverse("profiles:profile_detail")).content.decode()
    assert "Head of analytics" in page
    assert "Small teams" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("years_experience", "-1", "greater than or equal to 0"),
        ("years_experience", "abc", "Enter a whole number"),
        ("aspiration_horizon_years", "0", "greater than or equal to 1"),
        ("aspiration_horizon_years", "31", "less than or equal to 30"),
        ("values", "\n".join(f"value {i}" for i in range(21)), "20 items or fewer"),
        ("values", "x" * 81, "80 characters or fewer"),
        ("current_role", "r" * 121, "at most 120 characters"),
    ],
)
def test_profile_bad_input_is_refused_and_nothing_changes(
    alice_client, alice, field, value, message
):
    ProfileFactory(owner=alice)
    before = snapshot(alice)
    data = {"current_role": "Analyst", "years_experience": "3", field: value}
    response = alice_client.post(reverse("profiles:profile_edit"), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot(alice) == before


@time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC))
def test_assessment_create_saves_responsibilities_and_shows_energising_share(
    alice_client, alice
):
    response = alice_client.post(
        reverse("profiles:assessment_create"), assessment_post()
    )
    assert response.status_code == 302
    assessment = SelfAssessment.objects.owned_by(alice).with_responsibilities().get()
    assert [(r.name, r.energy) for r in assessment.responsibilities.all()] == [
        ("Weekly reporting", 2),
        ("Mentoring juniors", 5),
    ]
    assert assessment.energising_share == 0.5
    page = alice_client.get(response["Location"]).content.decode()
    assert "50 %" in page
    assert "Mentoring juniors" in page


@time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC))
def test_new_assessment_starts_from_the_latest_one(alice_client, alice):
    SelfAssessmentFactory(
        owner=alice, assessed_on=datetime.date(2026, 6, 1), strengths=["Negotiation"]
    )
    page = alice_client.get(reverse("profiles:assessment_create")).content.decode()
    assert "Negotiation" in page
    assert 'value="2026-11-23"' in page
    assert "Pre-filled from your assessment of 1 June 2026" in page


@time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC))
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"assessed_on": "2026-12-01"}, "can&#x27;t be dated in the future"),
        ({"assessed_on": "2026-02-30"}, "Enter a valid date"),
        ({"assessed_on": ""}, "This field is required"),
        ({"job_satisfaction": "6"}, "Select a valid choice"),
        ({"goal_alignment": ""}, "This field is required"),
        ({"resp-0-energy": ""}, "Say how energising this responsibility is"),
        ({"resp-2-energy": "4"}, "Name the responsibility you rated"),
        (
            {"resp-1-name": "weekly  reporting"},
            "Each responsibility should appear once",
        ),
        ({"resp-0-energy": "9"}, "Select a valid choice"),
        ({"strengths": "\n".join(f"s{i}" for i in range(25))}, "20 items or fewer"),
    ],
)
def test_assessment_bad_input_is_refused_and_nothing_changes(
    alice_client, alice, overrides, message
):
    SelfAssessmentFactory(owner=alice, assessed_on=datetime.date(2026, 1, 5))
    before = snapshot(alice)
    response = alice_client.post(
        reverse("profiles:assessment_create"), assessment_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot(alice) == before


@time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC))
def test_second_assessment_on_the_same_date_is_refused(alice_client, alice):
    SelfAssessmentFactory(owner=alice, assessed_on=datetime.date(2026, 11, 20))
    before = snapshot(alice)
    response = alice_client.post(
        reverse("profiles:assessment_create"), assessment_post()
    )
    assert response.status_code == 422
    assert "already have a self-assessment for this date" in response.content.decode()
    assert snapshot(alice) == before


def test_edit_replaces_responsibilities(alice_client, alice):
    assessment = SelfAssessmentFactory(
        owner=alice, assessed_on=datetime.date(2026, 3, 1)
    )
    response = alice_client.post(
        reverse("profiles:assessment_edit", args=[assessment.pk]),
        assessment_post(
            **{
                "assessed_on": "2026-03-01",
                "resp-0-name": "Budgeting",
                "resp-1-name": "",
                "resp-1-energy": "",
            }
        ),
    )
    assert response.status_code == 302
    assert list(assessment.responsibilities.values_list("name", "energy")) == [
        ("Budgeting", 2)
    ]


def test_delete_asks_first_then_deletes(alice_client, alice):
    assessment = SelfAssessmentFactory(owner=alice)
    url = reverse("profiles:assessment_delete", args=[assessment.pk])
    assert "Delete the self-assessment" in alice_client.get(url).content.decode()
    assert SelfAssessment.objects.filter(pk=assessment.pk).exists()
    assert alice_client.post(url).status_code == 302
    assert not SelfAssessment.objects.filter(pk=assessment.pk).exists()
    assert not Responsibility.objects.filter(assessment_id=assessment.pk).exists()


def test_history_shows_what_changed_between_assessments(alice_client, alice):
    SelfAssessmentFactory(
        owner=alice,
        assessed_on=datetime.date(2026, 1, 1),
        strengths=["SQL"],
        job_satisfaction=2,
    )
    SelfAssessmentFactory(
        owner=alice,
        assessed_on=datetime.date(2026, 4, 1),
        strengths=["SQL", "Python"],
        job_satisfaction=4,
    )
    page = alice_client.get(reverse("profiles:assessment_list")).content.decode()
    assert "New strengths" in page
    assert "Python" in page
    assert "+2" in page
    assert "Your first self-assessment" in page


def test_empty_states(alice_client):
    assert (
        "Your profile is empty"
        in alice_client.get(reverse("profiles:profile_detail")).content.decode()
    )
    assert (
        "No self-assessments yet"
        in alice_client.get(reverse("profiles:assessment_list")).content.decode()
    )


@pytest.mark.parametrize("count", [2, 20])
def test_history_query_count_does_not_grow(
    alice_client, alice, django_assert_num_queries, count
):
    for n in range(count):
        SelfAssessmentFactory(
            owner=alice,
            assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=7 * n),
        )
    # session, user, count, assessments, responsibilities
    with django_assert_num_queries(5):
        response = alice_client.get(reverse("profiles:assessment_list"))
    assert response.status_code == 200


def test_history_pages_ten_at_a_time_and_compares_across_the_page_break(
    alice_client, alice
):
    for n in range(23):
        SelfAssessmentFactory(
            owner=alice,
            assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=7 * n),
            job_satisfaction=1 + n % 5,
        )
    url = reverse("profiles:assessment_list")
    first = alice_client.get(url)
    entries = first.context["entries"]
    assert len(entries) == 10
    assert [e["assessment"].assessed_on for e in entries] == sorted(
        (e["assessment"].assessed_on for e in entries), reverse=True
    )
    # The oldest on page 1 is compared with the newest on page 2.
    last = entries[-1]
    second = alice_client.get(url, {"page": 2})
    assert last["previous"] == second.context["entries"][0]["assessment"]
    assert last["change"] is not None
    html = first.content.decode()
    assert "1–10 of 23 self-assessments · page 1 of 3" in html
    assert 'href="?page=2" rel="next"' in html and 'rel="prev"' not in html
    third = alice_client.get(url, {"page": 3})
    assert len(third.context["entries"]) == 3
    assert third.context["entries"][-1]["change"] is None  # the very first one
    # A stale or edited page number shows the nearest real page.
    assert alice_client.get(url, {"page": 99}).context["page"].number == 3
    assert alice_client.get(url, {"page": "x"}).context["page"].number == 1


@pytest.mark.parametrize("count", [2, 20])
def test_profile_and_detail_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, count
):
    ProfileFactory(owner=alice)
    assessments = [
        SelfAssessmentFactory(
            owner=alice,
            assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=7 * n),
        )
        for n in range(count)
    ]
    # session, user, profile, latest assessment, its responsibilities
    with django_assert_num_queries(5):
        alice_client.get(reverse("profiles:profile_detail"))
    # session, user, assessment + responsibilities, previous + responsibilities
    with django_assert_num_queries(6):
        alice_client.get(
            reverse("profiles:assessment_detail", args=[assessments[-1].pk])
        )


@time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC))
def test_reassessment_keeps_prefilled_responsibilities_left_unchanged(
    alice_client, alice
):
    SelfAssessmentFactory(
        owner=alice, assessed_on=datetime.date(2026, 6, 1)
    )  # Weekly reporting 2, Mentoring juniors 5
    data = assessment_post(
        **{
            "resp-INITIAL_FORMS": "2",
            "resp-TOTAL_FORMS": "4",
            "resp-3-name": "",
            "resp-3-energy": "",
            "resp-2-name": "Hiring",
            "resp-2-energy": "4",
        }
    )
    assert (
        alice_client.post(reverse("profiles:assessment_create"), data).status_code
        == 302
    )
    latest = SelfAssessment.objects.owned_by(alice).first()
    assert list(latest.responsibilities.values_list("name", flat=True)) == [
        "Weekly reporting",
        "Mentoring juniors",
        "Hiring",
    ]


def test_history_colours_changes_by_what_they_mean(alice_client, alice):
    SelfAssessmentFactory(
        owner=alice,
        assessed_on=datetime.date(2026, 5, 1),
        strengths=["SQL", "Facilitation"],
        weaknesses=["Public speaking"],
    )
    SelfAssessmentFactory(
        owner=alice,
        assessed_on=datetime.date(2026, 11, 1),
        strengths=["SQL", "Mentoring"],
        weaknesses=["Delegation"],
    )
    page = alice_client.get(reverse("profiles:assessment_list")).content.decode()

    def tag_class(heading):
        after = page[page.index(f"<dt>{heading}</dt>") :]
        return after[after.index('<ul class="') + 11 : after.index('">')]

    # A weakness overcome is good news, a new one is to watch; strengths the other way.
    assert tag_class("Weaknesses overcome") == "tags tags--good"
    assert tag_class("New weaknesses") == "tags tags--watch"
    assert tag_class("New strengths") == "tags tags--good"
    assert tag_class("Strengths dropped") == "tags tags--watch"
