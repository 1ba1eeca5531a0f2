"""The survey page's sub-routes are served by views registered in surveys/routes.py
(the model imports no view: import-linter contract in pyproject.toml)."""

import pytest

from surveys import routes
from surveys.models import SurveyPage
from surveys.views import exports, results, survey


def test_every_route_of_the_survey_page_has_a_registered_view():
    names = {
        pattern.name
        for pattern in SurveyPage.get_subpage_urls()
        if pattern.callback.__qualname__.startswith("SurveyPage.")  # not the mixin's own
    }
    assert names == {"survey_form", "thanks", "results", "results_data", "raw_export"}
    assert names <= set(routes._HANDLERS)
    assert routes._HANDLERS["survey_form"] is survey.answer
    assert routes._HANDLERS["thanks"] is survey.thanks
    assert routes._HANDLERS["results"] is results.results
    assert routes._HANDLERS["results_data"] is results.open_data
    assert routes._HANDLERS["raw_export"] is exports.raw_export


def test_a_route_cannot_get_two_handlers():
    with pytest.raises(ValueError, match="already has a handler"):
        routes.handles("thanks")(lambda request, page: None)
