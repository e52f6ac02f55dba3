"""Feedback requests, feedback received, and the themes turned into goals.

Whom a request goes to is kept as a name and an optional e-mail address (text), and
skills as a list of names, so this area stands on its own; links to contacts and to a
skill inventory can be added later without changing what is stored here.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse

from careerpath.core.models import Owned, OwnedQuerySet


class FeedbackRequestQuerySet(OwnedQuerySet):
    def pending(self) -> Self:
        return self.filter(status=FeedbackRequest.Status.PENDING)


class FeedbackRequest(Owned):
    """Asking someone for feedback about a goal, a skill or a project, by a date."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RECEIVED = "received", "Received"
        DECLINED = "declined", "Declined"

    class About(models.TextChoices):
        GOAL = "goal", "A goal"
        SKILL = "skill", "A skill"
        PROJECT = "project", "A project"
        OTHER = "other", "Something else"

    contact = models.ForeignKey(
        "network.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Someone from your network; their name and e-mail fill in.",
    )
    recipient_name = models.CharField("whom", max_length=120)
    recipient_email = models.EmailField("their e-mail", blank=True)
    about_kind = models.CharField(
        "about", max_length=8, choices=About.choices, default=About.PROJECT
    )
    about = models.CharField(
        "about what",
        max_length=200,
        help_text="The project, skill or piece of work you want feedback on.",
    )
    goal = models.ForeignKey(
        "goals.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The goal it helps you judge, if any.",
    )
    question = models.TextField(
        "what you want to know",
        blank=True,
        max_length=1000,
        help_text="One or two specific questions get better answers than “any feedback?”.",
    )
    asked_on = models.DateField("asked")
    due_on = models.DateField("by when")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_on = models.DateField(null=True, blank=True, editable=False)

    objects: ClassVar[models.Manager[FeedbackRequest]] = (
        FeedbackRequestQuerySet.as_manager()
    )

    class Meta:
        ordering = ("status", "due_on", "pk")
        indexes = [
            models.Index(fields=["owner", "status", "due_on"]),
            models.Index(fields=["owner", "due_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("asked_on")),
                name="feedback_request_due_after_asked",
                violation_error_message="The reply date can't be before the day you ask.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name}: {self.about}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:request_detail", kwargs={"pk": self.pk})

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def is_overdue(self, today: object) -> bool:
        return self.is_pending and self.due_on < today  # type: ignore[operator]

    def clean(self) -> None:
        if self.due_on and self.asked_on and self.due_on < self.asked_on:
            raise ValidationError(
                {"due_on": "The reply date can't be before the day you ask."}
            )
        if self.goal is not None and self.goal.owner_id != self.owner_id:
            raise ValidationError({"goal": "Choose one of your own goals."})


class Feedback(Owned):
    """Feedback someone gave: who, when, in what context, what kind, what they said."""

    class Kind(models.TextChoices):
        PRAISE = "praise", "Praise"
        CONSTRUCTIVE = "constructive", "Constructive"
        MIXED = "mixed", "Mixed"

    request = models.ForeignKey(
        FeedbackRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    source = models.CharField(
        "from", max_length=120, help_text="Who gave it, e.g. “Priya (my manager)”."
    )
    received_on = models.DateField("received")
    context = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where it came from, e.g. “Q3 review” or “after the pricing launch”.",
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField(
        "what they said",
        max_length=5000,
        help_text="Markdown is allowed.",
        error_messages={"blank": "Write down what they said."},
    )
    themes = models.JSONField(
        default=list,
        blank=True,
        help_text="Free tags: communication, leadership, delivery…",
    )
    skills = models.JSONField(
        default=list, blank=True, help_text="Skills it speaks to."
    )
    # Its number among the person's own feedback, cited as F1, F2…: never the
    # database id. Kept when others are deleted.
    number = models.PositiveIntegerField(editable=False)

    class Meta:
        ordering = ("-received_on", "-pk")
        indexes = [models.Index(fields=["owner", "received_on"])]
        verbose_name_plural = "feedback"
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="feedback_text_not_empty",
                violation_error_message="Write down what they said.",
            ),
            models.UniqueConstraint(
                fields=["owner", "number"], name="feedback_number_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.source} ({self.received_on})"

    def get_absolute_url(self) -> str:
        return reverse("feedback:feedback_edit", kwargs={"pk": self.pk})

    @property
    def cite(self) -> str:
        return f"F{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.number is None:
            highest = Feedback.objects.filter(owner_id=self.owner_id).aggregate(
                n=Max("number")
            )
            self.number = (highest["n"] or 0) + 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.text and not self.text.strip():
            errors["text"] = "Write down what they said."
        if self.received_on and self.received_on > self.owner.today():
            errors["received_on"] = "Feedback can't be dated in the future."
        if self.request is not None and self.request.owner_id != self.owner_id:
            errors["request"] = "Choose one of your own requests."
        if errors:
            raise ValidationError(errors)


class ThemeGoal(Owned):
    """A recurring theme the person turned into a goal, so the area shows it is being worked on."""

    theme_key = models.CharField(max_length=80)
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ("theme_key", "pk")
        indexes = [models.Index(fields=["owner", "theme_key"])]

    def __str__(self) -> str:
        return self.theme_key
