"""Participation certificates: the verification code printed on each one is signed
(django.core.signing, its own salt), so a code nobody issued, or an issued one with a
changed name, process or date, is refused by the public verification page."""

from datetime import date

from django.core import signing
from django.utils import timezone

SALT = "participation.certificate"


def make_code(page_id, user_id, name, issued=None):
    issued = issued or timezone.localdate()
    payload = {"p": page_id, "u": user_id, "n": name, "d": issued.isoformat()}
    return signing.dumps(payload, salt=SALT, compress=True)


def read_code(code):
    """The payload of a genuine code (``p`` page id, ``u`` user id, ``n`` name, ``d``
    date of issue), or None for anything else."""
    code = (code or "").strip()
    if not code or len(code) > 1000:
        return None
    try:
        payload = signing.loads(code, salt=SALT)
    except (signing.BadSignature, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or not all(k in payload for k in "pund"):
        return None
    if not isinstance(payload["p"], int) or not isinstance(payload["u"], int):
        return None
    try:
        payload["d"] = date.fromisoformat(str(payload["d"]))
    except ValueError:
        return None
    return payload
