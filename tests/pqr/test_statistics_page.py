"""The PQRSD report's table scrolls sideways on a phone: its scroll wrapper is a named
region reachable with the keyboard (axe: scrollable-region-focusable; issue 13)."""

import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_the_scrolling_table_is_a_focusable_named_region(client):
    html = client.get(reverse("pqr:statistics")).content.decode()
    wrapper = re.search(r'<div class="pqr-table-wrap"([^>]*)>', html)
    assert wrapper, "the table's scroll wrapper is on the page"
    attributes = wrapper.group(1)
    assert 'tabindex="0"' in attributes and 'role="region"' in attributes
    label = re.search(r'aria-labelledby="([^"]+)"', attributes).group(1)
    assert re.search(rf'<caption id="{label}">', html)
