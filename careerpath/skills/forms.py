"""Input shapes for the skills pages; the rules live in the models and services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.urls import reverse_lazy

from careerpath.core.links import LinkFormField, LinkListFormField
from careerpath.skills.models import (
    LEVEL_CHOICES,
    Posting,
    PostingSkill,
    SkillAssessment,
    TargetRole,
    UserSkill,
)
from careerpath.taxonomy.models import Occupation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LEVEL_FIELD_CHOICES = [("", "Choose a level"), *LEVEL_CHOICES]
SUGGEST_ATTRS = {
    "list": "skill-suggestions",
    "autocomplete": "off",
    "hx-get": reverse_lazy("skills:skill_suggest"),
    "hx-trigger": "input changed delay:250ms",
    "hx-target": "#skill-suggestions",
    "hx-swap": "innerHTML",
}


def _level_field(label: str, *, required: bool = True) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=LEVEL_FIELD_CHOICES
        if required
        else [("", "No target"), *LEVEL_CHOICES],
        coerce=int,
        empty_value=None,
        required=required,
        error_messages={
            "invalid_choice": "Choose a level from 1 to 5.",
            "required": "Choose a level from 1 to 5.",
        },
    )


class QuickAddForm(forms.Form):
    name = forms.CharField(
        label="Skill",
        max_length=120,
        widget=forms.TextInput(attrs={**SUGGEST_ATTRS, "placeholder": "e.g. SQL"}),
    )
    level = _level_field("Level")


class UserSkillForm(forms.ModelForm):
    level = _level_field("Level")
    target_level = _level_field("Target level", required=False)
    evidence_links = LinkListFormField(
        label="Evidence links",
        max_items=10,
        help_text="One per line: a repository, a report, a talk (web addresses only).",
    )

    class Meta:
        model = UserSkill
        fields = (
            "name",
            "kind",
            "level",
            "target_level",
            "last_used_on",
            "evidence_links",
            "evidence_notes",
        )
        widgets = {
            "name": forms.TextInput(attrs=SUGGEST_ATTRS),
            "last_used_on": DATE,
            "evidence_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "kind": "Hard skill, soft skill, tool, knowledge, certification or language.",
        }

    def validate_unique(self) -> None:
        # The service reports a duplicate with the skill's name and level.
        return


class BulkAddForm(forms.Form):
    text = forms.CharField(
        label="Skills",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One per line, or separated by commas. Bullets and numbers are fine.",
    )
    level = _level_field("Level for all of them")
    skip_existing = forms.BooleanField(
        label="Skip skills I already have", required=False
    )


class AssessmentForm(forms.ModelForm):
    level = _level_field("Level")

    class Meta:
        model = SkillAssessment
        fields = ("assessed_on", "source", "level", "note")
        widgets = {
            "assessed_on": DATE,
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"source": "Assessed by"}


class TargetRoleForm(forms.ModelForm):
    class Meta:
        model = TargetRole
        fields = ("title", "occupation", "notes")
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"occupation": "Linked occupation"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        occupations = Occupation.objects.order_by("title")
        if occupations.exists():
            occupation = cast(forms.ModelChoiceField, self.fields["occupation"])
            occupation.queryset = occupations
            occupation.empty_label = "None"
        else:
            # Nothing imported yet: a select with no choices would only confuse.
            del self.fields["occupation"]

    def validate_unique(self) -> None:
        # The owner is not on the form; the service checks the title is unused.
        return


class PostingForm(forms.Form):
    title = forms.CharField(
        label="Job title",
        max_length=200,
        required=False,
        help_text="Leave empty to use the posting's first line.",
    )
    company = forms.CharField(max_length=160, required=False)
    url = LinkFormField(label="Link", required=False)
    text = forms.CharField(
        label="Posting",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Paste the posting's text or HTML (up to 100 kB).",
        error_messages={"required": "Paste the posting's text: it is empty."},
    )

    def clean_text(self) -> str:
        # Size, encoding and language are the posting analysis's to judge, with
        # one message everywhere (page, API, command).
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("Paste the posting's text: it is empty.")
        return text


class AnalyseForm(forms.Form):
    """The review form: one row per extracted skill, plus skills the person adds."""

    added = forms.CharField(
        label="Add skills the extraction missed",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line.",
    )
    added_requirement = forms.ChoiceField(
        label="Added skills are",
        choices=PostingSkill.Requirement.choices,
        initial=PostingSkill.Requirement.MUST,
    )

    def __init__(self, *args: Any, posting: Posting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.posting = posting
        self.rows = list(posting.skills.all())
        for row in self.rows:
            self.fields[f"keep_{row.pk}"] = forms.BooleanField(
                label=f"Keep {row.label}", required=False, initial=not row.removed
            )
            self.fields[f"requirement_{row.pk}"] = forms.ChoiceField(
                label=f"{row.label} is",
                choices=PostingSkill.Requirement.choices,
                initial=row.requirement,
            )
            self.fields[f"label_{row.pk}"] = forms.CharField(
                label=f"{row.label} means",
                max_length=200,
                initial=row.label,
                widget=forms.TextInput(attrs=SUGGEST_ATTRS),
            )

    def row_fields(self) -> list[dict[str, Any]]:
        return [
            {
                "row": row,
                "keep": self[f"keep_{row.pk}"],
                "requirement": self[f"requirement_{row.pk}"],
                "label": self[f"label_{row.pk}"],
            }
            for row in self.rows
        ]
