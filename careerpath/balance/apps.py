"""The balance area: weekly check-ins, trends and the burnout signal."""

from django.apps import AppConfig


class BalanceConfig(AppConfig):
    name = "careerpath.balance"
    label = "balance"
    verbose_name = "Work-life balance"
