"""The savings part of the Norfolk demo data set: the files data/norfolk/savings.toml lists,
imported in order through the one runner (finance.imports.run_import) as a finance lead would
import them, the papers as printed.

A bridge until the generic loader (ascweb.demo, DemoData) is in this branch: then savings
registers DemoData("savings", manifest="savings.toml", order=30) and this module goes. Until
then the revenue demo loader creates the periods already published, and the runner imports only
into open periods, so the periods the files are for are opened for their imports and given back
their status after them (the generic loader imports every file first and publishes last).
"""

import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User

from ascweb.importing import Report, read_file
from ascweb.registry import registry
from finance.imports import run_import
from finance.models import ImportRecord, Period

DATA = Path(settings.BASE_DIR) / "data" / "norfolk"
MANIFEST = "savings.toml"


class DemoFileProblem(Exception):
    """A demo file the runner refused: its problems, by row and column."""


def entries(manifest: str = MANIFEST) -> list[dict]:
    """The manifest's files, in load order: kind, path (relative to data/norfolk/), and the year
    and period of a per-period file."""
    return tomllib.loads((DATA / manifest).read_text(encoding="utf-8"))["file"]


def import_manifest(
    manifest: str = MANIFEST, *, user=None, say: Callable[[str], None] = print, again: frozenset[str] = frozenset()
) -> list[Report]:
    """Import each file of `manifest` not imported before (same kind, period and SHA-256; a
    kind named in `again` whatever), in order, the papers as printed; DemoFileProblem at the
    first file with problems."""
    reports = []
    for entry in entries(manifest):
        kind = registry.import_kinds[entry["kind"]]
        upload = read_file((DATA / entry["path"]).read_bytes(), entry["path"], required=kind.required)
        year, number = entry.get("year", ""), entry.get("period")
        held = ImportRecord.objects.filter(kind=kind.title, checksum=upload.checksum)
        if kind.per_period:
            held = held.filter(period__year__code=year, period__number=number)
        if held.exists() and kind.name not in again:
            continue
        report = run_import(kind, user=user, via="demo", upload=upload, year_code=year, number=number, as_printed=True)
        if not report.ok:
            raise DemoFileProblem(f"{entry['path']}: " + "; ".join(str(problem) for problem in report.problems))
        say(f"Imported {kind.title} from {entry['path']}: {report.created} added, {report.changed} changed.")
        reports.append(report)
    return reports


@contextmanager
def opened(periods: list[Period]) -> Iterator[None]:
    """The periods open while the block runs, then as they were (the bridge described above:
    status only, no lifecycle event, as the revenue demo loader sets it)."""
    before = {period.pk: period.status for period in periods}
    Period.objects.filter(pk__in=before).update(status=Period.Status.OPEN)
    try:
        yield
    finally:
        for pk, status in before.items():
            Period.objects.filter(pk=pk).update(status=status)


def load_savings(say: Callable[[str], None] = print) -> None:
    """The savings DemoLoader: the manifest's files into the periods the revenue loader made."""
    numbers = {(e["year"], e["period"]) for e in entries() if "period" in e}
    periods = [p for p in Period.objects.select_related("year") if (p.year.code, p.number) in numbers]
    # the revenue demo loader deletes every fidelity note of the year on each run, so the printed
    # totals are checked again each time (the generic loader leaves other files' notes alone)
    with opened(periods):
        import_manifest(user=User.objects.filter(username="lead").first(), say=say, again=frozenset({"savings-totals"}))
