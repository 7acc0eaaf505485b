"""Backup and restore as docs/backup.md says: pg_dump -Fc, pg_restore into a fresh database, the same record."""

from __future__ import annotations

import os
import shutil
import subprocess

import psycopg
import pytest
from django.db import connection

from tests import factories as f

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SEARCH = (
    "SELECT id FROM statements_statement WHERE quote_search @@ plainto_tsquery('english', %s) ORDER BY id"
)


def _conninfo(dbname: str) -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"] or "127.0.0.1",
        "port": str(db["PORT"] or 5432),
        "user": db["USER"],
        "password": db.get("PASSWORD") or None,
        "dbname": dbname,
    }


def _env(info: dict) -> dict:
    env = {**os.environ, "PGHOST": info["host"], "PGPORT": info["port"], "PGUSER": info["user"]}
    if info["password"]:
        env["PGPASSWORD"] = info["password"]
    return env


def _tables(conn) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).fetchall()
    return [name for (name,) in rows]


def _counts(conn) -> dict[str, int]:
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in _tables(conn)}


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    name = connection.settings_dict["NAME"] + "_restored"
    admin = {**_conninfo("postgres")}
    with psycopg.connect(**{k: v for k, v in admin.items() if v is not None}, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield name
    with psycopg.connect(**{k: v for k, v in admin.items() if v is not None}, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_restored_into_a_fresh_database_is_the_same_record(fresh_database, tmp_path):
    for tool in ("pg_dump", "pg_restore"):
        assert shutil.which(tool), f"{tool} is needed (postgresql-client)"
    record = f.small_record()
    f.statement(record["amelie"], "The interconnector will carry power both ways, every winter.")
    source = _conninfo(connection.settings_dict["NAME"])
    target = {**source, "dbname": fresh_database}
    dump = tmp_path / "onrecord.dump"

    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source["dbname"]],
        env=_env(source), check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={fresh_database}", str(dump)],
        env=_env(target), check=True, capture_output=True, timeout=120,
    )  # fmt: skip

    def connect(info):
        return psycopg.connect(**{k: v for k, v in info.items() if v is not None})

    with connect(source) as before, connect(target) as after:
        counts = _counts(before)
        assert counts["statements_statement"] >= 4 and counts["statements_citation"] >= 4
        assert _counts(after) == counts
        generated = after.execute(
            "SELECT is_generated FROM information_schema.columns "
            "WHERE table_name = 'statements_statement' AND column_name = 'quote_search'"
        ).fetchone()
        assert generated == ("ALWAYS",), "the search column is restored as a generated column"
        found = before.execute(SEARCH, ["interconnector"]).fetchall()
        assert len(found) >= 2
        assert after.execute(SEARCH, ["interconnector"]).fetchall() == found
        # The restored database keeps computing it for new rows.
        after.execute("UPDATE statements_statement SET quote = 'A brand new pledge on ferries' WHERE id = %s",
                      [found[0][0]])  # fmt: skip
        assert after.execute(SEARCH, ["ferries"]).fetchall() == [found[0]]
