"""Weekly work-life balance check-ins: one per person per week.

Private by design: nothing outside this area reads these rows, no page of another
area shows them, and they are never part of anything shared with someone else.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from careerpath.balance.burnout import Week, week_start
from careerpath.core.models import Owned, OwnedQuerySet

SCORE = [MinValueValidator(1), MaxValueValidator(5)]
MAX_HOURS = 100
MAX_SLEEP = 14


class CheckInQuerySet(OwnedQuerySet):
    def recent(self, weeks: int) -> Self:
        """The newest ``weeks`` check-ins, newest first."""
        return self.order_by("-week_of")[:weeks]


class CheckIn(Owned):
    """How one week went: hours, energy, stress, satisfaction, personal time, sleep."""

    week_of = models.DateField(
        "week", help_text="Any day of the week; it is filed under its Monday."
    )
    hours_worked = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_HOURS)],
        help_text="Roughly, including evenings and weekends.",
    )
    energy = models.PositiveSmallIntegerField(
        validators=SCORE, help_text="1 drained … 5 full of energy"
    )
    stress = models.PositiveSmallIntegerField(
        validators=SCORE, help_text="1 calm … 5 overwhelmed"
    )
    satisfaction = models.PositiveSmallIntegerField(
        validators=SCORE, help_text="1 unhappy with work … 5 very satisfied"
    )
    personal_time = models.PositiveSmallIntegerField(
        "time for personal life",
        validators=SCORE,
        help_text="1 none … 5 plenty",
    )
    sleep_hours = models.DecimalField(
        "sleep (hours a night)",
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_SLEEP)],
    )
    note = models.CharField(
        max_length=300, blank=True, help_text="Optional: what made this week so."
    )

    objects: ClassVar[models.Manager[CheckIn]] = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ("-week_of",)
        indexes = [models.Index(fields=["owner", "week_of"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "week_of"],
                name="checkin_one_per_week",
                violation_error_message="There is already a check-in for this week.",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"checkin_{name}_range",
                )
                for name in ("energy", "stress", "satisfaction", "personal_time")
            ),
            models.CheckConstraint(
                condition=Q(hours_worked__gte=0, hours_worked__lte=MAX_HOURS),
                name="checkin_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(sleep_hours__gte=0, sleep_hours__lte=MAX_SLEEP),
                name="checkin_sleep_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Week of {self.week_of:%-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("balance:checkin_edit", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.week_of:
            self.week_of = week_start(self.week_of)
            if self.week_of > week_start(self.owner.today()):
                raise ValidationError(
                    {
                        "week_of": "That week has not started yet: check in for this week or an earlier one."
                    }
                )

    def as_week(self) -> Week:
        """The check-in as the burnout rules read it."""
        return Week(
            week_of=self.week_of,
            hours=float(self.hours_worked),
            energy=self.energy,
            stress=self.stress,
            satisfaction=self.satisfaction,
            personal_time=self.personal_time,
            sleep=float(self.sleep_hours),
        )
