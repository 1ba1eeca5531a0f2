"""Private storage for PQRSD attachments (personal data, Ley 1581).

Files live under ``settings.PRIVATE_MEDIA_ROOT``, a folder outside MEDIA_ROOT that no
URL serves: the storage has no base URL (``.url()`` raises) and the only way to read a
file is the permission-checked download view. It is ``cms.private_files.PrivateStorage``
under the path that pqr's migrations name."""

from django.utils.deconstruct import deconstructible

from cms.private_files import PrivateStorage


@deconstructible(path="pqr.storage.PrivateMediaStorage")
class PrivateMediaStorage(PrivateStorage):
    def url(self, name):
        raise ValueError("PQRSD attachments have no public URL; use the download view.")


private_storage = PrivateMediaStorage()
