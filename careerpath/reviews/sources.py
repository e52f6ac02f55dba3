"""Every area contributes a ``period_summary(owner, start, end)`` to a review.

The list is explicit on purpose: adding an area means adding one line here, and the
review page's queries stay visible in one place. Each source runs a fixed number of
queries whatever the amount of data, so the review page's query count is fixed too.

The balance part is shown to its owner only: reviews are never shared (sharing reads
areas through their own grants, and balance is never among them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from careerpath.accounts.models import User
from careerpath.achievements.review import period_summary as achievements_summary
from careerpath.balance.review import period_summary as balance_summary
from careerpath.core.summary import Section
from careerpath.feedback.review import period_summary as feedback_summary
from careerpath.goals.review import period_summary as goals_summary
from careerpath.journal.review import period_summary as journal_summary
from careerpath.learning.review import period_summary as learning_summary
from careerpath.network.review import period_summary as network_summary
from careerpath.profiles.review import period_summary as self_summary

PeriodSummarySource = Callable[[User, date, date], Section]

SOURCES: tuple[PeriodSummarySource, ...] = (
    goals_summary,
    achievements_summary,
    feedback_summary,
    self_summary,
    network_summary,
    learning_summary,
    balance_summary,
    journal_summary,
)
