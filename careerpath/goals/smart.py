"""The SMART check: grade a goal draft letter by letter and say concretely what is missing.

Pure: no database, no HTTP. The goal form, the goal page and the API all call
``check_smart`` with a ``GoalDraft`` built from whatever the person has typed so far.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Literal, cast

from careerpath.core.dates import day_text
from careerpath.core.text import squash

Letter = Literal["S", "M", "A", "R", "T"]
Verdict = Literal["pass", "warn", "fail"]


@dataclass(frozen=True)
class GoalDraft:
    """What the SMART check looks at; every field may be missing while someone types."""

    statement: str = ""
    is_binary: bool = False  # a yes/no goal ("get the AWS certification") is measurable
    metric_name: str = ""
    metric_unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    direction: Literal["increase", "decrease"] = "increase"
    achievability_note: str = ""  # resources and constraints
    has_aspiration: bool = False
    values: tuple[str, ...] = ()
    relevance_note: str = ""
    starts_on: date | None = None
    deadline: date | None = None
    aspiration_horizon_end: date | None = (
        None  # when the linked aspiration should be reached
    )
    milestone_dates: tuple[date, ...] = ()
    # The latest KPI reading on or before today, for a goal already under way: the pace
    # still to make is judged from it over the time left.
    current: Decimal | None = None
    # (starts_on, deadline) of the person's *other* active goals
    other_active_goals: tuple[tuple[date, date | None], ...] = ()
    is_closed: bool = False  # achieved or abandoned goals are not judged on time left


@dataclass(frozen=True)
class Finding:
    """The verdict for one letter: the worst of its problems, and every problem in words.

    ``advice`` holds one concrete sentence per problem found ("Vague verb 'improve':
    say what exactly will be better and by how much."); for a pass it holds one
    sentence saying what is good.
    """

    letter: Letter
    verdict: Verdict
    advice: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.verdict == "pass"


LETTER_NAMES: dict[Letter, str] = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Achievable",
    "R": "Relevant",
    "T": "Time-bound",
}


@dataclass(frozen=True)
class SmartReport:
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == "fail")

    @property
    def all_pass(self) -> bool:
        return all(f.verdict == "pass" for f in self.findings)

    @property
    def pass_count(self) -> int:
        return sum(1 for f in self.findings if f.verdict == "pass")

    def by_letter(self, letter: Letter) -> Finding:
        return next(f for f in self.findings if f.letter == letter)


# --- Thresholds ---------------------------------------------------------------------

# S: the shortest genuinely specific statements we see ("Pass the CPA exam") have four
# words; three or fewer cannot hold an action, its object and any detail.
MIN_STATEMENT_WORDS = 4

# M/A: an average month, for turning days left into months left.
DAYS_PER_MONTH = 30.4375

# A: relative jump |target - baseline| / |baseline| per month of time left.
# 25 % a month (doubling in four months, tripling in eight) is still possible with
# a push but deserves a second look; 100 % a month (doubling every month, tenfold in
# nine months) is beyond what people sustain in a career metric.
STEEP_MONTHLY_JUMP = 0.25
EXTREME_MONTHLY_JUMP = 1.0

# A: three to five goals at once is the usual advice for focus; five *other* active
# goals running over the same period means this one would be the sixth.
OVERLAPPING_GOALS_LIMIT = 5

# T: a goal more than two years out is too far away to steer without checkpoints.
LONG_GOAL_YEARS = 2


# --- Vague wording ------------------------------------------------------------------

# Vague verbs and phrases, case-insensitive, matched on word boundaries, with their
# inflections ("improve", "improving", "improved", "improvement").
_BE = r"(?:be|is|am|are|being|been|become|becomes|becoming|became)"
_GET = r"(?:get|gets|getting|got|gotten)"
_VAGUE_PATTERNS: tuple[str, ...] = (
    r"improv(?:e|es|ed|ing|ements?)",
    _GET + r"\s+(?:a\s+(?:lot|bit)\s+)?better",
    # Longer phrases first: "be more successful" is quoted whole, not as "be more".
    _BE + r"\s+(?:more\s+|very\s+|really\s+)?successful",
    _BE + r"\s+(?:a\s+)?better",
    _GET + r"\s+good\s+at",
    r"advanc(?:e|es|ed|ing)\s+(?:in\s+)?(?:my|your|our|his|her|their)\s+careers?",
    r"career\s+(?:advancement|progression|growth)",
    r"learn(?:s|ed|t|ing)?\s+more",
    r"(?:grow|grows|grew|grown|growing|growth)",
    r"develop(?:s|ed|ing)?\s+(?:myself|yourself|ourselves|personally|professionally)",
    r"(?:personal|professional|self)[\s-]+development",
    r"work(?:s|ed|ing)?\s+on",
    r"focus(?:es|ed|ing)?\s+(?:more\s+)?on",
    r"(?:do|does|doing|did)\s+more",
    _BE + r"\s+more",
    _GET + r"\s+ahead",
    r"(?:make|makes|making|made)\s+(?:some\s+|more\s+|good\s+|real\s+)?progress",
    r"enhanc(?:e|es|ed|ing|ements?)",
    r"boost(?:s|ed|ing)?",
    r"network(?:s|ed|ing)?\s+more",
    r"do\s+(?:more\s+)?networking",
    r"succeed(?:s|ed|ing)?",
    r"upskill(?:s|ed|ing)?",
    r"level(?:s|led|ling|ed|ing)?\s+up",
    r"step(?:s|ped|ping)?\s+up",
)
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(_VAGUE_PATTERNS) + r")\b", re.IGNORECASE)

# Hedges keep a goal from being a commitment even when everything else is concrete.
_HEDGE_RE = re.compile(
    r"\b(?:(?:try|tries|tried|trying|hope|hopes|hoping|attempt|attempts|attempting)\s+to"
    r"|do\s+my\s+best(?:\s+to)?|if\s+possible|if\s+I\s+can)\b",
    re.IGNORECASE,
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# Dates and periods are not a measure: "by 2027" or "by 30 June" says when, not how much.
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_RE = re.compile(
    r"\b(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAMES + r"(?:\s+\d{4})?"
    r"|" + _MONTH_NAMES + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|(?:19|20)\d{2}|[QH][1-4](?:\s+(?:19|20)\d{2})?|FY\s?\d{2,4})\b",
    re.IGNORECASE,
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBER_WORDS = _word_set(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million dozen twice double doubling doubled triple
    tripling tripled half halve halving percent
    """
)

