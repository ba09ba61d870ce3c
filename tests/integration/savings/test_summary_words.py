"""The savings summary's headline: 'savings of' already says the amount is a reduction, so it
is printed unsigned, never 'savings of (14.213) £m'."""


def test_the_headline_prints_savings_as_unsigned_pounds(member_client):
    body = member_client.get("/periods/2017-18/10/savings/").content.decode()
    assert "includes savings of <strong>£14.213m</strong>" in body
    assert "<strong>£10.339m</strong> is forecast to be delivered" in body
    assert "<strong>£3.874m</strong> is at risk of non-delivery" in body
    assert "savings of <strong>(" not in body
