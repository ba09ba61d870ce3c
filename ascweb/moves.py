"""Migrations that move models between apps: their content types move with them, so admin
history and permissions keep pointing at the same models."""

from django.db import migrations


def move_content_types(from_app: str, to_app: str, models: list[str]) -> migrations.RunPython:
    def forwards(apps, schema_editor) -> None:
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in models:
            if not content_type.objects.filter(app_label=to_app, model=model).exists():
                content_type.objects.filter(app_label=from_app, model=model).update(app_label=to_app)

    def backwards(apps, schema_editor) -> None:
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in models:
            if not content_type.objects.filter(app_label=from_app, model=model).exists():
                content_type.objects.filter(app_label=to_app, model=model).update(app_label=from_app)

    return migrations.RunPython(forwards, backwards)
