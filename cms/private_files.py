"""Private storage for the portal's own personal-data files (the "download my data"
archives, ``cms.DataExport``).

Files live under ``settings.PRIVATE_MEDIA_ROOT`` (outside MEDIA_ROOT, which no URL
serves); the storage has no base URL (``.url()`` raises) and a file is read only
through a view that checks who asks."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="cms.private_files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
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
        raise ValueError("Private files have no public URL; use their permission-checked view.")


private_storage = PrivateStorage()
