from django.urls import path

from careerpath.achievements import views

app_name = "achievements"

urlpatterns = [
    path("achievements/", views.achievement_list, name="achievement_list"),
    path("achievements/new/", views.achievement_create, name="achievement_create"),
    path(
        "achievements/<int:pk>/edit/",
        views.achievement_edit,
        name="achievement_edit",
    ),
    path(
        "achievements/<int:pk>/delete/",
        views.achievement_delete,
        name="achievement_delete",
    ),
    path("achievements/packet/", views.packet, name="packet"),
    path("achievements/packet.md", views.packet_markdown, name="packet_markdown"),
    path("achievements/packet.pdf", views.packet_pdf, name="packet_pdf"),
]
