"""Fields and helpers the general page types share."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

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


#: The widths of the renditions listings and cards offer in ``srcset``.
LISTING_RENDITIONS = ("width-400", "width-800")


class ImageFields(models.Model):
    """An optional illustration with its alternative text, or marked decorative.

    ``clean()`` refuses an image that has neither, so every image a visitor gets is
    either described or hidden from screen readers (``alt=""``)."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=gettext_lazy("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        gettext_lazy("alternative text"),
        max_length=250,
        blank=True,
        help_text=gettext_lazy("Describe what the image shows for people who cannot see it."),
    )
    image_decorative = models.BooleanField(
        gettext_lazy("decorative image"),
        default=False,
        help_text=gettext_lazy(
            "Tick only when the image adds nothing to the text: screen readers skip it."
        ),
    )

    class Meta:
        abstract = True

    @classmethod
    def image_panel(cls):
        return MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt"), FieldPanel("image_decorative")],
            heading=gettext_lazy("Image"),
        )

    @property
    def image_alt_text(self):
        """The ``alt`` attribute: empty for a decorative image."""
        return "" if self.image_decorative else self.image_alt.strip()

    def clean(self):
        super().clean()
        if self.image_id and not self.image_decorative and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": gettext_lazy(
                        "Describe the image, or mark it as decorative: "
                        "alternative text is required."
                    )
                }
            )


def rendition_prefetch(lookup="renditions"):
    """Prefetch the listing renditions at ``lookup`` into ``prefetched_renditions``,
    where Wagtail's ``srcset_image`` looks first."""
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        lookup,
        queryset=renditions.filter(filter_spec__in=LISTING_RENDITIONS),
        to_attr="prefetched_renditions",
    )


def with_images(queryset):
    """``queryset`` with its items' images (joined) and their listing renditions (one
    more query), however many items a listing shows."""
    return queryset.select_related("image").prefetch_related(
        rendition_prefetch("image__renditions")
    )


def prefetch_renditions(images):
    """Fetch the listing renditions of already loaded images in one query (none when
    there is no image), e.g. the images of several listings on one page."""
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, rendition_prefetch())
