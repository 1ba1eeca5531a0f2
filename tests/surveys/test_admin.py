"""Page tree rules, the admin reports and who may see them."""

from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import HomePage, StandardPage
from surveys.models import PageFeedback, SurveyIndexPage, SurveyPage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_parents_and_children(self):
        """Surveys go under home or index pages (and standard pages once those list them)."""
        assert set(SurveyPage.parent_page_types) == {
            "home.HomePage",
            "home.StandardPage",
            "surveys.SurveyIndexPage",
        }
        self.assertCanCreateAt(HomePage, SurveyPage)
        self.assertCanCreateAt(SurveyIndexPage, SurveyPage)
        self.assertCanCreateAt(HomePage, SurveyIndexPage)
        self.assertCanNotCreateAt(SurveyPage, StandardPage)
        self.assertAllowedSubpageTypes(SurveyIndexPage, {SurveyPage})
        self.assertAllowedSubpageTypes(SurveyPage, set())


@pytest.mark.parametrize("url", ["/admin/encuestas/", "/admin/encuestas/{pk}/"])
def test_survey_report_is_for_editors_and_internal_control(client, survey, make_user, url):
    """Editores and Control Interno see the report; authors and moderators, signed in
    without the right, are sent back to the dashboard with a message (Wagtail's answer
    to PermissionDenied in the admin: 302 to /admin/, as the role matrix says)."""
    url = url.format(pk=survey.pk)
    for groups, status in [
        (["Editores"], 200),
        (["Control Interno"], 200),
        (["Autores"], 302),
        (["Moderadores"], 302),
    ]:
        user = make_user(f"{groups[0].replace(' ', '')}@r.example", groups=groups)
        client.force_login(user)
        response = client.get(url)
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert response.status_code == status, groups
        if status == 302:
            assert response["Location"] == "/admin/"


def test_feedback_report_for_editors_only(client, demo_site, editor, author):
    """Editors see per-page feedback counts and comments; authors do not."""
    PageFeedback.objects.create(page_id=demo_site.root_page_id, useful=False, comment="Lento")
    client.force_login(author)
    assert client.get("/admin/encuestas/valoracion/")["Location"] == "/admin/"
    client.force_login(editor)
    html = client.get("/admin/encuestas/valoracion/").content.decode()
    assert "Lento" in html


def test_anonymous_is_sent_to_login(client):
    """The admin views are behind the admin login."""
    assert client.get("/admin/encuestas/").status_code == 302


def test_report_index_bounded_queries(client, editor, make_survey, django_assert_max_num_queries):
    """The survey list needs the same queries with 1 or 6 surveys."""
    make_survey()
    client.force_login(editor)
    client.get("/admin/encuestas/")
    with django_assert_max_num_queries(30) as one:
        client.get("/admin/encuestas/")
    for _ in range(5):
        make_survey()
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/admin/encuestas/")
