"""Review schedules (which cadences a person keeps, and when) and reviews themselves.

A review's summary is computed live while it is a draft and frozen into ``summary``
when it is completed, so later edits elsewhere do not rewrite what the person saw.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from careerpath.core.models import Owned, OwnedQuerySet
from careerpath.reviews import periods

ANSWER_MAX = 5000


class Cadence(models.TextChoices):
    WEEKLY = periods.WEEKLY, "Weekly"
    MONTHLY = periods.MONTHLY, "Monthly"
    QUARTERLY = periods.QUARTERLY, "Quarterly"
    YEARLY = periods.YEARLY, "Yearly"


class ReviewSchedule(Owned):
    """One cadence a person keeps: weekly on Friday, quarterly in the last week…"""

    cadence = models.CharField(max_length=10, choices=Cadence.choices)
    enabled = models.BooleanField(default=True)
    weekday = models.PositiveSmallIntegerField(
        "day of the week",
        default=4,
        choices=list(enumerate(periods.WEEKDAYS)),
        help_text="For weekly reviews.",
    )
    days_before_end = models.PositiveSmallIntegerField(
        "days before the period ends",
        default=6,
        validators=[MaxValueValidator(60)],
        help_text="For monthly, quarterly and yearly reviews: 6 is the start of the last week.",
    )

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "cadence"],
                name="review_schedule_one_per_cadence",
                violation_error_message="You already have a schedule for this cadence.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_cadence_display()} reviews"

    def due_on(self, start: date, end: date) -> date:
        return periods.due_on(
            self.cadence,
            start,
            end,
            weekday=self.weekday,
            days_before_end=self.days_before_end,
        )


class ReviewQuerySet(OwnedQuerySet):
    def completed(self) -> Self:
        return self.filter(completed_at__isnull=False)


class Review(Owned):
    """One review of one period, with the seeds' questions answered in free text."""

    cadence = models.CharField(max_length=10, choices=Cadence.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    moving_towards = models.TextField(
        "Am I moving towards my goals?", blank=True, max_length=ANSWER_MAX
    )
    still_fit = models.TextField(
        "Do my goals still fit my values and aspiration?",
        blank=True,
        max_length=ANSWER_MAX,
    )
    setbacks_taught = models.TextField(
        "What did the setbacks teach me?", blank=True, max_length=ANSWER_MAX
    )
    adjust = models.TextField("What will I adjust?", blank=True, max_length=ANSWER_MAX)
    focus_next = models.TextField(
        "What will I focus on next period?", blank=True, max_length=ANSWER_MAX
    )
    # Frozen on completion: the sections exactly as they were that day.
    summary = models.JSONField(null=True, blank=True, editable=False)
    # What was decided from the review, each with a link: [{"text", "url", "on"}].
    decisions = models.JSONField(default=list, blank=True, editable=False)
    completed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects: ClassVar[models.Manager[Review]] = ReviewQuerySet.as_manager()

    ANSWER_FIELDS = (
        "moving_towards",
        "still_fit",
        "setbacks_taught",
        "adjust",
        "focus_next",
    )

    class Meta:
        ordering = ("-period_start", "cadence", "-pk")
        indexes = [models.Index(fields=["owner", "-period_start"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "cadence", "period_start"],
                name="review_one_per_period",
                violation_error_message="You already have a review of this period.",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="review_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_cadence_display()} review of {self.label}"

    @property
    def label(self) -> str:
        return periods.period_label(self.cadence, self.period_start)

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    def get_absolute_url(self) -> str:
        return reverse("reviews:review_detail", kwargs={"pk": self.pk})
