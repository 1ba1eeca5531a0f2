"""Public endpoints that are not pages: poll votes and page feedback. The survey itself,
its results and exports are routes of each SurveyPage."""

from django.urls import path

from surveys.views import feedback, poll

app_name = "surveys"

urlpatterns = [
    path("votar/", poll.vote, name="poll_vote"),
    path("valoracion/", feedback.page_feedback, name="page_feedback"),
]
