from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from finance import services


class Command(BaseCommand):
    help = (
        "Import net expenditure by period from a CSV file with columns year, period, area, amount (£). "
        "Area is an expenditure area's code, name or alias, or blank for the whole department. "
        "All or nothing: every problem is listed with its row and column, and nothing is saved."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            result = services.net_expenditure_import(user=None, text=text)
        except services.ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(rejected.problems)} problem(s) in {file}; nothing was saved") from None
        self.stdout.write(f"Imported {result.rows} rows from {file}: {result.created} new, {result.updated} replaced.")
