"""Rendering registered tables as CSV (plain text, £m to 3 decimals with a minus sign), and
deciding whether a table's printed figures add up. Pure: no database."""

from decimal import Decimal

from ascweb.cells import spreadsheet_text
from ascweb.money import format_m_plain, format_pct_plain, millions
from ascweb.registry import ExportTable

_FORMAT = {"money": format_m_plain, "percent": format_pct_plain, "text": spreadsheet_text}  # text: never a formula


def csv_rows(table: ExportTable, rows: list) -> list[list[str]]:
    """Header then one line per data row; heading rows (kind == "heading") are left out."""
    out = [[header for header, _get, _kind in table.columns]]
    for row in rows:
        if getattr(row, "kind", None) == "heading":
            continue
        out.append([_FORMAT[kind](get(row)) for _header, get, kind in table.columns])
    return out


# --- "Figures may not add due to rounding" -------------------------------------------------

Figures = list[int | None]  # one row's money figures (pence), column by column


def figures_may_not_add(rows: list[tuple[str, int, Figures]]) -> bool:
    """Whether a reader adding up the printed figures (£m to 3 decimals) would miss a total.

    `rows` are (kind, depth, money figures) in print order, kinds as in the committee tables:
    "heading" opens a group, "line" is a figure, "total" closes a group and "grand_total" sums
    the top level. A total adds up the items printed since its group opened (its heading at the
    same depth, or, for a group printed without a heading, the start of the enclosing group);
    the total then stands for those items in the group around it. True when any printed total
    differs from the sum of the printed figures it totals, in any column.
    """
    # frames: (heading depth, [(kind, depth, figures)]); the outermost frame has no heading
    frames: list[tuple[int | None, list[tuple[str, int, Figures]]]] = [(None, [])]
    for kind, raw_depth, figures in rows:
        depth = raw_depth or 0
        if kind == "heading":
            frames.append((depth, []))
        elif kind == "line":
            frames[-1][1].append((kind, depth, figures))
        elif kind in ("total", "grand_total"):
            if kind == "grand_total":
                frames = [(None, [item for _depth, items in frames for item in items])]
            heading_depth, items = frames[-1]
            start = 0 if kind == "grand_total" else _after_sibling_total(items, depth)
            if _differs(figures, [item[2] for item in items[start:]]):
                return True
            if kind == "total" and heading_depth == depth and len(frames) > 1:
                frames.pop()  # a headed group is closed: its total is an item of the group around it
                frames[-1][1].append(("group", depth, figures))
                continue
            if start:
                del items[start:]  # sibling totals (provisions, then reserves) stand side by side
            else:
                items.clear()  # a subtotal stands for all it totals, and later items add to it
            frames[-1][1].append(("total", depth, figures))
    return False


def _after_sibling_total(items: list[tuple[str, int, Figures]], depth: int) -> int:
    """Where a total's items start: after an earlier headless total at the same depth, if any
    (a headed group's total is an ordinary item of the group around it)."""
    for index in range(len(items) - 1, -1, -1):
        kind, item_depth, _figures = items[index]
        if kind == "total" and item_depth == depth:
            return index + 1
    return 0


def _differs(total: Figures, items: list[Figures]) -> bool:
    for column, printed in enumerate(total):
        parts = [item[column] for item in items if column < len(item) and item[column] is not None]
        if printed is None or not parts:
            continue
        if millions(printed) != sum((millions(part) for part in parts), Decimal(0)):
            return True
    return False
