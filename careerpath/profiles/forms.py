"""Input shapes for the profile and self-assessment pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from careerpath.accounts.models import User
from careerpath.core.forms import ListField
from careerpath.core.text import squash
from careerpath.profiles.models import Profile, Responsibility, SelfAssessment
from careerpath.profiles.services import ASSESSMENT_FIELDS, PROFILE_FIELDS

SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class ProfileForm(forms.ModelForm):
    display_name = forms.CharField(
        label="Your name",
        max_length=80,
        required=False,
        help_text="As it should appear on your promotion packet and other documents.",
    )
    values = ListField(help_text="One per line, e.g. autonomy, learning, fairness.")
    passions = ListField(help_text="One per line: what you would do even unpaid.")
    thriving_environments = ListField(
        label="Environments where I thrive",
        help_text="One per line, e.g. small teams, clear ownership, remote-first.",
    )

    class Meta:
        model = Profile
        fields = PROFILE_FIELDS
        widgets = {"aspiration": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.fields["display_name"].initial = owner.display_name
        # The name comes first: it is who the profile is about.
        self.order_fields(["display_name"])

    def clean_display_name(self) -> str:
        if "display_name" not in self.data:  # a post without the field keeps the name
            return self.owner.display_name
        return self.cleaned_data["display_name"].strip()


class SelfAssessmentForm(forms.ModelForm):
    strengths = ListField(help_text="One per line.")
    weaknesses = ListField(
        label="Weaknesses / areas to develop", help_text="One per line."
    )
    job_satisfaction = forms.TypedChoiceField(
        label="Satisfaction with my current job",
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 = very unhappy, 5 = very happy.",
    )
    goal_alignment = forms.TypedChoiceField(
        label="Alignment with my long-term goals",
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 = leads nowhere I want to go, 5 = a direct step towards it.",
    )

    class Meta:
        model = SelfAssessment
        fields = ASSESSMENT_FIELDS
        widgets = {
            "assessed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk is None:
            self.instance.owner = owner

    def clean_assessed_on(self) -> Any:
        value = self.cleaned_data["assessed_on"]
        others = SelfAssessment.objects.owned_by(self.owner).filter(assessed_on=value)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                "You already have a self-assessment for this date; edit that one instead."
            )
        return value


class ResponsibilityForm(forms.Form):
    name = forms.CharField(max_length=120, required=False, label="Responsibility")
    energy = forms.TypedChoiceField(
        choices=[("", "How does it feel?"), *Responsibility.Energy.choices],
        coerce=int,
        required=False,
        empty_value=None,
        label="Energy",
    )

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        name = squash(data.get("name"))
        data["name"] = name
        if name and data.get("energy") is None:
            self.add_error("energy", "Say how energising this responsibility is.")
        if not name and data.get("energy") is not None:
            self.add_error("name", "Name the responsibility you rated.")
        return data


class BaseResponsibilityFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        names = [
            form.cleaned_data["name"].casefold()
            for form in self.forms
            if form.cleaned_data.get("name")
        ]
        if len(names) != len(set(names)):
            raise forms.ValidationError("Each responsibility should appear once.")

    def rows(self) -> list[tuple[str, int]]:
        return [
            (form.cleaned_data["name"], form.cleaned_data["energy"])
            for form in self.forms
            if form.cleaned_data.get("name")
        ]


def responsibility_formset(
    data: Any, *, initial: list[dict[str, Any]]
) -> BaseResponsibilityFormSet:
    """A formset showing the given rows plus empty ones up to at least six."""
    formset_class = forms.formset_factory(
        ResponsibilityForm,
        formset=BaseResponsibilityFormSet,
        extra=max(6 - len(initial), 2),
        max_num=12,
        validate_max=True,
        absolute_max=12,
    )
    # A bound formset gets no initial rows: a row left as pre-filled would count as
    # "unchanged" and be dropped, silently losing a responsibility.
    return cast(
        BaseResponsibilityFormSet,
        formset_class(
            data, initial=None if data is not None else initial, prefix="resp"
        ),
    )
