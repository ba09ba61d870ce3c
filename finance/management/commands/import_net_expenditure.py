from ascweb.management.commands.import_period import Command as ImportCommand


class Command(ImportCommand):
    help = (
        "Import net expenditure by period from a CSV or XLSX file with columns year, period, area, "
        "amount (£). Area is an expenditure area's code, name or alias, or blank for the whole "
        "department. All or nothing: every problem is listed with its row and column."
    )
    kind = "net-expenditure"
