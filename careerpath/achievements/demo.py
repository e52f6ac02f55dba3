"""Demo content for achievements: two years of wins with impact, skills and evidence."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from careerpath.accounts.models import User
from careerpath.achievements.models import (
    Achievement,
    Evidence,
    next_achievement_number,
)
from careerpath.feedback.models import Feedback
from careerpath.goals.models import Goal

# Each kind of win happens to several pieces of work over two years: (title with
# {work}, what I did with {work}, the pieces of work, impact range, whole numbers?,
# unit, skills, visibility). Every title is a different piece of work, never "(2)".
WINS = [
    (
        "Automated the {work}",
        "Rewrote the {work} extract in SQL, moved the charts to the dashboard tool and retired the spreadsheet.",
        [
            "weekly KPI report",
            "monthly finance pack",
            "marketing attribution report",
            "board metrics deck",
            "weekly churn summary",
            "regional sales report",
            "customer support scorecard",
            "quarterly retention review",
            "inventory ageing report",
            "partner revenue statement",
            "daily operations snapshot",
            "NPS summary for product",
            "hiring funnel report",
            "cloud cost report",
            "campaign performance pack",
            "pricing dashboard refresh",
            "subscription health report",
            "month-end variance report",
            "payments reconciliation report",
            "onboarding funnel report",
        ],
        (4, 24),
        True,
        "hours saved a month",
        ["SQL", "Automation"],
        "team",
    ),
    (
        "Launched the {work}",
        "Designed the {work}, agreed the guardrail metrics with finance and ran the readout for the leadership team.",
        [
            "pricing experiment",
            "checkout redesign test",
            "onboarding email test",
            "free-trial length experiment",
            "annual-plan discount test",
            "search ranking experiment",
            "homepage hero test",
            "referral reward experiment",
            "paywall copy test",
            "bundle pricing pilot",
            "reminder notification test",
            "cancellation flow experiment",
            "upsell banner test",
            "delivery fee experiment",
            "loyalty points pilot",
            "recommendation widget test",
            "sign-up form experiment",
            "student discount pilot",
            "price anchoring test",
            "win-back campaign experiment",
        ],
        (1.5, 6.5),
        False,
        "% uplift in conversion",
        ["Experimentation", "Stakeholder management"],
        "organisation",
    ),
    (
        "Shipped the {work} to production",
        "Built the features for the {work} with the data engineers and explained the trade-offs to the product team.",
        [
            "churn model",
            "lead scoring model",
            "demand forecast",
            "fraud alert model",
            "upsell propensity model",
            "delivery time estimate",
            "support ticket classifier",
            "credit risk score",
            "stock-out forecast",
            "customer lifetime value model",
            "price elasticity model",
            "anomaly detector for payments",
            "next-best-offer model",
            "staffing forecast",
            "returns prediction model",
            "survey text classifier",
            "renewal risk model",
            "marketing mix model",
            "search relevance model",
            "capacity planning model",
        ],
        (0.2, 1.8),
        False,
        "M € revenue protected a year",
        ["Machine learning", "Data storytelling"],
        "organisation",
    ),
    (
        "Ran {work} for analysts",
        "Prepared exercises and pairing sessions for {work}, then collected questions for a follow-up.",
        [
            "three SQL workshops",
            "a window functions masterclass",
            "a dbt modelling workshop",
            "an experiment design clinic",
            "a Python for analysts course",
            "a data visualisation workshop",
            "a statistics refresher",
            "a Git for analysts session",
            "a dashboard design review",
            "a query performance workshop",
            "a forecasting basics course",
            "a causal inference reading group",
            "a data quality testing workshop",
            "a stakeholder storytelling session",
            "an Excel to SQL bootcamp",
            "a notebook best practices session",
            "a regression workshop",
            "a metrics definitions workshop",
            "an A/B test analysis clinic",
            "a data privacy briefing",
        ],
        (6, 30),
        True,
        "analysts trained",
        ["SQL", "Mentoring"],
        "team",
    ),
    (
        "Led the {work} postmortem",
        "Coordinated the fix for the {work} across three teams and wrote the postmortem with five follow-up actions.",
        [
            "data-quality incident",
            "KPI pipeline outage",
            "duplicate orders incident",
            "broken revenue dashboard",
            "late month-end close",
            "missing events incident",
            "currency conversion bug",
            "double-counted signups",
            "stale forecast incident",
            "warehouse migration outage",
            "tracking plan regression",
            "privacy request backlog",
            "failed nightly load",
            "timezone reporting bug",
            "wrong churn figures",
            "API quota outage",
            "mislabelled experiment",
            "broken attribution feed",
            "late regulatory report",
            "schema change incident",
        ],
        (0, 2),
        True,
        "repeat incidents since",
        ["Incident management", "Leadership"],
        "manager",
    ),
    (
        "Presented the {work} to the leadership team",
        "Opened with the business decisions the {work} enables, then the plan; got sign-off for the next step.",
        [
            "analytics roadmap",
            "data strategy",
            "experimentation programme",
            "self-serve reporting plan",
            "data quality plan",
            "churn deep dive",
            "pricing review",
            "customer segmentation",
            "forecasting approach",
            "metrics framework",
            "data platform budget",
            "market sizing",
            "retention strategy",
            "warehouse migration plan",
            "privacy compliance review",
            "growth model",
            "hiring plan for analytics",
            "quarterly business review",
            "unit economics review",
            "annual planning numbers",
        ],
        (1, 3),
        True,
        "decisions unblocked",
        ["Data storytelling", "Stakeholder management"],
        "organisation",
    ),
    (
        "Cut {work} load time",
        "Pre-aggregated the heaviest queries behind {work} and removed unused filters.",
        [
            "the sales dashboard's",
            "the finance cube's",
            "the marketing dashboard's",
            "the executive summary's",
            "the product analytics page's",
            "the support dashboard's",
            "the inventory report's",
            "the cohort explorer's",
            "the funnel dashboard's",
            "the pricing tool's",
            "the churn dashboard's",
            "the logistics tracker's",
            "the HR dashboard's",
            "the partner portal's",
            "the forecast viewer's",
            "the campaign tracker's",
            "the revenue explorer's",
            "the ops control room's",
            "the customer 360 page's",
            "the KPI wallboard's",
        ],
        (35, 80),
        True,
        "% faster",
        ["SQL", "Data visualisation"],
        "private",
    ),
]


def _what(template: str, work: str) -> str:
    """The work named mid-sentence: "the sales dashboard's" reads as "the sales dashboard"."""
    return template.format(work=work.removesuffix("'s"))


# Past the 140 different wins above (scale 10), the same kinds of work for other teams.
TEAMS = [
    "Berlin",
    "Lisbon",
    "Warsaw",
    "Dublin",
    "Madrid",
    "Stockholm",
    "Vienna",
    "Prague",
    "Milan",
    "Rotterdam",
]


def win_texts(rng: random.Random, count: int) -> list[tuple]:
    """``count`` wins, each about a different piece of work; kinds take turns."""
    out: list[tuple] = []
    for team in ["", *TEAMS]:
        per_kind = [rng.sample(works, len(works)) for _t, _w, works, *_ in WINS]
        index = 0
        while len(out) < count and any(per_kind):
            kind = index % len(WINS)
            index += 1
            if not per_kind[kind]:
                continue
            work = per_kind[kind].pop()
            title, what, _works, (low, high), whole, unit, skills, visibility = WINS[
                kind
            ]
            impact = (
                rng.randint(int(low), int(high))
                if whole
                else round(rng.uniform(low, high), 1)
            )
            title = title.format(work=work)
            what = _what(what, work)
            if team:
                title += f" for the {team} office"
                what += f" Done for the {team} office after the same work at home."
            out.append((title, what, str(impact), unit, skills, visibility))
        if len(out) == count:
            return out
    raise ValueError(f"The demo has {len(out)} different wins; asked for {count}.")


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    """Wins over two years; about half of the achieved goals are claimed, the rest suggested."""
    achieved = list(
        Goal.objects.owned_by(owner)
        .filter(status=Goal.Status.ACHIEVED)
        .order_by("achieved_on")
        .values_list("pk", flat=True)
    )
    praise = list(
        Feedback.objects.owned_by(owner)
        .exclude(kind=Feedback.Kind.CONSTRUCTIVE)
        .order_by("received_on")
        .values_list("pk", "received_on", "skills")
    )
    total = len(WINS) * 2 * scale
    wins: list[Achievement] = []
    first_number = next_achievement_number(owner.pk)
    for index, (title, what, impact, unit, skills, visibility) in enumerate(
        win_texts(rng, total)
    ):
        achieved_on = today - timedelta(
            days=int(715 * (1 - index / max(1, total))) + rng.randrange(0, 10)
        )
        wins.append(
            Achievement(
                owner=owner,
                title=title,
                achieved_on=min(achieved_on, today),
                what_i_did=what,
                impact_value=Decimal(impact),
                impact_unit=unit,
                skills=list(skills),
                goal_id=achieved[index // 2]
                if index % 2 == 0 and index // 2 < len(achieved) // 2
                else None,
                visibility=visibility,
                number=first_number + index,
            )
        )
    Achievement.objects.bulk_create(wins)
    evidence: list[Evidence] = []
    for win in wins:
        keys = {s.lower() for s in win.skills}
        backing = [
            pk
            for pk, received_on, skills in praise
            if received_on <= win.achieved_on and keys & {s.lower() for s in skills}
        ][-2:]
        evidence += [
            Evidence(owner=owner, achievement=win, feedback_id=pk) for pk in backing
        ]
    Evidence.objects.bulk_create(evidence)
    return {"achievements": len(wins), "achievement evidence": len(evidence)}
