"""Page views per page and day: the only thing the portal stores about its use.

No address, user, user agent, cookie or referrer: a row is (page, day, views), written
by one atomic upsert per counted view (``usage.counting.record_view``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageView(models.Model):
    """How many times a public page was viewed on one day (local date, America/Bogota).

    Deleting a page deletes its counts (CASCADE): the totals only ever cover pages
    that still exist, so no public figure points at a page nobody can open."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    day = models.DateField(_("day"))
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views of a day")
        verbose_name_plural = _("page views per day")
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="usage_pageview_page_day"),
        ]
        indexes = [models.Index(fields=["day"], name="usage_pageview_day")]
        permissions = [("view_usage_report", "Can view the usage statistics report")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"
