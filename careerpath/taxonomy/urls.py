from django.urls import path

from careerpath.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path("taxonomy/", views.browse, name="browse"),
    path("taxonomy/skills/<int:pk>/", views.skill_detail, name="skill_detail"),
    path(
        "taxonomy/occupations/<int:pk>/",
        views.occupation_detail,
        name="occupation_detail",
    ),
]
