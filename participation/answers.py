"""The answers matrix of a consultation: which published comments still lack an
answer, answering one or several identical comments together (and correcting an
answer), publishing the matrix (which concludes the consultation and tells every
participant), telling them once when the issued norm is published, and the guard
that keeps the draft in the norms library a draft while comments wait for an answer.

Every function works on the consultation's original page (``page.canonical_id``), so
a translation answers, counts and publishes the same matrix."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.log_actions import log
from wagtail.models import Page

from participation import notifications, phases
from participation.models import (
    Comment,
    ConsultationOutcome,
    ConsultationPage,
    Notification,
    ObservationAnswer,
    SectionPosition,
)
from subscriptions import lists
from subscriptions import services as subscriptions

#: audit-log actions (registered in participation.wagtail_hooks)
ANSWER = "participation.answer_observations"
EDIT_ANSWER = "participation.edit_answer"
PUBLISH_MATRIX = "participation.publish_matrix"

DECISIONS = {value for value, _label in ObservationAnswer.DECISION_CHOICES}
#: the longest reasoned answer (ObservationAnswer.text's max_length)
ANSWER_MAX_LENGTH = 8000


def published_comments(page):
    """The consultation's published comments, on its original-language page."""
    return Comment.objects.filter(page_id=page.canonical_id, status=Comment.PUBLISHED)


def unanswered_count(page):
    return published_comments(page).filter(answer__isnull=True).count()


