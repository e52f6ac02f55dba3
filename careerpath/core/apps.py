from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "careerpath.core"
    label = "core"
    verbose_name = "Core"
