from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "careerpath.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from careerpath.accounts import signals  # noqa: F401 - connects receivers
