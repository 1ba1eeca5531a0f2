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


UNDER_REVIEW = "under_review"
CONCLUDED = "concluded"

CONSULTATION_LABELS = {
    ANNOUNCED: _("Announced"),
    OPEN: _("Open for observations"),
    UNDER_REVIEW: _("Under review"),
    CONCLUDED: _("Concluded"),
}


def consultation_phase(opens_at, closes_at, matrix_published_at=None, now=None):
    """A consultation's phase: announced and open follow the dates; once closed it is
    ``under_review`` until the answers matrix is published, then ``concluded``."""
    current = phase(opens_at, closes_at, now)
    if current != CLOSED:
        return current
    return CONCLUDED if matrix_published_at else UNDER_REVIEW
