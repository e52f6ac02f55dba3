"""Input shapes for achievement pages; the rules live in the model and services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.text import Truncator

from careerpath.accounts.models import User
from careerpath.achievements.brag import GRANULARITIES
from careerpath.achievements.models import Achievement
from careerpath.achievements.services import ACHIEVEMENT_FIELDS
from careerpath.core.forms import ListField
from careerpath.core.markdown import markdown_to_text
from careerpath.core.text import squash
from careerpath.feedback.models import Feedback
from careerpath.goals.models import Goal, Milestone

FEEDBACK_OFFERED = 30
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FeedbackChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        text = Truncator(squash(markdown_to_text(obj.text))).chars(70)
        return f"{obj.source}, {obj.received_on:%-d %b %Y} ({obj.get_kind_display().lower()}): {text}"


class AchievementForm(forms.ModelForm):
    skills = ListField(
        max_items=12,
        max_item_length=80,
        help_text="Skills it shows, one per line or separated by commas.",
    )
    supporting_feedback = FeedbackChoiceField(
        queryset=Feedback.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Supporting feedback",
        help_text="Feedback that backs this win up; the promotion packet cites it.",
    )

    class Meta:
        model = Achievement
        fields = ACHIEVEMENT_FIELDS
        widgets = {
            "achieved_on": DATE,
            "what_i_did": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = Goal.objects.owned_by(owner)
        goal.empty_label = "No goal"
        milestone = cast(forms.ModelChoiceField, self.fields["milestone"])
        milestone.queryset = Milestone.objects.owned_by(owner).select_related("goal")
        milestone.empty_label = "No milestone"
        # Django documents replacing the method on the field instance.
        milestone.label_from_instance = lambda m: f"{m.title} ({m.goal.statement[:40]})"  # type: ignore[method-assign, assignment]
        # The newest feedback is what a win usually rests on: offer the latest pieces
        # plus whatever is already attached, not years of it.
        chosen = (
            [e.feedback_id for e in self.instance.evidence.all()]
            if self.instance.pk
            else []
        )
        mine = Feedback.objects.owned_by(owner).order_by("-received_on", "-pk")
        offered = list(mine.values_list("pk", flat=True)[:FEEDBACK_OFFERED]) + chosen
        supporting_feedback = cast(
            forms.ModelChoiceField, self.fields["supporting_feedback"]
        )
        supporting_feedback.queryset = mine.filter(pk__in=offered)
        if chosen:
            self.initial.setdefault("supporting_feedback", chosen)
        self.fields["impact_value"].widget.attrs["step"] = "any"

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if self.has_error("impact_value"):
            # The number was refused already; leave the unit as it was so the model's
            # pairing check does not add a second, misleading message.
            data.pop("impact_unit", None)
        return data


class BragFilterForm(forms.Form):
    view = forms.ChoiceField(
        choices=[("period", "By period"), ("skill", "By skill")], required=False
    )
    period = forms.ChoiceField(
        choices=[(g, g.title()) for g in GRANULARITIES], required=False
    )
    start = forms.DateField(required=False, widget=DATE, label="From")
    end = forms.DateField(required=False, widget=DATE, label="To")

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("“From” must be on or before “To”.")
        return data
