from django.apps import AppConfig


class AchievementsConfig(AppConfig):
    name = "careerpath.achievements"
    label = "achievements"
    verbose_name = "Achievements"
