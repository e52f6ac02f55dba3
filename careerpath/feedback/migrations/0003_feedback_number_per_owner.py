"""Number each person's feedback rows 1, 2, 3… in the order they were made."""

from django.db import migrations, models


def number_per_owner(apps, schema_editor):
    model = apps.get_model("feedback", "Feedback")
    rows = list(model.objects.order_by("owner_id", "pk").only("pk", "owner_id"))
    owner, count = None, 0
    for row in rows:
        if row.owner_id != owner:
            owner, count = row.owner_id, 0
        count += 1
        row.number = count
    model.objects.bulk_update(rows, ["number"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_request_contact")]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="number",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_per_owner, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="feedback",
            name="number",
            field=models.PositiveIntegerField(editable=False),
        ),
        migrations.AddConstraint(
            model_name="feedback",
            constraint=models.UniqueConstraint(
                fields=("owner", "number"), name="feedback_number_per_owner"
            ),
        ),
    ]
