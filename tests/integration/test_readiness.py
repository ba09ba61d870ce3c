"""Operating several workers (issue 17, finding 7): /healthz says the process lives, /readyz
that the database answers; connections are checked before a request reuses them; the cache
members' pages are kept in is shared (the database's own table by default, Redis if set)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test import RequestFactory

ROOT = Path(__file__).resolve().parents[2]


def _probe(database_url: str) -> str:
    """Both probes' status codes, from a fresh process using this database."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": database_url}
    env["ALLOWED_HOSTS"] = "testserver"
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(c.get('/healthz').status_code, c.get('/readyz').status_code)"
    )
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_ready_when_the_database_answers(tmp_path):
    assert _probe(f"sqlite:///{tmp_path / 'db.sqlite3'}") == "200 200"


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://nobody@127.0.0.1:1/absent",  # no server: PostgreSQL down
        "sqlite:////nonexistent-directory/db.sqlite3",
    ],
)
def test_alive_but_not_ready_while_the_database_is_down(database_url):
    assert _probe(database_url) == "200 503"


def test_connections_are_checked_before_reuse(settings):
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def _served(path: str) -> str:
    """A request through Django's own WSGI handler, as gunicorn makes it (the test client
    skips the start-of-request connection check this is about)."""
    statuses = []
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
    body = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    body.close()
    return statuses[0]


@pytest.mark.django_db(transaction=True)
def test_a_connection_the_server_dropped_is_replaced_not_a_500():
    """After a database restart each worker's kept connection is dead: its next request
    reconnects rather than failing."""
    if connection.vendor != "postgresql":
        pytest.skip("the server ends the connection: PostgreSQL")
    kept = connection.settings_dict["CONN_MAX_AGE"]
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 600  # as production keeps connections
    try:
        assert _served("/readyz") == "200 OK"
        dead = connection.connection.info.backend_pid
        other = connections.create_connection("default")
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [dead])
        other.close()
        assert _served("/readyz") == "200 OK"
        assert connection.connection.info.backend_pid != dead
    finally:
        connection.close()
        connection.settings_dict["CONN_MAX_AGE"] = kept


def test_the_shared_cache_is_the_database_unless_redis_is_set():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ascweb.settings"}
    env.pop("REDIS_URL", None)
    run = [sys.executable, "-c", f"import django; django.setup(); {code}"]
    default = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    assert default.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"
    redis = subprocess.run(  # noqa: S603 - our own settings
        run, cwd=ROOT, env={**env, "REDIS_URL": "redis://127.0.0.1:6379/0"}, capture_output=True, text=True, check=True
    )
    assert redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "ascweb_cache"}}


@pytest.mark.django_db
def test_a_members_page_is_kept_in_the_database_cache(member_client, settings):
    """The default cache: a member's page rendered once by one worker is in the database's
    table for the others (the table the set-up makes with createcachetable)."""
    settings.CACHES = DATABASE_CACHE
    caches["default"].clear()
    url = "/periods/2030-31/10/appendix-a/"
    first = member_client.get(url)
    assert first.status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ascweb_cache")
        assert cursor.fetchone()[0] == 1
    assert member_client.get(url).content.decode().count("Appendix A") == first.content.decode().count("Appendix A")


@pytest.fixture
def reporting_year(small_council):
    return small_council.year
