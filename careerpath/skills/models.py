"""A person's skill inventory, its dated assessments, target roles, their postings and gap actions.

An inventory skill points at a taxonomy ``Skill`` when one is known and always keeps the
name as the person wrote it plus its ``normalized`` form, so duplicates are refused by a
database constraint whichever way the name was spelt. A posting keeps every skill the
extractor found; the person's corrections are kept on the same rows (``removed``, the
changed requirement, the re-mapped skill, the ``original_*`` values), so what counts and
what the machine proposed are both visible later.
"""

from __future__ import annotations

from typing import ClassVar, Self

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse

from careerpath.core.links import LinkField, LinkListValidator
from careerpath.core.models import Owned, OwnedQuerySet
from careerpath.taxonomy.models import Occupation, Skill

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
LEVEL_NAMES = {
    1: "Awareness",
    2: "Beginner",
    3: "Working",
    4: "Advanced",
    5: "Expert",
}
LEVEL_CHOICES = [(level, f"{level} – {name}") for level, name in LEVEL_NAMES.items()]
POSTING_LIMIT_BYTES = 100 * 1024
EDUCATION_LABELS = {
    "high school": "High school diploma",
    "associate": "Associate degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "doctorate": "Doctorate",
}


class UserSkillQuerySet(OwnedQuerySet):
    def with_history(self) -> Self:
        """The taxonomy skill and every assessment, newest first, in two extra queries."""
        return self.select_related("skill").prefetch_related(
            Prefetch(
                "assessments",
                queryset=SkillAssessment.objects.order_by("-assessed_on", "-pk"),
            )
        )


