"""System checks: private attachments must not sit where a public URL serves files,
and the site-wide request body limit must let a full set of attachments through."""

from pathlib import Path

from django.conf import settings
from django.core import checks

from . import terms


@checks.register(checks.Tags.security)
def private_media_is_private(app_configs, **kwargs):
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if not public:
            continue
        public = Path(public).resolve()
        if private == public or public in private.parents or private in public.parents:
            errors.append(
                checks.Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) overlaps {name} ({public}): PQRSD "
                    "attachments would be publicly served.",
                    hint="Set PRIVATE_MEDIA_ROOT to a folder outside the public media and "
                    "static folders.",
                    id="pqr.E001",
                )
            )
    return errors


@checks.register()
def attachments_fit_the_body_limit(app_configs, **kwargs):
    largest = terms.MAX_ATTACHMENTS * terms.MAX_ATTACHMENT_BYTES
    if largest < settings.MAX_REQUEST_BODY_SIZE:
        return []
    return [
        checks.Error(
            f"MAX_REQUEST_BODY_SIZE ({settings.MAX_REQUEST_BODY_SIZE} bytes) is below the "
            f"{largest} bytes of PQRSD attachments a citizen may send.",
            hint="Raise MAX_REQUEST_BODY_SIZE (and the proxy's client_max_body_size).",
            id="pqr.E002",
        )
    ]