# Words that name nothing concrete: grammar, time, and generic nouns and adjectives
# ("my skills", "at work", "as a leader", "more confident") that leave a vague verb
# with nothing to act on.
_EMPTY_WORDS = _word_set(
    """
    a an the my our your his her their its me i we you he she they it myself yourself
    ourselves at in on of for to and or but by with about as from into onto this that
    these those be is am are was were been will would should could can shall must want
    wants need needs like really very much lot lots bit some any more most better best
    good great well overall general generally all every also just so get make do up out
    over than then there here next last year years yearly month months monthly
    quarter quarters quarterly week weeks weekly day days daily time times soon asap end
    now today tomorrow new way ways
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    skill skills ability abilities knowledge career careers job jobs work role roles
    performance productivity things thing stuff life self communication confidence
    leadership success successful game level levels profile visibility presence impact
    results result team teams position growth development professional professionally
    personally personal leader manager person people employee member colleague area areas
    field fields progress aspects aspect side confident productive organized organised
    efficient effective visible proactive assertive strategic happy motivated
    disciplined consistent focused healthy numbers figures stats metrics kpis
    teacher nurse engineer developer designer salesperson seller rep accountant analyst
    electrician plumber carpenter mentor coach writer speaker communicator listener
    presenter worker student learner version keep keeps continue continues start
    starts begin further always constantly actively somehow generally
    """
)


# --- Small helpers ------------------------------------------------------------------


def _quote(text: str) -> str:
    return f"'{text}'"


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _num(value: Decimal) -> str:
    """A Decimal as people write it: 40, 12.5, 0.75, never 4E+1."""
    if not value.is_finite():
        return str(value)
    if abs(value.adjusted()) > 15:
        return f"{value:E}"
    normal = value.normalize()
    # Thousands separators from 10,000 up, where digits start to blur together.
    text = f"{normal:,f}" if abs(normal) >= 10_000 else f"{normal:f}"
    return "0" if text in {"-0", "0"} else text


