"""Data checks for `manage.py check --database default`: offices that belong to nothing.

An office is a position in a country or an organisation. Rows from before the creation path
refused bare roles ("Leader", "Chief" with neither, or with only a country) are listed here so
an analyst can attach them to their organisation or merge them away.
"""

from django.core import checks

# Listed by id in the message; more than this and the message names the count and the first ones.
LISTED_IDS = 20


@checks.register(checks.Tags.database)
def positions_belong_to_something(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    from django.db import connections

    from people.models import Position

    # `migrate` runs database checks before it creates the tables: nothing to look at yet.
    if not all(Position._meta.db_table in connections[alias].introspection.table_names() for alias in databases):
        return []
    from people.services import TITLES_NEEDING_AN_ORGANIZATION

    # `migrate` runs the database checks before it creates the tables: nothing to check yet.
    if any(
        Position._meta.db_table not in connections[alias].introspection.table_names() for alias in databases
    ):
        return []

    problems = []
    bare = Position.objects.filter(country__isnull=True, organization__isnull=True)
    vague = Position.objects.filter(organization__isnull=True, normalized__in=TITLES_NEEDING_AN_ORGANIZATION)
    for queryset, check_id, what in (
        (bare, "people.W001", "belong to no country and no organisation"),
        (vague, "people.W002", "are a bare role (Leader, Chief, ...) with no organisation"),
    ):
        ids = list(queryset.order_by("pk").values_list("pk", flat=True)[: LISTED_IDS + 1])
        if not ids:
            continue
        shown = ", ".join(str(pk) for pk in ids[:LISTED_IDS]) + (" ..." if len(ids) > LISTED_IDS else "")
        # Warnings, not errors: an error would stop `migrate` and every command until the rows are fixed.
        problems.append(
            checks.Warning(
                f"{queryset.count()} position(s) {what}: ids {shown}.",
                hint="In the admin, give each its organisation (or country), or merge it into the right office.",
                obj="people.Position",
                id=check_id,
            )
        )
    return problems
