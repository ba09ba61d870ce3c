"""The pack's tables as a screen reader needs them: each header cell scoped, one table per table.

WeasyPrint 70 cannot emit either, so the rendered PDF is finished here with pikepdf.

- Scope. `weasyprint/pdf/tags.py` (70.0) gives a /TH or /TD only the attributes
  `/O /Table`, `/ColSpan` and `/RowSpan`; it reads the HTML `scope` attribute only to
  build /Headers lists of /ID strings, and writes no /IDTree, so those IDs lead nowhere
  and no header cell carries /Scope. The pdfua checker (PDF/UA-1 7.5) reported every
  table: "header cell(s) but none carry /Scope or /Headers". Here every /TH gets /Scope:
  /Column in the table's /THead (or, without one, its first row), /Row in the body, which
  is where the templates put `<th scope="row">` (the row labels, Appendix A's areas and
  lines among them). The /IDTree is added, so WeasyPrint's /Headers resolve as well.
- One table, one caption. A table that runs onto another page is tagged by WeasyPrint
  as a new /Table on each page, with the repeated header row and no /Caption (7 of the
  Norfolk pack's 21 /Table elements). Each continuation's rows are moved into the table
  it continues, and its repeated header row, drawn again only because the page broke, is
  marked as a pagination artifact in the page's content, as PDF/UA asks of running heads.
  Every HTML table in the pack has a <caption>, so a /Table without one is a continuation.
  Where a caption is the last thing on a page, its /Table holds the caption alone and the
  header row that starts the next page is the table's own: it is moved, not retired.
"""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

# What a repeated header row becomes in the page content: drawn, not read twice.
PAGINATION = [Name.Artifact, Dictionary(Type=Name.Pagination)]


def finish_tables(pdf_bytes: bytes) -> bytes:
    """The PDF with its tables merged across pages and every header cell scoped."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        root = pdf.Root.StructTreeRoot
        tables = [element for element in _descendants(root) if _role(element) == "/Table"]
        artifacts: dict[tuple[int, int], set[int]] = {}
        previous = None
        for table in tables:
            if previous is not None and not _has_caption(table):
                _merge(previous, table, artifacts)
            else:
                previous = table
        _mark_artifacts(pdf, root, artifacts)
        for element in _descendants(root):
            if _role(element) == "/Table":
                _scope(element)
        _index_ids(root)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _children(element) -> list[Dictionary]:
    return [kid for kid in _kids(element) if isinstance(kid, Dictionary) and "/S" in kid]


def _descendants(element):
    for child in _children(element):
        yield child
        yield from _descendants(child)


def _role(element) -> str:
    return str(element.get("/S", ""))


def _has_caption(table) -> bool:
    return any(_role(child) == "/Caption" for child in _children(table))


def _part(table, role: str):
    return next((child for child in _children(table) if _role(child) == role), None)


def _header_cells(group) -> list[Dictionary]:
    return [cell for row in _children(group) for cell in _children(row) if _role(cell) == "/TH"]


def _merge(table, continuation, artifacts) -> None:
    """Move the continuation's body rows into `table` and retire its repeated header."""
    head, repeated = _part(table, "/THead"), _part(continuation, "/THead")
    if head is None and repeated is not None:  # the caption ended a page: the header row is the first
        head, repeated = repeated, None
        head.P = table
        table.K.append(head)
    if repeated is not None:
        originals, copies = _header_cells(head) if head is not None else [], _header_cells(repeated)
        if len(originals) != len(copies):
            raise ValueError("a table's continuation repeats a different header row")
        # WeasyPrint's /Headers on the moved cells name the repeated header's IDs.
        renamed = {str(c.ID): o.ID for o, c in zip(originals, copies, strict=True) if "/ID" in c and "/ID" in o}
        for cell in _descendants(continuation):
            attributes = cell.get("/A")
            if isinstance(attributes, Dictionary) and "/Headers" in attributes:
                attributes.Headers = Array([renamed.get(str(key), key) for key in attributes.Headers])
        for page, mcid in _marked_content(repeated):
            artifacts.setdefault(page, set()).add(mcid)
    for part in _children(continuation):
        if _role(part) in ("/TBody", "/TR", "/TFoot"):
            part.P = table
            table.K.append(part)
    _detach(continuation)


