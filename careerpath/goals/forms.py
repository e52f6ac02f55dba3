"""Input shapes for goal pages; the rules live in the models, services and the SMART check."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from careerpath.accounts.models import User
from careerpath.core.charts import short_date
from careerpath.core.forms import ListField
from careerpath.goals.models import ActionStep, Aspiration, Goal, KpiReading, Milestone
from careerpath.goals.services import GOAL_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GoalForm(forms.ModelForm):
    values = ListField(help_text="Values this goal serves, one per line.")
    reason = forms.CharField(
        label="Why are you changing it?",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when the statement, target, deadline or status changes; it shows in the goal's history.",
    )
    confirm_activation = forms.BooleanField(
        label="Activate even though the SMART check finds problems",
        required=False,
    )

    class Meta:
        model = Goal
        fields = GOAL_FIELDS
        widgets = {
            "starts_on": DATE,
            "deadline": DATE,
            "statement": forms.Textarea(attrs={"rows": 2}),
            "achievability_note": forms.Textarea(attrs={"rows": 2}),
            "relevance_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk is None:
            self.instance.owner = owner
            status = cast(forms.ChoiceField, self.fields["status"])
            status.choices = [
                (Goal.Status.DRAFT, "Draft"),
                (Goal.Status.ACTIVE, "Active"),
            ]
            del self.fields["reason"]
        parents = Goal.objects.owned_by(owner).open()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        parent = cast(forms.ModelChoiceField, self.fields["parent"])
        parent.queryset = parents
        self.fields["parent"].label = "Part of a longer-term goal"
        parent.empty_label = "None: a goal of its own"
        aspiration = cast(forms.ModelChoiceField, self.fields["aspiration"])
        aspiration.queryset = Aspiration.objects.owned_by(owner)
        self.fields["aspiration"].label = "Serves the aspiration"
        aspiration.empty_label = "No aspiration"
        for name in ("baseline", "target"):
            self.fields[name].widget.attrs["step"] = "any"


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Goal.Status.choices)
    reason = forms.CharField(
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm_activation = forms.BooleanField(required=False)


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ("title", "due_on")
        widgets = {"due_on": DATE}

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.goal = goal
        self.instance.owner = goal.owner


class ActionStepForm(forms.ModelForm):
    class Meta:
        model = ActionStep
        fields = ("title", "due_on", "milestone")
        widgets = {"due_on": DATE}

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.goal = goal
        self.instance.owner = goal.owner
        milestone = cast(forms.ModelChoiceField, self.fields["milestone"])
        milestone.queryset = Milestone.objects.owned_by(goal.owner).filter(goal=goal)
        self.fields["milestone"].label = "Under milestone (optional)"
        milestone.empty_label = "None"


class KpiReadingForm(forms.ModelForm):
    class Meta:
        model = KpiReading
        fields = ("read_on", "value", "note")
        widgets = {"read_on": DATE}

    def __init__(self, *args: Any, goal: Goal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.goal = goal
        self.instance.owner = goal.owner
        self.fields["value"].widget.attrs["step"] = "any"
        if goal.metric_unit:
            self.fields["value"].label = f"Value ({goal.metric_unit})"
        if goal.starts_on:
            self.fields["read_on"].help_text = (
                f"A date before the goal's start ({short_date(goal.starts_on)}) "
                "records a baseline: where things stood before you began."
            )


class AspirationForm(forms.ModelForm):
    values = ListField(help_text="One per line.")

    class Meta:
        model = Aspiration
        fields = ("title", "description", "starts_on", "horizon_years", "values")
        widgets = {"starts_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}
