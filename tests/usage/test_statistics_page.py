"""The public page "Estadísticas de uso del portal": both languages, headings in
order, the chart and its table, the top pages in the visitor's language, and a fixed
number of queries whatever the number of pages and days."""

import datetime
import re

from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Locale

import pytest

from usage.models import PageView

pytestmark = pytest.mark.django_db


def count(page, views, days_ago=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    PageView.objects.update_or_create(page=page, day=day, defaults={"views": views})


def main(html):
    return html.split('<main id="contenido"', 1)[1].split("</main>", 1)[0]


def headings(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", main(html))]


def top_rows(html):
    """(title, href, views) of the most viewed pages table, in order."""
    table = html.split('id="usage-top-caption"', 1)[1].split("</table>", 1)[0]
    return [
        (title, href, int(views))
        for href, title, views in re.findall(
            r'<th scope="row"><a href="([^"]+)"[^>]*>([^<]+)</a></th><td class="num">(\d+)</td>',
            table,
        )
    ]


@pytest.mark.parametrize("language", ["es", "en"])
def test_renders_in_both_languages_with_headings_in_order(client, home_es, language):
    count(home_es, 7)
    response = client.get(f"/{language}/estadisticas-de-uso/")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        title = gettext("Portal usage statistics")
    assert f"<h1>{title}</h1>" in html
    levels = headings(html)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert not response.cookies, "the page sets no cookie"


def test_chart_and_table_show_the_views_per_day(client, home_es, news_pages):
    count(home_es, 5, days_ago=0)
    count(news_pages[0], 4, days_ago=0)
    count(home_es, 3, days_ago=2)
    count(home_es, 100, days_ago=90)  # outside the 90 days
    html = client.get("/es/estadisticas-de-uso/").content.decode()
    chart = re.search(r'<svg class="usage-chart"[^>]*role="img"[^>]*>.*?</svg>', html, re.S)
    assert chart, "an SVG chart with role=img"
    assert 'aria-labelledby="usage-chart-title"' in chart.group(0)
    assert '<title id="usage-chart-title">' in chart.group(0)
    assert chart.group(0).count('class="usage-chart__bar"') == 90
    assert "style=" not in chart.group(0), "the CSP forbids inline styles"
    table = html.split('id="usage-per-day-caption"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<time datetime="([\d-]+)">[^<]*</time></th><td class="num">(\d+)<', table)
    assert len(rows) == 90
    today = timezone.localdate()
    assert rows[0] == (today.isoformat(), "9")
    assert rows[2] == ((today - datetime.timedelta(days=2)).isoformat(), "3")
    assert sum(int(views) for _day, views in rows) == 12
    assert re.search(r'id="usage-total-period">12<', html)
    assert re.search(r'id="usage-total-all">112<', html)


def test_nothing_counted_yet_says_so(client):
    html = client.get("/en/estadisticas-de-uso/").content.decode()
    assert "usage-chart__bar" not in html
    assert "No views were counted in this period." in html
    assert re.search(r'id="usage-total-all">0<', html)


def test_top_pages_merge_translations_and_link_in_the_visitors_language(client, home_es):
    home_en = home_es.get_translation(Locale.objects.get(language_code="en"))
    count(home_es, 5)
    count(home_en, 4)
    es = top_rows(client.get("/es/estadisticas-de-uso/").content.decode())
    en = top_rows(client.get("/en/estadisticas-de-uso/").content.decode())
    assert es[0] == (home_es.title, home_es.url, 9)
    assert en[0] == (home_en.title, home_en.url, 9)


def test_top_pages_are_20_of_the_last_30_days_public_only(client, news_pages):
    for n, page in enumerate(news_pages[:25]):
        count(page, 100 + n)
    count(news_pages[25], 1000, days_ago=31)  # outside the 30 days
    hidden = news_pages[24]
    for version in hidden.get_translations(inclusive=True):
        version.unpublish()
    rows = top_rows(client.get("/es/estadisticas-de-uso/").content.decode())
    assert len(rows) == 20
    assert [views for _t, _h, views in rows] == sorted((100 + n for n in range(24)), reverse=True)[
        :20
    ]
    assert hidden.title not in [title for title, _h, _v in rows]


@pytest.mark.parametrize("pages", [2, 25])
def test_queries_do_not_grow_with_the_pages_or_days(
    client, news_pages, pages, django_assert_max_num_queries
):
    for n, page in enumerate(news_pages[:pages]):
        for days_ago in range(0, 90, 7):
            count(page, n + 1, days_ago=days_ago)
    client.get("/es/estadisticas-de-uso/")  # warm the menus' cache
    with django_assert_max_num_queries(12):
        response = client.get("/es/estadisticas-de-uso/")
    assert response.status_code == 200


def test_the_footer_links_the_page(client, home_es):
    html = client.get(home_es.url).content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert 'href="/es/estadisticas-de-uso/"' in footer
