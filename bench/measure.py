"""Measure pages and operations against a trivial view in the same run; write bench/RESULTS.md.

Run through bench/run (which starts PostgreSQL and sets DATABASE_URL). Timings are medians and
95th percentiles over interleaved requests through Django's test client (the whole stack but
the network); each is reported as a ratio to the trivial view measured alongside it, so the
numbers mean the same on a faster or slower machine. Query counts are per request.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402

from ascweb.registry import registry  # noqa: E402


@dataclass
class Result:
    name: str
    median_ms: float
    p95_ms: float
    ratio: float  # against the trivial view for the same signed-in user (or raw COPY)
    queries: int | None
    note: str = ""
    anonymous_ratio: float | None = None  # against the trivial view with no session
    page_ratio: float | None = None  # against a page with the site's layout and nothing else


def _time(fn: Callable[[], object], runs: int, baselines: list[Callable[[], object]]) -> list[list[float]]:
    """Times of fn and of each baseline, interleaved so that all see the same machine."""
    calls = [fn, *baselines]
    for _ in range(3):  # warm up all
        for call in calls:
            call()
    times: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for call, spent in zip(calls, times, strict=True):
            start = time.perf_counter()
            call()
            spent.append(time.perf_counter() - start)
    return times


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _measure(name: str, fn: Callable[[], object], runs: int, baseline, note: str = "") -> Result:
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    mine, *bases = _time(fn, runs, list(baseline))
    with connection.execute_wrapper(count):  # as the timed requests ran: warm, cached if it caches
        fn()
    median = statistics.median(mine)
    trivial, anonymous, page = (median / statistics.median(base) for base in bases)
    return Result(name, median * 1000, _p95(mine) * 1000, trivial, len(executed), note, anonymous, page)


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _get(client: Client, url: str) -> Callable[[], object]:
    def request():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return request


def _pages(data_set: str, runs: int) -> list[Result]:
    """The pages of the latest published period and the open period of the data set."""
    from ascweb.models import Period

    published = Period.objects.filter(status="published").order_by("-year__start_year", "-number").first()
    open_period = Period.objects.filter(status="open").order_by("-year__start_year", "-number").first()
    member, officer = ("member", "officer") if data_set == "Norfolk" else ("scale-member", "scale-officer")
    # the trivial view (the health check: no template, no queries of its own) for the signed-in
    # member, so paying what every signed-in request pays (the session and the user), and with
    # no session at all; and a page with the site's layout and nothing else (the accessibility
    # statement: roles and the layout besides)
    baseline = (
        _get(_client(member), "/healthz"),
        _get(Client(), "/healthz"),
        _get(_client(member), "/accessibility/"),
    )
    base = f"/periods/{published.year.code}/{published.number}"
    results = [
        _measure("Summary (table 2.1)", _get(_client(member), f"{base}/"), runs, baseline),
        _measure("Appendix A", _get(_client(member), f"{base}/appendix-a/"), runs, baseline),
    ]
    if _has_url(f"{base}/dashboard/", member):
        dashboard = _get(_client(member), f"{base}/dashboard/")
        results.insert(0, _measure("Member dashboard", dashboard, runs, baseline, "served from the page cache"))
        results.insert(
            1, _measure("Member dashboard, not cached", _uncached(dashboard), runs, baseline, "cache emptied")
        )
        results.append(
            _measure(
                "Appendix A, not cached",
                _uncached(_get(_client(member), f"{base}/appendix-a/")),
                runs,
                baseline,
                "cache emptied",
            )
        )
    results += _app_pages(published, member, runs, baseline)
    if open_period is not None:
        results += _officer_form(officer, open_period, runs, baseline)
    for extra in registry_benchmarks(published, member, runs, baseline):
        results.append(extra)
    pack = f"{base}/pack.pdf"
    if _has_url(pack, member):
        download = _get(_client(member), pack)
        results.append(_measure("Appendix pack PDF", download, runs, baseline, "kept since the first download"))
        built = _uncached(download)
        results.append(_measure("Appendix pack PDF, built", built, 3, baseline, "cache emptied; warm browser"))
    return results


def _uncached(request: Callable[[], object]) -> Callable[[], object]:
    """The request as the first member to open the page after a change sees it."""
    from django.core.cache import cache

    def first_view():
        cache.clear()
        return request()

    return first_view


# measured above, or officers' pages
NOT_APP_PAGES = {"dashboard", "period", "appendix-a", "workspace"}


def _app_pages(period, member: str, runs: int, baseline) -> list[Result]:
    """Every other page a member sees for the period, as the apps register them (savings, iBCF,
    reserves, capital ...), and the savings projects table (Appendix D, the largest)."""
    from django.urls import reverse

    urls = [
        (page.label, reverse(page.url_name, args=(period.year.code, period.number)))
        for page in registry.period_pages
        if page.url_name not in NOT_APP_PAGES and not page.finance_only
    ]
    projects = f"/periods/{period.year.code}/{period.number}/savings/projects/"
    if any(label == "Savings" for label, _url in urls):
        urls.append(("Savings by workstream and project", projects))
    return [_measure(label, _get(_client(member), url), runs, baseline) for label, url in urls if _has_url(url, member)]


def registry_benchmarks(period, member: str, runs: int, baseline) -> list[Result]:
    """Excel exports of the largest registered tables, kept and as first built."""
    results = []
    for table in registry.tables():
        url = f"/periods/{period.year.code}/{period.number}/tables/{table.name}.xlsx"
        if table.name in ("appendix-a", "savings-projects", "reserves") and _has_url(url, member):
            download, fewer = _get(_client(member), url), max(5, runs // 3)
            results.append(_measure(f"Excel: {table.name}", download, fewer, baseline, "kept"))
            built = _uncached(download)
            results.append(_measure(f"Excel: {table.name}, built", built, fewer, baseline, "cache emptied"))
    return results


def _has_url(url: str, username: str | None = None) -> bool:
    client = _client(username) if username else Client()
    return client.get(url).status_code == 200


def _officer_form(officer: str, period, runs: int, baseline) -> list[Result]:
    """GET and POST of the officer's first area form (the POST saves a changed explanation)."""
    from finance.models import AreaAssignment
    from finance.selectors.entry import area_entry

    area = AreaAssignment.objects.filter(user__username=officer).select_related("area").first().area
    url = f"/periods/{period.year.code}/{period.number}/areas/{area.code}/edit/"
    client = _client(officer)
    counter = iter(range(10**6))

    def post():
        lines = area_entry(period, area).lines
        data, n = {}, next(counter)
        for entry in lines:
            line_id, current = entry.line.id, entry.current
            data[f"budget_{line_id}"] = str(current.budget // 100)
            data[f"forecast_{line_id}"] = str(current.forecast // 100)
            data[f"explanation_{line_id}"] = f"Benchmark save {n}"
            data[f"version_{line_id}"] = str(current.version)
        response = client.post(url, data)
        if response.status_code != 302:
            raise RuntimeError(f"POST {url} answered {response.status_code}")
        return response

    return [
        _measure("Officer form GET", _get(client, url), runs, baseline),
        _measure("Officer form POST", post, max(5, runs // 3), baseline, "includes reading the form's lines"),
    ]


def _fresh_database(name: str) -> None:
    """Point Django at a new, empty, migrated database of this name on the benchmark server."""
    db = settings.DATABASES["default"]
    connections.close_all()
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    db["NAME"] = name
    call_command("migrate", verbosity=0)


def _imports(runs: int) -> list[Result]:
    """The 100,000-row net expenditure import against raw COPY of the same rows (bench/imports.py)."""
    import random

    from bench import imports
    from bench.scale import revenue
    from bench.scale.council import ScaleCouncil

    _fresh_database("ascweb_bench_import")
    council = ScaleCouncil(rng=random.Random(2017))  # noqa: S311 - not for security
    revenue.build_structure(council, departments=imports.AREAS // revenue.AREAS_PER_DEPARTMENT, lines=imports.AREAS)
    imported, copied, rows, size, queries = imports.measure(runs)
    return [
        Result("Raw COPY of 100,000 rows", copied * 1000, copied * 1000, 1.0, None, f"{rows / copied:,.0f} rows/s"),
        Result(
            "Import of a 100,000-row file",
            imported * 1000,
            imported * 1000,
            imported / copied,
            queries,
            f"{rows / imported:,.0f} rows/s; {size / 1e6:.1f} MB CSV; ratio is x raw COPY",
        ),
    ]


def _write(sections: dict[str, list[Result]], path: Path) -> None:
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/run` (PostgreSQL, Django test client, one run). Ratios = median time / median "
        "time of a baseline measured alongside (interleaved). The trivial view is the health check "
        "(no template, no queries of its own) requested by the same signed-in user, so it pays what "
        "every signed-in request pays: reading the session and the user. Also shown: the same view "
        "with no session at all, and a page with the site's layout and nothing else (the "
        "accessibility statement: the user's roles and the layout besides). For the import the "
        "baseline is raw COPY of the same rows. Goals: dashboard and Appendix A at most 3x the "
        "trivial view at council scale, the PDF pack under 3 s, the import at most 2x raw COPY.",
        "",
    ]
    for title, results in sections.items():
        lines += [
            f"## {title}",
            "",
            "| what | median ms | p95 ms | x trivial view | x trivial view, no session | x layout page "
            "| queries | note |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in results:
            ratios = [f"{r.ratio:.1f}", *("" if x is None else f"{x:.1f}" for x in (r.anonymous_ratio, r.page_ratio))]
            queries = "" if r.queries is None else str(r.queries)
            cells = [r.name, f"{r.median_ms:.1f}", f"{r.p95_ms:.1f}", *ratios, queries, r.note]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    from bench import memory

    lines += memory.markdown()  # peak memory of reading hostile and normal import files
    path.write_text("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--output", default=str(ROOT / "bench" / "RESULTS.md"))
    parser.add_argument("--imports-only", action="store_true", help="only the 100,000-row import")
    args = parser.parse_args()
    runs = 10 if args.quick else 40
    sections = {}
    sections["Imports: net expenditure, 500 areas"] = _imports(1 if args.quick else 7)
    if args.imports_only:
        _write(sections, Path(args.output))
        print(Path(args.output).read_text())
        return
    _fresh_database("ascweb_bench_norfolk")
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    lead = User.objects.get(username="lead")
    from ascweb.lifecycle import period_create_next
    from ascweb.models import FinancialYear

    period_create_next(user=lead, year=FinancialYear.objects.get(code="2017-18"), number=11)
    sections["Norfolk 2017-18 demo"] = _pages("Norfolk", runs)
    _fresh_database("ascweb_bench_scale")
    call_command("make_scale_data", departments=10, lines=300, years=5, stdout=open(os.devnull, "w"))  # noqa: SIM115
    sections["Synthetic council: 10 departments, 300 lines, 5 years"] = _pages("scale", runs)
    _write(sections, Path(args.output))
    print(Path(args.output).read_text())


if __name__ == "__main__":
    main()
