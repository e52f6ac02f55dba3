"""Journal routes: entries, setbacks with their outcomes, and the resilience view."""

from django.urls import path

from careerpath.journal import views

app_name = "journal"

urlpatterns = [
    path("journal/", views.entry_list, name="entry_list"),
    path("journal/new/", views.entry_create, name="entry_create"),
    path("journal/setbacks/new/", views.setback_create, name="setback_create"),
    path("journal/resilience/", views.resilience, name="resilience"),
    path("journal/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("journal/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("journal/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path(
        "journal/setbacks/<int:pk>/outcome/",
        views.setback_outcome,
        name="setback_outcome",
    ),
]
