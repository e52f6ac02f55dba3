from django.urls import path

from careerpath.feedback import views

app_name = "feedback"

urlpatterns = [
    path("feedback/", views.feedback_list, name="feedback_list"),
    path("feedback/new/", views.feedback_create, name="feedback_create"),
    path("feedback/<int:pk>/edit/", views.feedback_edit, name="feedback_edit"),
    path("feedback/<int:pk>/delete/", views.feedback_delete, name="feedback_delete"),
    path("feedback/themes/", views.improvement_areas, name="improvement_areas"),
    path("feedback/themes/goal/", views.theme_goal, name="theme_goal"),
    path("feedback/requests/", views.request_list, name="request_list"),
    path("feedback/requests/new/", views.request_create, name="request_create"),
    path("feedback/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("feedback/requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path(
        "feedback/requests/<int:pk>/status/",
        views.request_status,
        name="request_status",
    ),
    path("feedback/requests/<int:pk>/send/", views.request_send, name="request_send"),
    path(
        "feedback/requests/<int:pk>/delete/",
        views.request_delete,
        name="request_delete",
    ),
]
