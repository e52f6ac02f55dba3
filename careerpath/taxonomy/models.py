"""Skills and occupations from the built-in vocabulary, ESCO and O*NET.

A skill is identified by its ``(source, external_id)``: the slug for built-in skills, the
concept URI for ESCO, the element id or commodity code for O*NET. Every label a skill is
known by (preferred, alternative, hidden, abbreviation) is a ``SkillAlias`` row whose
``normalized`` form is what matchers look up, so one indexed query answers "which skills
does this phrase name".
"""

from __future__ import annotations

from django.db import models


class Source(models.TextChoices):
    BUILTIN = "builtin", "careerpath starter vocabulary"
    ESCO = "esco", "ESCO"
    ONET = "onet", "O*NET"


class Skill(models.Model):
    class Kind(models.TextChoices):
        HARD = "hard", "Hard skill"
        SOFT = "soft", "Soft skill"
        TOOL = "tool", "Tool or technology"
        KNOWLEDGE = "knowledge", "Knowledge"
        CERTIFICATION = "certification", "Certification"
        LANGUAGE = "language", "Language"

    source = models.CharField(max_length=10, choices=Source.choices)
    external_id = models.CharField(max_length=255)
    label = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.HARD)
    category = models.CharField(max_length=64, blank=True)
    description = models.TextField(blank=True)
    # ESCO reuse level (transversal, cross-sector, sector-specific, occupation-specific);
    # O*NET "Hot Technology" / "In Demand" flags for technology skills.
    reuse_level = models.CharField(max_length=32, blank=True)
    hot_technology = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="taxonomy_skill_unique_id"
            )
        ]
        indexes = [models.Index(fields=["label"])]

    def __str__(self) -> str:
        return self.label


class SkillAlias(models.Model):
    class Kind(models.TextChoices):
        PREFERRED = "preferred", "Preferred label"
        ALTERNATIVE = "alternative", "Alternative label"
        HIDDEN = "hidden", "Hidden label"
        ABBREVIATION = "abbreviation", "Abbreviation"

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=255)
    normalized = models.CharField(max_length=255, db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["skill", "normalized"], name="taxonomy_alias_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Occupation(models.Model):
    source = models.CharField(max_length=10, choices=Source.choices)
    external_id = models.CharField(max_length=255)  # ESCO URI or O*NET-SOC code
    code = models.CharField(max_length=32, blank=True)  # ISCO group / O*NET-SOC code
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)  # O*NET 1–5
    alternate_titles = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="taxonomy_occupation_unique_id"
            )
        ]
        indexes = [models.Index(fields=["title"])]

    def __str__(self) -> str:
        return self.title


class OccupationSkill(models.Model):
    """How much an occupation needs a skill: ESCO essential/optional, O*NET importance and level."""

    class Relation(models.TextChoices):
        ESSENTIAL = "essential", "Essential"
        OPTIONAL = "optional", "Optional"

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="skill_links"
    )
    skill = models.ForeignKey(
        Skill, on_delete=models.CASCADE, related_name="occupation_links"
    )
    relation = models.CharField(max_length=10, choices=Relation.choices, blank=True)
    importance = models.DecimalField(  # O*NET IM scale, 1–5
        max_digits=4, decimal_places=2, null=True, blank=True
    )
    level = models.DecimalField(  # O*NET LV scale, 0–7
        max_digits=4, decimal_places=2, null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "skill"], name="taxonomy_occupation_skill_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} needs {self.skill_id}"


class RelatedOccupation(models.Model):
    """O*NET's related-occupation graph: 20 per occupation in three tiers."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=32)  # Primary-Short, Primary-Long, Supplemental
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "related"], name="taxonomy_related_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} → {self.related_id} ({self.tier})"


class ImportRun(models.Model):
    """One completed load of a source: what the operator sees and what invalidates caches.

    Every process compares the newest id with the one its vocabulary cache was built from,
    so an import run from the command line refreshes the web workers' matchers too.
    """

    source = models.CharField(max_length=10, choices=Source.choices)
    finished_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    summary = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} import of {self.rows} rows"
