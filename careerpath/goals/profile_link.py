"""The profile's long-term aspiration and values, as goals see them.

The aspiration written on the profile *is* an aspiration goals can serve: saving the
profile keeps one ``Aspiration`` (``from_profile``) in step with it, and editing that
aspiration on the goals side writes back to the profile, so it is entered once. The
profile's values are what the goal form offers as a goal's values.
"""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.charts import truncate
from careerpath.core.text import squash
from careerpath.goals.models import Aspiration, Goal
from careerpath.profiles.models import Profile

# The profile leaves the horizon optional; an aspiration needs one.
DEFAULT_HORIZON_YEARS = 5


def title_of(text: str) -> str:
    """An aspiration's title from the profile's free text: its first sentence, short."""
    text = squash(text)
    first = text.split(". ", 1)[0].rstrip(".")
    return truncate(first, 160)


def sync_from_profile(
    profile: Profile, *, today: date | None = None
) -> Aspiration | None:
    """Bring the profile's aspiration into goals (create, update or retire it)."""
    owner = profile.owner
    text = (profile.aspiration or "").strip()
    mirror = Aspiration.objects.owned_by(owner).filter(from_profile=True).first()
    if not text:
        if (
            mirror is not None
            and not Goal.objects.owned_by(owner).filter(aspiration=mirror).exists()
        ):
            mirror.delete()
        return None
    fields = {
        "title": title_of(text),
        "description": text,
        "horizon_years": profile.aspiration_horizon_years or DEFAULT_HORIZON_YEARS,
        "values": list(profile.values or []),
    }
    if mirror is None:
        return Aspiration.objects.create(
            owner=owner,
            from_profile=True,
            starts_on=today or owner.today(),
            **fields,
        )
    Aspiration.objects.filter(pk=mirror.pk).update(**fields)
    mirror.refresh_from_db()
    return mirror


def write_back_to_profile(aspiration: Aspiration) -> None:
    """After the profile's aspiration was edited on the goals side, the profile says the same."""
    if not aspiration.from_profile:
        return
    text = aspiration.description.strip() or aspiration.title
    # A queryset update: no save signal, so no round trip back here.
    updated = Profile.objects.owned_by(aspiration.owner).update(
        aspiration=text[:2000],
        aspiration_horizon_years=aspiration.horizon_years,
    )
    if not updated:
        Profile.objects.create(
            owner=aspiration.owner,
            aspiration=text[:2000],
            aspiration_horizon_years=aspiration.horizon_years,
        )


def profile_aspiration(owner: User) -> Aspiration | None:
    """The aspiration the profile names, the one a new goal serves unless told otherwise."""
    return Aspiration.objects.owned_by(owner).filter(from_profile=True).first()


def default_aspiration(owner: User) -> Aspiration | None:
    """The profile's aspiration, else the person's only aspiration, else none."""
    mirror = profile_aspiration(owner)
    if mirror is not None:
        return mirror
    only = list(Aspiration.objects.owned_by(owner)[:2])
    return only[0] if len(only) == 1 else None


def profile_values(owner: User) -> list[str]:
    """The values on the person's profile, offered as a goal's values."""
    profile = Profile.objects.owned_by(owner).only("values").first()
    return list(profile.values or []) if profile else []
