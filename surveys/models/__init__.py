"""Surveys: the page types editors build and the answers citizens store."""

from .pages import SurveyIndexPage, SurveyPage
from .responses import Answer, PageFeedback, PollVote, Response, SurveyStart

__all__ = [
    "Answer",
    "PageFeedback",
    "PollVote",
    "Response",
    "SurveyIndexPage",
    "SurveyPage",
    "SurveyStart",
]
