"""Workbooks written by hand, part by part, as an attacker would: a few kilobytes that declare a
huge sheet, cells far away, XML entities. Used by the hostile-file tests and bench/memory.py."""

import io
import zipfile
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def cell(reference: str, value: str | int) -> str:
    """A cell's XML: a number, or text written inline (no shared strings needed)."""
    if isinstance(value, int):
        return f'<c r="{reference}"><v>{value}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def rows_xml(rows: dict[int, list[str]]) -> str:
    """<row> elements from {row number: [cell XML, ...]}."""
    return "".join(f'<row r="{number}">{"".join(cells)}</row>' for number, cells in sorted(rows.items()))


def workbook(sheet_data: str, *, dimension: str = "A1", doctype: str = "") -> bytes:
    """An XLSX whose first sheet holds `sheet_data` (the inside of <sheetData>), declaring
    `dimension`, with `doctype` (an XML DOCTYPE, for entity attacks) before the root element."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        + doctype
        + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + f'<dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


HEADER = {1: [cell("A1", "line_code"), cell("B1", "budget")]}


def dimension_bomb(last_row: int = 20_000, header: tuple[str, ...] = ("line_code", "budget")) -> bytes:
    """The issue's file: a few kilobytes declaring A1:XFD<last_row>, a header row and one cell
    at A<last_row>."""
    first = [cell(f"{chr(ord('A') + index)}1", name) for index, name in enumerate(header)]
    rows = {1: first, last_row: [cell(f"A{last_row}", "STU-OP")]}
    return workbook(rows_xml(rows), dimension=f"A1:XFD{last_row}")


def billion_laughs() -> bytes:
    """Nested entities that expand to a billion characters if a parser expands them."""
    entities = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    doctype = f"<!DOCTYPE worksheet [{entities}]>"
    return workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>', doctype=doctype)


def external_entity(target: str = "file:///etc/passwd") -> bytes:
    """An entity that a careless parser fills with a file (or a URL) of the server's."""
    doctype = f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{target}">]>'
    return workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>', doctype=doctype)
