"""What the pages need to know about how e-mail leaves this instance."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def mail_printed_to_terminal() -> bool:
    """True when e-mail is printed to the console (a local install), not delivered."""
    return settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
