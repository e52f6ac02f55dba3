"""Contacts, interactions, events, mentorship meetings and contact imports."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from careerpath.core.links import LinkField, LinkListValidator
from careerpath.core.models import Owned, OwnedQuerySet
from careerpath.core.text import squash
from careerpath.network import cadence

NOTES_MAX = 20_000


class RelationshipType(models.TextChoices):
    PEER = "peer", "Peer"
    MANAGER = "manager", "Manager"
    MENTOR = "mentor", "Mentor"
    SPONSOR = "sponsor", "Sponsor"
    MENTEE = "mentee", "Mentee"
    RECRUITER = "recruiter", "Recruiter"
    ALUMNI = "alumni", "Alumni"
    INDUSTRY = "industry", "Industry contact"
    OTHER = "other", "Other"


RELATIONSHIP_LABELS = dict(RelationshipType.choices)


def match_key(name: str, company: str) -> str:
    """Name + company, case- and space-insensitive: two contacts sharing it are duplicates."""
    return f"{squash(name).casefold()}|{squash(company).casefold()}"


class ContactQuerySet(OwnedQuerySet):
    def search(self, query: str) -> Self:
        """Contacts whose name, company, title, tags, e-mails or notes contain every word."""
        qs = self
        for word in query.casefold().split()[:8]:
            qs = qs.filter(search_text__contains=word)
        return qs

    def tagged(self, tag: str) -> Self:
        # Tags are kept in the search text as "#tag " so a whole tag matches exactly.
        return self.filter(search_text__contains=f"#{tag.casefold()} ")

    def of_type(self, relationship_type: str) -> Self:
        return self.filter(search_text__contains=f"@{relationship_type} ")

    def tracked(self) -> Self:
        return self.filter(keep_in_touch=True)

    def needing_attention(self, today: date) -> Self:
        """Tracked contacts whose ideal catch-up date has come."""
        return self.tracked().filter(due_on__lte=today)

    def overdue(self, today: date) -> Self:
        """Tracked contacts past their maximum interval: cadence's OVERDUE state."""
        return self.tracked().filter(overdue_on__lt=today)


