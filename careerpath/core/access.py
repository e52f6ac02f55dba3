"""The one way views and API endpoints fetch a person's own objects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from careerpath.core.models import Owned

if TYPE_CHECKING:
    from careerpath.accounts.models import User

M = TypeVar("M", bound=Owned)


def get_owned_or_404(
    model_or_qs: type[M] | QuerySet[M], user: User, **lookup: Any
) -> M:
    """Return one of the user's own objects; another user's looks exactly like a missing one.

    The same 404 for missing and foreign objects means ids reveal nothing.
    """
    queryset: QuerySet[M] = (
        model_or_qs
        if isinstance(model_or_qs, QuerySet)
        else cast("QuerySet[M]", model_or_qs._default_manager.all())
    )
    return get_object_or_404(queryset.filter(owner=user), **lookup)
