from django.urls import path

from careerpath.network import views

app_name = "network"

urlpatterns = [
    path("network/", views.overview, name="overview"),
    path("network/contacts/", views.contact_list, name="contact_list"),
    path("network/contacts/new/", views.contact_create, name="contact_create"),
    path("network/contacts/export.vcf", views.export_vcard, name="export_vcard"),
    path("network/contacts/export.csv", views.export_csv, name="export_csv"),
    path("network/contacts/import/", views.import_start, name="import_start"),
    path(
        "network/contacts/import/<int:pk>/", views.import_preview, name="import_preview"
    ),
    path(
        "network/contacts/import/<int:pk>/commit/",
        views.import_commit,
        name="import_commit",
    ),
    path("network/contacts/<int:pk>/", views.contact_detail, name="contact_detail"),
    path("network/contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path(
        "network/contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"
    ),
    path(
        "network/contacts/<int:pk>/meetings/new/",
        views.meeting_create,
        name="meeting_create",
    ),
    path(
        "network/interactions/new/", views.interaction_create, name="interaction_create"
    ),
    path(
        "network/interactions/<int:pk>/",
        views.interaction_edit,
        name="interaction_edit",
    ),
    path(
        "network/interactions/<int:pk>/delete/",
        views.interaction_delete,
        name="interaction_delete",
    ),
    path(
        "network/interactions/<int:pk>/follow-up/",
        views.interaction_follow_up,
        name="interaction_follow_up",
    ),
    path(
        "network/meetings/<int:pk>/delete/", views.meeting_delete, name="meeting_delete"
    ),
    path("network/events/", views.event_list, name="event_list"),
    path("network/events/new/", views.event_create, name="event_create"),
    path("network/events/<int:pk>/", views.event_detail, name="event_detail"),
    path(
        "network/events/<int:pk>/follow-up/",
        views.event_follow_up,
        name="event_follow_up",
    ),
    path("network/events/<int:pk>/delete/", views.event_delete, name="event_delete"),
]
