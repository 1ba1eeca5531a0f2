"""What the search remembers beyond Wagtail's own query log: searches that found nothing.

``wagtail.contrib.search_promotions`` already counts hits per query per day
(``QueryDailyHits``); this table counts, with the same shape, the hits that returned no
result, so the editors' report can list what citizens look for and cannot find."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query


class NoResultDailyHits(models.Model):
    """Daily count of searches for ``query`` that found nothing."""

    query = models.ForeignKey(
        Query,
        on_delete=models.CASCADE,
        related_name="no_result_hits",
        verbose_name=_("query"),
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("hits"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_noresult_query_date")
        ]
        permissions = [("view_search_report", _("Can view the search terms report"))]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.hits})"

    @classmethod
    def add_hit(cls, query, date=None):
        """Count one more empty search for ``query`` today (an UPDATE, race-free)."""
        date = date or timezone.localdate()
        row, _created = cls.objects.get_or_create(query=query, date=date)
        cls.objects.filter(pk=row.pk).update(hits=models.F("hits") + 1)
