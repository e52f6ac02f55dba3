"""Every route: each area under its own prefix, allauth under /accounts/, the API under /api/v1/."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careerpath.api import api
from careerpath.core.views import healthz

urlpatterns = [
    path("", include("careerpath.agenda.urls")),
    path("", include("careerpath.profiles.urls")),
    path("", include("careerpath.goals.urls")),
    path("", include("careerpath.network.urls")),
    path("", include("careerpath.feedback.urls")),
    path("", include("careerpath.achievements.urls")),
    path("", include("careerpath.journal.urls")),
    path("", include("careerpath.balance.urls")),
    path("", include("careerpath.skills.urls")),
    path("", include("careerpath.learning.urls")),
    path("", include("careerpath.taxonomy.urls")),
    path("", include("careerpath.reviews.urls")),
    path("accounts/", include("careerpath.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    *([path("admin/", admin.site.urls)] if settings.ADMIN_ENABLED else []),
    path("healthz", healthz, name="healthz"),
]
