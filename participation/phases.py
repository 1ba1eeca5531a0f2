"""The phases of a participation process, derived from its dates (never stored), so a
debate opens and closes by itself without anyone publishing it again."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ANNOUNCED = "announced"
OPEN = "open"
CLOSED = "closed"

LABELS = {
    ANNOUNCED: _("Announced"),
    OPEN: _("Open"),
    CLOSED: _("Closed"),
}


def phase(opens_at, closes_at, now=None):
    """``announced`` before ``opens_at``, ``closed`` from ``closes_at``, else ``open``
    (a missing date leaves that side unbounded)."""
    now = now or timezone.now()
    if opens_at and now < opens_at:
        return ANNOUNCED
    if closes_at and now >= closes_at:
        return CLOSED
    return OPEN
