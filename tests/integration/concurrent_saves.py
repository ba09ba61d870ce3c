"""Two people save the same form at the same moment, in two threads, on a SQLite file: run by
tests/integration/test_sqlite_concurrency.py in a fresh process (the test databases are in
memory, where SQLite's file locking, the thing tested, does not happen).

    DATABASE_URL=sqlite:///... python -m tests.integration.concurrent_saves ROUNDS

prints each round's two status codes as JSON."""

import json
import sys
import threading

import django


def _drawn(client, url: str, item: str, value: str) -> dict[str, str]:
    form = client.get(url).context["form"]
    data = {name: "" if form[name].value() is None else str(form[name].value()) for name in form.fields}
    for name in data:
        if name.startswith("explanation_") and not data[name].strip():
            data[name] = "Reviewed this period."
        if name.startswith("confirm_"):
            data[name] = "on"
    return data | {f"forecast_{item}": value}


def main(rounds: int) -> list[list[int]]:
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client records each page's context
    call_command("migrate", verbosity=0)
    from finance.models import ReportingLine
    from tests.factories.council import first_month

    council = first_month()
    url = f"/periods/{council.year.code}/1/areas/A/edit/"
    line = ReportingLine.objects.get(code=next(code for code in council.lines if code.startswith("A")))
    clients = {}
    for name in ("lead", "officer"):
        clients[name] = Client()
        clients[name].force_login(council.lead.__class__.objects.get(username=name))
    results = []
    for n in range(rounds):
        forms = {
            name: _drawn(client, url, line.id, f"{1000 + 2 * n + i:,}") for i, (name, client) in enumerate(clients.items())
        }
        start = threading.Barrier(2)
        codes = []

        def save(name: str) -> None:
            start.wait()
            codes.append(clients[name].post(url, forms[name]).status_code)

        threads = [threading.Thread(target=save, args=(name,)) for name in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        results.append(sorted(codes))
    return results


if __name__ == "__main__":
    django.setup()
    print(json.dumps(main(int(sys.argv[1]))))
