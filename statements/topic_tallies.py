"""Per-topic summaries kept by the database: how many statements on a topic, by speaker and by month.

A topic page shows each speaker's statement counts by stance and a month-by-stance timeline.
Counting them on read means reading every link of the topic (127,000 for one topic at a million
statements: ~0.7 s). Instead, triggers append a +1/-1 row to ``statements_topictally`` for every
change that moves a count: a topic link inserted, deleted or changed (stance, topic), and a
statement whose speaker, date or review status changed (rejected statements are not counted).
Because the database does it, every writer is covered: extraction, analysts in the admin,
merges with ``QuerySet.update()``, raw SQL.

Each change appends rows and never updates a shared one, so concurrent writers never wait on
(or deadlock over) a hot counter. ``compact()`` folds the rows into one per key (celery beat,
every minute); a read sums a topic's rows, compacted or not.

A row with ``month`` NULL counts by speaker (``speaker_id`` NULL: no person named); a row with a
month counts the statements said that month (undated statements are in no month).
"""

from __future__ import annotations

from django.db import connection, connections, transaction

TABLE = "statements_topictally"
LINKS = "statements_statementtopic"
STATEMENTS = "statements_statement"
REJECTED = "rejected"


def _month(vendor: str, column: str) -> str:
    if vendor == "postgresql":
        return f"CAST(date_trunc('month', {column}) AS date)"
    return f"date({column}, 'start of month')"


def _link_rows(vendor: str, row: str, sign: int) -> str:
    """Tally rows for one link (OLD or NEW), counted only if its statement is not rejected."""
    counted = f"FROM {STATEMENTS} s WHERE s.id = {row}.statement_id AND s.review_status <> '{REJECTED}'"
    return f"""
        INSERT INTO {TABLE} (topic_id, speaker_id, month, stance, n)
        SELECT {row}.topic_id, s.speaker_id, NULL, {row}.stance, {sign} {counted}
        UNION ALL
        SELECT {row}.topic_id, NULL, {_month(vendor, "s.said_on")}, {row}.stance, {sign} {counted}
            AND s.said_on IS NOT NULL"""


def _statement_rows(vendor: str, row: str, sign: int) -> str:
    """Tally rows for every link of one statement version (OLD or NEW), unless rejected."""
    links = f"FROM {LINKS} l WHERE l.statement_id = {row}.id AND {row}.review_status <> '{REJECTED}'"
    return f"""
        INSERT INTO {TABLE} (topic_id, speaker_id, month, stance, n)
        SELECT l.topic_id, {row}.speaker_id, NULL, l.stance, {sign} {links}
        UNION ALL
        SELECT l.topic_id, NULL, {_month(vendor, f"{row}.said_on")}, l.stance, {sign} {links}
            AND {row}.said_on IS NOT NULL"""


_STATEMENT_CHANGED = (
    "OLD.speaker_id IS DISTINCT FROM NEW.speaker_id OR OLD.said_on IS DISTINCT FROM NEW.said_on "
    "OR OLD.review_status IS DISTINCT FROM NEW.review_status"
)


def _postgres_sql() -> list[str]:
    pg = "postgresql"
    return [
        f"""CREATE OR REPLACE FUNCTION {TABLE}_link() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN {_link_rows(pg, "OLD", -1)}; END IF;
            IF TG_OP <> 'DELETE' THEN {_link_rows(pg, "NEW", 1)}; END IF;
            RETURN NULL;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION {TABLE}_statement() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            {_statement_rows(pg, "OLD", -1)};
            {_statement_rows(pg, "NEW", 1)};
            RETURN NULL;
        END $$""",
        f"DROP TRIGGER IF EXISTS {TABLE}_link ON {LINKS}",
        f"""CREATE TRIGGER {TABLE}_link AFTER INSERT OR DELETE OR UPDATE OF topic_id, statement_id, stance
            ON {LINKS} FOR EACH ROW EXECUTE FUNCTION {TABLE}_link()""",
        f"DROP TRIGGER IF EXISTS {TABLE}_statement ON {STATEMENTS}",
        f"""CREATE TRIGGER {TABLE}_statement AFTER UPDATE OF speaker_id, said_on, review_status
            ON {STATEMENTS} FOR EACH ROW WHEN ({_STATEMENT_CHANGED}) EXECUTE FUNCTION {TABLE}_statement()""",
    ]


