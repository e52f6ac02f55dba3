"""Reference data: the built-in starter vocabulary and imported ESCO / O*NET skills and occupations.

Nothing here belongs to a user; every person reads the same vocabulary.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate


def load_builtin_vocabulary(sender: AppConfig, **kwargs: Any) -> None:
    """After ``migrate`` (and a test flush), bring the built-in vocabulary up to date.

    Uses the migration state's models so it runs on whatever schema was just migrated to,
    and does nothing when the taxonomy tables are not there (e.g. migrated back to zero).
    """
    from careerpath.taxonomy.builtin import sync_builtin
    from careerpath.taxonomy.lookup import invalidate_vocabulary

    # ``migrate`` passes the migration state's registry; ``flush`` (between transactional
    # tests) passes none, and then the installed models are the current ones.
    apps = kwargs.get("apps") or global_apps
    try:
        skill = apps.get_model("taxonomy", "Skill")
        alias = apps.get_model("taxonomy", "SkillAlias")
    except LookupError:
        return
    try:
        run = apps.get_model("taxonomy", "ImportRun")
    except LookupError:
        run = None
    if sync_builtin(skill, alias, run, using=kwargs.get("using", "default")):
        invalidate_vocabulary()


class TaxonomyConfig(AppConfig):
    name = "careerpath.taxonomy"
    label = "taxonomy"
    verbose_name = "Skill taxonomy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(
            load_builtin_vocabulary,
            sender=self,
            dispatch_uid="careerpath.taxonomy.builtin",
        )
