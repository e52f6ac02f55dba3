from django import forms
from django.core.exceptions import ValidationError

from careerpath.core.forms import apply_validation_error


class First(forms.Form):
    name = forms.CharField(required=False)


class Second(forms.Form):
    lesson = forms.CharField(required=False)


def _bound(form_class):
    form = form_class(data={})
    assert form.is_valid()
    return form


def test_field_errors_land_on_the_form_that_has_the_field():
    first, second = _bound(First), _bound(Second)
    apply_validation_error(
        [first, second],
        ValidationError({"lesson": "Say what you learned.", "owner": "Not yours."}),
    )
    assert second.errors == {"lesson": ["Say what you learned."]}
    assert first.non_field_errors() == ["Not yours."]


def test_a_plain_message_becomes_a_form_wide_error():
    form = _bound(First)
    apply_validation_error(form, ValidationError("Only a pending request can be sent."))
    assert form.non_field_errors() == ["Only a pending request can be sent."]
    assert form.errors.keys() == {"__all__"}
