"""Rendering registered tables as CSV: plain text, £m to 3 decimals with a minus sign."""

from ascweb.money import format_m_plain, format_pct_plain
from ascweb.registry import ExportTable

_FORMAT = {"money": format_m_plain, "percent": format_pct_plain, "text": lambda v: "" if v is None else str(v)}


def csv_rows(table: ExportTable, rows: list) -> list[list[str]]:
    """Header then one line per data row; heading rows (kind == "heading") are left out."""
    out = [[header for header, _get, _kind in table.columns]]
    for row in rows:
        if getattr(row, "kind", None) == "heading":
            continue
        out.append([_FORMAT[kind](get(row)) for _header, get, kind in table.columns])
    return out
