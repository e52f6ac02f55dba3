"""Print a target role's gap analysis: careerpath list_gaps "Data analyst" --user me@example.org"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.skills.models import TargetRole
from careerpath.skills.role_analysis import role_gaps


class Command(BaseCommand):
    help = "List a target role's skill gaps, highest score first, with the reason for each."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="The target role's title or id.")
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--all", action="store_true", help="Include covered skills too."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        roles = TargetRole.objects.owned_by(user)
        name = options["role"].strip()
        role = roles.filter(title__iexact=name).first()
        if role is None and name.isdigit():
            role = roles.filter(pk=int(name)).first()
        if role is None:
            titles = ", ".join(roles.values_list("title", flat=True)) or "none yet"
            raise CommandError(
                f"{options['user']} has no target role {name!r} (their roles: {titles})."
            )
        gaps = role_gaps(role)
        if not gaps:
            self.stdout.write(
                f"{role.title}: no reviewed postings yet, so nothing to compare."
            )
            return
        shown = gaps if options["all"] else [g for g in gaps if g.is_gap]
        self.stdout.write(
            f"{role.title}: {sum(g.is_gap for g in gaps)} gaps of {len(gaps)} skills"
        )
        for gap in shown:
            self.stdout.write(
                f"{gap.score:>5.2f}  {gap.label} — {gap.status_label.lower()}, "
                f"{gap.current_level}/5 → {gap.required_level}/5"
            )
            self.stdout.write(f"       {gap.reason}")
