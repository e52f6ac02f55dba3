"""Journal entries with mood and tags, and setbacks: entries with the lessons they taught."""

from __future__ import annotations

from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from careerpath.core.charts import truncate
from careerpath.core.models import Owned, OwnedQuerySet
from careerpath.core.text import squash
from careerpath.goals.models import Goal

MOODS = {1: "Awful", 2: "Low", 3: "Okay", 4: "Good", 5: "Great"}


def normalise_tag(tag: str) -> str:
    """ "  Leadership " → "leadership"; the bar is kept out because it delimits the index."""
    return squash(tag.replace("|", " ")).casefold().lstrip("#@")


def tag_index(tags: list[str]) -> str:
    """ "|leadership|1:1s|": one text column that finds a tag the same way on every database."""
    return "|" + "|".join(tags) + "|" if tags else ""


class EntryQuerySet(OwnedQuerySet):
    def with_setback(self) -> Self:
        return self.select_related("setback", "setback__goal")

    def tagged(self, tag: str) -> Self:
        return self.filter(tag_index__contains=f"|{normalise_tag(tag)}|")

    def setbacks(self) -> Self:
        return self.filter(setback__isnull=False)


class Entry(Owned):
    """A dated journal entry: Markdown text, a mood from 1 to 5 and free tags."""

    written_on = models.DateField("date")
    title = models.CharField(max_length=160, blank=True)
    body = models.TextField(
        "entry",
        max_length=20000,
        help_text="Markdown: **bold**, *italic*, lists, links.",
    )
    mood = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="1 awful … 5 great",
    )
    tags = models.JSONField(default=list, blank=True)
    # Kept in step with ``tags`` by save(): "|tag one|tag two|".
    tag_index = models.CharField(max_length=2000, blank=True, editable=False)

    objects: ClassVar[models.Manager[Entry]] = EntryQuerySet.as_manager()

    class Meta:
        ordering = ("-written_on", "-pk")
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["owner", "-written_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(mood__gte=1, mood__lte=5), name="entry_mood_range"
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("journal:entry_detail", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        return self.title or truncate(self.body, 60) or f"{self.written_on:%-d %B %Y}"

    @property
    def mood_label(self) -> str:
        return MOODS.get(self.mood, "")

    def clean(self) -> None:
        if self.written_on and self.written_on > self.owner.today():
            raise ValidationError(
                {"written_on": "A journal entry can't be dated in the future."}
            )

    def save(self, *args: object, **kwargs: object) -> None:
        self.tags = [t for t in dict.fromkeys(normalise_tag(t) for t in self.tags) if t]
        self.tag_index = tag_index(self.tags)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Setback(Owned):
    """What went wrong, what it taught, what changes next time, and (later) how it turned out."""

    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, related_name="setback"
    )
    goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="setbacks",
        help_text="The goal it set back, if any.",
    )
    lesson = models.TextField("what I learned", max_length=5000)
    next_time = models.TextField("what I will do differently", max_length=5000)
    outcome = models.TextField(
        "how it turned out",
        blank=True,
        max_length=5000,
        help_text="Add this later: what happened next, and whether the change worked.",
    )
    outcome_on = models.DateField("outcome noted on", null=True, blank=True)

    class Meta:
        ordering = ("-entry__written_on", "-pk")
        indexes = [
            models.Index(fields=["owner", "goal"]),
            models.Index(fields=["owner", "outcome_on"]),
        ]

    def __str__(self) -> str:
        return f"Setback: {self.entry.display_title}"

    def get_absolute_url(self) -> str:
        return self.entry.get_absolute_url()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.goal is not None and self.goal.owner_id != self.owner_id:
            errors["goal"] = "Choose one of your own goals."
        if self.outcome.strip() and self.outcome_on is None:
            errors["outcome_on"] = "Say when you noted how it turned out."
        if self.outcome_on is not None:
            if not self.outcome.strip():
                errors["outcome"] = "Write how it turned out, or leave the date empty."
            elif self.outcome_on > self.owner.today():
                errors["outcome_on"] = "An outcome can't be dated in the future."
            elif self.entry_id and self.outcome_on < self.entry.written_on:
                errors["outcome_on"] = (
                    f"The outcome can't come before the setback ({self.entry.written_on:%-d %b %Y})."
                )
        if errors:
            raise ValidationError(errors)
