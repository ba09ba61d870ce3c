"""A backup restores into a fresh database with the same tables."""

import shutil
import sqlite3
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

TABLES = [
    "finance_lineforecast",
    "finance_reportingline",
    "ascweb_period",
    "ascweb_fidelitynote",
    "reserves_reserveposition",
    "savings_savingforecast",
]


def _rows(cursor, table: str) -> list[tuple]:
    cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 - fixed table names
    return [tuple(row) for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)  # a dump sees only committed data
def test_backup_and_restore_give_the_same_tables(demo, tmp_path):
    target = tmp_path / ("ascweb.dump" if connection.vendor == "postgresql" else "ascweb.sqlite3")
    call_command("backup", output=str(target), stdout=None)
    connection.ensure_connection()
    raw = connection.connection.cursor()  # the driver's own cursor, as the restored side uses
    original = {table: _rows(raw, table) for table in TABLES}
    assert original["finance_lineforecast"]  # there is something to compare
    if connection.vendor == "postgresql":
        restored = _restore_postgres(target)
    else:
        # the same type detection as Django's own SQLite connection, so values compare like for like
        with sqlite3.connect(target, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES) as restored_db:
            restored = {table: _rows(restored_db.cursor(), table) for table in TABLES}
    assert restored == original


def _restore_postgres(dump) -> dict[str, list[tuple]]:
    import psycopg

    settings = connection.settings_dict
    params = {"host": settings["HOST"], "port": settings["PORT"], "user": settings["USER"]}
    fresh = f"{settings['NAME']}_restored"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        result = subprocess.run(  # noqa: S603
            [
                shutil.which("pg_restore"),
                "--no-owner",
                f"--dbname={fresh}",
                f"--host={params['host']}",
                f"--port={params['port']}",
                f"--username={params['user']}",
                str(dump),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        with psycopg.connect(dbname=fresh, **params) as restored:
            return {table: _rows(restored.cursor(), table) for table in TABLES}
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
