from django.core.management.base import BaseCommand, CommandError

from ascweb.demo import DemoDataProblem, demo_credentials, load_demo


class Command(BaseCommand):
    help = (
        "Load the published Norfolk 2017-18 data set (the import files under data/norfolk/) and the demo "
        "users. Safe to run again: a file already imported is skipped, so figures edited since are kept."
    )

    def handle(self, *args, **options) -> None:
        try:
            load_demo(say=self.stdout.write)
        except DemoDataProblem as problem:
            raise CommandError(str(problem)) from None
        self.stdout.write("Demo users (name / role / password):")
        for name, role, password in demo_credentials():
            self.stdout.write(f"  {name:<9} {role:<17} {password}")
