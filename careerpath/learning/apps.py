from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "careerpath.learning"
    label = "learning"
    verbose_name = "Learning and development"
