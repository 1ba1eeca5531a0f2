"""Who is answering, storing a response in one transaction, and the results computed
in the database (a bounded number of queries whatever the number of answers)."""

import secrets
from dataclasses import dataclass, field
from functools import partial, reduce
from operator import or_

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q

from allauth.account.models import EmailAddress

from cms.charts import scaled
from cms.signed_cookies import SignedCookie
from surveys.models import Answer, Response
from surveys.questions import OTHER_OPTION, Tallies

#: a random token that tells one browser's answers to an "anyone" survey from another's
BROWSER_COOKIE = SignedCookie(
    "soacha_encuestas", salt="surveys.browser", max_age=60 * 60 * 24 * 365 * 2
)


#: the longest bar of the public results chart (100 %), in SVG units
RESULT_BAR_LENGTH = 100


class AlreadyAnswered(Exception):
    """The database refused a second response from the same person or browser."""


# Identity -------------------------------------------------------------------------


def browser_token(request):
    """The signed random token identifying this browser (None when absent/forged)."""
    return BROWSER_COOKIE.read(request)


def ensure_browser_token(request):
    token = browser_token(request)
    if token is None:
        token = secrets.token_urlsafe(24)
        request._surveys_new_token = token
    return token


def set_browser_cookie(request, response):
    token = getattr(request, "_surveys_new_token", None)
    if token:
        BROWSER_COOKIE.write(request, response, token)
    return response


def audience_problem(survey, user):
    """Why this user may not answer (a code for the template), or None."""
    if survey.audience == survey.AUDIENCE_ANYONE:
        return None
    if not user.is_authenticated:
        return "login"
    if survey.audience == survey.AUDIENCE_VERIFIED:
        if not EmailAddress.objects.filter(user=user, verified=True).exists():
            return "unverified"
    return None


def identity(survey, request):
    """(user, browser token) that the unique constraints apply to for this survey."""
    user = request.user if request.user.is_authenticated else None
    if survey.audience == survey.AUDIENCE_ANYONE:
        return user, ensure_browser_token(request)
    return user, None


def answered_by(rows, request, by_browser=True):
    """Whether ``rows`` (a survey's responses, a poll's votes) hold one from this
    signed-in user or, when ``by_browser``, from this browser's token: the one
    one-answer-per-person check, in one query."""
    conditions = []
    if request.user.is_authenticated:
        conditions.append(Q(user=request.user))
    token = browser_token(request) if by_browser else None
    if token:
        conditions.append(Q(browser_token=token))
    return bool(conditions) and rows.filter(reduce(or_, conditions)).exists()


def has_answered(survey, request):
    return answered_by(
        Response.objects.filter(survey_id__in=survey.translation_ids()),
        request,
        by_browser=survey.audience == survey.AUDIENCE_ANYONE,
    )


# Storage ---------------------------------------------------------------------------


def store_response(survey, rows, user, token):
    """Store a response and its answers atomically; AlreadyAnswered on a duplicate.
    Each question's type says which rows wait for moderation (free text, "other").

    The rows belong to the survey's original (a translation shares its question and
    option ids), so one person answers once whichever language they use."""
    kinds = {q.id: q.kind for q in survey.all_questions()}
    original = survey.original_id
    try:
        with transaction.atomic():
            response = Response.objects.create(survey_id=original, user=user, browser_token=token)
            Answer.objects.bulk_create(
                [
                    Answer(
                        response=response,
                        survey_id=original,
                        question_id=qid,
                        option_id=option_id,
                        value=value,
                        text=text,
                        approved=None if _pending(kinds.get(qid), option_id) else True,
                    )
                    for qid, option_id, value, text in rows
                ]
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error
    return response


def _pending(kind, option_id):
    if kind is None:  # not a question of the survey: only a tampered call gets here
        return option_id == OTHER_OPTION
    return kind.needs_moderation(option_id)


# Results ---------------------------------------------------------------------------


@dataclass
class QuestionResult:
    question: object
    respondents: int = 0
    average: float | None = None
    rows: list = field(default_factory=list)  # dicts: label, count, percent, average
    texts: list = field(default_factory=list)


def survey_results(survey, text_limit=20):
    """Every question's tallies from five aggregate queries, over the answers given to
    the survey and to its translations."""
    surveys = survey.translation_ids()
    answers = Answer.objects.filter(survey_id__in=surveys)
    total = Response.objects.filter(survey_id__in=surveys).count()
    per_question = {
        row["question_id"]: row
        for row in answers.values("question_id").annotate(
            n=Count("response_id", distinct=True), avg=Avg("value")
        )
    }
    per_option = {
        (row["question_id"], row["option_id"]): row
        for row in answers.exclude(option_id="")
        .values("question_id", "option_id")
        .annotate(n=Count("id"), avg=Avg("value"))
    }
    per_value = {
        (row["question_id"], row["value"]): row["n"]
        for row in answers.filter(option_id="", value__isnull=False)
        .values("question_id", "value")
        .annotate(n=Count("id"))
    }
    texts = {}
    approved = answers.filter(approved=True).exclude(text="").order_by("-pk")
    for row in approved.values("question_id", "text")[: text_limit * 20]:
        bucket = texts.setdefault(row["question_id"], [])
        if len(bucket) < text_limit:
            bucket.append(row["text"])

    tallies = Tallies(per_question=per_question, per_option=per_option, per_value=per_value)
    results = []
    for q in survey.all_questions():
        result = QuestionResult(question=q, respondents=per_question.get(q.id, {}).get("n", 0))
        result.rows, result.average = q.kind.tally(q, tallies, partial(_row, result=result))
        result.texts = texts.get(q.id, [])
        results.append(result)
    return total, results


def _row(label, count, result):
    percent = round(100 * count / result.respondents, 1) if result.respondents else 0.0
    return {
        "label": label,
        "count": count,
        "percent": percent,
        "average": None,
        "bar": scaled(percent, 100, RESULT_BAR_LENGTH),
    }


def open_data_rows(survey):
    """Flat aggregated rows for the public CSV/JSON (no personal data)."""
    total, results = survey_results(survey, text_limit=0)
    rows = []
    for result in results:
        q = result.question
        question = {"question_id": q.id, "question": q.label, "type": q.type}
        for row in result.rows:
            rows.append(
                {
                    **question,
                    "option": row["label"],
                    "count": row["count"],
                    "percent": row["percent"],
                    "average_rank": row["average"],
                    "respondents": result.respondents,
                }
            )
        for row in q.kind.summary_rows(q, result):
            rows.append({**question, **row, "respondents": result.respondents})
    return total, rows
