from django.urls import path

from careerpath.agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
