"""The dashboard: the profile at a glance and everything due."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from careerpath.agenda.today import build_agenda
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.goals.models import Goal
from careerpath.goals.tracking import goal_pace
from careerpath.profiles.models import Profile, SelfAssessment

# Active goals shown with their pace; the goals page has the rest.
DASHBOARD_GOALS = 5


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    """Signed in: the dashboard. Signed out: what careerpath is, and the way in."""
    if request.user.is_authenticated:
        return redirect("agenda:dashboard")
    return TemplateResponse(
        request, "landing.html", {"signup_open": settings.ACCOUNT_SIGNUP_ENABLED}
    )


def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    profile = Profile.objects.owned_by(request.user).first()
    latest = (
        SelfAssessment.objects.owned_by(request.user).with_responsibilities().first()
    )
    goals = list(
        Goal.objects.owned_by(request.user)
        .active()
        .with_progress()
        .order_by("deadline", "pk")[: DASHBOARD_GOALS + 1]
    )
    more_goals, goals = len(goals) > DASHBOARD_GOALS, goals[:DASHBOARD_GOALS]
    return TemplateResponse(
        request,
        "agenda/dashboard.html",
        {
            "today": today,
            "profile": profile,
            "latest": latest,
            "agenda": build_agenda(request.user, today=today),
            "goal_rows": [
                {"goal": g, "pace": goal_pace(g, today=today)} for g in goals
            ],
            "more_goals": more_goals,
        },
    )
