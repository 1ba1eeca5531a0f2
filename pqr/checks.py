"""System check: private attachments must not sit where a public URL serves files."""

from pathlib import Path

from django.conf import settings
from django.core import checks


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
