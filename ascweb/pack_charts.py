"""Charts for the appendix pack: the dashboard's own Plotly figures, drawn as SVG for print.

One chart definition serves screen and print: the figure a PackChart returns (built by the
app's own builder, in the style of ascweb.charts) is drawn by
plotly.js, the same library the dashboard uses, in Debian's headless Chromium (Playwright
drives it; plotly.js comes from the installed plotly package, never from the network) and
exported with Plotly.toImage as SVG, which WeasyPrint embeds as vector graphics.

kaleido is not installed here and cannot be (no package downloads), so this is the
equivalent it would be: a browser kept warm. Starting Chromium and parsing plotly.js costs
seconds, so one browser is started on first use and kept for the life of the process, in a
thread of its own (Playwright's sync API belongs to the thread that started it); every
pack's charts are drawn in one round trip to it.
"""

import atexit
import base64
import json
import logging
import queue
import threading
from concurrent.futures import Future
from decimal import Decimal
from pathlib import Path

import plotly
import plotly.io
from django.conf import settings

from ascweb import charts, money

log = logging.getLogger(__name__)

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
WIDTH, HEIGHT = 1000, 340  # CSS pixels: the width of an A4 landscape page inside its margins
CHROMIUM_ARGS = [
    "--no-sandbox",  # containers run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_ORIGIN = "http://ascweb-charts.invalid"
_PAGE = "<!doctype html><html><head><script src='/plotly.min.js'></script></head><body></body></html>"
_DRAW = """async (spec) => {
  const el = document.createElement('div');
  document.body.appendChild(el);
  try {
    await Plotly.newPlot(el, spec.figure.data || [], spec.figure.layout || {}, {staticPlot: true});
    const url = await Plotly.toImage(el, {format: 'svg', width: spec.width, height: spec.height});
    return decodeURIComponent(url.substring(url.indexOf(',') + 1));
  } finally {
    Plotly.purge(el);
    el.remove();
  }
}"""

# --- Pure: the figure for print and its data as a table -----------------------------------------


def for_print(figure: dict) -> dict:
    """The figure as plotly.js takes it (Decimal amounts as JSON numbers), in the pack's font."""
    spec = json.loads(plotly.io.to_json(figure, validate=False))
    spec["layout"] = charts.print_layout(spec.get("layout", {}))
    return spec


def print_size(figure: dict) -> tuple[int, int]:
    """The page's width; the figure's own height, which its builder fits to its bars."""
    return WIDTH, figure.get("layout", {}).get("height") or HEIGHT


def figure_table(figure: dict) -> tuple[list[str], list[list[str]]]:
    """The chart's figures as a table (headers, rows) to print beneath it: one row per
    category, one column per trace; printed labels (`text`) where the trace has them, and
    an axis's tick labels for its values (P10, not 10)."""
    traces = [trace for trace in figure.get("data", []) if trace.get("x") is not None]
    if not traces:
        return [], []
    layout = figure.get("layout", {})
    horizontal = traces[0].get("orientation") == "h"
    category_axis = layout.get("yaxis" if horizontal else "xaxis", {})
    ticks = dict(zip(category_axis.get("tickvals", ()), category_axis.get("ticktext", ()), strict=False))
    categories: list = []
    columns: list[dict] = []
    for trace in traces:
        keys, values = (trace.get("y"), trace["x"]) if horizontal else (trace["x"], trace.get("y"))
        texts = trace.get("text")
        shown = texts if isinstance(texts, list | tuple) and len(texts) == len(values or ()) else values
        cells = {}
        for key, value in zip(keys or (), shown or (), strict=False):
            if key not in categories:
                categories.append(key)
            cells[key] = _cell(value)
        columns.append(cells)
    first = category_axis.get("title", {}).get("text") or "Category"
    headers = [first] + [trace.get("name") or f"Series {index + 1}" for index, trace in enumerate(traces)]
    return headers, [[_label(ticks.get(key, key))] + [cells.get(key, "") for cells in columns] for key in categories]


def _label(key) -> str:
    return str(key).replace("<br>", " ")  # a label wrapped for a narrow screen


def _cell(value) -> str:
    if isinstance(value, Decimal):
        return money.format_m(int(value * money.PENCE_PER_MILLION))
    return "" if value is None else str(value)


# --- Drawing: a warm Chromium ---------------------------------------------------------------


class ChartError(RuntimeError):
    pass


class _Renderer:
    """One headless Chromium with plotly.js loaded, in a thread of its own, kept warm."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def svgs(self, specs: list[dict], timeout: float = 120) -> list[str]:
        if not specs:
            return []
        result: Future = Future()
        self._jobs.put((specs, result))  # before starting: a browser that fails to start fails it
        self._start()
        return result.result(timeout=timeout)

    def close(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            self._jobs.put(None)
            thread.join(timeout=10)

    def _start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="pack-charts", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        me = threading.current_thread()
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page()
                    page.route("**/*", _serve_locally)
                    page.goto(f"{_ORIGIN}/")
                    page.wait_for_function("window.Plotly !== undefined")
                    self._serve(page)
                finally:
                    browser.close()
        except Exception as error:  # no browser (or it died): fail what is waiting
            log.exception("Chart renderer stopped")
            with self._lock:
                if self._thread is me:
                    self._thread = None  # the next pack starts a new browser
            self._fail_waiting(error)

    def _serve(self, page) -> None:
        while (job := self._jobs.get()) is not None:
            specs, result = job
            try:
                result.set_result([page.evaluate(_DRAW, spec) for spec in specs])
            except Exception as error:
                result.set_exception(ChartError(str(error)))
                if not page.context.browser.is_connected():
                    raise

    def _fail_waiting(self, error: Exception) -> None:
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                job[1].set_exception(ChartError(f"Chromium could not draw the charts: {error}"))


def _chromium() -> str:
    return getattr(settings, "ASCWEB_CHROMIUM", "/usr/bin/chromium")


def _serve_locally(route) -> None:
    """Answer the page's two requests from disk; refuse anything else (no network)."""
    url = route.request.url
    if url == f"{_ORIGIN}/":
        route.fulfill(body=_PAGE, content_type="text/html")
    elif url == f"{_ORIGIN}/plotly.min.js":
        route.fulfill(path=str(PLOTLY_JS), content_type="text/javascript")
    else:
        route.abort()


renderer = _Renderer()
atexit.register(renderer.close)


def draw(parts: list) -> None:
    """Give each chart part its SVG (as a data URI), in one round trip to the browser. If the
    browser cannot be started the parts keep no SVG and the pack prints their tables alone."""
    if not parts:
        return
    specs = []
    for part in parts:
        width, height = print_size(part.figure)
        specs.append({"figure": for_print(part.figure), "width": width, "height": height})
    try:
        svgs = renderer.svgs(specs)
    except Exception:
        log.exception("Charts left out of the pack")
        return
    for part, svg in zip(parts, svgs, strict=True):
        part.svg = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
