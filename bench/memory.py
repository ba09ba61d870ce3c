"""Peak memory of reading an import file (issue 17): the 5 KB workbook declaring A1:XFD20000
with one cell at A20000, against a normal Period 10 revenue template. Each file is read in a
fresh Python process (Django set up, as a worker is), whose peak resident memory
(getrusage ru_maxrss) is reported; the goal is under 200 MB for the dimension bomb.

    .venv/bin/python bench/memory.py      # prints the table and puts it in bench/RESULTS.md

bench/measure.py adds the same section when it writes RESULTS.md.
"""

import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "## Import files: peak memory of the reading process"
GOAL_MB = 200


def _period_10_template() -> bytes:
    """The Norfolk Period 10 revenue figures as a workbook, as the template downloads them."""
    import csv

    from openpyxl import Workbook

    book = Workbook()
    with open(ROOT / "data" / "norfolk" / "2017-18" / "p10-revenue.csv", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FILES = {
    "Period 10 revenue template (XLSX)": _period_10_template,
    "Dimension bomb: A1:XFD20000 declared, one cell at A20000": lambda: _sheets().dimension_bomb(20_000),
    "Far cell at A1048576 (refused: over the row limit)": lambda: _sheets().dimension_bomb(1_048_576),
}


def _sheets():
    from tests.factories import spreadsheets

    return spreadsheets


def _child(name: str) -> None:
    """In a fresh process: set Django up, read the file, print peak MB, seconds, rows."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from ascweb.importing import FileProblem, read_upload

    data = FILES[name]()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        outcome = f"read; rows: {len(read_upload(data, 'f.xlsx', required=['line_code']).rows)}"
    except FileProblem as problem:
        outcome = f'refused: "{problem}"'
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(f"{len(data)}\t{before / 1024:.0f}\t{peak / 1024:.0f}\t{seconds * 1000:.0f}\t{outcome}")


def markdown() -> list[str]:
    lines = [
        TITLE,
        "",
        f"Each file read by `ascweb.importing.read_upload` in a fresh process; goal: under {GOAL_MB} MB "
        "for the dimension bomb (before issue 17 it took 2.6-2.9 GB and 11-43 s). `before reading` is "
        "the process with Python, Django and the file in memory.",
        "",
        "| file | size | before reading MB | peak MB | ms | outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name in FILES:
        result = subprocess.run(  # noqa: S603 - this script, by its own path
            [sys.executable, __file__, "--child", name], capture_output=True, text=True, check=True, cwd=ROOT
        )
        size, before, peak, ms, outcome = result.stdout.strip().splitlines()[-1].split("\t")
        lines.append(f"| {name} | {int(size):,} B | {before} | {peak} | {ms} | {outcome} |")
    return [*lines, ""]


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])
        return
    section = markdown()
    print("\n".join(section))
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text()
    if TITLE in text:  # replace the section, up to the next one
        head, _, rest = text.partition(TITLE)
        tail = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        text = head + "\n".join(section) + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(section)
    results.write_text(text)


if __name__ == "__main__":
    main()
