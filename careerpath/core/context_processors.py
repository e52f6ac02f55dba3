"""Template context every page needs; no queries here."""

from __future__ import annotations

from django.http import HttpRequest

# Only areas that exist are listed, so the navigation never leads to a dead end.
# Each entry: (label, URL name, path prefix that marks it as the current area).
NAVIGATION: tuple[tuple[str, str, str], ...] = (
    ("Dashboard", "agenda:dashboard", "/dashboard/"),
    ("Profile", "profiles:profile_detail", "/profile/"),
    ("Self-assessments", "profiles:assessment_list", "/assessments/"),
    ("Goals", "goals:goal_list", "/goals/"),
    ("Roadmap", "goals:roadmap", "/roadmap/"),
    ("Skills", "skills:skill_list", "/skills/"),
    ("Learning", "learning:item_list", "/learning/"),
    ("Taxonomy", "taxonomy:browse", "/taxonomy/"),
)


def navigation(request: HttpRequest) -> dict[str, object]:
    path = request.path_info
    return {
        "nav_items": [
            {"label": label, "url_name": url_name, "current": path.startswith(prefix)}
            for label, url_name, prefix in NAVIGATION
        ]
    }
