from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save


def _profile_saved(
    sender: type, instance: Any, raw: bool = False, **kwargs: Any
) -> None:
    if raw:  # fixtures and restores bring their own aspirations
        return
    from careerpath.goals.profile_link import sync_from_profile

    sync_from_profile(instance)


class GoalsConfig(AppConfig):
    name = "careerpath.goals"
    label = "goals"
    verbose_name = "Goals and roadmap"

    def ready(self) -> None:
        # The profile's long-term aspiration is one of the aspirations goals serve.
        post_save.connect(
            _profile_saved,
            sender="profiles.Profile",
            dispatch_uid="goals-profile-aspiration",
        )
