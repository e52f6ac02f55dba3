from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "careerpath.skills"
    label = "skills"
    verbose_name = "Skills, target roles and gaps"
