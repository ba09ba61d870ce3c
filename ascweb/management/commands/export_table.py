import csv

from django.core.management.base import BaseCommand, CommandError

from ascweb.exports import csv_rows
from ascweb.models import Period
from ascweb.registry import registry


class Command(BaseCommand):
    help = "Write a committee table for a period as CSV (amounts in £m to 3 decimals)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", required=True, help="Financial year, e.g. 2017-18")
        parser.add_argument("--period", required=True, type=int, help="Period number, 1-13")
        parser.add_argument("--table", required=True, choices=sorted(registry.export_tables))
        parser.add_argument("--format", default="csv", choices=["csv"])
        parser.add_argument("-o", "--output", help="File to write (default: standard output)")

    def handle(self, *args, **options) -> None:
        period = (
            Period.objects.select_related("year").filter(year__code=options["year"], number=options["period"]).first()
        )
        if period is None:
            raise CommandError(f"No Period {options['period']} in {options['year']}")
        table = registry.export_tables[options["table"]]
        lines = csv_rows(table, table.rows(period))
        if options["output"]:
            with open(options["output"], "w", newline="", encoding="utf-8") as handle:
                csv.writer(handle, lineterminator="\n").writerows(lines)
        else:
            csv.writer(self.stdout, lineterminator="\n").writerows(lines)
