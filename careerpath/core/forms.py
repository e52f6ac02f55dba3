"""Form fields shared by several areas."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from careerpath.core.text import squash

_SPLIT = re.compile(r"[\n,;]+")


class ListField(forms.CharField):
    """A short list typed as one item per line (or separated by commas).

    Blank items and repeats (ignoring case) are dropped; order is kept.
    """

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(
        self, *, max_items: int = 20, max_item_length: int = 80, **kwargs: Any
    ) -> None:
        self.max_items = max_items
        self.max_item_length = max_item_length
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", max_items * (max_item_length + 2))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list | tuple):
            raw_items = [str(item) for item in value]
        else:
            raw_items = _SPLIT.split(super().to_python(value) or "")
        items: list[str] = []
        seen: set[str] = set()
        for raw in raw_items:
            item = squash(raw)
            if item and item.casefold() not in seen:
                seen.add(item.casefold())
                items.append(item)
        return items

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(
                self.error_messages["required"], code="required"
            )
        if len(value) > self.max_items:
            raise forms.ValidationError(
                f"Keep it to {self.max_items} items or fewer (you gave {len(value)}).",
                code="too_many",
            )
        too_long = [item for item in value if len(item) > self.max_item_length]
        if too_long:
            raise forms.ValidationError(
                f"Each item must be {self.max_item_length} characters or fewer: “{too_long[0][:30]}…” is longer.",
                code="item_too_long",
            )

    def run_validators(self, value: Any) -> None:
        # max_length applies to the typed text, not the parsed list.
        return None


def apply_validation_error(
    forms_: forms.BaseForm | Sequence[forms.BaseForm], error: ValidationError
) -> None:
    """Show a service's ValidationError on the form(s) that were submitted.

    A field error lands on the first form that has that field; anything else (a
    plain message, or a field no form shows) becomes a form-wide error on the first.
    """
    targets = [forms_] if isinstance(forms_, forms.BaseForm) else list(forms_)
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            targets[0].add_error(None, message)
        return
    for field, messages in error.message_dict.items():
        form = next((f for f in targets if field in f.fields), targets[0])
        name = field if field in form.fields else None
        for message in messages:
            form.add_error(name, message)
