"""What changed between two self-assessments: a pure comparison, no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from careerpath.core.text import squash


@dataclass(frozen=True)
class AssessmentFacts:
    """The comparable content of one self-assessment."""

    assessed_on: date
    strengths: Sequence[str]
    weaknesses: Sequence[str]
    job_satisfaction: int
    goal_alignment: int
    responsibilities: Sequence[tuple[str, int]] = ()  # (name, energy 1–5)

    @property
    def energising_share(self) -> float | None:
        if not self.responsibilities:
            return None
        return sum(1 for _, energy in self.responsibilities if energy >= 4) / len(
            self.responsibilities
        )


@dataclass(frozen=True)
class EnergyChange:
    name: str
    before: int
    after: int


@dataclass(frozen=True)
class AssessmentChange:
    """The difference from an earlier assessment to a later one."""

    days: int
    strengths_added: list[str] = field(default_factory=list)
    strengths_removed: list[str] = field(default_factory=list)
    weaknesses_added: list[str] = field(default_factory=list)
    weaknesses_removed: list[str] = field(default_factory=list)
    satisfaction_delta: int = 0
    alignment_delta: int = 0
    energising_delta: float | None = None
    responsibilities_added: list[str] = field(default_factory=list)
    responsibilities_removed: list[str] = field(default_factory=list)
    energy_changes: list[EnergyChange] = field(default_factory=list)

    @property
    def is_unchanged(self) -> bool:
        return not any(
            [
                self.strengths_added,
                self.strengths_removed,
                self.weaknesses_added,
                self.weaknesses_removed,
                self.satisfaction_delta,
                self.alignment_delta,
                self.energising_delta,
                self.responsibilities_added,
                self.responsibilities_removed,
                self.energy_changes,
            ]
        )


def _added_removed(
    before: Sequence[str], after: Sequence[str]
) -> tuple[list[str], list[str]]:
    # Items are compared ignoring case and spacing, so "Public speaking" and
    # "public  speaking" count as the same strength.
    def key(item: str) -> str:
        return squash(item).casefold()

    before_keys = {key(item) for item in before}
    after_keys = {key(item) for item in after}
    added = [item for item in after if key(item) not in before_keys]
    removed = [item for item in before if key(item) not in after_keys]
    return added, removed


def compare_assessments(
    before: AssessmentFacts, after: AssessmentFacts
) -> AssessmentChange:
    """Describe how ``after`` differs from the earlier ``before``."""
    strengths_added, strengths_removed = _added_removed(
        before.strengths, after.strengths
    )
    weaknesses_added, weaknesses_removed = _added_removed(
        before.weaknesses, after.weaknesses
    )
    before_names = [name for name, _ in before.responsibilities]
    after_names = [name for name, _ in after.responsibilities]
    resp_added, resp_removed = _added_removed(before_names, after_names)
    before_energy = {squash(n).casefold(): e for n, e in before.responsibilities}
    energy_changes = [
        EnergyChange(name=name, before=before_energy[key], after=energy)
        for name, energy in after.responsibilities
        if (key := squash(name).casefold()) in before_energy
        and before_energy[key] != energy
    ]
    energising_delta = None
    if before.energising_share is not None and after.energising_share is not None:
        energising_delta = round(after.energising_share - before.energising_share, 4)
    return AssessmentChange(
        days=(after.assessed_on - before.assessed_on).days,
        strengths_added=strengths_added,
        strengths_removed=strengths_removed,
        weaknesses_added=weaknesses_added,
        weaknesses_removed=weaknesses_removed,
        satisfaction_delta=after.job_satisfaction - before.job_satisfaction,
        alignment_delta=after.goal_alignment - before.goal_alignment,
        energising_delta=energising_delta,
        responsibilities_added=resp_added,
        responsibilities_removed=resp_removed,
        energy_changes=energy_changes,
    )
