from django.db import models
from django.utils.translation import gettext_lazy as _

#: The interest groups of Res. 1519 menu item 8 and DESIGN's "pages by audience".
#: A fixed legal list: labels are translated through gettext, not stored per language.
AUDIENCE_CHOICES = [
    ("ninos", _("Children and adolescents")),
    ("mujeres", _("Women")),
    ("discapacidad", _("People with disabilities")),
    ("victimas", _("Victims of the armed conflict")),
    ("adultos-mayores", _("Older adults")),
]


class Audience(models.Model):
    """An interest group that content can be tagged for (pages by audience list it).

    Rows are created by a data migration, one per AUDIENCE_CHOICES entry; page types
    refer to them with a ParentalManyToManyField so editors tick them in the admin."""

    slug = models.SlugField(_("audience"), choices=AUDIENCE_CHOICES, unique=True)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["pk"]

    def __str__(self):
        return str(self.get_slug_display())

    @property
    def name(self):
        return self.get_slug_display()
