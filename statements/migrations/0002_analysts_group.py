"""The "Analysts" group: review and correct statements, people and topics; no user management."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ANALYST_PERMISSIONS = {
    "statements": {
        "statement": ["view", "change"],
        "statementtopic": ["view", "add", "change", "delete"],
        "citation": ["view"],
        "topic": ["view", "add", "change"],
        "article": ["view", "add", "change"],
        "outlet": ["view", "add", "change"],
        "feed": ["view", "add", "change"],
    },
    "people": {
        "person": ["view", "add", "change"],
        "personalias": ["view", "add", "change", "delete"],
        "organization": ["view", "add", "change"],
        "position": ["view", "add", "change"],
        "tenure": ["view", "add", "change", "delete"],
        "country": ["view", "change"],
    },
}


def create_analysts_group(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Analysts")
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in ANALYST_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    for app_label, codename in codenames:
        perm = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(perm)


def remove_analysts_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Analysts").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0001_initial"),
        ("people", "0003_load_countries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_analysts_group, remove_analysts_group)]
