"""What surveys hold about an account, for "download my data" and "delete my account"
(``cms.personal_data``, registered in SurveysConfig.ready).

Like the "My surveys" section, the export says which surveys the account answered
and when, never the answers: a survey's answers are read only as its results. The
quick-poll votes given while signed in are listed the same way. Erasing detaches the
responses and votes from the account; they stay, anonymous, in the results."""

from .models import PollVote, Response


def export_surveys(user):
    responses = Response.objects.filter(user=user).select_related("survey")
    votes = PollVote.objects.filter(user=user).select_related("page")
    return {
        "survey_participations": [
            {"survey": response.survey.title, "submitted_at": response.submitted_at.isoformat()}
            for response in responses.order_by("submitted_at", "pk")
        ],
        "poll_votes": [
            {"page": vote.page.title, "voted_at": vote.created_at.isoformat()}
            for vote in votes.order_by("created_at", "pk")
        ],
    }


def erase_surveys(user):
    Response.objects.filter(user=user).update(user=None)
    PollVote.objects.filter(user=user).update(user=None)
