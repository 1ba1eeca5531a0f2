import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.private_files import private_storage


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class DataExport(models.Model):
    """A copy of everything the portal holds about an account ("download my data",
    Ley 1581 de 2012 art. 8), built in the background (``cms.data_exports``).

    The ZIP is stored privately and reached only by its signed-in owner through the
    link e-mailed to them; the link's token is stored hashed. After ``expires_at``
    the link is refused and ``manage.py expire_data_exports`` deletes file and row."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    file = models.FileField(
        _("file"), upload_to="data-exports/", storage=private_storage, blank=True
    )
    created = models.DateTimeField(_("requested at"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    #: builds tried: one whose e-mail failed is undone and built again later
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("personal data export")
        verbose_name_plural = _("personal data exports")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.owner_id} {self.created:%Y-%m-%d %H:%M}"

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    def delete_file(self):
        if self.file:
            self.file.delete(save=False)
