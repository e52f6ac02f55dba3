"""Helpers for tests in every area."""

from __future__ import annotations

from typing import Any

from careerpath.core.models import owned_models

# Bookkeeping that a read legitimately touches (using a token stamps it).
VOLATILE_FIELDS = {"last_used_at"}


def snapshot_owned_rows(owner: Any) -> dict[str, list[dict[str, object]]]:
    """Every row ``owner`` owns, model by model, to prove a request changed nothing."""
    return {
        model._meta.label: [
            {k: v for k, v in row.items() if k not in VOLATILE_FIELDS}
            for row in model.objects.filter(owner=owner).order_by("pk").values()
        ]
        for model in owned_models()
    }
