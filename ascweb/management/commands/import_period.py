from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ascweb.importing import FileProblem, read_file
from ascweb.imports import run_import
from ascweb.registry import registry


class Command(BaseCommand):
    help = (
        "Load figures from a CSV or XLSX file in the layout of export_template: a period's revenue "
        "figures by default, or another --kind (savings, ibcf, reserves, capital, net-expenditure). "
        "Every problem is reported with its row and column; nothing is saved unless there are none."
    )
    kind = ""  # a subclass may fix the kind

    def add_arguments(self, parser) -> None:
        if not self.kind:
            parser.add_argument("--kind", default="period", choices=sorted(registry.import_kinds))
            parser.add_argument("--year", help="The financial year, e.g. 2017-18 (for a period's figures)")
            parser.add_argument("--period", type=int, help="The period, 1 to 13 (for a period's figures)")
            parser.add_argument("--publish", action="store_true", help="Publish the period after a clean import")
            parser.add_argument(
                "--acknowledge-all",
                action="store_true",
                help="With --publish: acknowledge every check left in the period (each is recorded)",
            )
        parser.add_argument("file")

    def handle(self, *args, **options) -> None:
        kind = registry.import_kinds[self.kind or options["kind"]]
        if kind.per_period and (not options.get("year") or options.get("period") is None):
            raise CommandError(f"Give --year and --period for {kind.title}")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}")
        try:
            upload = read_file(path.read_bytes(), path.name, required=kind.required)
        except FileProblem as problem:
            raise CommandError(f"{path.name}: {problem}") from None
        publish = options.get("publish", False)
        report = run_import(
            kind,
            user=None,
            via="command",
            upload=upload,
            year_code=options.get("year") or "",
            number=options.get("period"),
            publish=publish,
            acknowledge_all=options.get("acknowledge_all", False),
        )
        for note in report.notes:
            self.stdout.write(note)
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(report.problems)} problem(s) in {path.name}: nothing was saved")
        self.stdout.write(
            f"Imported {kind.title} from {path.name}: {report.changed} changed, {report.created} added, "
            f"{report.unchanged} unchanged{' and published' if publish and kind.can_publish else ''}."
        )