def _marked_content(element, page=None):
    """(page objgen, MCID) of every piece of content under `element`."""
    page = element.get("/Pg", page)
    for kid in _kids(element):
        if isinstance(kid, int):
            yield page.objgen, int(kid)
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            yield kid.get("/Pg", page).objgen, int(kid.MCID)
        elif isinstance(kid, Dictionary) and "/S" in kid:
            yield from _marked_content(kid, page)


def _detach(element) -> None:
    """Take `element` out of the tree, and any grouping element it leaves empty."""
    parent = element.P
    parent.K = Array(
        [kid for kid in _kids(parent) if not (isinstance(kid, Dictionary) and kid.objgen == element.objgen)]
    )
    if not _kids(parent) and _role(parent) in ("/Div", "/NonStruct", "/Sect", "/Part"):
        _detach(parent)


def _mark_artifacts(pdf, root, artifacts) -> None:
    """Turn the marked content of retired header rows into pagination artifacts."""
    if not artifacts:
        return
    parents = _parent_tree(root)
    for page in pdf.pages:
        mcids = artifacts.pop(page.obj.objgen, None)
        if not mcids:
            continue
        missing = set(mcids)
        operations = []
        for operands, operator in pikepdf.parse_content_stream(page):
            mcid = _mcid(operands) if str(operator) == "BDC" else None
            if mcid in mcids:
                missing.discard(mcid)
                operands = PAGINATION
            operations.append(pikepdf.ContentStreamInstruction(operands, operator))
        if missing:
            raise ValueError(f"marked content {sorted(missing)} of a repeated table header is not in its page")
        page.obj[Name.Contents] = pdf.make_stream(pikepdf.unparse_content_stream(operations))
        owners = parents[int(page.obj.StructParents)]
        for mcid in mcids:
            owners[mcid] = None  # artifacts belong to no structure element
    if artifacts:
        raise ValueError("a repeated table header's page is not in the document")


def _mcid(operands) -> int | None:
    properties = operands[1] if len(operands) == 2 else None
    return int(properties.MCID) if isinstance(properties, Dictionary) and "/MCID" in properties else None


def _parent_tree(root) -> dict[int, Array]:
    """The parent tree's number → array entries (WeasyPrint writes one flat /Nums)."""
    nums = root.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _scope(table) -> None:
    groups = [child for child in _children(table) if _role(child) in ("/THead", "/TBody", "/TFoot", "/TR")]
    headless = _part(table, "/THead") is None
    for number, group in enumerate(groups):
        column = _role(group) == "/THead" or (headless and number == 0 and _role(group) == "/TR")
        for row in [group] if _role(group) == "/TR" else _children(group):
            for cell in _children(row):
                if _role(cell) == "/TH":
                    _attributes(cell)[Name.Scope] = Name.Column if column else Name.Row


def _attributes(cell) -> Dictionary:
    """The cell's table attributes (/O /Table), made if WeasyPrint gave it none."""
    attributes = cell.get("/A")
    candidates = list(attributes) if isinstance(attributes, Array) else [attributes] if attributes is not None else []
    for candidate in candidates:
        if isinstance(candidate, Dictionary) and candidate.get("/O") == Name.Table:
            return candidate
    table = Dictionary(O=Name.Table)
    cell.A = Array([*candidates, table]) if candidates else table
    return table


def _index_ids(root) -> None:
    """An /IDTree, so that every cell's /Headers finds the header cells it names."""
    ids = sorted((bytes(element.ID), element) for element in _descendants(root) if "/ID" in element)
    if ids:
        root[Name.IDTree] = Dictionary(
            Names=Array([item for key, element in ids for item in (pikepdf.String(key), element)])
        )
