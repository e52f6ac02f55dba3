from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "careerpath.taxonomy"
    label = "taxonomy"
    verbose_name = "Skill taxonomy"
    default_auto_field = "django.db.models.BigAutoField"
