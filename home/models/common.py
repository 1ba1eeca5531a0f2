"""Fields and helpers the general page types share."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from modelcluster.fields import ParentalManyToManyField

PAGE_SIZE = 10


def audiences_field():
    return ParentalManyToManyField(
        "cms.Audience",
        verbose_name=gettext_lazy("audiences"),
        blank=True,
        help_text=gettext_lazy("The pages by audience list this content for these groups."),
    )


def dependency_field():
    return models.ForeignKey(
        "cms.Dependency",
        verbose_name=gettext_lazy("dependency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def paginate(request, queryset, per_page=PAGE_SIZE):
    """The requested page of ``queryset`` and an error message for a bad number.

    A page number that is not a number or is out of range shows the first (or last)
    page with a message instead of an error page."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw), None
    except PageNotAnInteger:
        return paginator.page(1), _("The page number “%(page)s” is not valid: showing page 1.") % {
            "page": raw[:20]
        }
    except EmptyPage:
        return paginator.page(paginator.num_pages), _(
            "There is no page %(page)s: showing the last page."
        ) % {"page": raw[:20]}
