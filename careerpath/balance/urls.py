"""Balance routes: the overview, the weekly check-in, and editing or deleting one."""

from django.urls import path

from careerpath.balance import views

app_name = "balance"

urlpatterns = [
    path("balance/", views.balance_overview, name="balance_overview"),
    path("balance/check-in/", views.checkin_create, name="checkin_create"),
    path("balance/check-ins/<int:pk>/edit/", views.checkin_edit, name="checkin_edit"),
    path(
        "balance/check-ins/<int:pk>/delete/",
        views.checkin_delete,
        name="checkin_delete",
    ),
]
