"""Input shapes for feedback pages; the rules live in the models and services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from careerpath.accounts.models import User
from careerpath.core.forms import ListField
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.feedback.services import FEEDBACK_FIELDS, REQUEST_FIELDS
from careerpath.goals.models import Goal
from careerpath.network.models import Contact

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FeedbackRequestForm(forms.ModelForm):
    class Meta:
        model = FeedbackRequest
        fields = REQUEST_FIELDS
        widgets = {
            "asked_on": DATE,
            "due_on": DATE,
            "question": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = Goal.objects.owned_by(owner).open()
        # A contact arrives from the contact's page (?contact=ID); a select of every
        # contact would not scale to a large network, so it travels as a hidden field.
        contact = cast(forms.ModelChoiceField, self.fields["contact"])
        contact.queryset = Contact.objects.owned_by(owner)
        self.fields["contact"].widget = forms.HiddenInput()
        self.fields["recipient_name"].required = False
        goal.empty_label = "No goal"
        self.fields[
            "recipient_email"
        ].help_text = "Optional: lets you send the request by e-mail from here."

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if self.has_error("contact"):
            # The field is hidden, so its error would show nowhere.
            del self.errors["contact"]
            self.add_error(
                None, "That contact is not in your network; say whom you are asking."
            )
            return data
        if not data.get("contact") and not (data.get("recipient_name") or "").strip():
            self.add_error("recipient_name", "Say whom you are asking.")
        return data


class FeedbackForm(forms.ModelForm):
    themes = ListField(
        max_items=12,
        max_item_length=60,
        help_text="One per line or separated by commas.",
    )
    skills = ListField(
        max_items=12,
        max_item_length=80,
        help_text="Skills it speaks to, one per line or separated by commas.",
    )

    class Meta:
        model = Feedback
        fields = FEEDBACK_FIELDS
        widgets = {
            "received_on": DATE,
            "text": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        requests = FeedbackRequest.objects.owned_by(owner)
        if self.instance.request_id:
            requests = requests.filter(pk=self.instance.request_id) | requests.pending()
        else:
            requests = requests.pending()
        request = cast(forms.ModelChoiceField, self.fields["request"])
        request.queryset = requests.order_by("due_on", "pk")
        self.fields["request"].label = "Answers the request"
        request.empty_label = "None: unprompted feedback"
        # No kind is preselected: filing criticism as praise by accident skews the themes.
        kind = cast(forms.ChoiceField, self.fields["kind"])
        kind.choices = [("", "Choose…"), *Feedback.Kind.choices]
        text = cast(forms.CharField, self.fields["text"])
        text.strip = True


class RequestStatusForm(forms.Form):
    status = forms.ChoiceField(choices=FeedbackRequest.Status.choices)
