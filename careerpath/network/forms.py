"""Forms for contacts, interactions, events, mentorship meetings and imports (input shape only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from django import forms

from careerpath.accounts.models import User
from careerpath.core.forms import ListField
from careerpath.core.links import clean_link
from careerpath.core.text import squash
from careerpath.goals.models import Goal
from careerpath.network.cadence import DEFAULT_INTERVALS
from careerpath.network.models import (
    NOTES_MAX,
    Contact,
    Event,
    Interaction,
    RelationshipType,
)
from careerpath.network.records import MAX_FILE_BYTES
from careerpath.network.services import PersonMet

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _pairs(text: str, key: str) -> list[dict[str, str]]:
    """Lines like "mobile: +44 7700 900123" or just "+44 7700 900123"."""
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        label, sep, value = line.partition(": ")
        if not sep or "://" in label:
            label, value = "", line
        pairs.append({"label": label.strip(), key: value.strip()})
    return pairs


class PairsField(forms.CharField):
    """Labelled values typed one per line, "label: value"."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *, key: str, **kwargs: Any) -> None:
        self.key = key
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 4000)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(
                f"{item['label']}: {item[self.key]}"
                if item.get("label")
                else item[self.key]
                for item in value
            )
        return value

    def clean(self, value: Any) -> list[dict[str, str]]:
        text = super().clean(value)
        pairs = _pairs(text or "", self.key)
        if len(pairs) > 20:
            raise forms.ValidationError("Keep it to 20 or fewer.")
        return pairs


class LinkPairsField(PairsField):
    """Labelled links, "label: https://…" one per line; web and e-mail links only."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(key="url", **kwargs)

    def clean(self, value: Any) -> list[dict[str, str]]:
        pairs = super().clean(value)
        for pair in pairs:
            pair["url"] = clean_link(pair["url"], mailto=True)
        return pairs


def owned_goals(owner: User) -> Any:
    return Goal.objects.owned_by(owner).open().order_by("status", "deadline", "pk")


class ContactForm(forms.ModelForm):
    emails = ListField(
        label="E-mail addresses",
        max_items=10,
        max_item_length=254,
        help_text="One per line.",
    )
    phones = PairsField(
        key="number",
        label="Phones",
        help_text="One per line, e.g. “mobile: +44 7700 900123”.",
    )
    links = LinkPairsField(
        label="Links",
        help_text="One per line, e.g. “blog: https://…”; web and mailto: links only.",
    )
    relationship_types = forms.MultipleChoiceField(
        label="Relationship",
        choices=RelationshipType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Several allowed. The keep-in-touch rhythm follows the closest one.",
    )
    tags = ListField(
        label="Tags", max_items=20, max_item_length=40, help_text="Comma-separated."
    )
    goals = forms.ModelMultipleChoiceField(
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Goals they can help with",
    )

    class Meta:
        model = Contact
        fields = (
            "name",
            "company",
            "title",
            "relationship_types",
            "emails",
            "phones",
            "links",
            "profile_url",
            "how_we_met",
            "met_on",
            "tags",
            "notes",
            "goals",
            "keep_in_touch",
            "ideal_interval_days",
            "max_interval_days",
            "advocates_for",
            "advocates_where",
        )
        widgets = {
            "met_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 5}),
            "advocates_for": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"notes": "Markdown: **bold**, lists, links."}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        goals = cast(forms.ModelChoiceField, self.fields["goals"])
        goals.queryset = owned_goals(owner)
        notes = cast(forms.CharField, self.fields["notes"])
        notes.max_length = NOTES_MAX
        if self.instance._state.adding:
            # Nothing is ticked for a new contact until the user chooses it.
            self.initial.setdefault("keep_in_touch", False)
        self.fields[
            "keep_in_touch"
        ].help_text = (
            "Off until you turn it on. The suggested rhythm follows the relationship."
        )

    def cadence_defaults(self) -> str:
        """Each relationship's suggested rhythm, for the hint shown once a type is picked."""
        return json.dumps(
            {
                value: {"label": str(label), "ideal": ideal, "max": maximum}
                for value, label in RelationshipType.choices
                for ideal, maximum in [DEFAULT_INTERVALS[value]]
            }
        )


PEOPLE_FORMAT = "One per line: name; company; title; e-mail (only the name is needed)."


def parse_people(text: str) -> list[PersonMet]:
    """People typed one per line as "name; company; title; e-mail".

    Only the name is needed. "Name (Company)" is read as a name and a company too.
    """
    people = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if ";" not in line and line.endswith(")") and " (" in line:
            raw = list(line[:-1].partition(" (")[::2])
        else:
            raw = line.split(";")
        parts = [squash(p) for p in raw] + ["", "", ""]
        name, company, title, email = parts[:4]
        if not name:
            raise forms.ValidationError(f"Line {number} has no name.")
        if len(name) > 160 or len(company) > 160 or len(title) > 160:
            raise forms.ValidationError(
                f"Line {number}: keep names, companies and titles under 160 characters."
            )
        if email and "@" not in email:
            raise forms.ValidationError(
                f"Line {number}: “{email}” is not an e-mail address."
            )
        people.append(PersonMet(name=name, company=company, title=title, email=email))
    if len(people) > 100:
        raise forms.ValidationError("Add at most 100 people at once.")
    return people


