"""Aspirations, SMART goals, milestones, action steps, KPI readings and goal changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse

from careerpath.core.models import Owned, OwnedQuerySet


class Aspiration(Owned):
    """Where the person wants to be in a few years; goals serve it."""

    title = models.CharField(max_length=160)
    description = models.TextField(blank=True, max_length=4000)
    starts_on = models.DateField("from")
    horizon_years = models.PositiveSmallIntegerField(
        "horizon (years)", validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    values = models.JSONField(
        default=list, blank=True, help_text="The values it expresses."
    )
    # The long-term aspiration written on the profile: one and the same, kept in step
    # both ways (see goals.profile_link).
    from_profile = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ("starts_on", "pk")
        indexes = [models.Index(fields=["owner", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(horizon_years__gte=1, horizon_years__lte=30),
                name="aspiration_horizon_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goals:aspiration_edit", kwargs={"pk": self.pk})

    @property
    def extra_description(self) -> str:
        """The description when it says more than the title (the profile's aspiration
        often is one sentence, which is then its title too)."""
        text = self.description.strip()
        return "" if text.rstrip(".") == self.title.rstrip(".…") else text

    @property
    def horizon_end(self) -> date:
        try:
            return self.starts_on.replace(year=self.starts_on.year + self.horizon_years)
        except ValueError:  # 29 February
            return self.starts_on.replace(
                year=self.starts_on.year + self.horizon_years, day=28
            )


class GoalQuerySet(OwnedQuerySet):
    def active(self) -> Self:
        return self.filter(status=Goal.Status.ACTIVE)

    def open(self) -> Self:
        return self.filter(status__in=Goal.OPEN_STATUSES)

    def with_progress(self) -> Self:
        """Prefetch what progress and the SMART check need, so a list is a fixed number of queries."""
        return self.select_related("aspiration", "parent").prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.order_by("due_on", "order", "pk"),
            ),
            Prefetch("readings", queryset=KpiReading.objects.order_by("read_on", "pk")),
        )

    def with_counts(self) -> Self:
        return self.annotate(
            milestone_count=Count("milestones", distinct=True),
            milestones_done=Count(
                "milestones",
                filter=Q(milestones__completed_on__isnull=False),
                distinct=True,
            ),
        )


class Goal(Owned):
    """A SMART goal: specific statement, metric, achievability, relevance and deadline."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        ACHIEVED = "achieved", "Achieved"
        ABANDONED = "abandoned", "Abandoned"

    class Category(models.TextChoices):
        ROLE = "role", "Role and promotion"
        SKILL = "skill", "Skills"
        LEARNING = "learning", "Learning and certification"
        PROJECT = "project", "Projects and impact"
        NETWORK = "network", "Network and visibility"
        BALANCE = "balance", "Work-life balance"
        OTHER = "other", "Other"

    class Direction(models.TextChoices):
        INCREASE = "increase", "Increase"
        DECREASE = "decrease", "Decrease"

    class Priority(models.IntegerChoices):
        HIGH = 1, "High"
        MEDIUM = 2, "Medium"
        LOW = 3, "Low"

    OPEN_STATUSES = (Status.DRAFT, Status.ACTIVE, Status.PAUSED)
    CLOSED_STATUSES = (Status.ACHIEVED, Status.ABANDONED)

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The long-term goal this one is a step towards.",
    )
    aspiration = models.ForeignKey(
        Aspiration,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    category = models.CharField(
        max_length=16, choices=Category.choices, default=Category.OTHER
    )
    statement = models.CharField(
        "specific goal",
        max_length=300,
        help_text="What exactly you will achieve, e.g. “Lead the Q3 pricing experiment end to end”.",
    )
    is_binary = models.BooleanField(
        "yes/no goal",
        default=False,
        help_text="Done or not done, e.g. passing a certification.",
    )
    metric_name = models.CharField("measure", max_length=80, blank=True)
    metric_unit = models.CharField("unit", max_length=24, blank=True)
    baseline = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    direction = models.CharField(
        max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    achievability_note = models.TextField(
        "resources and constraints",
        blank=True,
        max_length=2000,
        help_text="What you have to make it happen (time, budget, support) and what stands in the way.",
    )
    values = models.JSONField(
        default=list, blank=True, help_text="Values this goal serves."
    )
    relevance_note = models.TextField("why it matters", blank=True, max_length=2000)
    starts_on = models.DateField("start")
    deadline = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    priority = models.PositiveSmallIntegerField(
        choices=Priority.choices, default=Priority.MEDIUM
    )
    achieved_on = models.DateField(null=True, blank=True, editable=False)

    objects: ClassVar[models.Manager[Goal]] = GoalQuerySet.as_manager()

    class Meta:
        ordering = ("status", "deadline", "pk")
        indexes = [
            models.Index(fields=["owner", "status", "deadline"]),
            models.Index(fields=["owner", "deadline"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gt=F("starts_on")),
                name="goal_deadline_after_start",
                violation_error_message="The deadline must be after the start.",
            ),
            models.CheckConstraint(
                condition=Q(is_binary=True)
                | Q(baseline__isnull=True)
                | Q(target__isnull=True)
                | ~Q(target=F("baseline")),
                name="goal_target_differs_from_baseline",
                violation_error_message="The target equals the baseline: nothing would change.",
            ),
        ]

    def __str__(self) -> str:
        return self.statement

    def get_absolute_url(self) -> str:
        return reverse("goals:goal_detail", kwargs={"pk": self.pk})

    @property
    def is_metric(self) -> bool:
        return (
            not self.is_binary and self.target is not None and self.baseline is not None
        )

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.deadline and self.starts_on and self.deadline <= self.starts_on:
            errors["deadline"] = "The deadline must be after the start."
        if not self.is_binary:
            if (
                self.target is not None
                and self.baseline is not None
                and self.target == self.baseline
            ):
                errors["target"] = (
                    "The target equals the baseline: nothing would change."
                )
            if (
                self.target is not None
                and self.baseline is not None
                and self.target != self.baseline
            ):
                going_up = self.target > self.baseline
                if going_up != (self.direction == self.Direction.INCREASE):
                    errors["direction"] = (
                        "The direction does not match: the target is "
                        f"{'above' if going_up else 'below'} the baseline."
                    )
        if self.parent_id is not None:
            if self.pk is not None and self.parent_id == self.pk:
                errors["parent"] = "A goal cannot be a step towards itself."
            elif self.parent is not None and self.parent.owner_id != self.owner_id:
                errors["parent"] = "Choose one of your own goals."
        if self.aspiration is not None and self.aspiration.owner_id != self.owner_id:
            errors["aspiration"] = "Choose one of your own aspirations."
        if errors:
            raise ValidationError(errors)


class MilestoneQuerySet(OwnedQuerySet):
    def open(self) -> Self:
        return self.filter(completed_on__isnull=True)


class Milestone(Owned):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField("due")
    completed_on = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects: ClassVar[models.Manager[Milestone]] = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ("due_on", "order", "pk")
        indexes = [
            models.Index(fields=["owner", "due_on"]),
            models.Index(fields=["goal", "due_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return (
            reverse("goals:goal_detail", kwargs={"pk": self.goal_id})
            + f"#milestone-{self.pk}"
        )

    @property
    def is_done(self) -> bool:
        return self.completed_on is not None

    def is_overdue(self, today: date) -> bool:
        return self.completed_on is None and self.due_on < today

    def clean(self) -> None:
        goal = self.goal
        if self.due_on and goal.starts_on and self.due_on < goal.starts_on:
            raise ValidationError(
                {
                    "due_on": f"A milestone can't be due before its goal starts ({goal.starts_on:%-d %b %Y})."
                }
            )
        if self.due_on and goal.deadline and self.due_on > goal.deadline:
            raise ValidationError(
                {
                    "due_on": f"A milestone can't be due after its goal's deadline ({goal.deadline:%-d %b %Y})."
                }
            )


class ActionStep(Owned):
    """A concrete next action under a goal, optionally under one of its milestones."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    milestone = models.ForeignKey(
        Milestone, null=True, blank=True, on_delete=models.CASCADE, related_name="steps"
    )
    title = models.CharField(max_length=200)
    due_on = models.DateField("due", null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("done_on", "due_on", "order", "pk")
        indexes = [
            models.Index(fields=["owner", "due_on"]),
            models.Index(fields=["goal"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def clean(self) -> None:
        if self.milestone is not None and self.milestone.goal_id != self.goal_id:
            raise ValidationError({"milestone": "Choose a milestone of this goal."})


class KpiReading(Owned):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="readings")
    read_on = models.DateField("date")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("read_on", "pk")
        indexes = [
            models.Index(fields=["goal", "read_on"]),
            models.Index(fields=["owner", "read_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.value} on {self.read_on}"

    @property
    def is_baseline(self) -> bool:
        """Read before the goal started: where things stood, not progress made."""
        return bool(self.goal.starts_on and self.read_on < self.goal.starts_on)

    def clean(self) -> None:
        # A reading from before the goal's start is allowed: it is a baseline reading
        # (where things stood), and the pace counts from the goal's own baseline.
        goal = self.goal
        if self.read_on and self.read_on > self.owner.today():
            raise ValidationError(
                {"read_on": "A reading can't be dated in the future."}
            )
        if (
            self.read_on
            and goal.deadline
            and goal.achieved_on is None
            and self.read_on > goal.deadline
        ):
            raise ValidationError(
                {
                    "read_on": f"This is after the goal's deadline ({goal.deadline:%-d %b %Y}); adjust the deadline first."
                }
            )


class GoalChange(Owned):
    """One adjustment of a goal and the reason given, so reviews can see how plans evolved."""

    class Field(models.TextChoices):
        STATEMENT = "statement", "Statement"
        TARGET = "target", "Target"
        DEADLINE = "deadline", "Deadline"
        STATUS = "status", "Status"

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=10, choices=Field.choices)
    old_value = models.CharField(max_length=300, blank=True)
    new_value = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=500)
    changed_on = models.DateField()
    # Where the change was decided, e.g. "the review of March 2027", with a link back.
    source_label = models.CharField(max_length=120, blank=True)
    source_url = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(fields=["goal", "-created_at"]),
            models.Index(fields=["owner", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {self.old_value} → {self.new_value}"


def decimal_or_none(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))
