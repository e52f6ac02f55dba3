"""Input shapes for learning pages; the rules live in the models and services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from careerpath.accounts.models import User
from careerpath.core.forms import ListField
from careerpath.core.links import LinkFormField
from careerpath.core.text import squash
from careerpath.goals.models import Goal
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.skillnames import MAX_SKILL_LENGTH

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SKILL_SUGGESTIONS = "learning-skill-suggestions"

FORM_FIELDS = (
    "title",
    "kind",
    "provider",
    "url",
    "status",
    "starts_on",
    "finishes_on",
    "hours",
    "cost",
    "currency",
    "skills",
    "goal",
    "issued_on",
    "expires_on",
    "credential_id",
    "note",
)


def _suggesting(widget: forms.Widget, url: str) -> None:
    """Autocomplete from taxonomy labels: htmx fills the datalist as the person types."""
    widget.attrs.update(
        {
            "list": SKILL_SUGGESTIONS,
            "autocomplete": "off",
            "hx-get": url,
            "hx-trigger": "input changed delay:250ms",
            "hx-target": f"#{SKILL_SUGGESTIONS}",
            "hx-swap": "innerHTML",
        }
    )


class LearningItemForm(forms.ModelForm):
    skills = ListField(
        label="Skills it builds",
        max_item_length=MAX_SKILL_LENGTH,
        help_text="One per line; names the skill vocabulary knows are stored under its label.",
    )
    url = LinkFormField(label="Link", required=False)
    add_skill = forms.CharField(
        label="Add a skill",
        required=False,
        max_length=MAX_SKILL_LENGTH,
        help_text="Start typing for suggestions; it joins the list when you save.",
    )

    class Meta:
        model = LearningItem
        fields = FORM_FIELDS
        widgets = {
            "starts_on": DATE,
            "finishes_on": DATE,
            "issued_on": DATE,
            "expires_on": DATE,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(
        self, *args: Any, owner: User, suggest_url: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        goals = Goal.objects.owned_by(owner).open()
        if self.instance.goal_id:
            goals = goals | Goal.objects.owned_by(owner).filter(
                pk=self.instance.goal_id
            )
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = goals.order_by("statement")
        goal.empty_label = "No goal"
        for name in ("cost", "hours"):
            self.fields[name].widget.attrs.update({"step": "any", "min": "0"})
        self.fields["currency"].widget.attrs.update(
            {"size": "4", "autocapitalize": "characters"}
        )
        _suggesting(self.fields["add_skill"].widget, suggest_url)

    def clean(self) -> dict[str, Any]:
        cleaned = cast(dict[str, Any], super().clean())
        extra = squash(cleaned.get("add_skill"))
        if extra and "skills" in cleaned:
            cleaned["skills"] = [*cleaned["skills"], extra]
        return cleaned


class LearningSessionForm(forms.ModelForm):
    class Meta:
        model = LearningSession
        fields = ("logged_on", "hours", "item", "skill", "note")
        widgets = {"logged_on": DATE}

    def __init__(
        self,
        *args: Any,
        owner: User,
        suggest_url: str,
        item: LearningItem | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        self.fields["hours"].widget.attrs.update(
            {"step": "0.25", "min": "0.25", "max": "24"}
        )
        self.fields[
            "hours"
        ].help_text = "Up to 24; quarters of an hour are fine (1.25)."
        if item is not None:
            # Logging on an item's own page: the item is fixed.
            del self.fields["item"]
            self.instance.item = item
        else:
            items = LearningItem.objects.owned_by(owner).open().order_by("title")
            item_field = cast(forms.ModelChoiceField, self.fields["item"])
            item_field.queryset = items
            item_field.empty_label = "None (practice or reading)"
        _suggesting(self.fields["skill"].widget, suggest_url)
