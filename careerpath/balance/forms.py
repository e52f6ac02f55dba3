"""The check-in form: one compact form, every field pre-filled, keyboard friendly."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from careerpath.accounts.models import User
from careerpath.balance.models import CheckIn

SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class ScoreSelect(forms.RadioSelect):
    """Five radio buttons: arrow keys move between them, so no mouse is needed."""


def tidy(value: Any) -> Any:
    """48.0 → 48 and 7.50 → 7.5 in the inputs, without turning 100 into 1E+2."""
    if isinstance(value, Decimal) and value.is_finite():
        return (
            value.quantize(Decimal(1))
            if value == value.to_integral()
            else value.normalize()
        )
    return value


class CheckInForm(forms.ModelForm):
    energy = forms.TypedChoiceField(
        choices=SCORE_CHOICES,
        coerce=int,
        widget=ScoreSelect,
        help_text="1 drained … 5 full of energy",
    )
    stress = forms.TypedChoiceField(
        choices=SCORE_CHOICES,
        coerce=int,
        widget=ScoreSelect,
        help_text="1 calm … 5 overwhelmed",
    )
    satisfaction = forms.TypedChoiceField(
        choices=SCORE_CHOICES,
        coerce=int,
        widget=ScoreSelect,
        help_text="1 unhappy with work … 5 very satisfied",
    )
    personal_time = forms.TypedChoiceField(
        label="Time for personal life",
        choices=SCORE_CHOICES,
        coerce=int,
        widget=ScoreSelect,
        help_text="1 none … 5 plenty",
    )

    class Meta:
        model = CheckIn
        fields = (
            "week_of",
            "hours_worked",
            "sleep_hours",
            "energy",
            "stress",
            "satisfaction",
            "personal_time",
            "note",
        )
        labels = {
            "hours_worked": "Hours worked",
            "week_of": "Week",
            "sleep_hours": "Sleep a night",
        }
        help_texts = {"sleep_hours": "Hours, on average."}
        widgets = {
            "week_of": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "hours_worked": forms.NumberInput(
                attrs={"step": "0.5", "min": "0", "max": "100", "autofocus": True}
            ),
            "sleep_hours": forms.NumberInput(
                attrs={"step": "0.5", "min": "0", "max": "14"}
            ),
            "note": forms.TextInput(),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        for name in ("hours_worked", "sleep_hours"):
            self.fields[name].prepare_value = tidy  # type: ignore[method-assign]
        self.fields[
            "week_of"
        ].help_text = (
            "Any day of the week; a second check-in for a week updates the first."
        )
