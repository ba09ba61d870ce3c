from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ascweb import pack, pdf
from ascweb.models import Period


class Command(BaseCommand):
    help = "Write the committee appendix pack for a period as one PDF (drafts carry a DRAFT mark)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", required=True, help="Financial year, e.g. 2017-18")
        parser.add_argument("--period", required=True, type=int, help="Period number, 1-13")
        parser.add_argument("-o", "--output", required=True, help="PDF file to write")
        parser.add_argument(
            "--section",
            action="append",
            choices=[choice.name for choice in pack.choices()],
            help="A part to include (repeat for more; default: every part). Appendix letters are fixed.",
        )

    def handle(self, *args, **options) -> None:
        period = (
            Period.objects.select_related("year").filter(year__code=options["year"], number=options["period"]).first()
        )
        if period is None:
            raise CommandError(f"No Period {options['period']} in {options['year']}")
        contents = pack.assemble(period, options["section"])
        Path(options["output"]).write_bytes(pdf.pack_pdf(contents))
        listing = ", ".join(part.title for part in contents.parts)
        self.stdout.write(f"Wrote {options['output']}: {contents.stamp}. {listing}.")
