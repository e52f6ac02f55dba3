"""Input shapes for journal pages; the rules live in the models and services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from careerpath.accounts.models import User
from careerpath.core.forms import ListField
from careerpath.goals.models import Goal
from careerpath.journal.models import MOODS, Entry, Setback

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EntryForm(forms.ModelForm):
    mood = forms.TypedChoiceField(
        choices=[(n, f"{n} {label}") for n, label in MOODS.items()],
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 awful … 5 great",
    )
    tags = ListField(
        max_items=12,
        max_item_length=40,
        help_text="Separated by commas, e.g. leadership, 1:1s.",
        widget=forms.TextInput(),
    )

    class Meta:
        model = Entry
        fields = ("written_on", "title", "mood", "body", "tags")
        widgets = {"written_on": DATE, "body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        self.fields[
            "title"
        ].help_text = "Optional; the first words of the entry stand in."


class SetbackForm(forms.ModelForm):
    class Meta:
        model = Setback
        fields = ("goal", "lesson", "next_time")
        widgets = {
            "lesson": forms.Textarea(attrs={"rows": 3}),
            "next_time": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = Goal.objects.owned_by(owner).order_by(
            "status", "deadline", "pk"
        )
        self.fields["goal"].label = "Goal it set back"
        goal.empty_label = "No particular goal"


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Setback
        fields = ("outcome", "outcome_on")
        widgets = {"outcome": forms.Textarea(attrs={"rows": 3}), "outcome_on": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome_on"].required = True
