"""What the results pages of consultations and debates show, and who took part in a
process (for the participation certificate), in a bounded number of queries.

Only aggregated counts leave this module: the comuna of a participant (given with
consent, ``Profile.comuna_consent_at``) is counted per comuna, and a group of fewer
than ``MIN_GROUP`` people is shown as "fewer than 5", never as its number, so nobody
is identified by where they live."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from participation import diff, phases
from participation.drafts import section_values
from participation.models import Comment, ObservationAnswer, Profile, Reaction, SectionPosition
from participation.models.profiles import COMUNA_CHOICES

#: the smallest group whose count is shown
MIN_GROUP = 5


def process_id(page):
    """The page a process's contributions belong to (a consultation's original)."""
    return getattr(page, "canonical_id", None) or page.pk


def _comments(page):
    return Comment.objects.filter(page_id=process_id(page), status=Comment.PUBLISHED)


def _is_consultation(page):
    return hasattr(page, "final_text")


def participant_filter(page):
    """A Q on users: those who published a comment on the process, took a position on
    one of its sections (consultations) or reacted to a published comment (debates)."""
    pid = process_id(page)
    commented = Exists(
        Comment.objects.filter(page_id=pid, status=Comment.PUBLISHED, user_id=OuterRef("pk"))
    )
    if _is_consultation(page):
        other = Exists(SectionPosition.objects.filter(section__page_id=pid, user_id=OuterRef("pk")))
    else:
        other = Exists(
            Reaction.objects.filter(
                comment__page_id=pid,
                comment__status=Comment.PUBLISHED,
                user_id=OuterRef("pk"),
            )
        )
    return Q(commented) | Q(other)


def participants(page):
    return get_user_model().objects.filter(participant_filter(page))


@dataclass(frozen=True)
class GroupCount:
    """One row of the "by comuna" table: ``count`` is None when the group is under
    ``MIN_GROUP`` people (shown as "fewer than 5")."""

    key: str
    label: str
    count: int | None

    @property
    def suppressed(self):
        return self.count is None


def shown(count):
    return count if count >= MIN_GROUP else None


def by_comuna(page):
    """Every comuna and corregimiento with its participants who gave it with consent
    (one query), plus the participants who did not say."""
    rows = dict(
        participants(page)
        .filter(participant__comuna__gt="", participant__comuna_consent_at__isnull=False)
        .order_by()
        .values_list("participant__comuna")
        .annotate(n=Count("pk", distinct=True))
        .values_list("participant__comuna", "n")
    )
    return [GroupCount(key, str(label), shown(rows.get(key, 0))) for key, label in COMUNA_CHOICES]


def consultation_counts(page):
    """Participants, comments, supports and oppositions, by comuna: four queries."""
    pid = process_id(page)
    comments = _comments(page).aggregate(total=Count("pk"))["total"]
    positions = SectionPosition.objects.filter(section__page_id=pid).aggregate(
        supports=Count("pk", filter=Q(value=SectionPosition.SUPPORT)),
        oppositions=Count("pk", filter=Q(value=SectionPosition.OPPOSE)),
    )
    return {"comments": comments, **positions, **_people(page)}


def debate_counts(page):
    """Participants, comments, agree and disagree reactions, by comuna: four queries."""
    pid = process_id(page)
    comments = _comments(page).aggregate(total=Count("pk"))["total"]
    reactions = Reaction.objects.filter(
        comment__page_id=pid, comment__status=Comment.PUBLISHED
    ).aggregate(
        agree=Count("pk", filter=Q(value=Reaction.AGREE)),
        disagree=Count("pk", filter=Q(value=Reaction.DISAGREE)),
    )
    return {"comments": comments, **reactions, **_people(page)}


def _people(page):
    """Participants (one query) and their comunas (one query)."""
    people = participants(page).aggregate(
        total=Count("pk", distinct=True),
        with_comuna=Count(
            "pk",
            distinct=True,
            filter=Q(participant__comuna__gt="", participant__comuna_consent_at__isnull=False),
        ),
    )
    total = people["total"]
    return {
        "participants": total,
        "by_comuna": by_comuna(page),
        "any_comuna": bool(people["with_comuna"]),
        "comuna_given": shown(people["with_comuna"]),
        "comuna_unknown": shown(total - people["with_comuna"]),
    }


def decisions(page):
    """``[(decision, label, count)]`` of the answered published comments (one query)."""
    rows = dict(
        _comments(page)
        .filter(answer__isnull=False)
        .order_by()
        .values_list("answer__decision")
        .annotate(n=Count("pk"))
        .values_list("answer__decision", "n")
    )
    return [(key, label, rows.get(key, 0)) for key, label in ObservationAnswer.DECISION_CHOICES]


def sections_of(stream):
    """(number, heading, body) of each section block of a draft StreamField."""
    return [values[1:] for values in section_values(stream or [])]


def consultation_diff(page):
    """The section-by-section comparison of the draft and the final text, or None
    while there is no final text (no queries)."""
    final = sections_of(page.final_text)
    if not final:
        return None
    diffs = diff.compare(sections_of(page.draft), final)
    return {"sections": diffs, "summary": diff.summary(diffs)}


def consultation_results_context(page, request):
    """Everything the consultation results page shows: before it closes only when
    the results will be published."""
    phase = page.phase()
    context = {
        "page": page,
        "self": page,
        "phase": phase,
        "phase_label": phases.CONSULTATION_LABELS[phase],
        "published": phase in (phases.UNDER_REVIEW, phases.CONCLUDED),
        "concluded": phase == phases.CONCLUDED,
        "matrix_url": page.url + page.reverse_subpage("matrix_route") if page.url else "",
    }
    if not context["published"]:
        return context
    context["counts"] = consultation_counts(page)
    if context["concluded"]:
        context["decisions"] = decisions(page)
        context["answered"] = sum(n for _key, _label, n in context["decisions"])
    context["diff"] = consultation_diff(page)
    norm = page.issued_norm
    context["issued_norm"] = norm if norm is not None and norm.live else None
    return context


def debate_results_context(page, request):
    phase = page.phase()
    context = {
        "page": page,
        "self": page,
        "phase": phase,
        "phase_label": phases.LABELS[phase],
        "published": phase == phases.CLOSED,
    }
    if context["published"]:
        context["counts"] = debate_counts(page)
    return context


# The participation certificate


def participation_dates(user, page):
    """The local dates on which ``user`` took part in the process (published comments,
    positions or reactions), oldest first: two queries."""
    if not (user and user.is_authenticated):
        return []
    pid = process_id(page)
    moments = list(_comments(page).filter(user_id=user.pk).values_list("submit_date", flat=True))
    if _is_consultation(page):
        for created, updated in SectionPosition.objects.filter(
            section__page_id=pid, user_id=user.pk
        ).values_list("created_at", "updated_at"):
            moments += [created, updated]
    else:
        moments += list(
            Reaction.objects.filter(
                comment__page_id=pid, comment__status=Comment.PUBLISHED, user_id=user.pk
            ).values_list("created_at", flat=True)
        )
    return sorted({timezone.localtime(moment).date() for moment in moments if moment})


def took_part(user, page):
    if not (user and user.is_authenticated and page is not None):
        return False
    return participants(page).filter(pk=user.pk).exists()


def participant_name(user):
    """Their full name when the account has one, else their public nickname."""
    full = (user.get_full_name() or "").strip()
    if full:
        return full
    profile = Profile.objects.filter(user_id=user.pk).values_list("nickname", flat=True).first()
    return profile or ""
