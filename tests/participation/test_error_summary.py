"""A refused comment shows the portal's shared error summary (issue 13), the element
cms/js/portal.js focuses on load, with a link to the field in error."""

import pytest
from bs4 import BeautifulSoup

from participation.models import Comment
from tests.participation.test_views_comments import TEXT, comment_data, post_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]


@pytest.fixture(autouse=True)
def _no_fill_delay(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


def test_a_refused_comment_has_the_focusable_summary(client, debate, citizen):
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data(language="xx"))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    summaries = soup.select("[data-error-summary]")
    assert len(summaries) == 1
    summary = summaries[0]
    assert summary["tabindex"] == "-1" and summary["role"] == "alert"
    assert summary.select_one("a[href='#id_language']") is not None
    assert TEXT in soup.find(id="id_comment").get_text()
    assert not Comment.objects.exists()
