"""Who the person is now, where they want to be, and dated self-assessments."""

from __future__ import annotations

from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse

from careerpath.core.models import Owned, OwnedQuerySet

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Profile(Owned):
    """The person's current situation and long-term aspiration (one per person)."""

    current_role = models.CharField(max_length=120, blank=True)
    organisation = models.CharField(max_length=120, blank=True)
    industry = models.CharField(max_length=120, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        "years of experience", null=True, blank=True, validators=[MaxValueValidator(70)]
    )
    aspiration = models.TextField(
        "long-term aspiration",
        blank=True,
        max_length=2000,
        help_text="Where do you want to be in a few years? A role, a kind of work, a life.",
    )
    aspiration_horizon_years = models.PositiveSmallIntegerField(
        "horizon (years)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="In how many years — most people choose 3 to 10.",
    )
    values = models.JSONField(
        default=list, blank=True, help_text="What matters most to you at work."
    )
    passions = models.JSONField(default=list, blank=True)
    thriving_environments = models.JSONField(
        "environments where I thrive", default=list, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="profile_one_per_owner"),
            models.CheckConstraint(
                condition=Q(aspiration_horizon_years__isnull=True)
                | Q(aspiration_horizon_years__gte=1, aspiration_horizon_years__lte=30),
                name="profile_horizon_range",
            ),
        ]

    def __str__(self) -> str:
        return self.current_role or "Profile"

    def get_absolute_url(self) -> str:
        return reverse("profiles:profile_detail")

    @property
    def is_empty(self) -> bool:
        return not any(
            [
                self.current_role,
                self.organisation,
                self.industry,
                self.years_experience is not None,
                self.aspiration,
                self.values,
                self.passions,
                self.thriving_environments,
            ]
        )


class SelfAssessmentQuerySet(OwnedQuerySet):
    def with_responsibilities(self) -> Self:
        return self.prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.order_by("order", "pk"),
            )
        )


class SelfAssessment(Owned):
    """A dated look at strengths, weaknesses and the current job."""

    assessed_on = models.DateField("date")
    strengths = models.JSONField(default=list, blank=True)
    weaknesses = models.JSONField(default=list, blank=True)
    job_satisfaction = models.PositiveSmallIntegerField(
        "satisfaction with my current job",
        validators=SCORE_VALIDATORS,
        help_text="1 = very unhappy, 5 = very happy.",
    )
    goal_alignment = models.PositiveSmallIntegerField(
        "alignment with my long-term goals",
        validators=SCORE_VALIDATORS,
        help_text="1 = leads nowhere I want to go, 5 = a direct step towards it.",
    )
    notes = models.TextField(
        blank=True, max_length=10_000, help_text="Markdown is allowed."
    )

    objects: ClassVar[models.Manager[SelfAssessment]] = (
        SelfAssessmentQuerySet.as_manager()
    )

    class Meta:
        ordering = ("-assessed_on",)
        indexes = [models.Index(fields=["owner", "-assessed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "assessed_on"],
                name="self_assessment_one_per_day",
                violation_error_message="You already have a self-assessment for this date.",
            ),
            models.CheckConstraint(
                condition=Q(job_satisfaction__gte=1, job_satisfaction__lte=5),
                name="self_assessment_satisfaction_range",
            ),
            models.CheckConstraint(
                condition=Q(goal_alignment__gte=1, goal_alignment__lte=5),
                name="self_assessment_alignment_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Self-assessment of {self.assessed_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("profiles:assessment_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.assessed_on and self.owner_id and self.assessed_on > self.owner.today():
            raise ValidationError(
                {"assessed_on": "A self-assessment can't be dated in the future."}
            )

    @property
    def energising_share(self) -> float | None:
        """Share of responsibilities rated energising (4 or 5); None when none are listed.

        Reads the prefetched responsibilities, so use ``with_responsibilities()``.
        """
        items = list(self.responsibilities.all())
        if not items:
            return None
        return sum(1 for item in items if item.is_energising) / len(items)


class Responsibility(Owned):
    """A main responsibility of the current job, rated for how energising it is."""

    class Energy(models.IntegerChoices):
        DRAINING = 1, "Draining"
        TIRING = 2, "Tiring"
        NEUTRAL = 3, "Neutral"
        ENERGISING = 4, "Energising"
        VERY_ENERGISING = 5, "Very energising"

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="responsibilities"
    )
    name = models.CharField(max_length=120)
    energy = models.PositiveSmallIntegerField(choices=Energy.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("order", "pk")
        indexes = [models.Index(fields=["owner", "assessment"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(energy__gte=1, energy__lte=5),
                name="responsibility_energy_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_energising(self) -> bool:
        return self.energy >= self.Energy.ENERGISING
