from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ascweb.importing import FileProblem, read_file
from finance.importers import REQUIRED
from finance.services import period_import


class Command(BaseCommand):
    help = (
        "Load a period's figures from a CSV or XLSX file (the export_template layout). Every "
        "problem is reported with its row and column; nothing is saved unless there are none."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", required=True)
        parser.add_argument("--period", required=True, type=int)
        parser.add_argument("--publish", action="store_true", help="Publish the period after a clean import")
        parser.add_argument("file")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file {path}")
        try:
            upload = read_file(path.read_bytes(), path.name, required=REQUIRED)
        except FileProblem as problem:
            raise CommandError(f"{path.name}: {problem}") from None
        report = period_import(
            user=None,
            via="command",
            year_code=options["year"],
            number=options["period"],
            upload=upload,
            publish=options["publish"],
            threshold=settings.ASCWEB_MATERIALITY_PENCE,
        )
        for note in report.notes:
            self.stdout.write(note)
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(report.problems)} problem(s) in {path.name}: nothing was saved")
        self.stdout.write(
            f"Imported {path.name}: {report.changed} lines changed, {report.created} added, "
            f"{report.unchanged} unchanged{' and published' if options['publish'] else ''}."
        )
