from django.core.management.base import BaseCommand

from ascweb.permissions import sync_roles


class Command(BaseCommand):
    help = "Create the role groups (Finance officer, Finance lead, Committee member)."

    def handle(self, *args, **options) -> None:
        created = sync_roles()
        self.stdout.write(f"Created: {', '.join(created)}" if created else "Roles already in place")
