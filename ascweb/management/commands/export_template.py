from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ascweb.importing import template_csv, template_xlsx
from ascweb.periods import template_for
from ascweb.registry import registry


class Command(BaseCommand):
    help = (
        "Write a period's import template as CSV or XLSX: its revenue figures (one row per reporting "
        "line, amounts in £) by default, or another --kind's figures, ready to fill in and import. "
        "For the period after the latest (not yet started), the latest period's figures."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--kind", default="period", choices=sorted(registry.import_kinds))
        parser.add_argument("--year", required=True)
        parser.add_argument("--period", required=True, type=int)
        parser.add_argument("-o", "--output", required=True, help="t.csv or t.xlsx")

    def handle(self, *args, **options) -> None:
        kind = registry.import_kinds[options["kind"]]
        try:
            template = template_for(options["year"], options["period"])
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        rows = kind.template_rows(template.source)
        path = Path(options["output"])
        if path.suffix.lower() == ".xlsx":
            path.write_bytes(template_xlsx(kind.columns, rows, title=f"{template.title}: {kind.title}"))
        elif path.suffix.lower() == ".csv":
            path.write_text(template_csv(kind.columns, rows), encoding="utf-8")
        else:
            raise CommandError("The output file must end in .csv or .xlsx")
        self.stdout.write(f"Wrote {len(rows)} rows of {template.title} {kind.title} to {path}")
