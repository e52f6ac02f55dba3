import datetime

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.feedback.models import Feedback, FeedbackRequest, ThemeGoal
from careerpath.feedback.tests.factories import FeedbackFactory, FeedbackRequestFactory
from careerpath.goals.models import Goal, GoalChange
from careerpath.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def feedback_post(**overrides):
    data = {
        "request": "",
        "source": "Priya (my manager)",
        "received_on": "2026-11-20",
        "context": "Q3 review",
        "kind": "constructive",
        "text": "Tell stakeholders about delays earlier.",
        "themes": "Communication, Stakeholder management",
        "skills": "Stakeholder management",
    }
    data.update(overrides)
    return data


def request_post(**overrides):
    data = {
        "recipient_name": "Priya Raman",
        "recipient_email": "priya@example.org",
        "about_kind": "project",
        "about": "the pricing experiment",
        "goal": "",
        "question": "",
        "asked_on": "2026-11-23",
        "due_on": "2026-11-27",
    }
    data.update(overrides)
    return data


def test_record_feedback_with_themes(alice_client, alice):
    response = alice_client.post(reverse("feedback:feedback_create"), feedback_post())
    assert response.status_code == 302
    feedback = Feedback.objects.owned_by(alice).get()
    assert feedback.themes == ["Communication", "Stakeholder management"]
    assert feedback.kind == "constructive"
    page = alice_client.get(reverse("feedback:feedback_list")).content.decode()
    assert "Tell stakeholders about delays earlier." in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": ""}, "This field is required."),
        ({"text": "   \n  "}, "This field is required."),
        ({"received_on": "2026-11-24"}, "Feedback can&#x27;t be dated in the future."),
        ({"received_on": "2026-02-30"}, "Enter a valid date."),
        ({"kind": "glowing"}, "Select a valid choice"),
        ({"kind": ""}, "This field is required."),
        ({"source": ""}, "This field is required."),
        ({"themes": "\n".join(f"t{i}" for i in range(13))}, "Keep it to 12 items"),
        ({"themes": "x" * 61}, "must be 60 characters or fewer"),
        ({"text": "x" * 5001}, "at most 5000 characters"),
    ],
)
def test_bad_feedback_is_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("feedback:feedback_create"), feedback_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_feedback_form_offers_theme_and_skill_suggestions(alice_client, alice):
    FeedbackFactory(owner=alice, themes=["Data storytelling"], skills=["Dashboards"])
    page = alice_client.get(reverse("feedback:feedback_create")).content.decode()
    assert 'data-value="Data storytelling"' in page
    assert 'data-value="Communication"' in page  # from the suggested themes
    assert 'data-append-to="id_skills" data-value="Dashboards"' in page
    # No kind is chosen for the person.
    assert '<option value="" selected>Choose…</option>' in page


def test_skill_suggestions_include_the_vocabulary_when_loaded(alice_client):
    from careerpath.taxonomy.models import Skill

    # A known vocabulary instead of the starter one installed by migrate.
    Skill.objects.all().delete()
    Skill.objects.create(
        source="builtin", external_id="neg", label="Negotiation", kind="soft"
    )
    page = alice_client.get(reverse("feedback:feedback_create")).content.decode()
    assert 'data-append-to="id_skills" data-value="Negotiation"' in page


def test_feedback_list_filters_by_kind_and_theme(alice_client, alice):
    FeedbackFactory(owner=alice, text="About comms", themes=["communication"])
    FeedbackFactory(
        owner=alice, text="About delivery", themes=["Delivery"], kind="praise"
    )
    url = reverse("feedback:feedback_list")
    by_theme = alice_client.get(url, {"theme": "Communication"}).content.decode()
    assert "About comms" in by_theme and "About delivery" not in by_theme
    by_kind = alice_client.get(url, {"kind": "praise"}).content.decode()
    assert "About delivery" in by_kind and "About comms" not in by_kind


