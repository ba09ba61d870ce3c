"""Load the iBCF part of the Norfolk demo data set: the files data/norfolk/ibcf.toml lists, in
order, each through the one import runner (finance.imports.run_import) as the demo lead, as a
finance lead would import them from the papers.

This stands in for the generic loader (ascweb.demo) until it lands, for the iBCF alone, and
works around the revenue loader it runs after:
- the generic loader imports every file into open periods and publishes last; the revenue
  loader still creates its periods published, so a period file is imported into its period
  re-opened for the import alone and published again as it was (no event: it stands published);
- the generic loader skips a file already imported (same kind, same SHA-256); the revenue
  loader still deletes the year's fidelity notes on every run, the iBCF's among them, so only
  period files are skipped here and the reference files are imported again (their unchanged
  rows are left alone; their printed figures are checked afresh, their notes rebuilt).
"""

import hashlib
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model

from ascweb.importing import read_file
from ascweb.registry import registry
from finance.imports import run_import
from finance.models import ImportRecord, Period

MANIFEST = settings.BASE_DIR / "data" / "norfolk" / "ibcf.toml"


def load_ibcf(say: Callable[[str], None] = print) -> None:
    lead = get_user_model().objects.get(username="lead")
    with MANIFEST.open("rb") as manifest:
        files = tomllib.load(manifest)["file"]
    for entry in files:
        kind = registry.import_kinds[entry["kind"]]
        data = (MANIFEST.parent / entry["path"]).read_bytes()
        checksum = hashlib.sha256(data).hexdigest()
        if kind.per_period and ImportRecord.objects.filter(kind=kind.title, checksum=checksum).exists():
            continue
        upload = read_file(data, entry["path"], required=kind.required)
        with _open_for_import(entry.get("year", ""), entry.get("period")):
            report = run_import(
                kind, user=lead, via="demo", upload=upload, year_code=entry.get("year", ""), number=entry.get("period")
            )
        if not report.ok:
            raise ValueError(f"{entry['path']}: " + "; ".join(str(problem) for problem in report.problems))
        say(f"Imported {kind.title} from {entry['path']}: {report.created} added, {report.changed} changed.")


@contextmanager
def _open_for_import(year: str, number: int | None) -> Iterator[None]:
    published = Period.objects.filter(year__code=year, number=number, status=Period.Status.PUBLISHED)
    ids = list(published.values_list("id", flat=True))
    Period.objects.filter(id__in=ids).update(status=Period.Status.OPEN)
    try:
        yield
    finally:
        Period.objects.filter(id__in=ids).update(status=Period.Status.PUBLISHED)
