"""SQLite, the default database, under two simultaneous saves (issue 17, finding 7): the second
gets the conflict page (409), never "database is locked" (500). Immediate transactions, a
busy timeout and WAL (ascweb/settings) make the second wait for the first, then see its
new version."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_two_simultaneous_saves_give_the_conflict_page_not_a_500(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "tests.integration.concurrent_saves", "8"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rounds = json.loads(result.stdout.strip().splitlines()[-1])
    assert rounds == [[302, 409]] * 8
