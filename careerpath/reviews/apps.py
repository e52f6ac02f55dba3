"""The reviews area: weekly to yearly reviews that pre-fill a summary of the period."""

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "careerpath.reviews"
    label = "reviews"
    verbose_name = "Periodic reviews"
