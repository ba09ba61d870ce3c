from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ascweb.importing import template_csv, template_xlsx
from ascweb.models import Period
from ascweb.registry import registry


class Command(BaseCommand):
    help = (
        "Write a period's import template as CSV or XLSX: its revenue figures (one row per reporting "
        "line, amounts in £) by default, or another --kind's figures, ready to fill in and import."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--kind", default="period", choices=sorted(registry.import_kinds))
        parser.add_argument("--year", required=True)
        parser.add_argument("--period", required=True, type=int)
        parser.add_argument("-o", "--output", required=True, help="t.csv or t.xlsx")

    def handle(self, *args, **options) -> None:
        kind = registry.import_kinds[options["kind"]]
        period = Period.objects.filter(year__code=options["year"], number=options["period"]).first()
        if period is None:
            raise CommandError(f"No Period {options['period']} in {options['year']}")
        rows = kind.template_rows(period)
        path = Path(options["output"])
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(template_xlsx(kind.columns, rows, title=f"{period.title}: {kind.title}"))
        elif path.suffix.lower() == ".csv":
            path.write_text(template_csv(kind.columns, rows), encoding="utf-8")
        else:
            raise CommandError("The output file must end in .csv or .xlsx")
        self.stdout.write(f"Wrote {len(rows)} rows of {period.title} {kind.title} to {path}")
