"""Optional single sign-on with the council's identity provider (OpenID Connect).

Switched on by OIDC_RP_CLIENT_ID (see README). People who sign in this way for the first
time get an account with no role: an administrator gives them one, so a valid council login
alone never reveals a figure. Local accounts keep working.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


def council_username(email: str | None, claims: dict | None = None) -> str:
    """The user name is the council e-mail address, lower-cased (stable across sign-ins)."""
    claims = claims or {}
    return (email or claims.get("preferred_username") or claims["sub"]).strip().lower()


class CouncilOIDCBackend(OIDCAuthenticationBackend):
    def create_user(self, claims):
        user = super().create_user(claims)
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user.first_name = claims.get("given_name", user.first_name)[:150]
        user.last_name = claims.get("family_name", user.last_name)[:150]
        user.save(update_fields=["first_name", "last_name"])
        return user
