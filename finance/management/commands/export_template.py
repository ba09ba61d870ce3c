from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from finance import selectors
from finance.importers import template_csv, template_xlsx
from finance.models import Period


class Command(BaseCommand):
    help = "Write a period's import template (one row per reporting line, amounts in £) as CSV or XLSX."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", required=True)
        parser.add_argument("--period", required=True, type=int)
        parser.add_argument("-o", "--output", required=True, help="t.csv or t.xlsx")

    def handle(self, *args, **options) -> None:
        period = Period.objects.filter(year__code=options["year"], number=options["period"]).first()
        if period is None:
            raise CommandError(f"No Period {options['period']} in {options['year']}")
        rows = selectors.template_rows(period)
        path = Path(options["output"])
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(template_xlsx(rows, title=period.title))
        elif path.suffix.lower() == ".csv":
            path.write_text(template_csv(rows), encoding="utf-8")
        else:
            raise CommandError("The output file must end in .csv or .xlsx")
        self.stdout.write(f"Wrote {len(rows)} lines of {period.title} to {path}")
