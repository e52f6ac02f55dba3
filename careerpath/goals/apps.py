from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "careerpath.goals"
    label = "goals"
    verbose_name = "Goals and roadmap"
