"""A period's lifecycle from the command line, by the same functions and rules as the pages
(ascweb.lifecycle): only a finance lead may, `start` opens the next period (every app carries
its figures forward), publishing with checks left needs each acknowledged."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from ascweb import lifecycle
from ascweb.models import FinancialYear, Period
from ascweb.registry import Check

ACTIONS = ("start", *lifecycle.TRANSITIONS)


class Command(BaseCommand):
    help = (
        "Start, submit, return, publish or re-open a period as a finance lead: "
        "period publish --year 2017-18 --period 11 --user lead [--acknowledge KEY ...]. "
        "Prints the period's checks; publishing with any not acknowledged is refused."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=ACTIONS)
        parser.add_argument("--year", required=True, help="The financial year, e.g. 2017-18")
        parser.add_argument("--period", type=int, required=True, help="The period, 1 to 13")
        parser.add_argument("--user", required=True, help="The finance lead's username")
        parser.add_argument("--reason", default="", help="Why (required to re-open a published period)")
        parser.add_argument("--acknowledge", action="append", default=[], metavar="KEY", help="A check's key")
        parser.add_argument(
            "--acknowledge-all", action="store_true", help="Acknowledge every check left (each is recorded)"
        )

    def handle(self, *args, **options) -> None:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user {options['user']!r}")
        year = FinancialYear.objects.filter(code=options["year"]).first()
        if year is None:
            raise CommandError(f"No financial year {options['year']}")
        action, number = options["action"], options["period"]
        try:
            if action == "start":
                period = lifecycle.period_create_next(user=user, year=year, number=number)
                self._show_checks(period)
            else:
                period = self._period(year, number)
                self._show_checks(period)
                acknowledged = list(options["acknowledge"])
                if options["acknowledge_all"]:
                    acknowledged += [check.key for check in lifecycle.period_checks(period)]
                period = lifecycle.period_transition(
                    user=user, period=period, action=action, reason=options["reason"], acknowledged=acknowledged
                )
        except lifecycle.ChecksLeft as left:
            for check in left.checks:
                self.stderr.write(f"Not acknowledged: {_line(check)}")
            raise CommandError(f"{left.messages[0]} (--acknowledge KEY, or --acknowledge-all)") from None
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(error.messages[0] if isinstance(error, ValidationError) else str(error)) from None
        self.stdout.write(f"{period.title} is now {period.get_status_display().lower()}.")

    def _period(self, year: FinancialYear, number: int) -> Period:
        period = Period.objects.filter(year=year, number=number).first()
        if period is None:
            raise CommandError(f"There is no Period {number} of {year.code}")
        return period

    def _show_checks(self, period: Period) -> None:
        checks = lifecycle.period_checks(period)
        self.stdout.write(f"{len(checks)} check{'s' if len(checks) != 1 else ''} left in {period.title}")
        for check in checks:
            self.stdout.write(f"  {_line(check)}")


def _line(check: Check) -> str:
    return f"[{check.key}] {check.section}: {check.message}"
