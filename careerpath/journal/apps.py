"""The journal area: entries with mood and tags, setbacks and resilience."""

from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "careerpath.journal"
    label = "journal"
    verbose_name = "Journal and setbacks"
