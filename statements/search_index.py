"""SQLite's full-text index over statement quotes: an FTS5 table kept in step by triggers.

PostgreSQL has a stored tsvector column and a GIN index (migration 0008); SQLite (`make run`)
gets the same service from FTS5: an external-content table over statements_statement, with the
Porter stemmer (PostgreSQL's `english` configuration stems with Porter too), filled and kept up
to date by triggers on insert, delete and update of the quote, so no write path has to know.

Migration 0013 creates it. Django rebuilds a SQLite table for many schema changes (copy, drop,
rename), and dropping a table drops its triggers: after every `migrate` the triggers are put
back and, if any was missing, the index is rebuilt (`repair_after_migrate`).
"""

from __future__ import annotations

TABLE = "statements_statement_fts"
SOURCE = "statements_statement"
TRIGGERS = {
    f"{TABLE}_insert": f"""
        CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON {SOURCE} BEGIN
            INSERT INTO {TABLE}(rowid, quote) VALUES (new.id, new.quote);
        END""",
    f"{TABLE}_delete": f"""
        CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON {SOURCE} BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, quote) VALUES ('delete', old.id, old.quote);
        END""",
    f"{TABLE}_update": f"""
        CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE OF quote ON {SOURCE} BEGIN
            INSERT INTO {TABLE}({TABLE}, rowid, quote) VALUES ('delete', old.id, old.quote);
            INSERT INTO {TABLE}(rowid, quote) VALUES (new.id, new.quote);
        END""",
}
CREATE_TABLE = f"""
    CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(
        quote, content='{SOURCE}', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
    )"""
REBUILD = f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"


def create(schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(CREATE_TABLE)
    for sql in TRIGGERS.values():
        schema_editor.execute(sql)
    schema_editor.execute(REBUILD)


def drop(schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def repair_after_migrate(sender, using, **kwargs) -> None:
    """Put back triggers a table rebuild dropped, and re-index what was written meanwhile."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE name LIKE %s", [f"{TABLE}%"])
        present = {name for _, name in cursor.fetchall()}
        if TABLE not in present or TRIGGERS.keys() <= present:
            return  # not created yet (migrated back before 0009), or intact
        for sql in TRIGGERS.values():
            cursor.execute(sql)
        cursor.execute(REBUILD)
