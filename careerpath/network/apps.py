from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "careerpath.network"
    label = "network"
    verbose_name = "Network, mentors and sponsors"
