"""Input shapes for review pages; the rules live in the models and services."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.db.models import F, Q

from careerpath.accounts.models import User
from careerpath.core.forms import ListField
from careerpath.goals.models import Goal
from careerpath.learning.models import LearningItem
from careerpath.network.models import Contact
from careerpath.reviews.models import ANSWER_MAX, Cadence, Review, ReviewSchedule

SHOWN_CONTACTS = 50
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OpenReviewForm(forms.Form):
    cadence = forms.ChoiceField(choices=Cadence.choices)
    day = forms.DateField(label="A day in the period", widget=DATE)


class AnswersForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = Review.ANSWER_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 4, "maxlength": ANSWER_MAX})
            for name in Review.ANSWER_FIELDS
        }


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = ReviewSchedule
        fields = ("enabled", "weekday", "days_before_end")

    def __init__(self, *args: Any, cadence: str, **kwargs: Any) -> None:
        kwargs["prefix"] = cadence
        super().__init__(*args, **kwargs)
        self.cadence = cadence
        self.cadence_label = f"{Cadence(cadence).label} reviews"
        self.fields["enabled"].label = "Keep this rhythm"
        if cadence == Cadence.WEEKLY:
            del self.fields["days_before_end"]
        else:
            del self.fields["weekday"]


class GoalAdjustForm(forms.Form):
    goal = forms.ModelChoiceField(queryset=Goal.objects.none())
    target = forms.DecimalField(required=False, max_digits=14, decimal_places=2)
    deadline = forms.DateField(required=False, widget=DATE)
    status = forms.ChoiceField(
        required=False, choices=[("", "unchanged"), *Goal.Status.choices]
    )
    reason = forms.CharField(max_length=500, help_text="Kept in the goal's history.")

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = (
            Goal.objects.owned_by(owner)
            .filter(status__in=Goal.OPEN_STATUSES)
            .only("pk", "statement")
        )


class GoalDraftForm(forms.Form):
    statement = forms.CharField(max_length=300, label="New goal")


class LearningPlanForm(forms.Form):
    title = forms.CharField(max_length=200, label="Learning item")
    kind = forms.ChoiceField(
        choices=LearningItem.Kind.choices, initial=LearningItem.Kind.COURSE
    )
    skills = ListField(
        max_items=10, max_item_length=80, required=False, widget=forms.TextInput()
    )


class FollowUpForm(forms.Form):
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(),
        help_text="People due a catch-up soon or seen in this period.",
    )
    summary = forms.CharField(max_length=300, label="What about")
    follow_up_on = forms.DateField(label="Follow up by", widget=DATE)

    def __init__(
        self,
        *args: Any,
        owner: User,
        start: date,
        end: date,
        today: date,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Any of the person's contacts is accepted, but the list offers only the 50
        # most pressing (due soon, or seen in the period): a select of thousands of
        # names helps nobody and makes the page slow.
        contacts = Contact.objects.owned_by(owner).only("pk", "name", "company")
        field = self.fields["contact"]
        field.queryset = contacts  # type: ignore[attr-defined]
        shown = contacts.filter(
            Q(keep_in_touch=True, due_on__lte=today + timedelta(days=30))
            | Q(last_interaction_on__range=(start, end))
        ).order_by(F("due_on").asc(nulls_last=True), "name")[:SHOWN_CONTACTS]
        field.widget.choices = [("", "---------"), *((c.pk, str(c)) for c in shown)]