class Contact(Owned):
    """A person in my network; the cadence dates are kept up to date by the services."""

    name = models.CharField(max_length=160)
    company = models.CharField(max_length=160, blank=True)
    title = models.CharField("job title", max_length=160, blank=True)
    emails = models.JSONField("e-mail addresses", default=list, blank=True)
    # [{"number": "+44 …", "label": "mobile"}]
    phones = models.JSONField(default=list, blank=True)
    # [{"url": "https://…", "label": "blog"}]
    links = models.JSONField(
        default=list, blank=True, validators=[LinkListValidator(key="url", mailto=True)]
    )
    profile_url = LinkField(
        "LinkedIn profile",
        max_length=300,
        blank=True,
        help_text="Used to recognise this person when you import again.",
    )
    how_we_met = models.CharField("how we met", max_length=300, blank=True)
    met_on = models.DateField("met on", null=True, blank=True)
    relationship_types = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    goals = models.ManyToManyField(
        "goals.Goal",
        blank=True,
        related_name="helpers",
        help_text="Goals this person can help you with.",
    )
    keep_in_touch = models.BooleanField(
        "remind me to keep in touch",
        default=True,
    )
    ideal_interval_days = models.PositiveSmallIntegerField(
        "ideal interval (days)",
        null=True,
        blank=True,
        help_text="Leave empty for the default of the relationship type.",
    )
    max_interval_days = models.PositiveSmallIntegerField(
        "maximum interval (days)",
        null=True,
        blank=True,
        help_text="After this long without contact the relationship shows as overdue.",
    )
    advocates_for = models.TextField(
        "advocates for me about",
        blank=True,
        max_length=2000,
        help_text="For sponsors: what they put your name forward for.",
    )
    advocates_where = models.CharField(
        "advocates where",
        max_length=300,
        blank=True,
        help_text="For sponsors: in which rooms, e.g. “promotion committee”.",
    )
    source = models.CharField(max_length=16, default="manual", editable=False)
    added_on = models.DateField(editable=False)
    # Kept by the services: the last interaction and the cadence's two dates.
    last_interaction_on = models.DateField(null=True, blank=True, editable=False)
    due_on = models.DateField(null=True, blank=True, editable=False)
    overdue_on = models.DateField(null=True, blank=True, editable=False)
    search_text = models.TextField(editable=False, default="", blank=True)
    match_key = models.CharField(max_length=330, editable=False)

    objects: ClassVar[models.Manager[Contact]] = ContactQuerySet.as_manager()

    class Meta:
        ordering = ("name", "pk")
        indexes = [
            models.Index(fields=["owner", "name"]),
            models.Index(fields=["owner", "due_on"]),
            models.Index(fields=["owner", "last_interaction_on"]),
            models.Index(fields=["owner", "profile_url"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "match_key"],
                name="contact_unique_name_company",
                violation_error_message="You already have a contact with this name at this company.",
            ),
            models.CheckConstraint(
                condition=Q(ideal_interval_days__isnull=True)
                | Q(max_interval_days__isnull=True)
                | Q(max_interval_days__gte=F("ideal_interval_days")),
                name="contact_max_interval_not_below_ideal",
                violation_error_message="The maximum interval can't be shorter than the ideal one.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name

    def get_absolute_url(self) -> str:
        return reverse("network:contact_detail", kwargs={"pk": self.pk})

    @property
    def relationship_labels(self) -> list[str]:
        return [RELATIONSHIP_LABELS.get(t, t) for t in self.relationship_types]

    @property
    def is_mentor_or_sponsor(self) -> bool:
        return bool({"mentor", "sponsor"} & set(self.relationship_types))

    @property
    def is_sponsor(self) -> bool:
        return "sponsor" in self.relationship_types

    def intervals(self) -> cadence.Intervals | None:
        if not self.keep_in_touch:
            return None
        return cadence.intervals_for(
            self.relationship_types,
            ideal=self.ideal_interval_days,
            maximum=self.max_interval_days,
        )

    def cadence(self, today: date) -> cadence.Cadence:
        return cadence.keep_in_touch(
            last_interaction_on=self.last_interaction_on,
            added_on=self.added_on,
            intervals=self.intervals(),
            today=today,
        )

    def refresh_derived(self) -> None:
        """Recompute the match key, search text and cadence dates from the fields."""
        self.match_key = match_key(self.name, self.company)
        words = [
            self.name,
            self.company,
            self.title,
            self.how_we_met,
            *self.emails,
            self.notes,
        ]
        marks = [f"#{t} " for t in self.tags] + [
            f"@{t} " for t in self.relationship_types
        ]
        self.search_text = (" ".join(words) + " " + " ".join(marks)).casefold()
        intervals = self.intervals()
        if intervals is None:
            self.due_on = self.overdue_on = None
        else:
            self.due_on, self.overdue_on = cadence.cadence_dates(
                since=self.last_interaction_on or self.added_on, intervals=intervals
            )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = set(self.relationship_types) - set(RELATIONSHIP_LABELS)
        if unknown:
            errors["relationship_types"] = (
                f"Unknown relationship type: {', '.join(sorted(unknown))}."
            )
        if (
            self.ideal_interval_days
            and self.max_interval_days
            and self.max_interval_days < self.ideal_interval_days
        ):
            errors["max_interval_days"] = (
                "The maximum interval can't be shorter than the ideal one."
            )
        if errors:
            raise ValidationError(errors)


class Event(Owned):
    """A conference, meetup or other gathering, with the people met there."""

    name = models.CharField(max_length=200)
    held_on = models.DateField("date")
    place = models.CharField(max_length=200, blank=True)
    online = models.BooleanField(default=False)
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    follow_up_on = models.DateField("follow up by", null=True, blank=True)
    follow_up_done_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ("-held_on", "-pk")
        indexes = [
            models.Index(fields=["owner", "held_on"]),
            models.Index(fields=["owner", "follow_up_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_on__isnull=True)
                | Q(follow_up_on__gte=F("held_on")),
                name="event_follow_up_after_event",
                violation_error_message="The follow-up can't be before the event.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.held_on:%-d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("network:event_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.follow_up_on and self.held_on and self.follow_up_on < self.held_on:
            raise ValidationError(
                {"follow_up_on": "The follow-up can't be before the event."}
            )


class InteractionQuerySet(OwnedQuerySet):
    def with_contacts(self) -> Self:
        return self.prefetch_related(
            models.Prefetch(
                "contacts", queryset=Contact.objects.only("pk", "name", "company")
            )
        )

    def open_follow_ups(self) -> Self:
        return self.filter(follow_up_on__isnull=False, follow_up_done_on__isnull=True)


class Interaction(Owned):
    """One exchange with one or more contacts; logging it resets their cadence."""

    class Channel(models.TextChoices):
        MEETING = "meeting", "Meeting"
        CALL = "call", "Call"
        VIDEO = "video", "Video call"
        EMAIL = "email", "E-mail"
        MESSAGE = "message", "Message"
        EVENT = "event", "Event"
        SOCIAL = "social", "Social media"

    class Help(models.TextChoices):
        NONE = "none", "No help either way"
        GAVE = "gave", "I gave help"
        RECEIVED = "received", "I received help"
        BOTH = "both", "Both ways"

    occurred_on = models.DateField("date")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    summary = models.CharField(max_length=300)
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    help_direction = models.CharField(
        "help", max_length=10, choices=Help.choices, default=Help.NONE
    )
    help_what = models.CharField(
        "what help",
        max_length=300,
        blank=True,
        help_text="E.g. “introduced me to the data platform lead”.",
    )
    follow_up_on = models.DateField("follow up by", null=True, blank=True)
    follow_up_done_on = models.DateField(null=True, blank=True, editable=False)
    contacts = models.ManyToManyField(Contact, related_name="interactions")
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
    )

    objects: ClassVar[models.Manager[Interaction]] = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ("-occurred_on", "-pk")
        indexes = [
            models.Index(fields=["owner", "occurred_on"]),
            models.Index(fields=["owner", "follow_up_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_on__isnull=True)
                | Q(follow_up_on__gte=F("occurred_on")),
                name="interaction_follow_up_after_interaction",
                violation_error_message="The follow-up can't be before the interaction.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} on {self.occurred_on:%-d %b %Y}: {self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("network:interaction_edit", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if (
            self.follow_up_on
            and self.occurred_on
            and self.follow_up_on < self.occurred_on
        ):
            raise ValidationError(
                {"follow_up_on": "The follow-up can't be before the interaction."}
            )


class MentorshipMeeting(Owned):
    """A meeting with a mentor or sponsor: agenda, takeaways and actions, tied to goals."""

    interaction = models.OneToOneField(
        Interaction, on_delete=models.CASCADE, related_name="meeting"
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="meetings"
    )
    agenda = models.TextField(blank=True, max_length=NOTES_MAX)
    takeaways = models.TextField(blank=True, max_length=NOTES_MAX)
    actions = models.TextField(
        blank=True, max_length=NOTES_MAX, help_text="What you will do next."
    )
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="+")

    class Meta:
        ordering = ("-pk",)
        indexes = [models.Index(fields=["owner", "contact"])]

    def __str__(self) -> str:
        return f"Meeting with {self.contact.name}"


class ContactImport(Owned):
    """An uploaded LinkedIn or vCard file, kept until its preview is committed."""

    class Kind(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn Connections.csv"
        VCARD = "vcard", "vCard (.vcf)"
        CSV = "csv", "careerpath contacts CSV"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    filename = models.CharField(max_length=200)
    content = models.TextField()
    committed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = [models.Index(fields=["owner", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.filename}"

    def get_absolute_url(self) -> str:
        return reverse("network:import_preview", kwargs={"pk": self.pk})
