"""What a reader gets from a page, for tests that compare a published period before and after."""

import re


def as_read(response) -> bytes:
    """The response's body less its CSRF token and the period picker (which lists the periods
    there are now, not what this period shows); a download byte for byte."""
    body = response.content
    if not response["Content-Type"].startswith("text/html"):
        return body
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body.decode())
    return re.sub(r'<form method="get"[^>]*app-period-picker.*?</form>', "", text, flags=re.S).encode()
