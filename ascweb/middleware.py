"""Responses to signed-in users are never stored by browsers or proxies: finance staff see
draft figures on almost every page, and a shared computer must not keep them."""


class NoStoreWhenSignedIn:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
        return response
