from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "careerpath.feedback"
    label = "feedback"
    verbose_name = "Feedback"
