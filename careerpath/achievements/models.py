"""Achievements: the wins of a brag document, with quantified impact and their evidence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse

from careerpath.core.models import Owned

IMPACT_MAX = Decimal("999999999999")


class Achievement(Owned):
    """A win: what I did, its measurable impact, the skills it shows and what it served."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", "Only me"
        MANAGER = "manager", "My manager"
        TEAM = "team", "My team"
        ORGANISATION = "organisation", "The whole organisation"
        PUBLIC = "public", "Public"

    title = models.CharField(max_length=200)
    achieved_on = models.DateField("date")
    what_i_did = models.TextField(
        "what I did",
        max_length=5000,
        help_text="Your part in it, in a few sentences. Markdown is allowed.",
        error_messages={"blank": "Say what you did: it is the heart of the win."},
    )
    impact_value = models.DecimalField(
        "impact (number)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="E.g. 40 for “40 hours saved a month”.",
    )
    impact_unit = models.CharField(
        "impact (unit)",
        max_length=60,
        blank=True,
        help_text="E.g. “hours saved a month”, “% fewer errors”, “€ revenue”.",
    )
    skills = models.JSONField(default=list, blank=True, help_text="Skills it shows.")
    goal = models.ForeignKey(
        "goals.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="goal served",
    )
    milestone = models.ForeignKey(
        "goals.Milestone",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="milestone reached",
    )
    supporting_feedback = models.ManyToManyField(
        "feedback.Feedback",
        through="Evidence",
        blank=True,
        related_name="+",
    )
    # Its number among the person's own achievements, cited as A1, A2…: never the
    # database id, so a new person's first win is A1. Kept when others are deleted.
    number = models.PositiveIntegerField(editable=False)
    visibility = models.CharField(
        "who knows",
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        help_text="Who has seen this win so far: visibility is part of getting credit.",
    )

    class Meta:
        ordering = ("-achieved_on", "-pk")
        indexes = [models.Index(fields=["owner", "achieved_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(impact_value__isnull=True)
                | Q(impact_value__gte=0, impact_value__lte=IMPACT_MAX),
                name="achievement_impact_range",
                violation_error_message="The impact must be between 0 and 999,999,999,999.",
            ),
            models.UniqueConstraint(
                fields=["owner", "number"], name="achievement_number_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("achievements:achievement_edit", kwargs={"pk": self.pk})

    @property
    def cite(self) -> str:
        return f"A{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.number is None:
            self.number = next_achievement_number(self.owner_id)
        super().save(*args, **kwargs)

    @property
    def has_impact(self) -> bool:
        return self.impact_value is not None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.what_i_did and not self.what_i_did.strip():
            errors["what_i_did"] = "Say what you did: it is the heart of the win."
        if self.achieved_on and self.achieved_on > self.owner.today():
            errors["achieved_on"] = "An achievement can't be dated in the future."
        if self.impact_value is not None:
            if self.impact_value < 0 or self.impact_value > IMPACT_MAX:
                errors["impact_value"] = (
                    "The impact must be between 0 and 999,999,999,999; "
                    "say “fewer” or “saved” in the unit for reductions."
                )
            elif not self.impact_unit.strip():
                errors["impact_unit"] = "Give the number a unit, e.g. “hours saved”."
        elif self.impact_unit.strip():
            errors["impact_value"] = "Give the unit a number, e.g. 40."
        if self.goal is not None and self.goal.owner_id != self.owner_id:
            errors["goal"] = "Choose one of your own goals."
        if self.milestone is not None and self.milestone.owner_id != self.owner_id:
            errors["milestone"] = "Choose one of your own milestones."
        elif (
            self.milestone is not None
            and self.goal_id is not None
            and self.milestone.goal_id != self.goal_id
        ):
            errors["milestone"] = "This milestone belongs to another goal."
        if errors:
            raise ValidationError(errors)


def next_achievement_number(owner_id: int) -> int:
    """The number the person's next achievement gets: one past their highest."""
    highest = Achievement.objects.filter(owner_id=owner_id).aggregate(n=Max("number"))
    return (highest["n"] or 0) + 1


class Evidence(Owned):
    """Feedback that supports an achievement (the owner is denormalised for scoping)."""

    achievement = models.ForeignKey(
        Achievement, on_delete=models.CASCADE, related_name="evidence"
    )
    feedback = models.ForeignKey(
        "feedback.Feedback", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ("achievement", "pk")
        indexes = [models.Index(fields=["owner", "achievement"])]
        constraints = [
            models.UniqueConstraint(
                fields=["achievement", "feedback"], name="evidence_once_per_feedback"
            )
        ]

    def __str__(self) -> str:
        return f"Evidence for {self.achievement_id}"
