"""usage.stats.summary, what other apps (the GEL self-assessment) read."""

import datetime

from django.utils import timezone

import pytest

from usage import stats
from usage.counting import record_view
from usage.models import PageView

pytestmark = pytest.mark.django_db


def test_summary_of_a_site_with_no_views():
    summary = stats.summary()
    assert (summary.total_views, summary.pages_viewed, summary.counting_since) == (0, 0, None)
    assert summary.is_counting is False
    assert len(summary.per_day) == 30 and all(views == 0 for _d, views in summary.per_day)


def test_summary_counts_the_period_only(home_es, news_pages, django_assert_max_num_queries):
    today = timezone.localdate()
    record_view(home_es.pk)
    record_view(home_es.pk)
    record_view(news_pages[0].pk, today - datetime.timedelta(days=29))
    record_view(news_pages[1].pk, today - datetime.timedelta(days=30))
    with django_assert_max_num_queries(2):
        summary = stats.summary(days=30)
    assert summary.total_views == 3
    assert summary.pages_viewed == 2
    assert summary.counting_since == today - datetime.timedelta(days=30)
    assert summary.is_counting is True
    assert (summary.start, summary.end) == (today - datetime.timedelta(days=29), today)
    assert summary.per_day[-1] == (today, 2) and summary.per_day[0][1] == 1
    assert stats.summary(days=31).total_views == 4


def test_record_view_upserts_one_row_per_page_and_day(home_es):
    day = datetime.date(2026, 3, 1)
    for _ in range(4):
        record_view(home_es.pk, day)
    assert list(PageView.objects.values_list("day", "views")) == [(day, 4)]


def test_days_counted_is_the_fact_the_self_assessment_reads(home_es, news_pages):
    from cms.assessment_facts import fact

    today = timezone.localdate()
    assert fact("usage.days_counted") == 0
    record_view(home_es.pk)
    record_view(news_pages[0].pk)
    record_view(home_es.pk, today - datetime.timedelta(days=3))
    record_view(home_es.pk, today - datetime.timedelta(days=30))
    assert fact("usage.days_counted") == 2
