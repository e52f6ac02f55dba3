from django.urls import path

from careerpath.goals import views

app_name = "goals"

urlpatterns = [
    path("goals/", views.goal_list, name="goal_list"),
    path("goals/new/", views.goal_create, name="goal_create"),
    path("goals/smart-check/", views.smart_check, name="smart_check"),
    path("goals/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/status/", views.goal_status, name="goal_status"),
    path("goals/<int:pk>/delete/", views.goal_delete, name="goal_delete"),
    path("goals/<int:pk>/plan/", views.goal_plan, name="goal_plan"),
    path(
        "goals/<int:pk>/milestones/new/",
        views.milestone_create,
        name="milestone_create",
    ),
    path("goals/<int:pk>/steps/new/", views.step_create, name="step_create"),
    path("goals/<int:pk>/readings/new/", views.reading_create, name="reading_create"),
    path("milestones/<int:pk>/edit/", views.milestone_edit, name="milestone_edit"),
    path(
        "milestones/<int:pk>/complete/",
        views.milestone_complete,
        name="milestone_complete",
    ),
    path(
        "milestones/<int:pk>/delete/", views.milestone_delete, name="milestone_delete"
    ),
    path("steps/<int:pk>/toggle/", views.step_toggle, name="step_toggle"),
    path("steps/<int:pk>/delete/", views.step_delete, name="step_delete"),
    path("readings/<int:pk>/delete/", views.reading_delete, name="reading_delete"),
    path("aspirations/", views.aspiration_list, name="aspiration_list"),
    path("aspirations/new/", views.aspiration_create, name="aspiration_create"),
    path("aspirations/<int:pk>/edit/", views.aspiration_edit, name="aspiration_edit"),
    path(
        "aspirations/<int:pk>/delete/",
        views.aspiration_delete,
        name="aspiration_delete",
    ),
    path("roadmap/", views.roadmap, name="roadmap"),
]
