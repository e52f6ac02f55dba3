from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "careerpath.profiles"
    label = "profiles"
    verbose_name = "Profile and self-assessment"
