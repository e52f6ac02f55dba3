from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportRun",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("source", models.CharField(choices=[("builtin", "careerpath starter vocabulary"), ("esco", "ESCO"), ("onet", "O*NET")], max_length=10)),
                ("finished_at", models.DateTimeField(auto_now_add=True)),
                ("rows", models.PositiveIntegerField(default=0)),
                ("seconds", models.FloatField(default=0)),
                ("summary", models.CharField(blank=True, max_length=255)),
            ],
            options={
                "ordering": ["-id"],
            },
        ),
    ]
