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


def _save(start: threading.Barrier, client, url: str, data: dict[str, str], codes: list[int]) -> None:
    start.wait()  # both at once
    codes.append(client.post(url, data).status_code)


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
        typed = {name: f"{1000 + 2 * n + i:,}" for i, name in enumerate(clients)}
        forms = {name: _drawn(client, url, line.id, typed[name]) for name, client in clients.items()}
        start = threading.Barrier(2)
        codes: list[int] = []
        threads = [
            threading.Thread(target=_save, args=(start, clients[name], url, forms[name], codes)) for name in clients
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        results.append(sorted(codes))
    return results


if __name__ == "__main__":
    django.setup()
    print(json.dumps(main(int(sys.argv[1]))))
