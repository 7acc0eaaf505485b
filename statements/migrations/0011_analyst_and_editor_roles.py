"""Two roles: Analysts review and correct; Editors also define topics, merge people and delete.

Analysts lose topic editing (an editor's job) and keep everything a review needs. The lists
are the roles' whole permission sets, so running this again puts a hand-edited group right.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ANALYSTS = {
    "statements": {
        "statement": ["view", "change"],
        "statementtopic": ["view", "add", "change", "delete"],
        "citation": ["view"],
        "topic": ["view"],
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
        "country": ["view"],
    },
}

EDITORS_ALSO = {
    "statements": {
        "statement": ["delete"],
        "citation": ["delete"],
        "topic": ["add", "change", "delete"],
        "article": ["delete"],
        "outlet": ["delete"],
        "feed": ["delete"],
    },
    "people": {
        "person": ["delete", "merge"],
        "organization": ["delete"],
        "position": ["delete"],
        "country": ["change"],
    },
}


def _codenames(spec):
    for app_label, models in spec.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def _set_group(apps, name, *specs):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=name)
    perms = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for spec in specs
        for app_label, codename in _codenames(spec)
    ]
    group.permissions.set(perms)


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    _set_group(apps, "Analysts", ANALYSTS)
    _set_group(apps, "Editors", ANALYSTS, EDITORS_ALSO)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0010_review_queue_reject_reason_topic_history"),
        ("people", "0007_person_merge_permission_wikidata_alias_history"),
    ]

    operations = [migrations.RunPython(create_roles, remove_editors)]
