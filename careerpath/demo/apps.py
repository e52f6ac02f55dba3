from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "careerpath.demo"
    label = "demo"
    verbose_name = "Demo data"
