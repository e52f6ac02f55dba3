"""Template context every page needs; no queries here."""

from __future__ import annotations

from django.http import HttpRequest

# Only areas that exist are listed, so the navigation never leads to a dead end.
# Areas are grouped the way people think about their plan; a group with no area is
# left out. Each entry: (label, URL name, the path prefixes that mark it as the current
# area — an area's pages may live under more than one, e.g. a milestone under /milestones/).
NavEntry = tuple[str, str, tuple[str, ...]]
NAVIGATION: tuple[tuple[str, tuple[NavEntry, ...]], ...] = (
    (
        "Plan",
        (
            ("Dashboard", "agenda:dashboard", ("/dashboard/",)),
            (
                "Goals",
                "goals:goal_list",
                ("/goals/", "/aspirations/", "/milestones/", "/steps/", "/readings/"),
            ),
            ("Roadmap", "goals:roadmap", ("/roadmap/",)),
        ),
    ),
    (
        "Grow",
        (
            ("Skills", "skills:skill_list", ("/skills/", "/skill-assessments/")),
            (
                "Target roles",
                "skills:role_list",
                ("/skills/roles/", "/skills/postings/", "/roles/"),
            ),
            ("Learning", "learning:item_list", ("/learning/",)),
            ("Skill library", "taxonomy:browse", ("/taxonomy/",)),
        ),
    ),
    (
        "People",
        (
            ("Network", "network:overview", ("/network/",)),
            ("Feedback", "feedback:feedback_list", ("/feedback/",)),
        ),
    ),
    (
        "Reflect",
        (
            ("Achievements", "achievements:achievement_list", ("/achievements/",)),
            ("Journal", "journal:entry_list", ("/journal/",)),
            ("Balance", "balance:balance_overview", ("/balance/",)),
            ("Reviews", "reviews:review_list", ("/reviews/",)),
        ),
    ),
    (
        "About me",
        (
            ("Profile", "profiles:profile_detail", ("/profile/",)),
            ("Self-assessments", "profiles:assessment_list", ("/assessments/",)),
        ),
    ),
)


def navigation(request: HttpRequest) -> dict[str, object]:
    path = request.path_info
    # The longest matching prefix wins: /skills/roles/ is "Target roles", not "Skills".
    matches = [
        (len(prefix), label)
        for _group, entries in NAVIGATION
        for label, _url_name, prefixes in entries
        for prefix in prefixes
        if path.startswith(prefix)
    ]
    current_label = max(matches)[1] if matches else ""
    groups = [
        {
            "label": group,
            "items": [
                {
                    "label": label,
                    "url_name": url_name,
                    "current": label == current_label,
                }
                for label, url_name, _prefixes in entries
            ],
        }
        for group, entries in NAVIGATION
        if entries
    ]
    return {"nav_groups": groups, "nav_current": current_label}
