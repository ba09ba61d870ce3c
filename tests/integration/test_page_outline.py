"""Pages as other programs read them: every <section> has its own heading (the Nu HTML
checker's "section lacks heading", which it reported for the sections the dashboard wrapped
round the apps' panels), and every table header cell says what it heads (axe's
empty-table-header, a best practice the browser tests' WCAG run leaves out: the Reserves
movement table's first column). Checked on the dashboard, which gathers every app's panels."""

from html.parser import HTMLParser

import pytest

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Outline(HTMLParser):
    """The sections without a heading of their own, and the text of every <th>."""

    def __init__(self):
        super().__init__()
        self.sections: list[dict] = []  # open sections, innermost last
        self.headless: list[str] = []
        self.headers: list[str] = []
        self._th: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.sections.append({"attrs": dict(attrs), "headed": False})
        elif tag in HEADINGS and self.sections:
            self.sections[-1]["headed"] = True  # a heading belongs to its innermost section
        elif tag == "th":
            self._th = []

    def handle_endtag(self, tag):
        if tag == "section":
            section = self.sections.pop()
            # as the Nu checker (26.9): a section named by aria-label needs no heading
            if not section["headed"] and "aria-label" not in section["attrs"]:
                self.headless.append(str(section["attrs"]))
        elif tag == "th" and self._th is not None:
            self.headers.append("".join(self._th).strip())
            self._th = None

    def handle_data(self, data):
        if self._th is not None:
            self._th.append(data)


def _outline(response) -> _Outline:
    assert response.status_code == 200
    outline = _Outline()
    outline.feed(response.content.decode())
    return outline


@pytest.mark.parametrize(("persona", "period"), [("member_client", 10), ("officer_client", 11)])
def test_every_dashboard_section_has_a_heading_and_every_header_cell_text(request, open_period, persona, period):
    client = request.getfixturevalue(persona)
    response = client.get(f"/periods/2017-18/{period}/dashboard/")
    outline = _outline(response)
    assert outline.headless == []
    assert "" not in outline.headers


def test_the_apps_panels_are_sections_with_headings_and_reserves_heads_its_first_column(member_client):
    html = member_client.get("/periods/2017-18/10/dashboard/").content.decode()
    for heading in ("reserves-movement-heading", "ibcf-spend-heading", "savings-panel-heading"):
        assert f'<section class="app-panel" aria-labelledby="{heading}">' in html
    assert '<th scope="col" class="govuk-table__header">Reserves and provisions</th>' in html
    assert '<section class="app-dashboard-panel">' not in html  # a section round a section, unheaded
