"""gunicorn's settings for ascweb: the image (Dockerfile, compose) and scripts/smoke-production.sh
start it with `gunicorn -c gunicorn.conf.py ascweb.wsgi`. Each can be set from the environment.

Long work does not run on a request: large imports and each publication's appendix pack run on
the queue worker (`python manage.py db_worker`, compose's `worker`). A request that still takes
longer than GUNICORN_TIMEOUT seconds (a pack chosen by a lead, the first pack of a period the
worker has not reached yet) has its worker process restarted and the user gets an error, so the
timeout is well above the longest pack measured (bench/RESULTS.md) and below a proxy's usual 60 s.
"""

import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("GUNICORN_WORKERS", 3)
timeout = _int("GUNICORN_TIMEOUT", 50)  # seconds a request may take before its worker is restarted
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)  # on restart or stop, for requests under way
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)  # each worker is renewed now and then
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
