"""Optional single sign-on with the council's identity provider (OpenID Connect).

Switched on by OIDC_RP_CLIENT_ID (see README). People who sign in this way for the first
time get an account with no role: an administrator gives them one, so a valid council login
alone never reveals a figure. Local accounts keep working.

Who a sign-in is: the account sign-on made for them before, found by its user name (the
council e-mail address, `council_username`); an account with a password of its own (made in
the admin or by a command) is never signed into this way, whatever its name or e-mail address.
Matching existing accounts by e-mail address instead (mozilla-django-oidc's default) lets
whoever can set an e-mail claim, or an account's e-mail field, take an account over: it is
off unless OIDC_MATCH_BY_EMAIL is set (README).
"""

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


def council_username(email: str | None, claims: dict | None = None) -> str:
    """The user name is the council e-mail address, lower-cased (stable across sign-ins)."""
    claims = claims or {}
    return (email or claims.get("preferred_username") or claims["sub"]).strip().lower()


class CouncilOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        if getattr(settings, "OIDC_MATCH_BY_EMAIL", False):
            return super().filter_users_by_claims(claims)
        if not claims.get("email"):
            return self.UserModel.objects.none()
        made_by_sign_on = self.UserModel.objects.filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        return made_by_sign_on.filter(username=council_username(claims["email"], claims))

    def create_user(self, claims):
        user = super().create_user(claims)
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user.first_name = claims.get("given_name", user.first_name)[:150]
        user.last_name = claims.get("family_name", user.last_name)[:150]
        user.save(update_fields=["first_name", "last_name"])
        return user
