"""The appendix pack as an accessible PDF, rendered by WeasyPrint from the pack's HTML.

Tagged (PDF/UA-1: structure tags, table header cells, document title and language from the
HTML), A4 landscape, fonts embedded (DejaVu Sans from Debian's fonts-dejavu-core). WeasyPrint
cannot scope header cells or keep a table that runs over pages as one table; `pdf_tables`
finishes its tags (why, with the evidence, in its docstring).
"""

import logging
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from ascweb.pack import DRAFT_MARK, Pack
from ascweb.pdf_tables import finish_tables

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# WeasyPrint logs every layout step at INFO; the pack's own messages are enough.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def pack_html(pack: Pack) -> str:
    context = {
        "pack": pack,
        "font_dir": FONT_DIR.as_uri(),
        "organisation": settings.ASCWEB_ORGANISATION,
        "draft_mark": DRAFT_MARK,
    }
    return render_to_string("pack/pack.html", context)


def pack_pdf(pack: Pack) -> bytes:
    # Imported on use: WeasyPrint loads Pango and fonts, which the web pages never need.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # The pack's only resources are the fonts on disk and the charts as data URIs.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    document = HTML(string=pack_html(pack), base_url=FONT_DIR.as_uri(), url_fetcher=fetcher)
    return finish_tables(document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True))