def _decimal(value: object) -> Decimal | None:
    """Accept Decimal, int, float or numeric text; anything else counts as missing."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value).strip())
    except (ArithmeticError, ValueError, TypeError):
        return None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: object) -> date | None:
    # datetime is a date subclass; compare as plain dates.
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February, or past date.max
        try:
            return d.replace(year=d.year + years, day=28)
        except ValueError:
            return date.max


def _add_days(d: date, days: float) -> date | None:
    try:
        return d + timedelta(days=math.ceil(days))
    except (OverflowError, ValueError):
        return None


def _worst(problems: list[tuple[Verdict, str]]) -> Verdict:
    verdicts = {verdict for verdict, _ in problems}
    if "fail" in verdicts:
        return "fail"
    return "warn" if "warn" in verdicts else "pass"


def _finding(
    letter: Letter, problems: list[tuple[Verdict, str]], praise: str
) -> Finding:
    if not problems:
        return Finding(letter=letter, verdict="pass", advice=(praise,))
    return Finding(
        letter=letter,
        verdict=_worst(problems),
        advice=tuple(text for _, text in problems),
    )


def _has_number(statement: str) -> bool:
    without_dates = _DATE_RE.sub(" ", statement)
    if re.search(r"\d|%", without_dates):
        return True
    return any(
        word.lower() in _NUMBER_WORDS for word in _WORD_RE.findall(without_dates)
    )


def _object_words(statement: str) -> list[str]:
    """Words left once vague phrases, hedges, dates, numbers and generic words are gone."""
    rest = _DATE_RE.sub(" ", _HEDGE_RE.sub(" ", _VAGUE_RE.sub(" ", statement)))
    words = []
    for word in _WORD_RE.findall(rest):
        lowered = word.lower().replace("’", "'")
        lowered = lowered.removesuffix("'s")
        if len(lowered) < 2 or not any(ch.isalpha() for ch in lowered):
            continue
        if lowered in _EMPTY_WORDS or lowered in _NUMBER_WORDS:
            continue
        words.append(word)
    return words


_CLAUSE_RE = re.compile(
    r"[,;:.()!?—–]|\s-\s|\b(?:that|which|who|whom|because|so|while|where|when)\b",
    re.IGNORECASE,
)


def _object_phrase(statement: str, objects: list[str]) -> str:
    """The concrete thing as the statement itself says it: "executive presence" out of
    "Improve my executive presence, the theme that recurs in feedback" — the first
    clause that names something, from its first concrete word on (at most five words),
    never words stitched together from different clauses."""
    wanted = {w.lower() for w in objects}
    for clause in _CLAUSE_RE.split(statement):
        words = _WORD_RE.findall(
            _DATE_RE.sub(" ", _HEDGE_RE.sub(" ", _VAGUE_RE.sub(" ", clause)))
        )
        first = next((i for i, w in enumerate(words) if w.lower() in wanted), None)
        if first is not None:
            return " ".join(words[first : first + 5])
    return " ".join(objects[:4])


# --- The five letters ---------------------------------------------------------------

_EXAMPLE = "'Run three SQL workshops for the analytics team by March'"


def _specific(draft: GoalDraft) -> Finding:
    statement = squash(_text(draft.statement))
    if not statement:
        return Finding(
            letter="S",
            verdict="fail",
            advice=(
                "There is no goal statement yet: write one sentence with an action, "
                f"what it applies to and how much, e.g. {_EXAMPLE}.",
            ),
        )
    problems: list[tuple[Verdict, str]] = []
    words = _WORD_RE.findall(statement)
    if len(words) < MIN_STATEMENT_WORDS:
        shown = statement if len(statement) <= 60 else statement[:57] + "..."
        problems.append(
            (
                "fail",
                f"{_quote(shown)} is too short to be specific ({len(words)} "
                f"word{'s' if len(words) != 1 else ''}; aim for at least "
                f"{MIN_STATEMENT_WORDS}): say what you will do, to what or for whom, "
                "and how much.",
            )
        )

    has_measure = (
        _has_number(statement)
        or bool(_text(draft.metric_name))
        or bool(draft.is_binary)
    )
    objects = _object_words(statement)
    vague = list(dict.fromkeys(m.group(0) for m in _VAGUE_RE.finditer(statement)))
    hedges = list(dict.fromkeys(m.group(0) for m in _HEDGE_RE.finditer(statement)))
    if vague:
        quoted = _list([_quote(v) for v in vague])
        is_are = "are vague" if len(vague) > 1 else "is vague"
        if not objects and not has_measure:
            problems.append(
                (
                    "fail",
                    f"{quoted} {is_are} and nothing says what will change or by how "
                    f"much: name the concrete thing and a number, e.g. {_EXAMPLE}.",
                )
            )
        elif not objects:
            problems.append(
                (
                    "warn",
                    f"{quoted} {is_are}: you have a measure, now name the concrete "
                    "thing that will change (a skill, a process, a deliverable, a group "
                    "of people).",
                )
            )
        elif not has_measure:
            problems.append(
                (
                    "warn",
                    f"{quoted} {is_are} without a measure: say how much for "
                    f"{_quote(_object_phrase(statement, objects))}, with a number in "
                    "the statement or a named metric.",
                )
            )
    if hedges:
        quoted = _list([_quote(h) for h in hedges])
        problems.append(
            (
                "warn",
                f"{quoted} hedges the goal: drop it and commit to the action itself.",
            )
        )
    if not vague and not objects and len(words) >= MIN_STATEMENT_WORDS:
        problems.append(
            (
                "warn" if has_measure else "fail",
                "The statement names nothing concrete: say what you will do and to "
                f"what, e.g. {_EXAMPLE}.",
            )
        )
    praise = "Clear and specific: it names the action and what it applies to"
    praise += ", with a number." if _has_number(statement) else "."
    return _finding("S", problems, praise)


def _measurable(draft: GoalDraft) -> Finding:
    if draft.is_binary:
        return Finding(
            letter="M",
            verdict="pass",
            advice=("A yes/no goal: it is either done or not, so it is measurable.",),
        )
    metric = _text(draft.metric_name)
    unit = _text(draft.metric_unit)
    baseline = _decimal(draft.baseline)
    target = _decimal(draft.target)
    if target is not None and not target.is_finite():
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                f"The target {_quote(str(target))} is not a number: write the number you aim for.",
            ),
        )
    if baseline is not None and not baseline.is_finite():
        baseline = None
    if not metric and target is None:
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                "No measurable target: name a metric and the number you aim for (e.g. "
                "'Tickets in backlog', from 120 to 40), or mark it as a yes/no goal if "
                "it is simply done or not.",
            ),
        )
    if not metric:
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                f"The target {_num(target)} has no metric: name what you are counting "  # type: ignore[arg-type]
                "(e.g. 'Workshops run' or 'Customer NPS').",
            ),
        )
    if target is None:
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                f"No measurable target for {_quote(metric)}: write the number you want "
                "to reach by the deadline.",
            ),
        )
    suffix = (unit if unit.startswith("%") else f" {unit}") if unit else ""
    if baseline is None:
        return Finding(
            letter="M",
            verdict="warn",
            advice=(
                f"No baseline for {_quote(metric)}: record where you start so progress "
                f"towards {_num(target)}{suffix} can be tracked.",
            ),
        )
    if target == baseline:
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                f"The target {_num(target)}{suffix} equals the baseline: nothing would "
                f"change, so set the {_quote(metric)} you want to reach.",
            ),
        )
    decreasing = draft.direction == "decrease"
    if decreasing and target > baseline:
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                f"The direction is 'decrease' but the target {_num(target)} is above the "
                f"baseline {_num(baseline)}: lower the target below {_num(baseline)} or "
                "switch the direction to 'increase'.",
            ),
        )
    if not decreasing and target < baseline:
        return Finding(
            letter="M",
            verdict="fail",
            advice=(
                f"The direction is 'increase' but the target {_num(target)} is below the "
                f"baseline {_num(baseline)}: raise the target above {_num(baseline)} or "
                "switch the direction to 'decrease'.",
            ),
        )
    return Finding(
        letter="M",
        verdict="pass",
        advice=(
            f"Measurable: {_quote(metric)} from {_num(baseline)} to {_num(target)}{suffix}.",
        ),
    )


def _pace_judged(draft: GoalDraft, *, today: date) -> bool:
    """Whether there is a baseline, a target and time left to judge the pace by.

    Binary and closed goals have no pace; a zero baseline has no relative jump; a
    deadline already behind us is the T letter's business.
    """
    baseline = _decimal(draft.baseline)
    target = _decimal(draft.target)
    deadline = _date(draft.deadline)
    return bool(
        not draft.is_binary
        and not draft.is_closed
        and baseline is not None
        and target is not None
        and baseline.is_finite()
        and target.is_finite()
        and baseline != 0
        and deadline is not None
        and deadline >= max(today, _date(draft.starts_on) or today)
    )


def _pace_problem(draft: GoalDraft, *, today: date) -> tuple[Verdict, str] | None:
    """The relative change per month, when it can be judged, comparing like with like:

    - a goal under way with a reading: the change still to make (latest reading to
      target) against the time left (today to the deadline);
    - otherwise: the whole change (baseline to target) against the whole span (start
      to deadline).
    """
    if not _pace_judged(draft, today=today):
        return None
    baseline = cast(Decimal, _decimal(draft.baseline))
    target = cast(Decimal, _decimal(draft.target))
    deadline = cast(date, _date(draft.deadline))
    starts_on = _date(draft.starts_on) or today
    current = _decimal(draft.current)
    if starts_on < today and current is not None and current.is_finite():
        start, origin, origin_text = today, current, " (your latest reading)"
        if current == 0 or (target - current) * (target - baseline) <= 0:
            return None  # nothing relative to judge, or already there
    else:
        start, origin, origin_text = starts_on, baseline, ""
    days = max((deadline - start).days, 1)
    months = days / DAYS_PER_MONTH
    try:
        jump = float(abs(target - origin) / abs(origin))
    except ArithmeticError:
        jump = math.inf
    per_month = jump / months
    if per_month <= STEEP_MONTHLY_JUMP:
        return None
    verdict: Verdict = "fail" if per_month > EXTREME_MONTHLY_JUMP else "warn"
    time_text = (
        f"{days} day{'s' if days != 1 else ''}" if days < 60 else f"{months:.1f} months"
    )
    span_text = (
        f"the {time_text} left (until {day_text(deadline)})"
        if start == today and starts_on < today
        else f"{time_text} ({day_text(start)} to {day_text(deadline)})"
    )
    jump_text = f"a {jump:.0%}" if math.isfinite(jump) and jump < 1e6 else "a huge"
    rate_text = (
        f"{per_month:.0%}"
        if math.isfinite(per_month) and per_month < 1e6
        else "far too much"
    )
    needed = (
        _add_days(start, jump / STEEP_MONTHLY_JUMP * DAYS_PER_MONTH)
        if math.isfinite(jump)
        else None
    )
    fix = (
        f"move the deadline to about {day_text(needed)} or aim for a smaller step first"
        if needed is not None
        else "aim for a much smaller step first"
    )
    adjective = "is unrealistic" if verdict == "fail" else "is steep"
    return (
        verdict,
        f"Going from {_num(origin)}{origin_text} to {_num(target)} is {jump_text} "
        f"change in {span_text}, about {rate_text} a month, which {adjective}: {fix}.",
    )


def _overlapping_goals(draft: GoalDraft, *, today: date) -> int:
    start = _date(draft.starts_on) or today
    end = _date(draft.deadline) or date.max
    start, end = min(start, end), max(start, end)
    count = 0
    for entry in draft.other_active_goals or ():
        try:
            other_start, other_end = entry
        except (TypeError, ValueError):
            continue
        other_start = _date(other_start) or date.min
        other_end = _date(other_end) or date.max
        if other_start <= end and start <= other_end:
            count += 1
    return count


def _achievable(draft: GoalDraft, *, today: date) -> Finding:
    problems: list[tuple[Verdict, str]] = []
    if not _text(draft.achievability_note):
        problems.append(
            (
                "warn",
                "No resources noted: write down the time, budget, help or training you "
                "will use and what could get in the way.",
            )
        )
    pace = _pace_problem(draft, today=today)
    if pace:
        problems.append(pace)
    overlapping = _overlapping_goals(draft, today=today)
    if overlapping >= OVERLAPPING_GOALS_LIMIT:
        problems.append(
            (
                "warn",
                f"You have {overlapping} other active goals running over the same "
                f"period: finish or pause some, or move this one's dates so you keep "
                f"to {OVERLAPPING_GOALS_LIMIT - 1} or fewer at a time.",
            )
        )
    praise = "Resources are noted"
    praise += (
        " and the pace looks realistic." if _pace_judged(draft, today=today) else "."
    )
    return _finding("A", problems, praise)


def _relevant(draft: GoalDraft) -> Finding:
    values = [str(v).strip() for v in (draft.values or ()) if str(v).strip()]
    if draft.has_aspiration:
        praise = "Linked to your aspiration"
        praise += f" and your values ({', '.join(values)})." if values else "."
        return Finding(letter="R", verdict="pass", advice=(praise,))
    if values:
        return Finding(
            letter="R",
            verdict="pass",
            advice=(f"Linked to your values: {', '.join(values)}.",),
        )
    if _text(draft.relevance_note):
        return Finding(
            letter="R",
            verdict="warn",
            advice=(
                "You say why it matters, but it is not linked to an aspiration or a "
                "value: link one so your reviews can check the fit.",
            ),
        )
    return Finding(
        letter="R",
        verdict="fail",
        advice=(
            "Not linked to your aspiration or values: link one, or say why this goal "
            "matters to you.",
        ),
    )


def _time_bound(draft: GoalDraft, *, today: date) -> Finding:
    deadline = _date(draft.deadline)
    starts_on = _date(draft.starts_on)
    milestones = sorted(
        {d for d in (_date(m) for m in draft.milestone_dates or ()) if d}
    )
    problems: list[tuple[Verdict, str]] = []
    if deadline is None:
        problems.append(
            ("fail", "No deadline: pick the date by which it should be done.")
        )
    else:
        if starts_on and deadline <= starts_on:
            problems.append(
                (
                    "fail",
                    f"The deadline {day_text(deadline)} is not after the start "
                    f"{day_text(starts_on)}: move it later than the start.",
                )
            )
        if deadline < today and not draft.is_closed:
            problems.append(
                (
                    "fail",
                    f"The deadline {day_text(deadline)} is in the past (today is "
                    f"{day_text(today)}): set a new date, or close the goal as achieved or "
                    "abandoned.",
                )
            )
        horizon = _date(draft.aspiration_horizon_end)
        if horizon and deadline > horizon:
            problems.append(
                (
                    "warn",
                    f"The deadline {day_text(deadline)} is after your aspiration's horizon "
                    f"{day_text(horizon)}: bring it forward or revisit the aspiration.",
                )
            )
        if (
            not milestones
            and not draft.is_closed
            and deadline > _add_years(today, LONG_GOAL_YEARS)
        ):
            problems.append(
                (
                    "warn",
                    f"The deadline {day_text(deadline)} is more than {LONG_GOAL_YEARS} years "
                    "away: break it down into milestones you can check along the way.",
                )
            )
    early = [d for d in milestones if starts_on and d < starts_on]
    late = [d for d in milestones if deadline and d > deadline]
    if early:
        problems.append(
            (
                "fail",
                f"Milestone{'s' if len(early) > 1 else ''} due "
                f"{_list([day_text(d) for d in early])} "
                f"{'fall' if len(early) > 1 else 'falls'} before the goal starts on "
                f"{day_text(starts_on)}: move {'them' if len(early) > 1 else 'it'} inside "  # type: ignore[arg-type]
                "the goal's dates.",
            )
        )
    if late:
        problems.append(
            (
                "fail",
                f"Milestone{'s' if len(late) > 1 else ''} due "
                f"{_list([day_text(d) for d in late])} "
                f"{'fall' if len(late) > 1 else 'falls'} after the deadline "
                f"{day_text(deadline)}: move {'them' if len(late) > 1 else 'it'} earlier "  # type: ignore[arg-type]
                "or the deadline later.",
            )
        )
    praise = f"Has a clear deadline ({day_text(deadline)})" if deadline else ""
    praise += " with milestones inside the goal's dates." if milestones else "."
    return _finding("T", problems, praise)


def check_smart(draft: GoalDraft, *, today: date) -> SmartReport:
    """Grade each SMART letter; exactly one finding per letter, in S, M, A, R, T order."""
    today = _date(today) or date.today()
    return SmartReport(
        findings=(
            _specific(draft),
            _measurable(draft),
            _achievable(draft, today=today),
            _relevant(draft),
            _time_bound(draft, today=today),
        )
    )
