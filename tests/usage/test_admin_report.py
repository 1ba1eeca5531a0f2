"""The admin report "Usage statistics": views per page and per day over a period, its
CSV, the menu item, and who may see them (editors, internal control, superusers)."""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from usage.models import PageView

pytestmark = pytest.mark.django_db

REPORT, CSV = "/admin/reports/uso/", "/admin/reports/uso.csv"


def count(page, views, days_ago=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    PageView.objects.create(page=page, day=day, views=views)


@pytest.fixture
def counted(home_es, news_pages):
    count(home_es, 5)
    count(home_es, 2, days_ago=3)
    count(news_pages[0], 4, days_ago=1)
    count(news_pages[1], 50, days_ago=40)  # before the default 30 days
    return home_es, news_pages


@pytest.fixture
def control(make_user):
    return make_user("control@test.example", groups=["Control Interno"])


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("who", ["editor", "control"])
def test_editors_and_internal_control_read_the_last_30_days(client, counted, who, request):
    home, pages = counted
    client.force_login(request.getfixturevalue(who))
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="usage-report-total">11<' in html
    assert f'data-page="{home.pk}"' in html and f'data-page="{pages[0].pk}"' in html
    assert f'data-page="{pages[1].pk}"' not in html
    assert html.count("<time datetime=") == 30
    menu = client.get("/admin/").content.decode()
    assert REPORT in menu


def test_a_chosen_period(client, counted, editor):
    home, pages = counted
    client.force_login(editor)
    today = timezone.localdate()
    start = today - datetime.timedelta(days=45)
    end = today - datetime.timedelta(days=2)
    html = client.get(REPORT, {"start": start, "end": end}).content.decode()
    assert 'id="usage-report-total">52<' in html
    assert f'data-page="{pages[1].pk}"' in html and f'data-page="{home.pk}"' in html
    assert html.count("<time datetime=") == 44


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2026-02-30", "end": "2026-03-01"},
        {"start": "abc", "end": ""},
        {"start": "2026-03-02", "end": "2026-03-01"},
        {"start": "2020-01-01", "end": "2026-01-01"},
        {"start": "99999-01-01", "end": "2026-01-01"},
    ],
)
def test_a_bad_period_shows_the_errors_and_the_default_period(client, counted, editor, query):
    client.force_login(editor)
    response = client.get(REPORT, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-error-summary" in html
    assert 'id="usage-report-total">11<' in html
    assert client.get(CSV, query).status_code == 200


def test_the_csv_holds_the_views_per_page(client, counted, editor):
    home, pages = counted
    client.force_login(editor)
    response = client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert len(rows[0]) == 3
    assert [row[0] for row in rows[1:]] == [str(home.pk), str(pages[0].pk)]
    assert [row[2] for row in rows[1:]] == ["7", "4"]
    assert rows[1][1] == home.title


@pytest.mark.parametrize("role", ["author", "moderator", "pqr_officer", "citizen"])
def test_others_are_refused(client, counted, make_user, role):
    groups = {"author": ["Autores"], "moderator": ["Moderadores"]}
    groups["pqr_officer"] = ["Funcionarios PQRSD"]
    user = make_user(f"{role}@test.example", groups=groups.get(role, []))
    client.force_login(user)
    for url in (REPORT, CSV):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "usage-report" not in response.content.decode()
    if role != "citizen":
        assert REPORT not in client.get("/admin/").content.decode()
