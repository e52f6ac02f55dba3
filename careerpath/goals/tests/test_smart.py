"""The SMART check, letter by letter: a table of real goals, then one test per rule.

``check_smart`` is pure, so nothing here touches the database.
"""

import ast
import inspect
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.goals import smart
from careerpath.goals.services import smart_report
from careerpath.goals.smart import (
    EXTREME_MONTHLY_JUMP,
    LETTER_NAMES,
    MIN_STATEMENT_WORDS,
    OVERLAPPING_GOALS_LIMIT,
    STEEP_MONTHLY_JUMP,
    Finding,
    GoalDraft,
    SmartReport,
    check_smart,
)
from careerpath.goals.tests.factories import GoalFactory, KpiReadingFactory

TODAY = date(2026, 11, 23)
D = Decimal

NOTE = (
    "Four hours a week agreed with my manager; the training budget covers the course."
)


def plan(statement: str, **fields) -> GoalDraft:
    """A complete draft around ``statement``: resourced, linked, dated from 1 Nov 2026.

    Each table row states the measure and the dates that make it realistic and
    overrides whatever it is about.
    """
    base = {
        "achievability_note": NOTE,
        "has_aspiration": True,
        "values": ("Growth",),
        "starts_on": date(2026, 11, 1),
        "deadline": date(2027, 6, 30),
        "aspiration_horizon_end": date(2030, 12, 31),
    }
    base.update(fields)
    return GoalDraft(statement=statement, **base)


def verdicts(draft: GoalDraft, today: date = TODAY) -> dict[str, str]:
    return {f.letter: f.verdict for f in check_smart(draft, today=today).findings}


def finding(draft: GoalDraft, letter: str, today: date = TODAY) -> Finding:
    return check_smart(draft, today=today).by_letter(letter)  # type: ignore[arg-type]


def advice(draft: GoalDraft, letter: str, today: date = TODAY) -> str:
    return " ".join(finding(draft, letter, today).advice)


# --- The table: real-world goals and the verdict for each letter --------------------


@dataclass(frozen=True)
class Case:
    id: str
    draft: GoalDraft
    S: str
    M: str
    A: str
    R: str
    T: str


SIX_BUSY_GOALS = ((date(2026, 9, 1), date(2027, 3, 31)),) * 3 + (
    (date(2026, 1, 1), None),
    (date(2027, 1, 1), date(2027, 12, 31)),
    (date(2026, 12, 1), date(2027, 2, 28)),
)

