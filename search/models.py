"""What the search remembers beyond Wagtail's own query log: searches that found nothing.

``wagtail.contrib.search_promotions`` already counts hits per query per day
(``QueryDailyHits``); this table counts, with the same shape, the hits that returned no
result, so the editors' report can list what citizens look for and cannot find."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query

from .text import fold, query_terms


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


class Synonym(models.Model):
    """An editor-managed synonym: a word (or short phrase) citizens type and the other
    spellings or full names the search also looks for ("pqrs" → "pqrsd", "predial" →
    "impuesto predial"). The original word is always searched too."""

    term = models.CharField(
        _("word or abbreviation"),
        max_length=100,
        unique=True,
        help_text=_("What citizens type, e.g. “pqrs”. Case and accents do not matter."),
    )
    alternatives = models.CharField(
        _("also search for"),
        max_length=500,
        help_text=_("Other spellings or the full name, separated by commas, e.g. “pqrsd”."),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.alternatives}"

    def save(self, *args, **kwargs):
        # Stored the way queries are compared (search.synonyms.key).
        self.term = fold(" ".join(query_terms(self.term))) or self.term
        super().save(*args, **kwargs)

    def clean(self):
        self.term = fold(" ".join(query_terms(self.term)))
        if not self.term:
            raise ValidationError({"term": _("Enter at least one letter or digit.")})
        if not self.alternative_list():
            raise ValidationError({"alternatives": _("Enter at least one alternative.")})

    def alternative_list(self):
        """The alternatives as word lists' strings, stopwords and punctuation removed."""
        found = []
        for part in self.alternatives.split(","):
            words = " ".join(query_terms(part))
            if words and words not in found:
                found.append(words)
        return found
