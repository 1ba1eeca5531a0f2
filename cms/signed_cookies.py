"""Signed cookies the portal sets for anonymous visitors, with the same flags everywhere:
HTTP-only, SameSite=Lax, Secure on HTTPS, a salt per purpose and a maximum age that is
checked again when the cookie is read."""

from dataclasses import dataclass

from .http_caching import mark_personal


@dataclass(frozen=True)
class SignedCookie:
    name: str
    salt: str
    max_age: int

    def read(self, request, default=None):
        """The value, or ``default`` when it is missing, forged or too old. A response
        that read a cookie the visitor holds depends on it: it is marked personal."""
        if self.name in request.COOKIES:
            mark_personal(request)
        return request.get_signed_cookie(
            self.name, default=default, salt=self.salt, max_age=self.max_age
        )

    def write(self, request, response, value):
        response.set_signed_cookie(
            self.name,
            value,
            salt=self.salt,
            max_age=self.max_age,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response