def test_ask_for_feedback_shows_the_ready_to_send_text(alice_client, alice):
    response = alice_client.post(reverse("feedback:request_create"), request_post())
    feedback_request = FeedbackRequest.objects.owned_by(alice).get()
    assert response.url == feedback_request.get_absolute_url()
    page = alice_client.get(response.url).content.decode()
    assert "Hi Priya," in page
    assert "by Friday would be perfect" in page
    assert "Copy the message" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"due_on": "2026-11-20"},
            "The reply date can&#x27;t be before the day you ask.",
        ),
        ({"recipient_name": ""}, "Say whom you are asking."),
        ({"recipient_email": "not-an-address"}, "Enter a valid email address."),
        ({"about": ""}, "This field is required."),
    ],
)
def test_bad_request_is_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("feedback:request_create"), request_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_request_cannot_name_someone_elses_goal(alice_client, alice, bob):
    other = GoalFactory(owner=bob)
    response = alice_client.post(
        reverse("feedback:request_create"), request_post(goal=str(other.pk))
    )
    assert response.status_code == 422
    assert not FeedbackRequest.objects.exists()


def test_send_by_email_when_configured(alice_client, alice):
    feedback_request = FeedbackRequestFactory(owner=alice)
    response = alice_client.post(
        reverse("feedback:request_send", args=[feedback_request.pk])
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["priya@example.org"]
    assert message.reply_to == ["alice@example.org"]
    assert message.subject == "Your feedback on my work on the pricing experiment?"
    feedback_request.refresh_from_db()
    assert feedback_request.sent_at is not None


@override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
def test_no_sending_without_email_configured(alice_client, alice):
    feedback_request = FeedbackRequestFactory(owner=alice)
    page = alice_client.get(feedback_request.get_absolute_url()).content.decode()
    assert "E-mail it to" not in page
    assert "E-mail is not set up on this server" in page
    response = alice_client.post(
        reverse("feedback:request_send", args=[feedback_request.pk]), follow=True
    )
    assert "E-mail is not set up on this server" in response.content.decode()
    feedback_request.refresh_from_db()
    assert feedback_request.sent_at is None


def test_send_needs_an_address(alice_client, alice):
    feedback_request = FeedbackRequestFactory(owner=alice, recipient_email="")
    response = alice_client.post(
        reverse("feedback:request_send", args=[feedback_request.pk]), follow=True
    )
    assert "Add their e-mail address first." in response.content.decode()
    assert mail.outbox == []


def test_recording_an_answer_marks_the_request_received(alice_client, alice):
    feedback_request = FeedbackRequestFactory(owner=alice)
    form = alice_client.get(
        reverse("feedback:feedback_create"), {"request": feedback_request.pk}
    ).content.decode()
    assert f'value="{feedback_request.recipient_name}"' in form
    alice_client.post(
        reverse("feedback:feedback_create"),
        feedback_post(request=str(feedback_request.pk)),
    )
    feedback_request.refresh_from_db()
    assert feedback_request.status == "received"
    assert feedback_request.closed_on == datetime.date(2026, 11, 20)


def test_decline_and_reopen(alice_client, alice):
    feedback_request = FeedbackRequestFactory(owner=alice)
    url = reverse("feedback:request_status", args=[feedback_request.pk])
    alice_client.post(url, {"status": "declined"})
    feedback_request.refresh_from_db()
    assert (feedback_request.status, feedback_request.closed_on) == (
        "declined",
        datetime.date(2026, 11, 23),
    )
    alice_client.post(url, {"status": "pending"})
    feedback_request.refresh_from_db()
    assert (feedback_request.status, feedback_request.closed_on) == ("pending", None)
    response = alice_client.post(url, {"status": "ignored"}, follow=True)
    assert "Choose pending, received or declined." in response.content.decode()


def test_pending_requests_are_due_on_the_dashboard(alice_client, alice):
    FeedbackRequestFactory(
        owner=alice, recipient_name="Tom Becker", due_on=datetime.date(2026, 11, 26)
    )
    FeedbackRequestFactory(
        owner=alice,
        recipient_name="Declined Dora",
        due_on=datetime.date(2026, 11, 26),
        status="declined",
    )
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Reply due from Tom Becker: the pricing experiment" in page
    assert "Feedback from Tom Becker" not in page
    assert "Declined Dora" not in page


def _recurring(alice):
    FeedbackFactory(owner=alice, source="Priya", received_on=datetime.date(2026, 10, 1))
    FeedbackFactory(
        owner=alice, source="Tom", received_on=datetime.date(2026, 11, 1), kind="mixed"
    )


def test_improvement_areas_show_recurring_themes_with_reasons(alice_client, alice):
    _recurring(alice)
    FeedbackFactory(owner=alice, source="Ann", themes=["Delivery"])
    page = alice_client.get(reverse("feedback:improvement_areas")).content.decode()
    assert "Communication" in page
    assert "Mentioned in 1 constructive and 1 mixed feedback from 2 people" in page
    assert "Turn into a goal" in page
    assert "Not yet a pattern" in page  # delivery, once


def test_turn_a_theme_into_a_goal_in_one_step(alice_client, alice):
    _recurring(alice)
    response = alice_client.post(
        reverse("feedback:theme_goal"), {"theme": "communication"}
    )
    goal = Goal.objects.owned_by(alice).get()
    assert response.url == reverse("goals:goal_edit", args=[goal.pk])
    assert goal.status == "draft"
    assert "communication" in goal.statement
    assert "Mentioned in" in goal.relevance_note
    assert GoalChange.objects.get(goal=goal).reason.startswith("From feedback:")
    assert ThemeGoal.objects.owned_by(alice).get().goal == goal
    page = alice_client.get(reverse("feedback:improvement_areas")).content.decode()
    assert "Being worked on" in page and "Turn into a goal" not in page


def test_unknown_theme_makes_no_goal(alice_client, alice):
    response = alice_client.post(
        reverse("feedback:theme_goal"), {"theme": "juggling"}, follow=True
    )
    assert "No feedback mentions the theme “juggling”." in response.content.decode()
    assert not Goal.objects.exists()


def test_edit_and_delete_feedback(alice_client, alice):
    feedback = FeedbackFactory(owner=alice)
    url = reverse("feedback:feedback_edit", args=[feedback.pk])
    assert alice_client.get(url).status_code == 200
    alice_client.post(url, feedback_post(text="Revised", themes="Delivery"))
    feedback.refresh_from_db()
    assert (feedback.text, feedback.themes) == ("Revised", ["Delivery"])
    alice_client.post(reverse("feedback:feedback_delete", args=[feedback.pk]))
    assert not Feedback.objects.exists()


def test_request_list_pages(alice_client, alice):
    for n in range(30):
        FeedbackRequestFactory(owner=alice, recipient_name=f"Person {n:02d}")
    url = reverse("feedback:request_list")
    first = alice_client.get(url).content.decode()
    assert "page 1 of 2" in first and "Person 24" in first and "Person 25" not in first
    second = alice_client.get(url, {"status": "pending", "page": 2}).content.decode()
    assert "Person 25" in second and "?status=pending&amp;page=1" in second


def _populate(alice, n):
    goal = GoalFactory(owner=alice)
    for i in range(n):
        asked = FeedbackRequestFactory(
            owner=alice, goal=goal, status="received" if i % 2 else "pending"
        )
        FeedbackFactory(
            owner=alice,
            request=asked,
            source=f"Person {i}",
            themes=["Communication", f"T{i}"],
        )
    return asked


@pytest.mark.parametrize("n", [2, 20])
def test_feedback_pages_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, n
):
    asked = _populate(alice, n)
    # session, user, page count, feedback page (+request), kind counts, pending count
    with django_assert_num_queries(6):
        assert alice_client.get(reverse("feedback:feedback_list")).status_code == 200
    # session, user, page count, requests (+goal), status counts
    with django_assert_num_queries(5):
        assert (
            alice_client.get(
                reverse("feedback:request_list"), {"status": "all"}
            ).status_code
            == 200
        )
    # session, user, feedback themes, theme goals
    with django_assert_num_queries(4):
        assert (
            alice_client.get(reverse("feedback:improvement_areas")).status_code == 200
        )
    # session, user, request (+goal), answers
    with django_assert_num_queries(4):
        assert alice_client.get(asked.get_absolute_url()).status_code == 200
    # session, user, used themes and skills, vocabulary, pending requests
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("feedback:feedback_create")).status_code == 200


