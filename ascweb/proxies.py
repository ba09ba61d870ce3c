"""The client's address, as the server sees it through its trusted proxies.

Behind a TLS proxy every connection comes from the proxy, so REMOTE_ADDR names the proxy, not
the person. Each proxy appends the address it received the request from to X-Forwarded-For;
whatever is to the left of what our own proxies appended was written by the client and may be
anything. So with TRUSTED_PROXY_COUNT = N (the proxies in front of the app, set by the
operator) the client is the N-th address from the right; 0 (the default: no proxy) uses the
connection's address. A header with fewer addresses than that came from no proxy of ours:
the connection's address is used.

Login throttling (django-axes, AXES_CLIENT_IP_CALLABLE) counts failures per user name and
this address, so an attacker elsewhere cannot lock the lead out, and rotating a forged
leftmost address changes nothing.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < trusted:
        return remote
    return forwarded[-trusted]
