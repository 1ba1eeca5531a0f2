"""Reactions and reports under real concurrency (PostgreSQL, threads with their own
connections): the database keeps one reaction per user and counts that match rows."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection

import pytest

from participation import contributions
from participation.contributions import Refused
from participation.models import Comment, Reaction, Report

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _sequences_past_restored_rows():
    """Serialized rollback restores the demo's rows with their ids but never moves the
    sequences forward (loaddata would): after a flush earlier in the run, a new
    reaction could be given an id the restored demo already uses."""
    from django.apps import apps
    from django.core.management.color import no_style

    models = list(apps.get_app_config("participation").get_models())
    models += [apps.get_model("django_comments", "Comment")]
    models += [apps.get_model("django_comments_xtd", "XtdComment")]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def in_parallel(calls, workers=25):
    def run(call):
        try:
            return call()
        except Refused as refused:
            return refused
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run, calls))


def test_fifty_parallel_reactions_by_one_user_leave_one_row(debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Propuesta", "es")
    voter = citizens[1]
    results = in_parallel([lambda: contributions.react(voter, comment, Reaction.AGREE)] * 50)
    assert results == [Reaction.AGREE] * 50
    assert Reaction.objects.filter(comment=comment, user=voter).count() == 1
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (1, 0)


def test_parallel_mixed_reactions_keep_counts_equal_to_rows(debate, citizens, make_user):
    comment = contributions.post_comment(citizens[0], debate, "Propuesta", "es")
    voters = [make_user(f"votante{n}@concurrencia.example") for n in range(20)]
    values = [Reaction.AGREE, Reaction.DISAGREE, 0]
    calls = [
        (lambda v=voter, value=values[(n + i) % 3]: contributions.react(v, comment, value))
        for i in range(5)
        for n, voter in enumerate(voters)
    ]
    in_parallel(calls)
    comment.refresh_from_db()
    rows = Reaction.objects.filter(comment=comment)
    assert comment.agree_count == rows.filter(value=Reaction.AGREE).count()
    assert comment.disagree_count == rows.filter(value=Reaction.DISAGREE).count()
    assert rows.values("user").distinct().count() == rows.count()


def test_parallel_reports_hold_the_comment_once(debate, citizens, make_user):
    comment = contributions.post_comment(citizens[0], debate, "Polémico", "es")
    reporters = [make_user(f"reporta{n}@concurrencia.example") for n in range(10)]
    calls = [
        (lambda r=reporter: contributions.report(r, "offensive", comment=comment))
        for reporter in reporters
        for _ in range(3)
    ]
    results = in_parallel(calls)
    assert sum(isinstance(r, Report) for r in results) == 10
    assert Report.objects.filter(comment=comment).count() == 10
    comment.refresh_from_db()
    assert comment.status == Comment.HELD and comment.report_count == 10


def test_parallel_reports_of_a_debate_hold_it_once(debate, make_user):
    from participation.models import DebateHold

    reporters = [make_user(f"reportadebate{n}@concurrencia.example") for n in range(8)]
    calls = [
        (lambda r=reporter: contributions.report(r, "spam", debate=debate))
        for reporter in reporters
        for _ in range(2)
    ]
    results = in_parallel(calls)
    assert sum(isinstance(r, Report) for r in results) == 8
    assert DebateHold.objects.filter(debate=debate, status=DebateHold.HELD).count() == 1


def test_fifty_parallel_positions_by_one_user_leave_one_row(open_consultation, citizens):
    from participation.models import DraftSection, SectionPosition

    section = DraftSection.objects.filter(page=open_consultation).order_by("position").first()
    voter = citizens[1]
    calls = [
        (lambda v=value: contributions.take_position(voter, open_consultation, section, v))
        for value in [SectionPosition.SUPPORT] * 50
    ]
    results = in_parallel(calls)
    assert results == [SectionPosition.SUPPORT] * 50
    assert SectionPosition.objects.filter(section=section, user=voter).count() == 1


def test_parallel_mixed_positions_leave_at_most_one_row_per_person(open_consultation, make_user):
    from participation.models import DraftSection, SectionPosition

    section = DraftSection.objects.filter(page=open_consultation).order_by("position").first()
    voters = [make_user(f"posicion{n}@concurrencia.example") for n in range(10)]
    values = [SectionPosition.SUPPORT, SectionPosition.OPPOSE, 0]
    calls = [
        (
            lambda v=voter, value=values[(n + i) % 3]: contributions.take_position(
                v, open_consultation, section, value
            )
        )
        for i in range(5)
        for n, voter in enumerate(voters)
    ]
    results = in_parallel(calls)
    assert not [r for r in results if isinstance(r, Refused)]
    rows = SectionPosition.objects.filter(section=section)
    assert rows.values("user").distinct().count() == rows.count() <= 10
