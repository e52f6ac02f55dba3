from django.urls import path

from careerpath.accounts import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.account_settings, name="account_settings"),
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("security-log/", views.security_log, name="security_log"),
    path("delete/", views.account_delete, name="account_delete"),
]
