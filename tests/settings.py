"""Test settings: the real settings with a throwaway key and plain-HTTP test clients."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-a-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")

from ascweb.settings import *  # noqa: E402, F403
from ascweb.settings import STORAGES  # noqa: E402

# The benchmarks' command (make_scale_data) for the tests and bench/run: never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# No persistent connections in tests: a live-server thread's connection would otherwise stay
# open and stop the test database from being dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Each process's own memory for the page cache: the query counts the tests assert are the app's
# own queries. The database cache production uses by default is tested on its own
# (tests/integration/test_readiness.py), in the table the test set-up makes (conftest).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DATABASES.pop("cache", None)  # noqa: F405 - the database cache's own connection: one test database
