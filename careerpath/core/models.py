"""The base every user-owned row stands on.

Every row a person creates carries a non-null ``owner`` (children too, denormalised),
so scoping a query to one person is one indexed filter and an export is
``Model.objects.owned_by(user)`` per model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from careerpath.accounts.models import User


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> Self:
        """Only the rows that belong to ``user``."""
        return self.filter(owner=user)


class Owned(models.Model):
    """A row that belongs to one person; reach it via owned_by() or get_owned_or_404()."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def owned_models() -> list[type[Owned]]:
    """Every concrete model that belongs to a user, for exports, deletion and tests."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Owned) and not model._meta.abstract
    ]
