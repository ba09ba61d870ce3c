"""Time the member dashboard against a trivial view, in the same run, and record the result.

How to run (from the repository root, against whatever DATABASE_URL points at, which must
already hold the demo data: `python manage.py migrate && python manage.py load_demo`):

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/dashboard.py
    DATABASE_URL=postgres://user:pass@localhost:5432/ascweb .venv/bin/python bench/dashboard.py -n 300

Options: -n requests per view (default 200), --user (default "member"), --period (default: the
latest the user may see, e.g. 2017-18/10), --no-write (print only). Requests go through Django's
test client, interleaved (healthz, dashboard, healthz, ...) so both see the same machine load;
the median and 95th percentile of each, their ratio and the dashboard's query count are written
to the database's own section of bench/RESULTS.md (replaced on each run). Settings default to
tests.settings (plain HTTP, no collected static files needed).
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from ascweb import periods

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"


def _markers(vendor: str) -> tuple[str, str]:
    """One section per database: a PostgreSQL run does not replace the SQLite one."""
    return f"<!-- dashboard-{vendor}:start -->", f"<!-- dashboard-{vendor}:end -->"


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's "testserver" host through


def _time_ms(client, url: str) -> float:
    started = time.perf_counter_ns()
    response = client.get(url)
    elapsed = time.perf_counter_ns() - started
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed / 1_000_000


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def measure(n: int, username: str, period: str | None) -> dict:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user = User.objects.filter(username=username).first()
    if user is None:
        raise SystemExit(f"No user {username!r}: load the demo data first (python manage.py load_demo)")
    if period:
        year, number = period.split("/")
        chosen = periods.period_for(user, year, int(number))
    else:
        chosen = periods.periods_visible_to(user).first()
    if chosen is None:
        raise SystemExit(f"{username} can see no such period")
    client = Client()
    client.force_login(user)
    dashboard = f"/periods/{chosen.year.code}/{chosen.number}/dashboard/"
    for _ in range(5):  # warm up: templates, connections, caches
        _time_ms(client, "/healthz")
        _time_ms(client, dashboard)
    timings: dict[str, list[float]] = {"/healthz": [], dashboard: []}
    for _ in range(n):
        for url in timings:
            timings[url].append(_time_ms(client, url))
    with CaptureQueriesContext(connection) as captured:
        client.get(dashboard)
    return {
        "dashboard": dashboard,
        "period": chosen.title,
        "n": n,
        "vendor": connection.vendor,
        "queries": len(captured),
        "stats": {url: (statistics.median(s), _p95(s)) for url, s in timings.items()},
    }


def report(result: dict) -> str:
    stats = result["stats"]
    (h_median, h_p95), (d_median, d_p95) = stats["/healthz"], stats[result["dashboard"]]
    start, end = _markers(result["vendor"])
    lines = [
        start,
        f"## Dashboard against a trivial view ({result['vendor']})",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {result['vendor']}, Python {platform.python_version()}, "
        f"{result['n']} requests each, interleaved, through Django's test client "
        f"(`bench/dashboard.py`). Dashboard: {result['period']} as a member.",
        "",
        "| view | median ms | p95 ms |",
        "|---|---:|---:|",
        f"| `/healthz` | {h_median:.2f} | {h_p95:.2f} |",
        f"| `{result['dashboard']}` | {d_median:.2f} | {d_p95:.2f} |",
        "",
        f"Dashboard / healthz: **{d_median / h_median:.1f}x** at the median, {d_p95 / h_p95:.1f}x at p95. "
        f"The dashboard makes **{result['queries']} queries** (fixed whatever the number of lines "
        "and periods: tests/integration/finance/test_dashboard_scale.py).",
        end,
    ]
    return "\n".join(lines) + "\n"


def write(section: str, vendor: str) -> None:
    start, end = _markers(vendor)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="requests per view")
    parser.add_argument("--user", default="member")
    parser.add_argument("--period", help="year/number, e.g. 2017-18/10")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    _setup()
    result = measure(args.n, args.user, args.period)
    section = report(result)
    print(section)
    if not args.no_write:
        write(section, result["vendor"])
        print(f"Written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