CASES = [
    # --- Software engineering -------------------------------------------------------
    Case(
        "eng-sql-workshops",
        plan(
            "Run six internal SQL workshops for the analytics team",
            metric_name="Workshops run",
            metric_unit="workshops",
            baseline=D("0"),
            target=D("6"),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "eng-improve-my-coding",
        GoalDraft(statement="Improve my coding", starts_on=date(2026, 11, 23)),
        S="fail", M="fail", A="warn", R="fail", T="fail",
    ),
    Case(
        "eng-reduce-ticket-backlog",
        plan(
            "Reduce the support ticket backlog from 120 to 40 open tickets",
            metric_name="Open tickets",
            metric_unit="tickets",
            baseline=D("120"),
            target=D("40"),
            direction="decrease",
            deadline=date(2027, 3, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "eng-aws-certification-binary",
        plan(
            "Pass the AWS Solutions Architect Associate exam",
            is_binary=True,
            deadline=date(2027, 3, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "eng-p95-latency-in-seven-weeks",
        plan(
            "Cut p95 checkout API latency from 800 ms to 300 ms",
            metric_name="p95 latency",
            metric_unit="ms",
            baseline=D("800"),
            target=D("300"),
            direction="decrease",
            deadline=date(2027, 1, 15),
        ),
        S="pass", M="pass", A="warn", R="pass", T="pass",
    ),
    Case(
        "eng-learn-more-kubernetes",
        plan(
            "Learn more about Kubernetes for work",
            achievability_note="",
            has_aspiration=False,
        ),
        S="warn", M="fail", A="warn", R="pass", T="pass",
    ),
    Case(
        "eng-advance-my-career",
        GoalDraft(
            statement="Advance my career this year",
            starts_on=date(2026, 11, 1),
            deadline=date(2027, 12, 31),
        ),
        S="fail", M="fail", A="warn", R="fail", T="pass",
    ),
    Case(
        "eng-migration-deadline-passed",
        plan(
            "Migrate the billing service to PostgreSQL 16",
            is_binary=True,
            starts_on=date(2026, 6, 1),
            deadline=date(2026, 10, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="fail",
    ),
    # --- Nursing --------------------------------------------------------------------
    Case(
        "nurse-renew-bls-acls",
        plan(
            "Renew my BLS and ACLS certifications",
            is_binary=True,
            deadline=date(2027, 2, 28),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "nurse-medication-errors",
        plan(
            "Reduce medication administration errors on ward 7 from 12 to 4 per quarter",
            metric_name="Medication errors per quarter",
            baseline=D("12"),
            target=D("4"),
            direction="decrease",
            deadline=date(2027, 9, 30),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "nurse-get-better-difficult-patients",
        plan("Get better at handling difficult patients"),
        S="warn", M="fail", A="pass", R="pass", T="pass",
    ),
    Case(
        "nurse-ccrn-after-aspiration-horizon",
        plan(
            "Earn the CCRN critical care nursing certification",
            is_binary=True,
            deadline=date(2028, 6, 30),
            aspiration_horizon_end=date(2027, 12, 31),
            milestone_dates=(date(2027, 6, 30),),
        ),
        S="pass", M="pass", A="pass", R="pass", T="warn",
    ),
    Case(
        "nurse-msn-three-years-no-milestones",
        plan(
            "Complete a part-time Master of Science in Nursing degree",
            is_binary=True,
            starts_on=date(2026, 9, 1),
            deadline=date(2029, 9, 30),
        ),
        S="pass", M="pass", A="pass", R="pass", T="warn",
    ),
    Case(
        "nurse-precept-new-graduates",
        plan(
            "Precept four new graduate nurses through their orientation",
            metric_name="Graduates precepted",
            baseline=D("0"),
            target=D("4"),
            values=("Care", "Teaching"),
            has_aspiration=False,
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    # --- Sales ----------------------------------------------------------------------
    Case(
        "sales-enterprise-bookings",
        plan(
            "Close $1.2M in new enterprise bookings this fiscal year",
            metric_name="New bookings",
            metric_unit="USD",
            baseline=D("900000"),
            target=D("1200000"),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "sales-try-to-close-deals",
        plan(
            "Try to close 20 more deals this quarter",
            metric_name="Deals closed",
            baseline=D("12"),
            target=D("20"),
            deadline=date(2026, 12, 31),
        ),
        S="warn", M="pass", A="warn", R="pass", T="pass",
    ),
    Case(
        "sales-double-pipeline-in-a-month",
        plan(
            "Double my qualified pipeline to 40 opportunities",
            metric_name="Qualified opportunities",
            baseline=D("20"),
            target=D("40"),
            starts_on=TODAY,
            deadline=date(2026, 12, 20),
        ),
        S="pass", M="pass", A="fail", R="pass", T="pass",
    ),
    Case(
        "sales-network-more",
        GoalDraft(statement="Network more", relevance_note="Referrals close faster"),
        S="fail", M="fail", A="warn", R="warn", T="fail",
    ),
    Case(
        "sales-win-rate-wrong-direction",
        plan(
            "Raise win rate on qualified deals from 22% to 30%",
            metric_name="Win rate",
            metric_unit="%",
            baseline=D("22"),
            target=D("30"),
            direction="decrease",
        ),
        S="pass", M="fail", A="pass", R="pass", T="pass",
    ),
    Case(
        "sales-discovery-calls-no-baseline",
        plan(
            "Book 15 discovery calls a month with fintech prospects",
            metric_name="Discovery calls per month",
            target=D("15"),
        ),
        S="pass", M="warn", A="pass", R="pass", T="pass",
    ),
    # --- Teaching -------------------------------------------------------------------
    Case(
        "teach-reading-at-grade-level",
        plan(
            "Raise the share of my Year 4 pupils reading at grade level from 60% to 80%",
            metric_name="Pupils at grade level",
            metric_unit="%",
            baseline=D("60"),
            target=D("80"),
            starts_on=date(2026, 9, 1),
            deadline=date(2027, 7, 15),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "teach-be-a-better-teacher",
        GoalDraft(
            statement="Be a better teacher",
            values=("Service",),
            starts_on=date(2026, 9, 1),
            deadline=date(2027, 7, 15),
        ),
        S="fail", M="fail", A="warn", R="pass", T="pass",
    ),
    Case(
        "teach-robotics-club-milestones-outside",
        plan(
            "Run a monthly after-school robotics club for 15 students",
            metric_name="Club sessions held",
            baseline=D("0"),
            target=D("8"),
            starts_on=date(2026, 9, 1),
            deadline=date(2027, 6, 30),
            milestone_dates=(date(2026, 8, 15), date(2027, 1, 31), date(2027, 7, 31)),
        ),
        S="pass", M="pass", A="pass", R="pass", T="fail",
    ),
    Case(
        "teach-national-board-portfolio",
        plan(
            "Complete and submit my National Board Certification portfolio",
            is_binary=True,
            deadline=date(2027, 5, 15),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "teach-focus-on-behaviour",
        plan(
            "Focus on classroom behaviour",
            relevance_note="Lessons lose ten minutes to disruption",
            has_aspiration=False,
            values=(),
        ),
        S="warn", M="fail", A="pass", R="warn", T="pass",
    ),
    # --- Design ---------------------------------------------------------------------
    Case(
        "design-portfolio-case-studies",
        plan(
            "Publish three UX case studies on my portfolio site",
            metric_name="Case studies published",
            baseline=D("0"),
            target=D("3"),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "design-enhance-design-skills",
        plan("Enhance my design skills", achievability_note=""),
        S="warn", M="fail", A="warn", R="pass", T="pass",
    ),
    Case(
        "design-checkout-sus-score",
        plan(
            "Raise the checkout flow's SUS usability score from 68 to 80",
            metric_name="SUS score",
            baseline=D("68"),
            target=D("80"),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "design-keep-adoption-flat",
        plan(
            "Keep design-system component adoption at 75% across product squads",
            metric_name="Component adoption",
            metric_unit="%",
            baseline=D("75"),
            target=D("75.00"),
        ),
        S="pass", M="fail", A="pass", R="pass", T="pass",
    ),
    Case(
        "design-dribbble-followers-twentyfold",
        plan(
            "Grow my Dribbble followers from 150 to 3000",
            metric_name="Dribbble followers",
            baseline=D("150"),
            target=D("3000"),
            deadline=date(2027, 2, 28),
        ),
        S="pass", M="pass", A="fail", R="pass", T="pass",
    ),
    # --- Finance --------------------------------------------------------------------
    Case(
        "fin-cfa-level-two",
        plan(
            "Pass CFA Level II in the August sitting",
            is_binary=True,
            deadline=date(2027, 8, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "fin-shorten-month-end-close",
        plan(
            "Shorten the month-end close from 8 working days to 5",
            metric_name="Close duration",
            metric_unit="working days",
            baseline=D("8"),
            target=D("5"),
            direction="decrease",
            deadline=date(2027, 3, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "fin-boost-my-savings",
        GoalDraft(statement="Boost my savings", values=("Security",)),
        S="fail", M="fail", A="warn", R="pass", T="fail",
    ),
    Case(
        "fin-reconciliation-six-busy-goals",
        plan(
            "Automate bank reconciliation for our three EUR accounts",
            metric_name="Accounts reconciled automatically",
            baseline=D("0"),
            target=D("3"),
            other_active_goals=SIX_BUSY_GOALS,
        ),
        S="pass", M="pass", A="warn", R="pass", T="pass",
    ),
    Case(
        "fin-receivables-deadline-before-start",
        plan(
            "Reduce overdue receivables from 18% to 10% of revenue",
            metric_name="Overdue receivables",
            metric_unit="% of revenue",
            baseline=D("18"),
            target=D("10"),
            direction="decrease",
            starts_on=date(2027, 1, 1),
            deadline=date(2026, 12, 1),
        ),
        S="pass", M="pass", A="pass", R="pass", T="fail",
    ),
    # --- Trades ---------------------------------------------------------------------
    Case(
        "trade-journeyman-electrician-licence",
        plan(
            "Get my journeyman electrician license",
            is_binary=True,
            deadline=date(2027, 10, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "trade-plumbing-callbacks",
        plan(
            "Cut plumbing callback jobs from 10% to 3% of installs",
            metric_name="Callback rate",
            metric_unit="%",
            baseline=D("10"),
            target=D("3"),
            direction="decrease",
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "trade-work-on-finish-carpentry",
        plan("Work on my finishing carpentry", achievability_note=""),
        S="warn", M="fail", A="warn", R="pass", T="pass",
    ),
    Case(
        "trade-welding-cert-no-deadline",
        plan(
            "Earn the AWS D1.1 structural welding certification",
            is_binary=True,
            deadline=None,
        ),
        S="pass", M="pass", A="pass", R="pass", T="fail",
    ),
    Case(
        "trade-apprentices-no-link",
        plan(
            "Take on two first-year apprentices and sign off their logbooks",
            metric_name="Apprentices signed off",
            baseline=D("0"),
            target=D("2"),
            has_aspiration=False,
            values=(),
        ),
        S="pass", M="pass", A="pass", R="fail", T="pass",
    ),
    # --- Management -----------------------------------------------------------------
    Case(
        "mgmt-one-on-ones",
        plan(
            "Hold fortnightly one-on-ones with each of my 7 direct reports",
            metric_name="1:1s held per month",
            baseline=D("6"),
            target=D("14"),
            deadline=date(2027, 9, 30),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "mgmt-regretted-attrition",
        plan(
            "Reduce regretted attrition in my team from 15% to 8% by December 2027",
            metric_name="Regretted attrition",
            metric_unit="%",
            baseline=D("15"),
            target=D("8"),
            direction="decrease",
            deadline=date(2027, 12, 31),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "mgmt-be-successful-new-manager",
        plan("Be successful as a new manager", achievability_note=""),
        S="fail", M="fail", A="warn", R="pass", T="pass",
    ),
    Case(
        "mgmt-engagement-score-unlinked",
        plan(
            "Raise my team's engagement survey score from 6.8 to 7.5",
            metric_name="Engagement score",
            baseline=D("6.8"),
            target=D("7.5"),
            has_aspiration=False,
            values=(),
        ),
        S="pass", M="pass", A="pass", R="fail", T="pass",
    ),
    Case(
        "mgmt-delegate-reporting-relevance-only",
        plan(
            "Delegate quarterly budget reporting to two senior analysts",
            metric_name="Reports delegated",
            baseline=D("0"),
            target=D("2"),
            has_aspiration=False,
            values=(),
            relevance_note="Frees a day a month for strategy work.",
        ),
        S="pass", M="pass", A="pass", R="warn", T="pass",
    ),
    Case(
        "mgmt-mentoring-scheme-closed",
        plan(
            "Launch a mentoring scheme pairing 50 new hires with mentors",
            metric_name="Pairs matched",
            baseline=D("5"),
            target=D("50"),
            starts_on=date(2026, 5, 1),
            deadline=date(2026, 6, 30),
            is_closed=True,
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    # --- Product, marketing, HR -----------------------------------------------------
    Case(
        "product-improve-activation-with-measure",
        plan(
            "Improve onboarding activation from 30% to 45% by Q2",
            metric_name="Activation rate",
            metric_unit="%",
            baseline=D("30"),
            target=D("45"),
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "marketing-grow-my-numbers",
        plan(
            "Grow my numbers by 20% this year",
            metric_name="Marketing-qualified leads",
            baseline=D("100"),
            target=D("120"),
            deadline=date(2027, 10, 31),
        ),
        S="warn", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "hr-time-to-hire-decimal",
        plan(
            "Cut average time-to-hire for engineering roles from 45.5 to 30 days",
            metric_name="Average time to hire",
            metric_unit="days",
            baseline=D("45.5"),
            target=D("30"),
            direction="decrease",
        ),
        S="pass", M="pass", A="pass", R="pass", T="pass",
    ),
    Case(
        "empty-draft",
        GoalDraft(),
        S="fail", M="fail", A="warn", R="fail", T="fail",
    ),
]  # fmt: skip


def test_the_table_is_large_and_varied():
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)
    for letter in "SMART":
        seen = {getattr(case, letter) for case in CASES}
        assert {"pass", "fail"} <= seen, letter


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_real_world_goals(case: Case):
    report = check_smart(case.draft, today=TODAY)
    got = {f.letter: f.verdict for f in report.findings}
    expected = {letter: getattr(case, letter) for letter in "SMART"}
    assert got == expected, {f.letter: f.advice for f in report.findings}
    for f in report.findings:
        assert f.advice, f"{f.letter} has no advice"
        assert all(line.endswith(".") for line in f.advice), f.advice


# --- Shape of the report ------------------------------------------------------------


def test_five_findings_in_smart_order_with_names():
    report = check_smart(GoalDraft(), today=TODAY)
    assert isinstance(report, SmartReport)
    assert [f.letter for f in report.findings] == ["S", "M", "A", "R", "T"]
    assert list(LETTER_NAMES) == ["S", "M", "A", "R", "T"]


def test_empty_draft_gives_five_findings_without_crashing():
    report = check_smart(GoalDraft(), today=TODAY)
    assert len(report.findings) == 5
    assert [f.letter for f in report.failing] == ["S", "M", "R", "T"]
    assert not report.all_pass
    assert "no goal statement" in advice(GoalDraft(), "S")


def test_good_goal_passes_everything_with_one_sentence_each():
    draft = CASES[0].draft
    report = check_smart(draft, today=TODAY)
    assert report.all_pass
    assert report.failing == ()
    assert all(len(f.advice) == 1 and f.passed for f in report.findings)


PURE_HELPERS = {"careerpath.core.dates", "careerpath.core.text"}


def test_check_is_pure_and_deterministic():
    draft = CASES[1].draft
    assert check_smart(draft, today=TODAY) == check_smart(draft, today=TODAY)
    tree = ast.parse(inspect.getsource(smart))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        # The project's own pure helpers (no Django, no database) are allowed.
        elif isinstance(node, ast.ImportFrom) and node.module not in PURE_HELPERS:
            imported.add((node.module or "").split(".")[0])
    assert imported <= {
        "__future__",
        "dataclasses",
        "datetime",
        "decimal",
        "math",
        "re",
        "typing",
    }


# --- S: specific --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "quoted"),
    [
        ("Keep improving at things in general", "'improving'"),
        ("I IMPROVED my work overall this year", "'IMPROVED'"),
        ("Get better at my job", "'Get better'"),
        ("Getting better at work in general", "'Getting better'"),
        ("Really want to be better at my role", "'be better'"),
        ("Advance my career this year", "'Advance my career'"),
        ("Learn more about things at work", "'Learn more'"),
        ("Grow as a leader in my team", "'Grow'"),
        ("Develop myself as a professional", "'Develop myself'"),
        ("Do more at work this year", "'Do more'"),
        ("Be more confident in my role", "'Be more'"),
        ("Get ahead at work this year", "'Get ahead'"),
        ("Make progress in my career", "'Make progress'"),
        ("Enhance my skills and abilities", "'Enhance'"),
        ("Boosting my performance at work", "'Boosting'"),
        ("Be more successful at my job", "'Be more successful'"),
        ("Level up as a developer", "'Level up'"),
    ],
)
def test_vague_verb_without_object_or_measure_fails_and_is_quoted(statement, quoted):
    draft = GoalDraft(statement=statement)
    found = finding(draft, "S")
    assert found.verdict == "fail"
    assert quoted in " ".join(found.advice)


def test_vague_verb_with_a_measure_but_no_object_warns():
    draft = GoalDraft(statement="Improve my numbers by 20% this year")
    found = finding(draft, "S")
    assert found.verdict == "warn"
    assert "'Improve'" in found.advice[0]
    assert "name the concrete thing" in found.advice[0]


def test_a_named_metric_counts_as_a_measure_for_the_statement():
    vague = GoalDraft(statement="Improve my skills at work")
    assert finding(vague, "S").verdict == "fail"
    measured = replace(vague, metric_name="Certifications earned")
    assert finding(measured, "S").verdict == "warn"


def test_vague_verb_with_object_but_no_measure_warns_naming_the_object():
    draft = GoalDraft(statement="Improve the onboarding documentation for new hires")
    found = finding(draft, "S")
    assert found.verdict == "warn"
    assert "'Improve'" in found.advice[0]
    assert "onboarding documentation" in found.advice[0]


def test_vague_verb_with_object_and_measure_passes():
    draft = GoalDraft(statement="Improve first-call resolution from 70% to 85%")
    assert finding(draft, "S").verdict == "pass"


def test_several_vague_phrases_are_all_quoted():
    draft = GoalDraft(statement="Improve and get better and grow at work")
    text = advice(draft, "S")
    assert "'Improve', 'get better' and 'grow' are vague" in text


def test_dates_are_not_a_measure():
    for statement in (
        "Improve my skills by 2027",
        "Get better at work by 30 June 2027",
        "Improve my performance by Q3 2027",
        "Improve my career by 2027-06-30",
    ):
        assert finding(GoalDraft(statement=statement), "S").verdict == "fail", statement


@pytest.mark.parametrize(
    "statement",
    [
        "Write a playbook of improvisation exercises for 12 drama students",  # improv-isation
        "Regrow the lawn on the north side of the school field",  # re-grow
        "Install a booster pump for the third floor of the clinic",  # booster
        "Map the advancement criteria for the senior nurse grade",  # advancement
        "Run three internal workshops on SQL for the analytics team",
    ],
)
def test_word_boundaries_and_clear_statements_pass(statement):
    assert finding(GoalDraft(statement=statement), "S").verdict == "pass"


def test_hedge_warns_even_when_concrete():
    draft = GoalDraft(statement="Try to close 20 deals this quarter")
    found = finding(draft, "S")
    assert found.verdict == "warn"
    assert "'Try to'" in found.advice[0]
    assert "commit" in found.advice[0]


@pytest.mark.parametrize(
    ("statement", "words"),
    [("Promotion", 1), ("Lead team", 2), ("Pass accounting exam", 3)],
)
def test_too_short_fails_with_the_word_count(statement, words):
    found = finding(GoalDraft(statement=statement), "S")
    assert found.verdict == "fail"
    assert "too short to be specific" in found.advice[0]
    assert f"{words} word" in found.advice[0]
    assert str(MIN_STATEMENT_WORDS) in found.advice[0]


def test_too_short_and_vague_gives_one_sentence_per_problem():
    found = finding(GoalDraft(statement="Improve"), "S")
    assert found.verdict == "fail"
    assert len(found.advice) == 2
    assert "too short" in found.advice[0]
    assert "'Improve' is vague" in found.advice[1]


def test_whitespace_only_statement_counts_as_empty():
    found = finding(GoalDraft(statement="   \n\t "), "S")
    assert found.verdict == "fail"
    assert "no goal statement" in found.advice[0]


def test_statement_with_nothing_concrete_fails():
    found = finding(GoalDraft(statement="Be the best I can be"), "S")
    assert found.verdict == "fail"
    assert "names nothing concrete" in found.advice[0]


# --- M: measurable ------------------------------------------------------------------


def test_binary_goal_is_measurable_without_a_metric():
    found = finding(GoalDraft(statement="Pass the PMP exam", is_binary=True), "M")
    assert found.verdict == "pass"
    assert "yes/no" in found.advice[0]


def test_no_metric_and_no_target_fails():
    found = finding(GoalDraft(statement="Write a novel"), "M")
    assert found.verdict == "fail"
    assert "No measurable target" in found.advice[0]


def test_metric_without_target_fails_naming_the_metric():
    found = finding(GoalDraft(metric_name="Tickets closed", baseline=D("10")), "M")
    assert found.verdict == "fail"
    assert "'Tickets closed'" in found.advice[0]


def test_target_without_metric_fails():
    found = finding(GoalDraft(target=D("12")), "M")
    assert found.verdict == "fail"
    assert "12" in found.advice[0]
    assert "no metric" in found.advice[0]


def test_target_equal_to_baseline_fails_even_with_different_decimal_places():
    draft = GoalDraft(metric_name="NPS", baseline=D("42.0"), target=D("42.00"))
    found = finding(draft, "M")
    assert found.verdict == "fail"
    assert "42 equals the baseline" in found.advice[0]


def test_increase_with_lower_target_fails():
    draft = GoalDraft(metric_name="Win rate", baseline=D("30"), target=D("25"))
    found = finding(draft, "M")
    assert found.verdict == "fail"
    assert "'increase'" in found.advice[0]
    assert "25" in found.advice[0] and "30" in found.advice[0]


def test_decrease_with_higher_target_fails():
    draft = GoalDraft(
        metric_name="Open tickets",
        baseline=D("40"),
        target=D("120"),
        direction="decrease",
    )
    found = finding(draft, "M")
    assert found.verdict == "fail"
    assert "'decrease'" in found.advice[0]


def test_missing_baseline_warns_to_record_the_start():
    draft = GoalDraft(metric_name="Blog posts", metric_unit="posts", target=D("12"))
    found = finding(draft, "M")
    assert found.verdict == "warn"
    assert "record where you start" in found.advice[0]
    assert "12 posts" in found.advice[0]


def test_decimal_values_are_shown_as_people_write_them():
    draft = GoalDraft(
        metric_name="Gross margin",
        metric_unit="%",
        baseline=D("31.50"),
        target=D("3.5E+1"),
    )
    found = finding(draft, "M")
    assert found.verdict == "pass"
    assert "from 31.5 to 35%" in found.advice[0]


def test_large_numbers_get_thousands_separators():
    draft = GoalDraft(
        metric_name="New bookings",
        metric_unit="USD",
        baseline=D("900000"),
        target=D("1.2E+6"),
    )
    assert "from 900,000 to 1,200,000 USD" in advice(draft, "M")


def test_non_finite_target_fails_and_non_finite_baseline_counts_as_missing():
    assert finding(GoalDraft(metric_name="X", target=D("NaN")), "M").verdict == "fail"
    draft = GoalDraft(metric_name="X", baseline=D("sNaN"), target=D("3"))
    assert finding(draft, "M").verdict == "warn"


# --- A: achievable ------------------------------------------------------------------


def paced(baseline, target, deadline, **fields) -> GoalDraft:
    """A metric goal starting today unless told otherwise (then the time left and the
    whole span are the same)."""
    fields.setdefault("starts_on", TODAY)
    return plan(
        "Grow weekly active users of the internal wiki",
        metric_name="Weekly active users",
        baseline=baseline,
        target=target,
        deadline=deadline,
        **fields,
    )


def test_no_resources_noted_warns():
    found = finding(
        plan("Pass the PMP exam", is_binary=True, achievability_note=" "), "A"
    )
    assert found.verdict == "warn"
    assert "No resources noted" in found.advice[0]


def test_gentle_pace_passes():
    # 100 -> 150 over 7.2 months: about 7 % a month.
    found = finding(paced(D("100"), D("150"), date(2027, 6, 30)), "A")
    assert found.verdict == "pass"
    assert "pace looks realistic" in found.advice[0]


def test_steep_pace_warns_with_numbers_dates_and_a_new_deadline():
    # 100 -> 200 over 4.2 months (23 Nov 2026 to 31 Mar 2027): about 24 % a month
    # is fine; by 28 Feb 2027 (3.2 months) it is about 31 %.
    assert finding(paced(D("100"), D("200"), date(2027, 3, 31)), "A").verdict == "pass"
    found = finding(paced(D("100"), D("200"), date(2027, 2, 28)), "A")
    assert found.verdict == "warn"
    text = found.advice[0]
    assert "from 100 to 200" in text
    assert "100%" in text
    assert "3.2 months" in text
    assert "28 Feb 2027" in text
    assert "is steep" in text
    # At the steep threshold the doubling needs four months (122 days) from today.
    assert "move the deadline to about 25 Mar 2027" in text


def test_extreme_pace_fails():
    # 10 -> 100 in about five weeks.
    found = finding(paced(D("10"), D("100"), date(2026, 12, 31)), "A")
    assert found.verdict == "fail"
    assert "900%" in found.advice[0]
    assert "38 days" in found.advice[0]
    assert "unrealistic" in found.advice[0]


def test_large_jump_with_a_deadline_tomorrow_fails():
    found = finding(paced(D("100"), D("130"), date(2026, 11, 24)), "A")
    assert found.verdict == "fail"
    assert "1 day " in found.advice[0]


def test_deadline_today_counts_as_one_day_left():
    # 0.5 % in one day is about 15 % a month; 40 % in one day is absurd.
    assert finding(paced(D("100"), D("100.5"), TODAY), "A").verdict == "pass"
    assert finding(paced(D("100"), D("140"), TODAY), "A").verdict == "fail"


def test_time_left_counts_from_a_future_start():
    # Starting 1 Jan 2027 leaves 2 months to 28 Feb, not 3.2: 50 % a month.
    draft = paced(D("100"), D("200"), date(2027, 2, 28), starts_on=date(2027, 1, 1))
    found = finding(draft, "A")
    assert found.verdict == "warn"
    assert "58 days" in found.advice[0]


def test_decrease_pace_uses_the_relative_drop():
    # 120 -> 40 open tickets is a 67 % drop: fine over four months, steep in one.
    backlog = {"direction": "decrease"}
    assert finding(paced(D("120"), D("40"), date(2027, 3, 31), **backlog), "A").passed
    found = finding(paced(D("120"), D("40"), date(2026, 12, 23), **backlog), "A")
    assert found.verdict == "warn"
    assert "67%" in found.advice[0]


@pytest.mark.parametrize(
    "fields",
    [
        {"baseline": D("0"), "target": D("1000")},
        {"baseline": None, "target": D("1000")},
        {"baseline": D("1"), "target": D("1000"), "is_binary": True},
        {"baseline": D("1"), "target": D("1000"), "deadline": None},
        {"baseline": D("1"), "target": D("1000"), "is_closed": True},
        {"baseline": D("1"), "target": D("1000"), "deadline": date(2026, 10, 1)},
    ],
    ids=["zero-baseline", "no-baseline", "binary", "no-deadline", "closed", "past"],
)
def test_pace_is_not_judged_without_a_baseline_or_time_left(fields):
    draft = plan(
        "Grow weekly active users of the internal wiki",
        metric_name="Weekly active users",
        **{"deadline": date(2026, 12, 1), **fields},
    )
    assert finding(draft, "A").verdict == "pass"


def test_the_thresholds_are_ordered():
    assert 0 < STEEP_MONTHLY_JUMP < EXTREME_MONTHLY_JUMP


def busy(n: int, span=(date(2026, 12, 1), date(2027, 3, 31))):
    return (span,) * n


def test_five_overlapping_active_goals_warn_with_the_count():
    draft = plan("Pass the PMP exam", is_binary=True, other_active_goals=busy(5))
    found = finding(draft, "A")
    assert found.verdict == "warn"
    assert "5 other active goals" in found.advice[0]
    assert OVERLAPPING_GOALS_LIMIT == 5


def test_four_overlapping_goals_are_fine():
    draft = plan("Pass the PMP exam", is_binary=True, other_active_goals=busy(4))
    assert finding(draft, "A").verdict == "pass"


def test_goals_outside_this_goals_dates_do_not_count():
    others = (
        busy(4)
        + busy(3, (date(2025, 1, 1), date(2026, 10, 31)))
        + busy(3, (date(2027, 7, 1), date(2028, 1, 1)))
    )
    draft = plan("Pass the PMP exam", is_binary=True, other_active_goals=others)
    assert finding(draft, "A").verdict == "pass"


def test_open_ended_goals_overlap_everything_after_their_start():
    others = (*busy(3), (date(2020, 1, 1), None), (date(2027, 6, 1), None))
    draft = plan("Pass the PMP exam", is_binary=True, other_active_goals=others)
    assert "5 other active goals" in advice(draft, "A")
    later = ((date(2027, 7, 1), None),) * 5
    assert finding(replace(draft, other_active_goals=later), "A").passed


def test_this_goal_without_a_deadline_is_open_ended():
    later = ((date(2031, 1, 1), date(2031, 6, 30)),) * 6
    draft = plan(
        "Pass the PMP exam", is_binary=True, deadline=None, other_active_goals=later
    )
    assert "6 other active goals" in advice(draft, "A")


def test_every_a_problem_gets_its_own_sentence():
    draft = paced(
        D("10"),
        D("100"),
        date(2026, 12, 31),
        achievability_note="",
        other_active_goals=busy(7),
    )
    found = finding(draft, "A")
    assert found.verdict == "fail"
    assert len(found.advice) == 3


# --- R: relevant --------------------------------------------------------------------


def test_unlinked_goal_fails():
    found = finding(GoalDraft(statement="Write a novel"), "R")
    assert found.verdict == "fail"
    assert "aspiration or values" in found.advice[0]
    assert "why" in found.advice[0]


def test_relevance_note_alone_warns():
    found = finding(GoalDraft(relevance_note="My manager asked for it"), "R")
    assert found.verdict == "warn"
    assert "link" in found.advice[0]


def test_aspiration_or_values_pass():
    assert finding(GoalDraft(has_aspiration=True), "R").passed
    found = finding(GoalDraft(values=("Craft", "Family")), "R")
    assert found.passed
    assert "Craft, Family" in found.advice[0]


def test_blank_values_do_not_count():
    assert finding(GoalDraft(values=("", "  ")), "R").verdict == "fail"


# --- T: time-bound ------------------------------------------------------------------


def test_no_deadline_fails():
    found = finding(GoalDraft(starts_on=TODAY), "T")
    assert found.verdict == "fail"
    assert "No deadline" in found.advice[0]


def test_deadline_on_the_start_fails_with_both_dates():
    draft = plan(
        "Pass the PMP exam", starts_on=date(2026, 12, 1), deadline=date(2026, 12, 1)
    )
    found = finding(draft, "T")
    assert found.verdict == "fail"
    assert "1 Dec 2026" in found.advice[0]
    assert "not after the start" in found.advice[0]


def test_deadline_in_the_past_fails_naming_today():
    draft = plan(
        "Pass the PMP exam", starts_on=date(2026, 1, 1), deadline=date(2026, 11, 22)
    )
    found = finding(draft, "T")
    assert found.verdict == "fail"
    assert "22 Nov 2026 is in the past" in found.advice[0]
    assert "23 Nov 2026" in found.advice[0]


def test_deadline_today_is_not_in_the_past():
    draft = plan("Pass the PMP exam", starts_on=date(2026, 1, 1), deadline=TODAY)
    assert finding(draft, "T").passed


def test_closed_goal_with_a_past_deadline_passes():
    draft = plan(
        "Pass the PMP exam",
        starts_on=date(2026, 1, 1),
        deadline=date(2026, 6, 30),
        is_closed=True,
    )
    assert finding(draft, "T").passed


def test_deadline_after_the_aspiration_horizon_warns_with_both_dates():
    draft = plan(
        "Pass the PMP exam",
        deadline=date(2028, 3, 31),
        aspiration_horizon_end=date(2027, 12, 31),
    )
    found = finding(draft, "T")
    assert found.verdict == "warn"
    assert "31 Mar 2028" in found.advice[0]
    assert "31 Dec 2027" in found.advice[0]


def test_milestones_outside_the_goal_fail_naming_each_date():
    draft = plan(
        "Pass the PMP exam",
        starts_on=date(2026, 11, 1),
        deadline=date(2027, 6, 30),
        milestone_dates=(
            date(2027, 9, 1),
            date(2026, 10, 1),
            date(2027, 3, 1),
            date(2027, 7, 15),
            date(2026, 9, 15),
        ),
    )
    found = finding(draft, "T")
    assert found.verdict == "fail"
    early, late = found.advice
    assert (
        "15 Sep 2026 and 1 Oct 2026 fall before the goal starts on 1 Nov 2026" in early
    )
    assert "15 Jul 2027 and 1 Sep 2027 fall after the deadline 30 Jun 2027" in late
    assert "1 Mar 2027" not in early + late


def test_milestones_on_the_boundaries_are_inside():
    draft = plan(
        "Pass the PMP exam",
        starts_on=date(2026, 11, 1),
        deadline=date(2027, 6, 30),
        milestone_dates=(date(2026, 11, 1), date(2027, 6, 30)),
    )
    assert finding(draft, "T").passed


def test_far_deadline_without_milestones_warns():
    draft = plan("Pass the PMP exam", deadline=date(2029, 6, 30))
    found = finding(draft, "T")
    assert found.verdict == "warn"
    assert "break it down into milestones" in found.advice[0]
    with_milestones = replace(draft, milestone_dates=(date(2027, 6, 30),))
    assert finding(with_milestones, "T").passed
    # Exactly two years away is still fine.
    assert finding(replace(draft, deadline=date(2028, 11, 23)), "T").passed


def test_missing_start_date_skips_the_start_checks():
    draft = plan(
        "Pass the PMP exam",
        starts_on=None,
        milestone_dates=(date(2020, 1, 1),),
    )
    assert finding(draft, "T").passed
    assert len(check_smart(draft, today=TODAY).findings) == 5


def test_all_dates_missing():
    report = check_smart(
        GoalDraft(statement="Pass the PMP exam", milestone_dates=(date(2027, 1, 1),)),
        today=TODAY,
    )
    assert report.by_letter("T").verdict == "fail"
    assert len(report.findings) == 5


# --- Robustness ---------------------------------------------------------------------


def test_ints_floats_and_numeric_text_are_accepted_as_numbers():
    draft = GoalDraft(
        statement="Ship 10 releases this year",
        metric_name="Releases",
        baseline=5,  # type: ignore[arg-type]
        target="10",  # type: ignore[arg-type]
        deadline=date(2027, 6, 30),
    )
    assert finding(draft, "M").passed
    assert finding(replace(draft, target=2.5), "M").verdict == "fail"  # type: ignore[arg-type]


def test_huge_decimals_do_not_blow_up():
    draft = paced(D("1E-20"), D("9E+900"), date(2026, 11, 30))
    report = check_smart(draft, today=TODAY)
    assert report.by_letter("A").verdict == "fail"
    assert len(" ".join(report.by_letter("A").advice)) < 500


dates = st.one_of(st.none(), st.dates())
decimals = st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True))
drafts = st.builds(
    GoalDraft,
    statement=st.text(max_size=200),
    is_binary=st.booleans(),
    metric_name=st.text(max_size=20),
    metric_unit=st.text(max_size=10),
    baseline=decimals,
    target=decimals,
    direction=st.sampled_from(["increase", "decrease"]),
    achievability_note=st.text(max_size=20),
    has_aspiration=st.booleans(),
    values=st.lists(st.text(max_size=10), max_size=3).map(tuple),
    relevance_note=st.text(max_size=20),
    starts_on=dates,
    deadline=dates,
    aspiration_horizon_end=dates,
    milestone_dates=st.lists(st.dates(), max_size=4).map(tuple),
    other_active_goals=st.lists(st.tuples(st.dates(), dates), max_size=8).map(tuple),
    is_closed=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(draft=drafts, today=st.dates())
def test_never_raises_and_always_grades_five_letters(draft, today):
    report = check_smart(draft, today=today)
    assert [f.letter for f in report.findings] == ["S", "M", "A", "R", "T"]
    for f in report.findings:
        assert f.verdict in {"pass", "warn", "fail"}
        assert f.advice
        assert all(isinstance(line, str) and line for line in f.advice)
        if f.verdict == "pass":
            assert len(f.advice) == 1


def test_a_goal_under_way_is_judged_on_the_change_left_over_the_time_left():
    # Ten months from 30 to 8 incidents, at 12 with 40 days left: 12 -> 8 is a 33 %
    # change in 40 days (25 % a month, steep), not 30 -> 8 (73 %) in 40 days.
    draft = paced(
        D("30"),
        D("8"),
        TODAY + timedelta(days=40),
        starts_on=TODAY - timedelta(days=264),
        direction="decrease",
        current=D("12"),
    )
    found = finding(draft, "A")
    assert found.verdict == "warn"
    text = found.advice[0]
    assert "from 12 (your latest reading) to 8" in text
    assert "33%" in text
    assert "40 days left" in text
    assert "73%" not in text


def test_a_goal_under_way_without_readings_is_judged_over_its_whole_span():
    # 30 -> 8 over ten months is about 7 % a month: realistic, whatever is left.
    draft = paced(
        D("30"),
        D("8"),
        TODAY + timedelta(days=40),
        starts_on=TODAY - timedelta(days=264),
        direction="decrease",
    )
    assert finding(draft, "A").verdict == "pass"


@pytest.mark.django_db
def test_saved_goals_are_judged_from_their_latest_reading(alice):
    goal = GoalFactory(
        owner=alice,
        baseline=D("30"),
        target=D("8"),
        direction="decrease",
        metric_unit="incidents",
        starts_on=TODAY - timedelta(days=264),
        deadline=TODAY + timedelta(days=40),
    )
    KpiReadingFactory(goal=goal, read_on=TODAY - timedelta(days=3), value=D("12"))
    KpiReadingFactory(goal=goal, read_on=TODAY + timedelta(days=3), value=D("9"))
    found = smart_report(goal, today=TODAY).by_letter("A")
    assert "from 12 (your latest reading) to 8" in found.advice[0]
