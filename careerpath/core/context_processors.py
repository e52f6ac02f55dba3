"""Template context every page needs; no queries here."""

from __future__ import annotations

from django.http import HttpRequest

# Only areas that exist are listed, so the navigation never leads to a dead end.
# Areas are grouped the way people think about their plan; a group with no area is
# left out. Each entry: (label, URL name, path prefix that marks it as the current area).
NavEntry = tuple[str, str, str]
NAVIGATION: tuple[tuple[str, tuple[NavEntry, ...]], ...] = (
    (
        "Plan",
        (
            ("Dashboard", "agenda:dashboard", "/dashboard/"),
            ("Goals", "goals:goal_list", "/goals/"),
            ("Roadmap", "goals:roadmap", "/roadmap/"),
        ),
    ),
    (
        "About me",
        (
            ("Profile", "profiles:profile_detail", "/profile/"),
            ("Self-assessments", "profiles:assessment_list", "/assessments/"),
        ),
    ),
)


def navigation(request: HttpRequest) -> dict[str, object]:
    path = request.path_info
    groups = []
    current_label = ""
    for group, entries in NAVIGATION:
        items = []
        for label, url_name, prefix in entries:
            current = path.startswith(prefix)
            if current:
                current_label = label
            items.append({"label": label, "url_name": url_name, "current": current})
        if items:
            groups.append({"label": group, "items": items})
    return {"nav_groups": groups, "nav_current": current_label}
