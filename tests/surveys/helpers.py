"""Posting a survey step by step the way a browser does (state from the page)."""

import re

STATE = re.compile(r'name="state" value="([^"]*)"')


def state_of(response):
    match = STATE.search(response.content.decode())
    return match.group(1) if match else ""


def answer_survey(client, survey, *steps, action="send"):
    """GET the survey, then POST each step's data with the state of the last page."""
    response = client.get(survey.url)
    for n, data in enumerate(steps):
        last = n == len(steps) - 1
        payload = {"state": state_of(response), "action": action if last else "next", **data}
        response = client.post(survey.url, payload)
    return response
