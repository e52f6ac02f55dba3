from django.urls import path

from careerpath.skills import views

app_name = "skills"

urlpatterns = [
    path("skills/", views.skill_list, name="skill_list"),
    path("skills/new/", views.skill_create, name="skill_create"),
    path("skills/add/", views.skill_quick_add, name="skill_quick_add"),
    path("skills/bulk/", views.skill_bulk_add, name="skill_bulk_add"),
    path("skills/suggest/", views.skill_suggest, name="skill_suggest"),
    path("skills/<int:pk>/", views.skill_detail, name="skill_detail"),
    path("skills/<int:pk>/edit/", views.skill_edit, name="skill_edit"),
    path("skills/<int:pk>/delete/", views.skill_delete, name="skill_delete"),
    path(
        "skills/<int:pk>/assessments/new/",
        views.assessment_create,
        name="assessment_create",
    ),
    path(
        "skill-assessments/<int:pk>/delete/",
        views.assessment_delete,
        name="assessment_delete",
    ),
    path("skills/roles/", views.role_list, name="role_list"),
    path("skills/roles/new/", views.role_create, name="role_create"),
    path("skills/roles/<int:pk>/", views.role_detail, name="role_detail"),
    path("skills/roles/<int:pk>/edit/", views.role_edit, name="role_edit"),
    path("skills/roles/<int:pk>/delete/", views.role_delete, name="role_delete"),
    path(
        "skills/roles/<int:pk>/postings/new/",
        views.posting_create,
        name="posting_create",
    ),
    path("skills/roles/<int:pk>/gaps/", views.gap_analysis, name="gap_analysis"),
    path("skills/roles/<int:pk>/gaps/goal/", views.gap_to_goal, name="gap_to_goal"),
    path(
        "roles/<int:pk>/gaps/learning/", views.gap_to_learning, name="gap_to_learning"
    ),
    path(
        "skills/roles/<int:pk>/gaps/level/", views.gap_set_level, name="gap_set_level"
    ),
    path("skills/postings/<int:pk>/", views.posting_review, name="posting_review"),
    path(
        "skills/postings/<int:pk>/delete/", views.posting_delete, name="posting_delete"
    ),
]
