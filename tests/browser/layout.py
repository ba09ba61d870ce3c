"""Layout checks run in the page: what overflows the screen, what text leaves its box, which of
a chart's labels print over each other. Each returns a list of problems in words (empty: none).

- An element may be wider than the screen only inside a scrolling region (a wide table in its
  `.app-table-scroll`); the region itself, and everything outside one, fits the screen.
- Text stays inside its element and inside any ancestor that clips (overflow hidden or clip);
  visually hidden text (GOV.UK's govuk-visually-hidden: a clipped 1px box) is for screen
  readers and is left out.
- A drawn chart's labels (tick labels, bar values, legend entries, titles) do not overlap.
"""

from pathlib import Path

SLACK = 1.5  # px: sub-pixel rounding of text boxes

_SCRIPT = (Path(__file__).parent / "layout.js").read_text()


def draw_everything(page) -> None:
    """Open every folded section and scroll through the page, so that every table is laid out
    and every chart (drawn when it comes into view) is drawn."""
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, 500):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(30)
    charts = page.locator("[data-chart]").count()
    if charts:
        page.wait_for_function(
            "(n) => document.querySelectorAll('.app-chart__plot--drawn .main-svg').length >= n", arg=charts
        )
        page.wait_for_timeout(300)  # plotly lays out its labels after drawing
    page.evaluate("window.scrollTo(0, 0)")


def layout_problems(page) -> list[str]:
    return page.evaluate(_SCRIPT, SLACK)
