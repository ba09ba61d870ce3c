"""Responses to signed-in users are never stored by browsers or proxies: finance staff see
draft figures on almost every page, and a shared computer must not keep them. Pages are sent
compressed (`CompressPages`)."""

from django.middleware.gzip import GZipMiddleware


class NoStoreWhenSignedIn:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
        return response


class CompressPages(GZipMiddleware):
    """Pages (HTML, JSON, CSV, text) gzip-compressed for browsers that ask; downloads that are
    compressed already (the PDF pack, Excel workbooks: zip files) are sent as they are.

    Compressing a page that holds a secret and reflects what the attacker sends is what BREACH
    attacks. It is safe here: Django (since 1.10) masks the CSRF token in every page with a
    fresh random mask per response (`get_token`: the secret XOR a new mask), so the bytes in
    the page differ every time and compression's lengths reveal nothing about the secret; the
    session and CSRF cookies travel in headers, which this does not compress. Static files
    never reach it: whitenoise, above it, serves them already compressed.
    """

    TEXT = ("text/", "application/json")

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(self.TEXT):
            return response
        return super().process_response(request, response)
