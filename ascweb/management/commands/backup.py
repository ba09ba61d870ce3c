"""Back up the database to a file: pg_dump's custom format for PostgreSQL (restore with
pg_restore), SQLite's online backup for the embedded database (restore by copying the file)."""

import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format, or an SQLite copy) to the given file or backups/."

    def add_arguments(self, parser) -> None:
        parser.add_argument("-o", "--output", help="File to write (default: backups/ascweb-<timestamp>.dump|.sqlite3)")

    def handle(self, *args, **options) -> None:
        postgres = connection.vendor == "postgresql"
        stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
        default = Path("backups") / f"ascweb-{stamp}.{'dump' if postgres else 'sqlite3'}"
        target = Path(options["output"] or default)
        target.parent.mkdir(parents=True, exist_ok=True)
        if postgres:
            self._pg_dump(target)
        else:
            connection.ensure_connection()
            with sqlite3.connect(target) as destination:
                connection.connection.backup(destination)
        self.stdout.write(f"Backed up to {target} ({target.stat().st_size:,} bytes)")

    def _pg_dump(self, target: Path) -> None:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise CommandError("pg_dump is not installed (Debian package postgresql-client)")
        settings = connection.settings_dict
        command = [pg_dump, "--format=custom", "--no-owner", f"--file={target}", "--dbname", settings["NAME"]]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if settings.get(key):
                command += [flag, str(settings[key])]
        env = {"PGPASSWORD": settings.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"}
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
