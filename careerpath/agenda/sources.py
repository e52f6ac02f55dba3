"""Every area that has dates contributes a ``due_items(owner, start, end)`` function here.

The list is explicit on purpose: adding an area means adding one line, and the
dashboard's queries stay visible in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from careerpath.accounts.models import User
from careerpath.balance.agenda import due_items as balance_due_items
from careerpath.core.due import DueItem
from careerpath.feedback.agenda import due_items as feedback_due_items
from careerpath.goals.agenda import due_items as goal_due_items
from careerpath.learning.agenda import due_items as learning_due_items
from careerpath.network.agenda import due_items as network_due_items
from careerpath.reviews.agenda import due_items as review_due_items

DueItemsSource = Callable[[User, date, date], Sequence[DueItem]]

SOURCES: tuple[DueItemsSource, ...] = (
    goal_due_items,
    network_due_items,
    feedback_due_items,
    balance_due_items,
    learning_due_items,
    review_due_items,
)
