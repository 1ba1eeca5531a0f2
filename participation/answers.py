"""The answers matrix of a consultation: which published comments still lack an
answer, answering one or several identical comments together, and publishing the
matrix (which concludes the consultation and tells every participant)."""

from django.db import transaction
from django.utils import timezone

from participation.models import Comment, ConsultationOutcome, ObservationAnswer


def published_comments(page):
    """The consultation's published comments, on its original-language page."""
    return Comment.objects.filter(page_id=page.canonical_id, status=Comment.PUBLISHED)


def unanswered_count(page):
    return published_comments(page).filter(answer__isnull=True).count()


class MatrixRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@transaction.atomic
def answer_comments(page, comments, decision, text, user, now=None):
    """One answer for ``comments`` (identical observations answered together); a
    comment already answered gets the new answer."""
    answer = ObservationAnswer.objects.create(
        page_id=page.canonical_id,
        decision=decision,
        text=text,
        answered_by=user,
        answered_at=now or timezone.now(),
    )
    ids = [c.pk for c in comments]
    Comment.objects.filter(pk__in=ids, page_id=page.canonical_id).update(answer=answer)
    ObservationAnswer.objects.filter(page_id=page.canonical_id, comments__isnull=True).delete()
    return answer


def outcome_for(page):
    outcome, _created = ConsultationOutcome.objects.get_or_create(page_id=page.canonical_id)
    return outcome


def notify_issued_norm(page):
    """Tell every participant, once, that the norm their consultation prepared was
    issued (filled in by the matrix's notifications)."""
