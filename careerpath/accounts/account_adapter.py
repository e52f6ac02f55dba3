"""How allauth's account e-mails speak: as careerpath, not as the host name."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter


@dataclass(frozen=True)
class _Product:
    """Stands in for django.contrib.sites' Site in allauth's e-mail templates."""

    name: str = "careerpath"
    domain: str = "careerpath"


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth's templates greet with the site's name and domain, which without
        # django.contrib.sites is the request's host ("Hello from 127.0.0.1:8000!").
        super().send_mail(
            template_prefix, email, {**context, "current_site": _Product()}
        )
