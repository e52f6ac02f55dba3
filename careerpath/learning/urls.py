from django.urls import path

from careerpath.learning import views

app_name = "learning"

urlpatterns = [
    path("learning/", views.item_list, name="item_list"),
    path("learning/new/", views.item_create, name="item_create"),
    path("learning/<int:pk>/", views.item_detail, name="item_detail"),
    path("learning/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("learning/<int:pk>/delete/", views.item_delete, name="item_delete"),
    path("learning/<int:pk>/complete/", views.item_complete, name="item_complete"),
    path(
        "learning/<int:pk>/sessions/new/",
        views.item_session_create,
        name="item_session_create",
    ),
    path("learning/log/", views.session_list, name="session_list"),
    path("learning/log/new/", views.session_create, name="session_create"),
    path(
        "learning/sessions/<int:pk>/delete/",
        views.session_delete,
        name="session_delete",
    ),
    path(
        "learning/skills/suggest/",
        views.skill_suggestions,
        name="skill_suggestions",
    ),
]
