from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "careerpath.agenda"
    label = "agenda"
    verbose_name = "Dashboard and agenda"