class PeopleField(forms.CharField):
    """People typed one per line, "name; company; title; e-mail" (see parse_people)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10_000)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[PersonMet]:
        return parse_people(super().clean(value) or "")


def resolve_people(
    owner: User, people: Sequence[PersonMet]
) -> tuple[list[Contact], list[str]]:
    """The contacts named (by name, and company where given); unknown names returned."""
    contacts: list[Contact] = []
    unknown: list[str] = []
    for person in people:
        label = f"{person.name}; {person.company}" if person.company else person.name
        matches = Contact.objects.owned_by(owner).filter(name__iexact=person.name)
        if person.company:
            matches = matches.filter(company__iexact=person.company)
        found = list(matches[:2])
        if len(found) == 1:
            contacts.append(found[0])
        else:
            unknown.append(
                label
                if not found
                else f"{label} (several match: add the company after a semicolon)"
            )
    return contacts, unknown


class ContactPicker(forms.CheckboxSelectMultiple):
    """A checklist of contacts with a search box above it that filters as you type."""

    template_name = "network/widgets/picker.html"

    def __init__(self) -> None:
        super().__init__(attrs={"class": "picker"})


class ContactsPickerMixin:
    """Every contact as a checklist (the page filters it as you type), plus names typed.

    The people already chosen come first, then everyone else by name, so nobody is
    missing from the list however they were added.
    """

    owner: User
    cleaned_data: dict[str, Any]

    def setup_picker(self, owner: User, preselected: Sequence[Contact]) -> None:
        self.owner = owner
        field = self.fields["contacts"]  # type: ignore[attr-defined]
        field.queryset = Contact.objects.owned_by(owner)
        everyone = (
            Contact.objects.owned_by(owner)
            .order_by("name", "company", "pk")
            .only("pk", "name", "company")
        )
        candidates = {c.pk: c for c in [*preselected, *everyone]}
        field.widget.choices = [(pk, str(c)) for pk, c in candidates.items()]

    def clean_people(self) -> list[Contact]:
        contacts, unknown = resolve_people(
            self.owner, self.cleaned_data.get("other_people") or []
        )
        if unknown:
            raise forms.ValidationError(
                "Not in your contacts: "
                + "; ".join(unknown)
                + ". Add them first, or check the spelling."
            )
        return contacts

    def chosen_contacts(self) -> list[Contact]:
        chosen = {c.pk: c for c in self.cleaned_data.get("contacts", [])}
        for c in self.cleaned_data.get("other_people_contacts", []):
            chosen.setdefault(c.pk, c)
        return list(chosen.values())


class InteractionForm(ContactsPickerMixin, forms.ModelForm):
    contacts = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.none(),
        required=False,
        widget=ContactPicker,
        label="With",
    )
    other_people = PeopleField(
        label="Anyone else",
        help_text=f"{PEOPLE_FORMAT} They must be in your contacts; "
        "add the company if two people share a name.",
    )

    class Meta:
        model = Interaction
        fields = (
            "occurred_on",
            "channel",
            "summary",
            "contacts",
            "other_people",
            "help_direction",
            "help_what",
            "follow_up_on",
            "notes",
        )
        widgets = {
            "occurred_on": DATE,
            "follow_up_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self,
        *args: Any,
        owner: User,
        preselected: Sequence[Contact] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.setup_picker(owner, preselected)

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        try:
            data["other_people_contacts"] = self.clean_people()
        except forms.ValidationError as error:
            self.add_error("other_people", error)
        if not self.errors and not self.chosen_contacts():
            self.add_error("contacts", "Choose at least one contact.")
        return data

    def _post_clean(self) -> None:
        # The service validates the interaction (with its contacts) as a whole.
        pass


class EventForm(ContactsPickerMixin, forms.ModelForm):
    people_met = PeopleField(
        label="New people you met",
        help_text=f"{PEOPLE_FORMAT} Each becomes a contact; someone already in "
        "your contacts with the same name and company is reused.",
    )
    contacts = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.none(),
        required=False,
        widget=ContactPicker,
        label="People you already knew",
    )

    class Meta:
        model = Event
        fields = ("name", "held_on", "place", "online", "notes", "follow_up_on")
        widgets = {
            "held_on": DATE,
            "follow_up_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"follow_up_on": "Leave empty for a week after the event."}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_picker(owner, ())

    def _post_clean(self) -> None:
        pass


class MeetingForm(forms.Form):
    occurred_on = forms.DateField(label="Date", widget=DATE)
    channel = forms.ChoiceField(
        choices=[
            (v, label)
            for v, label in Interaction.Channel.choices
            if v in {"meeting", "call", "video"}
        ],
        initial="meeting",
    )
    agenda = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    takeaways = forms.CharField(
        required=False, max_length=NOTES_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    actions = forms.CharField(
        label="Actions",
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you will do next.",
    )
    goals = forms.ModelMultipleChoiceField(
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Goals discussed",
    )
    help_direction = forms.ChoiceField(
        label="Help", choices=Interaction.Help.choices, initial="received"
    )
    help_what = forms.CharField(label="What help", required=False, max_length=300)
    follow_up_on = forms.DateField(label="Follow up by", required=False, widget=DATE)

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        goals = cast(forms.ModelChoiceField, self.fields["goals"])
        goals.queryset = owned_goals(owner)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="LinkedIn's Connections.csv (from “Get a copy of your data”), a .vcf from "
        "Apple, Google or Outlook contacts, or a careerpath contacts CSV. Up to 8 MB.",
    )

    def clean_file(self) -> Any:
        """Refuse a file over the limit from its size, before reading it into memory."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"{upload.name} is {upload.size / 1024 / 1024:.1f} MB; "
                f"the limit is {MAX_FILE_BYTES // 1024 // 1024} MB."
            )
        return upload