SQLITE_TRIGGERS = {
    f"{TABLE}_link_insert": f"AFTER INSERT ON {LINKS} BEGIN {_link_rows('sqlite', 'NEW', 1)}; END",
    f"{TABLE}_link_delete": f"AFTER DELETE ON {LINKS} BEGIN {_link_rows('sqlite', 'OLD', -1)}; END",
    f"{TABLE}_link_update": f"""AFTER UPDATE OF topic_id, statement_id, stance ON {LINKS} BEGIN
        {_link_rows("sqlite", "OLD", -1)}; {_link_rows("sqlite", "NEW", 1)}; END""",
    f"{TABLE}_statement_update": f"""AFTER UPDATE OF speaker_id, said_on, review_status ON {STATEMENTS}
        WHEN {_STATEMENT_CHANGED.replace("IS DISTINCT FROM", "IS NOT")} BEGIN
        {_statement_rows("sqlite", "OLD", -1)}; {_statement_rows("sqlite", "NEW", 1)}; END""",
}


def _rebuild_sql(vendor: str) -> list[str]:
    """Replace every tally row by counts read from the links themselves."""
    counted = (
        f"FROM {LINKS} l JOIN {STATEMENTS} s ON s.id = l.statement_id WHERE s.review_status <> '{REJECTED}'"
    )
    return [
        f"DELETE FROM {TABLE}",
        f"""INSERT INTO {TABLE} (topic_id, speaker_id, month, stance, n)
            SELECT l.topic_id, s.speaker_id, NULL, l.stance, COUNT(*) {counted}
            GROUP BY l.topic_id, s.speaker_id, l.stance""",
        f"""INSERT INTO {TABLE} (topic_id, speaker_id, month, stance, n)
            SELECT l.topic_id, NULL, {_month(vendor, "s.said_on")}, l.stance, COUNT(*) {counted}
            AND s.said_on IS NOT NULL GROUP BY l.topic_id, {_month(vendor, "s.said_on")}, l.stance""",
    ]


def install(schema_editor) -> None:
    """Create the triggers and count what is already on record (migration 0014)."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = _postgres_sql()
    else:
        statements = [f"CREATE TRIGGER IF NOT EXISTS {name} {body}" for name, body in SQLITE_TRIGGERS.items()]
    for sql in [*statements, *_rebuild_sql(vendor)]:
        schema_editor.execute(sql)


def uninstall(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for sql in (
            f"DROP TRIGGER IF EXISTS {TABLE}_link ON {LINKS}",
            f"DROP TRIGGER IF EXISTS {TABLE}_statement ON {STATEMENTS}",
            f"DROP FUNCTION IF EXISTS {TABLE}_link()",
            f"DROP FUNCTION IF EXISTS {TABLE}_statement()",
        ):
            schema_editor.execute(sql)
    else:
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def repair_after_migrate(sender, using, **kwargs) -> None:
    """SQLite drops a table's triggers when Django rebuilds the table: put them back and recount."""
    conn = connections[using]
    if conn.vendor != "sqlite":
        return
    with conn.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE name LIKE %s", [f"{TABLE}%"])
        present = {name for _, name in cursor.fetchall()}
        if TABLE not in present or SQLITE_TRIGGERS.keys() <= present:
            return
        for name, body in SQLITE_TRIGGERS.items():
            cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        for sql in _rebuild_sql("sqlite"):
            cursor.execute(sql)


def rebuild(using: str = "default") -> None:
    """Recount every tally from the links (after a bulk load that bypassed nothing, this is a no-op)."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for sql in _rebuild_sql(connections[using].vendor):
            cursor.execute(sql)


def compact() -> int:
    """Fold the tally rows into one per key; returns how many rows were folded.

    The rows folded are exactly the ones this call deleted (DELETE ... RETURNING), so two
    compactions at once never count a row twice.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} RETURNING topic_id, speaker_id, month, stance, n")
        totals: dict[tuple, int] = {}
        for *key, n in cursor.fetchall():
            totals[tuple(key)] = totals.get(tuple(key), 0) + n
        rows = [(*key, n) for key, n in sorted(totals.items(), key=lambda item: str(item[0])) if n]
        cursor.executemany(
            f"INSERT INTO {TABLE} (topic_id, speaker_id, month, stance, n) VALUES (%s, %s, %s, %s, %s)", rows
        )
    return len(totals)
