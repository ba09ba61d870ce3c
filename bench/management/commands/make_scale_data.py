from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bench import scale
from finance.models import ReportingLine


class Command(BaseCommand):
    help = (
        "Create a synthetic council for benchmarks: departments, reporting lines, years of "
        "periods with figures, and every app's data in proportion. Deterministic for a seed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--departments", type=int, default=10)
        parser.add_argument("--lines", type=int, default=300, help="Reporting lines in all")
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=2017)

    def handle(self, *args, **options) -> None:
        if ReportingLine.objects.filter(code__startswith="SYN-").exists():
            raise CommandError("This database already has synthetic data: use a fresh database")
        if options["departments"] < 1 or options["lines"] < 1 or options["years"] < 1:
            raise CommandError("--departments, --lines and --years must be at least 1")
        with transaction.atomic():
            council = scale.build(
                departments=options["departments"],
                lines=options["lines"],
                years=options["years"],
                seed=options["seed"],
            )
        self.stdout.write(
            f"Synthetic council: {len(council.departments)} departments, {len(council.lines)} lines, "
            f"{len(council.years)} years, {len(council.periods)} periods; net expenditure, "
            f"{len(council.reserves)} reserves and provisions, capital programme; savings; iBCF"
        )
