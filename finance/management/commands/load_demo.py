from django.core.management.base import BaseCommand

from ascweb.registry import load_demo_data
from finance.demo.loader import demo_credentials


class Command(BaseCommand):
    help = "Load the published Norfolk 2017-18 data set and the demo users (safe to run again)."

    def handle(self, *args, **options) -> None:
        load_demo_data(say=self.stdout.write)
        self.stdout.write("Demo users (name / role / password):")
        for name, role, password in demo_credentials():
            self.stdout.write(f"  {name:<9} {role:<17} {password}")
