"""The accessibility statement has the sections a UK public-sector statement needs, and the
contact for problems comes from settings (a marked placeholder until the council sets it)."""

import pytest


@pytest.fixture
def statement(client) -> str:
    response = client.get("/accessibility/")  # anonymous: the statement needs no sign-in
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "heading",
    [
        "How accessible this service is",
        "Feedback and contact information",
        "Reporting accessibility problems with this service",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "How we tested this service",
        "Preparation of this accessibility statement",
    ],
)
def test_the_statement_has_every_section(statement, heading):
    assert f">{heading}</h" in statement


def test_it_names_the_standard_the_enforcer_and_the_dates(statement):
    assert "partially compliant with the" in statement and "2.2</a> AA standard" in statement
    assert "Equality and Human Rights Commission (EHRC)" in statement
    assert "Equality Advisory and Support Service (EASS)" in statement
    assert "prepared on 23 November 2026. It was last reviewed on 23 November 2026." in statement
    assert "axe-core" in statement and "1280 pixels" in statement and "390 pixels" in statement
    assert "PDF/UA-1" in statement


def test_the_contact_is_a_marked_placeholder_until_the_council_sets_it(client, settings, statement):
    assert "[To be completed by the council before this service goes live" in statement
    settings.ASCWEB_ACCESSIBILITY_CONTACT = "Email access@example.gov.uk or call 01234 567890."
    body = client.get("/accessibility/").content.decode()
    assert "Email access@example.gov.uk or call 01234 567890." in body
    assert "To be completed by the council" not in body