class UserSkill(Owned):
    """One skill in the person's inventory, with the level they hold it at."""

    skill = models.ForeignKey(
        Skill,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The taxonomy skill this is, when one is known.",
    )
    name = models.CharField(max_length=120)
    normalized = models.CharField(max_length=120, editable=False)
    kind = models.CharField(
        max_length=16, choices=Skill.Kind.choices, default=Skill.Kind.HARD
    )
    level = models.PositiveSmallIntegerField(
        choices=LEVEL_CHOICES, validators=LEVEL_VALIDATORS
    )
    target_level = models.PositiveSmallIntegerField(
        choices=LEVEL_CHOICES, validators=LEVEL_VALIDATORS, null=True, blank=True
    )
    evidence_links = models.JSONField(
        "evidence links",
        default=list,
        blank=True,
        validators=[LinkListValidator()],
        help_text="Links that show the skill: a repository, a talk, a report.",
    )
    evidence_notes = models.TextField("evidence notes", blank=True, max_length=4000)
    last_used_on = models.DateField("last used", null=True, blank=True)

    objects: ClassVar[models.Manager[UserSkill]] = UserSkillQuerySet.as_manager()

    class Meta:
        ordering = ("normalized", "pk")
        indexes = [models.Index(fields=["owner", "normalized"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "normalized"],
                name="userskill_unique_name",
                violation_error_message="This skill is already in your inventory.",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="userskill_level_range",
            ),
            models.CheckConstraint(
                condition=Q(target_level__isnull=True)
                | Q(target_level__gte=1, target_level__lte=5),
                name="userskill_target_level_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("skills:skill_detail", kwargs={"pk": self.pk})

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, "")


class SkillAssessment(Owned):
    """A dated judgement of one skill's level, by the person, from feedback, or by a manager."""

    class Source(models.TextChoices):
        SELF = "self", "Self-assessment"
        FEEDBACK = "feedback", "Feedback"
        MANAGER = "manager", "Manager"

    user_skill = models.ForeignKey(
        UserSkill, on_delete=models.CASCADE, related_name="assessments"
    )
    assessed_on = models.DateField("date")
    source = models.CharField(max_length=10, choices=Source.choices)
    level = models.PositiveSmallIntegerField(
        choices=LEVEL_CHOICES, validators=LEVEL_VALIDATORS
    )
    note = models.TextField(blank=True, max_length=2000)

    objects: ClassVar[models.Manager[SkillAssessment]] = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ("-assessed_on", "-pk")
        indexes = [models.Index(fields=["owner", "assessed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="skillassessment_level_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.level}/5 on {self.assessed_on}"


class TargetRoleQuerySet(OwnedQuerySet):
    def with_counts(self) -> Self:
        return self.annotate(
            posting_count=Count("postings", distinct=True),
            confirmed_count=Count(
                "postings",
                filter=Q(postings__status="confirmed"),
                distinct=True,
            ),
        )


class TargetRole(Owned):
    """A role the person is aiming for; its postings make up its profile."""

    title = models.CharField(max_length=160)
    notes = models.TextField(blank=True, max_length=4000)
    occupation = models.ForeignKey(
        Occupation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An O*NET or ESCO occupation, when imported, adds each skill's importance.",
    )

    objects: ClassVar[models.Manager[TargetRole]] = TargetRoleQuerySet.as_manager()

    class Meta:
        ordering = ("title", "pk")
        indexes = [models.Index(fields=["owner", "title"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "title"],
                name="targetrole_unique_title",
                violation_error_message="You already have a target role with this title.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("skills:role_detail", kwargs={"pk": self.pk})


class PostingQuerySet(OwnedQuerySet):
    def confirmed(self) -> Self:
        return self.filter(status=Posting.Status.CONFIRMED)


class Posting(Owned):
    """A job posting pasted for a target role, with what was extracted from it."""

    class Status(models.TextChoices):
        REVIEW = "review", "Waiting for review"
        CONFIRMED = "confirmed", "Reviewed"

    role = models.ForeignKey(
        TargetRole, on_delete=models.CASCADE, related_name="postings"
    )
    title = models.CharField(max_length=200)
    company = models.CharField(max_length=160, blank=True)
    url = LinkField("link", blank=True)
    text = models.TextField(help_text="The posting as plain text.")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.REVIEW
    )
    years_experience = models.PositiveSmallIntegerField(null=True, blank=True)
    education = models.CharField(max_length=20, blank=True)
    certifications = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    added_on = models.DateField()
    reviewed_on = models.DateField(null=True, blank=True)

    objects: ClassVar[models.Manager[Posting]] = PostingQuerySet.as_manager()

    class Meta:
        ordering = ("-added_on", "-pk")
        indexes = [models.Index(fields=["owner", "added_on"])]

    def __str__(self) -> str:
        # A title taken from the posting's first line often names the company already
        # ("Data Scientist — Acme"): say it once.
        if not self.company or self.company.casefold() in self.title.casefold():
            return self.title
        return f"{self.title} at {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("skills:posting_review", kwargs={"pk": self.pk})

    @property
    def education_label(self) -> str:
        return EDUCATION_LABELS.get(self.education, self.education)


class PostingSkill(Owned):
    """A skill a posting asks for: as extracted, and as the person corrected it."""

    class Requirement(models.TextChoices):
        MUST = "must", "Must have"
        NICE = "nice", "Nice to have"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Found in the text"
        ADDED = "added", "Added by you"

    posting = models.ForeignKey(
        Posting, on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey(
        Skill, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=16, choices=Skill.Kind.choices, default=Skill.Kind.HARD
    )
    requirement = models.CharField(max_length=4, choices=Requirement.choices)
    origin = models.CharField(max_length=10, choices=Origin.choices)
    span = models.CharField("as written", max_length=200, blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    match = models.CharField(max_length=12, blank=True)
    score = models.FloatField(default=1.0)
    removed = models.BooleanField(default=False)
    # What the extractor proposed, when the person changed it.
    original_requirement = models.CharField(max_length=4, blank=True)
    original_label = models.CharField(max_length=200, blank=True)

    objects: ClassVar[models.Manager[PostingSkill]] = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ("posting", "requirement", "normalized", "pk")
        indexes = [models.Index(fields=["owner", "normalized"])]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "normalized"], name="postingskill_unique_per_posting"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        return skill_key(self.skill_id, self.normalized)

    @property
    def corrected(self) -> bool:
        return bool(
            self.removed
            or self.origin == self.Origin.ADDED
            or self.original_requirement
            or self.original_label
        )


class GapAction(Owned):
    """A goal or learning item made from one gap of a target role, so the gap shows it."""

    class Kind(models.TextChoices):
        GOAL = "goal", "Goal"
        LEARNING = "learning", "Learning item"

    role = models.ForeignKey(
        TargetRole, on_delete=models.CASCADE, related_name="gap_actions"
    )
    skill_key = models.CharField(max_length=210)
    skill_label = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    current_level = models.PositiveSmallIntegerField(default=0)
    required_level = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reason = models.CharField(max_length=500)
    goal = models.ForeignKey(
        "goals.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learning_item = models.ForeignKey(
        "learning.LearningItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Not a field: True on the action a call has just made, False on one it found
    # already made (a second click opens what the first made).
    made_now = False
    created_on = models.DateField()

    objects: ClassVar[models.Manager[GapAction]] = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ("-created_on", "-pk")
        indexes = [models.Index(fields=["owner", "created_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.skill_label}"


def skill_key(skill_id: int | None, normalized: str) -> str:
    """One identity for a skill across postings and the inventory: the taxonomy id, else the name."""
    return f"skill:{skill_id}" if skill_id else f"name:{normalized}"
