from django.core.management.base import BaseCommand, CommandError

from ascweb.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email each finance officer the items still carried forward or missing in the open period, "
        "with links to put them right (for cron). Officers who have finished are not emailed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days-before",
            type=int,
            default=None,
            help="Only when the submission deadline is this many days away or fewer (or passed)",
        )

    def handle(self, *args, **options) -> None:
        days = options["days_before"]
        if days is not None and days < 0:
            raise CommandError("--days-before must be 0 or more")
        for line in send_reminders(days_before=days):
            self.stdout.write(line)
