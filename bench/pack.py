"""Time the Norfolk Period 10 appendix pack: `python bench/pack.py [--runs N]`.

Builds a throwaway SQLite database with the demo data (or uses DATABASE_URL if set), renders
the whole pack once cold (Chromium and plotly.js start for the chart) and then N times warm,
as a long-running server would, and writes the timings to bench/RESULTS.md under
"## Appendix pack" (replacing that section only).
"""

import argparse
import io
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Appendix pack"


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='ascweb-bench-')}/bench.sqlite3"
        fresh = True
    else:
        fresh = False
    import django

    django.setup()
    if fresh:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0, stdout=io.StringIO())


def _render(period) -> tuple[float, float, int, int]:
    from ascweb import pack, pdf

    start = time.perf_counter()
    contents = pack.assemble(period)
    assembled = time.perf_counter()
    content = pdf.pack_pdf(contents)
    done = time.perf_counter()
    import pypdf

    return assembled - start, done - assembled, len(pypdf.PdfReader(io.BytesIO(content)).pages), len(content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    _setup()
    from ascweb.models import Period

    period = Period.objects.select_related("year").get(year__code="2017-18", number=10)
    cold = _render(period)
    warm = [_render(period) for _ in range(args.runs)]
    totals = [a + b for a, b, _pages, _size in warm]
    median = statistics.median(totals)
    lines = [
        SECTION,
        "",
        f"`python bench/pack.py --runs {args.runs}` on {platform.node() or 'this machine'} "
        f"({os.cpu_count()} CPUs, Python {platform.python_version()}), "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        f"Norfolk {period.title}: {cold[2]} A4 landscape pages, {cold[3] // 1024} KiB, "
        "table 2.1, one chart, Appendices A and B.",
        "",
        "| render | assemble (queries, tables, chart SVG) | PDF (WeasyPrint) | total |",
        "|---|---|---|---|",
        f"| cold: first pack in the process (starts Chromium, loads plotly.js) | {cold[0]:.2f} s | {cold[1]:.2f} s "
        f"| {cold[0] + cold[1]:.2f} s |",
        f"| warm: median of {args.runs} | {statistics.median(a for a, *_ in warm):.2f} s "
        f"| {statistics.median(b for _a, b, *_ in warm):.2f} s | **{median:.2f} s** |",
        f"| warm: fastest / slowest | | | {min(totals):.2f} s / {max(totals):.2f} s |",
        "",
        f"Goal: under 3 s for the Norfolk pack. Warm median {'meets' if median < 3 else 'misses'} it. "
        "The cold start is paid once per server process (see README, Exports).",
        "",
    ]
    _write("\n".join(lines))
    print("\n".join(lines))


def _write(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
