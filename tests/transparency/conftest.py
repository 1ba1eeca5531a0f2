"""Helpers for the transparency tests: the demo's pages by type and language."""

import pytest


@pytest.fixture
def demo_pages(demo_site):
    """``demo_pages(Model, "es")``: the first live demo page of that type and language."""
    from wagtail.models import Locale

    def get(model, language="es"):
        return (
            model.objects.live()
            .filter(locale=Locale.objects.get(language_code=language))
            .order_by("path")
            .first()
        )

    return get