class MatrixRefused(Exception):
    """An answer or a publication the consultation's state does not allow;
    ``message`` (translated) says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def missing_message(count):
    return ngettext(
        "%(count)s published comment still lacks an answer.",
        "%(count)s published comments still lack an answer.",
        count,
    ) % {"count": count}


def _date_phase(page, now=None):
    return phases.phase(page.opens_at, page.closes_at, now)


def _check_answerable(page, decision, text, now=None):
    if _date_phase(page, now) != phases.CLOSED:
        raise MatrixRefused(
            _("Comments are answered once the consultation closes: nothing was saved.")
        )
    if decision not in DECISIONS:
        raise MatrixRefused(_("Choose a decision: nothing was saved."))
    text = (text or "").strip()
    if not text:
        raise MatrixRefused(_("Write the reasoned answer: nothing was saved."))
    if len(text) > ANSWER_MAX_LENGTH:
        raise MatrixRefused(
            _("The answer is longer than %(max)s characters: nothing was saved.")
            % {"max": ANSWER_MAX_LENGTH}
        )
    return text


@transaction.atomic
def answer_comments(page, comments, decision, text, user, now=None):
    """One answer for ``comments`` (identical observations answered together): all or
    nothing, only published comments of this consultation, only once it closed. A
    comment already answered gets the new answer; an answer no comment shares any more
    is deleted."""
    now = now or timezone.now()
    text = _check_answerable(page, decision, text, now)
    ids = sorted({c if isinstance(c, int) else c.pk for c in comments})
    if not ids:
        raise MatrixRefused(_("Select at least one comment: nothing was saved."))
    found = set(
        published_comments(page).select_for_update().filter(pk__in=ids).values_list("pk", flat=True)
    )
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise MatrixRefused(
            _(
                "Comments %(ids)s are not published comments of this consultation: "
                "nothing was saved."
            )
            % {"ids": ", ".join(map(str, missing))}
        )
    answer = ObservationAnswer.objects.create(
        page_id=page.canonical_id,
        decision=decision,
        text=text,
        answered_by=user,
        answered_at=now,
    )
    Comment.objects.filter(pk__in=ids, page_id=page.canonical_id).update(answer=answer)
    ObservationAnswer.objects.filter(page_id=page.canonical_id, comments__isnull=True).delete()
    log(
        Page.objects.get(pk=page.canonical_id),
        ANSWER,
        user=user,
        data={"answer": answer.pk, "comments": ids, "decision": decision},
    )
    return answer


@transaction.atomic
def edit_answer(page, answer, decision, text, user, now=None):
    """Correct an answer: every comment that shares it shows the new text."""
    now = now or timezone.now()
    text = _check_answerable(page, decision, text, now)
    answer = ObservationAnswer.objects.select_for_update().get(
        pk=answer.pk, page_id=page.canonical_id
    )
    answer.decision, answer.text = decision, text
    answer.answered_by, answer.answered_at = user, now
    answer.save()
    log(
        Page.objects.get(pk=page.canonical_id),
        EDIT_ANSWER,
        user=user,
        data={"answer": answer.pk, "decision": decision},
    )
    return answer


def outcome_for(page):
    outcome, _created = ConsultationOutcome.objects.get_or_create(page_id=page.canonical_id)
    return outcome


def _locked_outcome(page):
    outcome_for(page)
    return ConsultationOutcome.objects.select_for_update().get(page_id=page.canonical_id)


def participants(page):
    """``{user id: language}`` of everyone who took part in the consultation: the
    authors of its published comments (the language of their latest comment there) and
    the people who took a position on a section (Spanish, unless they also commented)."""
    languages = {}
    for user_id in SectionPosition.objects.filter(section__page_id=page.canonical_id).values_list(
        "user_id", flat=True
    ):
        languages[user_id] = "es"
    rows = (
        published_comments(page)
        .filter(user__isnull=False)
        .order_by("submit_date", "pk")
        .values_list("user_id", "language")
    )
    for user_id, language in rows:
        languages[user_id] = language or "es"
    return languages


@transaction.atomic
def publish_matrix(page, user, now=None):
    """Publish the answers matrix, which concludes the consultation: refused while it
    has not closed, or while any published comment lacks an answer. Writes the audit
    log and tells every participant what was answered to them."""
    now = now or timezone.now()
    outcome = _locked_outcome(page)
    if outcome.matrix_published_at:
        raise MatrixRefused(_("The matrix is already published."))
    if _date_phase(page, now) != phases.CLOSED:
        raise MatrixRefused(
            _("The matrix can be published once the consultation closes on %(date)s.")
            % {"date": timezone.localtime(page.closes_at).strftime("%Y-%m-%d %H:%M")}
        )
    missing = unanswered_count(page)
    if missing:
        raise MatrixRefused(
            missing_message(missing) + " " + _("Answer every comment before publishing the matrix.")
        )
    outcome.matrix_published_at = now
    outcome.matrix_published_by = user
    outcome.save(update_fields=["matrix_published_at", "matrix_published_by"])
    page._outcome_cache = outcome
    canonical = Page.objects.get(pk=page.canonical_id)
    log(canonical, PUBLISH_MATRIX, user=user, data={"comments": published_comments(page).count()})
    commented = {}
    for pk, user_id in (
        published_comments(page).filter(user__isnull=False).values_list("pk", "user_id")
    ):
        commented.setdefault(user_id, []).append(pk)
    for user_id, language in participants(page).items():
        notifications.queue_consultation(
            user_id,
            Notification.Kind.MATRIX,
            language,
            page=page.canonical_id,
            comments=commented.get(user_id, []),
        )
    # the subscribers of this process (subscriptions) hear of its results
    subscriptions.announce_process(canonical, lists.RESULTS, "matrix")
    notify_issued_norm(page)
    return outcome


def notify_issued_norm(page):
    """Tell every participant, once, that the norm their consultation prepared was
    issued: when the published consultation links a live issued norm and its matrix is
    published (called on every publication of the page and when the matrix is
    published)."""
    page = page.specific if not isinstance(page, ConsultationPage) else page
    if not page.live or not page.issued_norm_id:
        return False
    with transaction.atomic():
        outcome = (
            ConsultationOutcome.objects.select_for_update()
            .filter(page_id=page.canonical_id)
            .first()
        )
        if outcome is None or not outcome.matrix_published_at or outcome.norm_notified_at:
            return False
        if not Page.objects.live().filter(pk=page.issued_norm_id).exists():
            return False
        outcome.norm_notified_at = timezone.now()
        outcome.save(update_fields=["norm_notified_at"])
        for user_id, language in participants(page).items():
            notifications.queue_consultation(
                user_id,
                Notification.Kind.NORM,
                language,
                page=page.canonical_id,
                norm=page.issued_norm_id,
            )
        subscriptions.announce_process(page, lists.RESULTS, "norm")
    return True


def draft_norm_guard(norm):
    """transparency.norm_guards: a norm that is a consultation's draft stays a draft
    (``proyecto``) while that consultation has published comments without an answer."""
    from transparency.models.norms import DRAFT

    if not norm.pk or norm.norm_type == DRAFT:
        return
    stored = type(norm).objects.filter(pk=norm.pk).values_list("norm_type", flat=True).first()
    if stored != DRAFT:
        return
    canonical = {c.canonical_id for c in ConsultationPage.objects.filter(draft_norm_id=norm.pk)}
    missing = Comment.objects.filter(
        page_id__in=canonical, status=Comment.PUBLISHED, answer__isnull=True
    ).count()
    if missing:
        raise ValidationError(
            {
                "norm_type": " ".join(
                    [
                        str(_("This draft is under consultation.")),
                        missing_message(missing),
                        str(_("It can be marked as issued once every comment is answered.")),
                    ]
                )
            }
        )
