"""Forms for the account settings pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from careerpath.accounts.models import ApiToken, User


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("display_name", "time_zone")


EXPIRY_CHOICES = [
    (30, "30 days"),
    (90, "90 days"),
    (365, "1 year"),
    (0, "Never"),
]


class SignupForm(forms.Form):
    """Extra sign-up fields (allauth adds e-mail and password): the name documents use."""

    display_name = forms.CharField(
        label="Your name",
        max_length=80,
        required=False,
        help_text="As it should appear on your promotion packet; you can change it later.",
    )

    def signup(self, request: Any, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        help_text="What the token is for, e.g. “cron on my laptop”.",
    )
    expires_in_days = forms.TypedChoiceField(
        label="Expires after",
        choices=EXPIRY_CHOICES,
        coerce=int,
        initial=365,
        required=False,
        empty_value=365,  # type: ignore[arg-type]  # coerced like a choice
        help_text="After that the token stops working; create a new one then.",
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Give the token a name.")
        if ApiToken.objects.owned_by(self.owner).filter(name=name).exists():
            raise forms.ValidationError("You already have a token with this name.")
        return name

    def expires_at(self) -> datetime | None:
        days = self.cleaned_data["expires_in_days"]
        return timezone.now() + timedelta(days=days) if days else None


class AccountDeleteForm(forms.Form):
    confirm_email = forms.CharField(
        label="Type your e-mail address to confirm",
        max_length=254,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm_email(self) -> str:
        value = self.cleaned_data["confirm_email"].strip()
        if value.lower() != self.user.email.lower():
            raise forms.ValidationError(
                "That is not your e-mail address; nothing was deleted."
            )
        return value
