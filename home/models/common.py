"""Fields and helpers the general page types share."""

from django.db import models
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