def test_asking_a_contact_fills_in_their_name_and_email(alice_client, alice):
    from careerpath.network.tests.factories import ContactFactory

    contact = ContactFactory(
        owner=alice, name="Marta Silva", emails=["marta@example.org", "m@home.example"]
    )
    url = reverse("feedback:request_create")
    contact_page = alice_client.get(contact.get_absolute_url()).content.decode()
    assert f'href="{url}?contact={contact.pk}">Ask for feedback</a>' in contact_page
    form = alice_client.get(url, {"contact": contact.pk})
    assert form.context["form"].initial["recipient_name"] == "Marta Silva"
    assert form.context["form"].initial["contact"] == contact.pk
    response = alice_client.post(
        url,
        request_post(contact=contact.pk, recipient_name="", recipient_email=""),
    )
    feedback_request = FeedbackRequest.objects.owned_by(alice).get()
    assert response.url == feedback_request.get_absolute_url()
    assert feedback_request.contact == contact
    assert feedback_request.recipient_name == "Marta Silva"
    assert feedback_request.recipient_email == "marta@example.org"
    page = alice_client.get(feedback_request.get_absolute_url()).content.decode()
    assert contact.get_absolute_url() in page


def test_someone_elses_contact_cannot_be_asked(alice_client, alice, bob):
    from careerpath.network.tests.factories import ContactFactory

    bobs = ContactFactory(owner=bob, name="Bob's friend")
    url = reverse("feedback:request_create")
    assert alice_client.get(url, {"contact": bobs.pk}).status_code == 404
    before = snapshot_owned_rows(alice)
    response = alice_client.post(url, request_post(contact=bobs.pk))
    assert response.status_code == 422
    assert "That contact is not in your network" in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_api_request_to_a_contact_and_to_a_strangers_contact(client, alice, bob):
    from careerpath.network.tests.factories import ContactFactory

    mine = ContactFactory(owner=alice, name="Marta Silva", emails=["marta@example.org"])
    theirs = ContactFactory(owner=bob)
    client.force_login(alice)
    body = {"about": "the launch", "due_on": "2026-12-20"}
    created = client.post(
        "/api/v1/feedback-requests",
        {**body, "contact_id": mine.pk},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["recipient_name"] == "Marta Silva"
    assert created.json()["contact_id"] == mine.pk
    refused = client.post(
        "/api/v1/feedback-requests",
        {**body, "contact_id": theirs.pk},
        content_type="application/json",
    )
    assert refused.status_code == 404
    nameless = client.post(
        "/api/v1/feedback-requests", body, content_type="application/json"
    )
    assert nameless.status_code == 422
    assert nameless.json()["errors"][0]["message"] == "Say whom you are asking."
    assert FeedbackRequest.objects.owned_by(alice).count() == 1


def test_a_pending_request_is_headed_as_a_request_not_as_feedback(alice_client, alice):
    request = FeedbackRequestFactory(owner=alice, recipient_name="Tom Becker")
    page = alice_client.get(request.get_absolute_url()).content.decode()
    assert "<h1>Feedback request to Tom Becker</h1>" in page
    assert "Feedback from Tom Becker" not in page
    request.status = "received"
    request.save()
    page = alice_client.get(request.get_absolute_url()).content.decode()
    assert "<h1>Feedback from Tom Becker</h1>" in page
