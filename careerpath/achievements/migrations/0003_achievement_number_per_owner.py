"""Number each person's achievement rows 1, 2, 3… in the order they were made."""

from django.db import migrations, models


def number_per_owner(apps, schema_editor):
    model = apps.get_model("achievements", "Achievement")
    rows = list(model.objects.order_by("owner_id", "pk").only("pk", "owner_id"))
    owner, count = None, 0
    for row in rows:
        if row.owner_id != owner:
            owner, count = row.owner_id, 0
        count += 1
        row.number = count
    model.objects.bulk_update(rows, ["number"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("achievements", "0002_initial")]

    operations = [
        migrations.AddField(
            model_name="achievement",
            name="number",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_per_owner, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="achievement",
            name="number",
            field=models.PositiveIntegerField(editable=False),
        ),
        migrations.AddConstraint(
            model_name="achievement",
            constraint=models.UniqueConstraint(
                fields=("owner", "number"), name="achievement_number_per_owner"
            ),
        ),
    ]
