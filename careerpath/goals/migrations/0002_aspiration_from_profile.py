import datetime

from django.db import migrations, models


def mirror_profile_aspirations(apps, schema_editor):
    """Every profile's long-term aspiration becomes the aspiration goals can serve."""
    Profile = apps.get_model("profiles", "Profile")
    Aspiration = apps.get_model("goals", "Aspiration")
    today = datetime.date.today()
    for profile in Profile.objects.exclude(aspiration="").iterator():
        text = " ".join(profile.aspiration.split())
        first = text.split(". ", 1)[0].rstrip(".")
        Aspiration.objects.create(
            owner_id=profile.owner_id,
            from_profile=True,
            title=first if len(first) <= 160 else first[:159].rstrip() + "…",
            description=text,
            horizon_years=profile.aspiration_horizon_years or 5,
            starts_on=today,
            values=list(profile.values or []),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0001_initial"),
        ("profiles", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="aspiration",
            name="from_profile",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(mirror_profile_aspirations, migrations.RunPython.noop),
    ]
