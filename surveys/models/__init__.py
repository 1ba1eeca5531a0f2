"""Surveys: the page types editors build and the answers citizens store."""

from .funnel import SurveyStepCount
from .pages import SurveyIndexPage, SurveyPage
from .responses import Answer, PageFeedback, PollVote, Response

__all__ = [
    "Answer",
    "PageFeedback",
    "PollVote",
    "Response",
    "SurveyIndexPage",
    "SurveyPage",
    "SurveyStepCount",
]
