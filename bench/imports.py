"""The 100,000-row import: a net expenditure file through the importer (read, check every row,
replace what is held, write with history, record the import) against raw COPY of the same
rows into the same table, measured in one run. Used by bench/measure.py.

Net expenditure is held per year, period and expenditure area, so 100,000 rows need a wide
council: 500 expenditure areas x 13 periods x 16 years (2001-02 to 2016-17), cut to 100,000.
"""

import csv
import io
import random
import statistics
import time

from django.db import connection, transaction

from ascweb.money import parse_amount

ROWS = 100_000
AREAS = 500
FIRST_YEAR = 2001


def build_file(area_codes: list[str], rows: int = ROWS, seed: int = 2017) -> bytes:
    """A CSV in the import's layout, amounts in pounds and pence as a ledger export has them."""
    rng = random.Random(seed)  # noqa: S311 - not for security
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "period", "area", "amount"])
    written = 0
    for year in range(FIRST_YEAR, FIRST_YEAR + 40):
        code = f"{year}-{(year + 1) % 100:02d}"
        for period in range(1, 14):
            for area in area_codes:
                if written == rows:
                    return out.getvalue().encode("utf-8")
                pence = rng.randrange(-50_000_000, 500_000_000)
                sign = "-" if pence < 0 else ""
                writer.writerow([code, period, area, f"{sign}{abs(pence) // 100:,}.{abs(pence) % 100:02d}"])
                written += 1
    raise ValueError("not enough years for the rows asked for")


def _clear() -> None:
    """Empty the tables between runs (TRUNCATE: deleting row by row would write history)."""
    from ascweb.models import FinancialYear, ImportRecord
    from finance.models import NetExpenditure

    tables = [NetExpenditure._meta.db_table, NetExpenditure.history.model._meta.db_table, ImportRecord._meta.db_table]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)}")
        FinancialYear.objects.filter(start_year__lt=2040).delete()


def _lead():
    """A finance lead, as on the upload page (each history row then names a user, as in use)."""
    from django.contrib.auth.models import Group, User

    from ascweb import permissions

    permissions.sync_roles()
    lead, _ = User.objects.get_or_create(username="bench-lead")
    lead.groups.set([Group.objects.get(name=permissions.LEAD)])
    return User.objects.get(pk=lead.pk)


def _import(data: bytes, lead) -> float:
    from ascweb.importing import read_file
    from ascweb.imports import run_import
    from ascweb.registry import registry

    kind = registry.import_kinds["net-expenditure"]
    queries = []
    start = time.perf_counter()
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        report = run_import(kind, user=lead, via="bench", upload=read_file(data, "bench.csv", required=kind.required))
    elapsed = time.perf_counter() - start
    if not report.ok or report.created != ROWS:
        raise RuntimeError(f"the benchmark import failed: {report.problems[:3]}")
    return elapsed, len(queries)


def _copy(records: list[tuple[int, int, int, int]]) -> float:
    """Raw COPY of the already-resolved rows (year id, period, area id, pence), written as
    the importer writes its own (ascweb.bulk.copy_rows): the floor."""
    from ascweb.bulk import copy_rows
    from finance.models import NetExpenditure

    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        copy_rows(cursor, NetExpenditure._meta.db_table, ["year_id", "period", "area_id", "amount"], records)
    return time.perf_counter() - start


def measure(runs: int):
    """(import seconds, COPY seconds, rows, file bytes, queries per import): medians over
    `runs` alternating runs."""
    from ascweb.models import FinancialYear
    from finance.models import NetExpenditure, ReportingLine

    areas = list(ReportingLine.objects.filter(kind="area").order_by("order").values_list("id", "code")[:AREAS])
    if len(areas) < AREAS:
        raise RuntimeError(f"the import benchmark needs {AREAS} expenditure areas")
    data = build_file([code for _id, code in areas])
    lead = _lead()
    imported, copied = [], []
    for _ in range(runs):
        _clear()
        seconds, queries = _import(data, lead)
        imported.append(seconds)
        years = dict(FinancialYear.objects.values_list("code", "id"))
        area_ids = {code: pk for pk, code in areas}
        records = [
            (years[row["year"]], int(row["period"]), area_ids[row["area"]], parse_amount(row["amount"]))
            for row in csv.DictReader(io.StringIO(data.decode()))
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {NetExpenditure._meta.db_table}")
        copied.append(_copy(records))
    _clear()
    return statistics.median(imported), statistics.median(copied), ROWS, len(data), queries
