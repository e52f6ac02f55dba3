"""Learning items (courses, certifications, workshops, books …) and the learning log.

A learning item records what the person studies, what it costs and which skills and goal
it serves; a certificate's issue and expiry dates live on the item that earned it, so a
renewal is one edit. The log holds dated sessions with hours, either on an item or on
their own (reading, practice), for the hours-per-month and hours-per-skill charts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.urls import reverse

from careerpath.core.links import LinkField
from careerpath.core.models import Owned, OwnedQuerySet
from careerpath.learning import renewal

CURRENCY_HELP = "Three-letter code, e.g. EUR, USD, GBP."


class LearningItemQuerySet(OwnedQuerySet):
    def open(self) -> Self:
        return self.filter(status__in=LearningItem.OPEN_STATUSES)

    def with_logged_hours(self) -> Self:
        """Hours logged against each item and the number of sessions, in the same query."""
        return self.annotate(
            logged_hours=Sum("sessions__hours"),
            session_count=Count("sessions"),
        )

    def in_list_order(self) -> Self:
        """In progress first, then planned, completed and dropped; the latest start first."""
        rank = Case(
            When(status=LearningItem.Status.IN_PROGRESS, then=Value(0)),
            When(status=LearningItem.Status.PLANNED, then=Value(1)),
            When(status=LearningItem.Status.COMPLETED, then=Value(2)),
            default=Value(3),
        )
        return self.order_by(rank, F("starts_on").desc(nulls_last=True), "title", "pk")

    def certificates(self) -> Self:
        return self.filter(expires_on__isnull=False)


class LearningItem(Owned):
    """One thing the person learns from: a course, a certification, a book …"""

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        CERTIFICATION = "certification", "Certification"
        WORKSHOP = "workshop", "Workshop"
        WEBINAR = "webinar", "Webinar"
        BOOK = "book", "Book"
        CONFERENCE = "conference", "Conference"
        SELF_STUDY = "self_study", "Self-study"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        DROPPED = "dropped", "Dropped"

    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.COURSE)
    provider = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who offers it, e.g. Coursera, AWS, O’Reilly.",
    )
    url = LinkField("link", blank=True)
    cost = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(max_length=3, blank=True, help_text=CURRENCY_HELP)
    hours = models.DecimalField(
        "expected hours",
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="How long it takes, as the provider states or you estimate.",
    )
    starts_on = models.DateField("start", null=True, blank=True)
    finishes_on = models.DateField("finish", null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    skills = models.JSONField(
        "skills it builds", default=list, blank=True, help_text="One per line."
    )
    goal = models.ForeignKey(
        "goals.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_items",
        verbose_name="goal it serves",
    )
    issued_on = models.DateField("certificate issued", null=True, blank=True)
    expires_on = models.DateField("certificate expires", null=True, blank=True)
    credential_id = models.CharField("credential ID", max_length=120, blank=True)
    note = models.TextField(blank=True, max_length=4000)
    source = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where it came from, e.g. a skill gap for a target role.",
    )
    completed_on = models.DateField(null=True, blank=True, editable=False)

    objects: ClassVar[models.Manager[LearningItem]] = LearningItemQuerySet.as_manager()
    # Set on the rows of objects.with_logged_hours().
    logged_hours: Decimal | None
    session_count: int

    class Meta:
        ordering = ("status", "-starts_on", "title", "pk")
        indexes = [
            models.Index(fields=["owner", "status", "starts_on"]),
            models.Index(fields=["owner", "expires_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(finishes_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(finishes_on__gte=F("starts_on")),
                name="learning_item_finish_after_start",
                violation_error_message="The finish can't be before the start.",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(expires_on__gt=F("issued_on")),
                name="learning_item_expiry_after_issue",
                violation_error_message="The certificate can't expire before it was issued.",
            ),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0),
                name="learning_item_cost_not_negative",
                violation_error_message="The cost can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0),
                name="learning_item_hours_not_negative",
                violation_error_message="The hours can't be negative.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:item_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def status_badge(self) -> str:
        """The badge modifier for the status: in progress blue, completed green."""
        return {
            self.Status.IN_PROGRESS: "status-active",
            self.Status.COMPLETED: "on_track",
        }.get(self.status, "")  # type: ignore[call-overload]

    @property
    def has_certificate(self) -> bool:
        return self.issued_on is not None or self.expires_on is not None

    def renewal_state(self, today: date) -> renewal.RenewalState:
        return renewal.renewal_state(
            self.expires_on, today=today, lapsed=self.status == self.Status.DROPPED
        )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.starts_on and self.finishes_on and self.finishes_on < self.starts_on:
            errors["finishes_on"] = (
                f"The finish can't be before the start ({self.starts_on:%-d %b %Y})."
            )
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = (
                f"The certificate can't expire on or before the day it was issued "
                f"({self.issued_on:%-d %b %Y})."
            )
        if self.cost is not None and self.cost < 0:
            errors["cost"] = "The cost can't be negative."
        if self.hours is not None and self.hours < 0:
            errors["hours"] = "The hours can't be negative."
        if self.currency:
            self.currency = self.currency.strip().upper()
            if len(self.currency) != 3 or not self.currency.isalpha():
                errors["currency"] = "Use a three-letter currency code such as EUR."
            elif self.cost is None:
                errors["currency"] = "Give the cost too, or leave the currency empty."
        if self.goal is not None and self.goal.owner_id != self.owner_id:
            errors["goal"] = "Choose one of your own goals."
        if errors:
            raise ValidationError(errors)


class LearningSessionQuerySet(OwnedQuerySet):
    def between(self, start: date, end: date) -> Self:
        return self.filter(logged_on__range=(start, end))


class LearningSession(Owned):
    """Time spent learning on one day: on an item, or standalone (practice, reading)."""

    item = models.ForeignKey(
        LearningItem,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name="learning item",
    )
    logged_on = models.DateField("date")
    hours = models.DecimalField(max_digits=4, decimal_places=2)
    skill = models.CharField(
        "skill practised",
        max_length=80,
        blank=True,
        help_text="Optional; without one the hours count towards the item's skills.",
    )
    note = models.CharField(max_length=500, blank=True)

    objects: ClassVar[models.Manager[LearningSession]] = (
        LearningSessionQuerySet.as_manager()
    )

    class Meta:
        ordering = ("-logged_on", "-pk")
        indexes = [
            models.Index(fields=["owner", "logged_on"]),
            models.Index(fields=["item", "logged_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24),
                name="learning_session_hours_range",
                violation_error_message="A session lasts more than 0 and at most 24 hours.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.hours} h on {self.logged_on}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.hours is not None and self.hours <= 0:
            errors["hours"] = "Log more than 0 hours; hours can't be negative."
        elif self.hours is not None and self.hours > 24:
            errors["hours"] = "A day has 24 hours: log at most 24 in one session."
        if self.logged_on and self.owner_id and self.logged_on > self.owner.today():
            errors["logged_on"] = "You can't log hours in the future."
        if self.item is not None and self.item.owner_id != self.owner_id:
            errors["item"] = "Choose one of your own learning items."
        if errors:
            raise ValidationError(errors)
