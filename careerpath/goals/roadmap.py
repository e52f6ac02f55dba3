"""The roadmap's read model: aspirations, goals and milestones on one timeline.

Three queries whatever the volume: aspirations, goals (filtered), and their milestones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch

from careerpath.accounts.models import User
from careerpath.core.charts import Timeline, TimelineItem, timeline
from careerpath.core.dates import add_months
from careerpath.goals.models import Aspiration, Goal, Milestone

# A goal without a deadline is drawn this long, so it still shows on the timeline; it
# is never given a deadline in words.
OPEN_ENDED = timedelta(days=90)

# The ranges the roadmap can show: months from the start of last month, or everything.
# Short goals stay readable beside a five-year aspiration in the default year's view.
RANGES = {
    "12m": ("Next 12 months", 13),
    "3y": ("Next 3 years", 37),
    "all": ("Everything", None),
}
DEFAULT_RANGE = "12m"


def range_bounds(today: date, range_key: str) -> tuple[date, date] | None:
    """(first day, day after the last) of a range, or None for everything."""
    months = RANGES.get(range_key, RANGES[DEFAULT_RANGE])[1]
    if months is None:
        return None
    start = add_months(today.replace(day=1), -1)
    return start, add_months(start, months)


@dataclass
class MonthGroup:
    label: str
    entries: list[TimelineItem] = field(default_factory=list)


@dataclass
class Roadmap:
    timeline: Timeline | None
    items: list[TimelineItem]
    months: list[MonthGroup]
    overdue_count: int
    open_ended: list[TimelineItem] = field(default_factory=list)
    hidden_count: int = 0  # items wholly outside the range shown

    @property
    def is_empty(self) -> bool:
        return not self.items


def _goal_queryset(owner: User, *, status: str, category: str):
    goals = (
        Goal.objects.owned_by(owner)
        .select_related("aspiration")
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.order_by("due_on", "order", "pk"),
            )
        )
        .order_by("starts_on", "pk")
    )
    if status == "open":
        goals = goals.open()
    elif status in Goal.Status.values:
        goals = goals.filter(status=status)
    if category in Goal.Category.values:
        goals = goals.filter(category=category)
    return goals


def build_roadmap(
    owner: User,
    *,
    today: date,
    status: str = "open",
    category: str = "",
    range_key: str = "all",
) -> Roadmap:
    """Everything on the plan, ordered aspiration → goal → sub-goal → milestone, within
    the range asked for (items wholly outside it are left off and counted)."""
    goals = list(_goal_queryset(owner, status=status, category=category))
    aspirations = list(Aspiration.objects.owned_by(owner))
    children: dict[int | None, list[Goal]] = defaultdict(list)
    ids = {g.pk for g in goals}
    for goal in goals:
        # A sub-goal whose parent is filtered out is shown at the top level.
        children[goal.parent_id if goal.parent_id in ids else None].append(goal)

    items: list[TimelineItem] = []

    def add_goal(goal: Goal, depth: int) -> None:
        end = goal.deadline or goal.starts_on + OPEN_ENDED
        overdue = (
            goal.deadline is not None and goal.deadline < today and not goal.is_closed
        )
        items.append(
            TimelineItem(
                key=f"goal-{goal.pk}",
                label=goal.statement,
                start=goal.starts_on,
                end=end,
                kind="goal",
                status=goal.status,
                url=goal.get_absolute_url(),
                depth=depth,
                overdue=overdue,
                open_ended=goal.deadline is None,
            )
        )
        for milestone in goal.milestones.all():
            items.append(
                TimelineItem(
                    key=f"milestone-{milestone.pk}",
                    label=milestone.title,
                    start=milestone.due_on,
                    end=milestone.due_on,
                    kind="milestone",
                    status="done" if milestone.is_done else "open",
                    url=milestone.get_absolute_url(),
                    depth=depth + 1,
                    overdue=milestone.is_overdue(today) and not goal.is_closed,
                )
            )
        for child in children.get(goal.pk, []):
            add_goal(child, depth + 1)

    top = children.get(None, [])
    for aspiration in aspirations:
        served = [g for g in top if g.aspiration_id == aspiration.pk]
        items.append(
            TimelineItem(
                key=f"aspiration-{aspiration.pk}",
                label=aspiration.title,
                start=aspiration.starts_on,
                end=aspiration.horizon_end,
                kind="aspiration",
                status="aspiration",
                url=aspiration.get_absolute_url(),
                depth=0,
            )
        )
        for goal in served:
            add_goal(goal, 1)
    for goal in top:
        if goal.aspiration_id is None or goal.aspiration_id not in {
            a.pk for a in aspirations
        }:
            add_goal(goal, 0)

    bounds = range_bounds(today, range_key)
    every = items
    if bounds is not None:
        first, after = bounds
        # Overdue items stay in view whatever the range: they need acting on.
        items = [i for i in items if (i.start < after and i.end >= first) or i.overdue]
    months: dict[tuple[int, int], MonthGroup] = {}
    for item in sorted(
        (i for i in items if i.kind != "aspiration" and not i.open_ended),
        key=lambda i: (i.end, i.key),
    ):
        when = item.end
        group = months.setdefault(
            (when.year, when.month), MonthGroup(label=f"{when:%B %Y}")
        )
        group.entries.append(item)
    if items:
        start, end = bounds if bounds else (None, None)
        chart = timeline(items, today=today, start=start, end=end)
    else:
        chart = None
    return Roadmap(
        timeline=chart,
        items=items,
        months=[months[key] for key in sorted(months)],
        overdue_count=sum(1 for i in items if i.overdue),
        open_ended=[i for i in items if i.open_ended],
        hidden_count=len(every) - len(items),
    )
