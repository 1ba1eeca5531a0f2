"""Private storage for PQRSD attachments (personal data, Ley 1581).

Files live under ``settings.PRIVATE_MEDIA_ROOT``, a folder outside MEDIA_ROOT that no
URL serves: the storage has no base URL (``.url()`` raises) and the only way to read a
file is the permission-checked download view."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="pqr.storage.PrivateMediaStorage")
class PrivateMediaStorage(FileSystemStorage):
    """A file-system storage rooted at PRIVATE_MEDIA_ROOT (read on every access, so a
    test's settings override applies) and without any public URL."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("PQRSD attachments have no public URL; use the download view.")


private_storage = PrivateMediaStorage()
