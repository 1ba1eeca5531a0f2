"""Satisfaction surveys for other apps (a trámite page, a PQRSD answer).

Another app attaches a survey with a foreign key and Wagtail's page chooser::

    satisfaction_survey = models.ForeignKey(
        "surveys.SurveyPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    panels = [..., FieldPanel("satisfaction_survey")]  # the chooser offers only surveys

and links to it with ``satisfaction_survey_url(survey, obj)`` (or the template tag of the
same name in ``surveys_tags``). The link carries a signed "app_label.model:pk" label of
``obj`` that is stored with the response (``Response.context_object``), so reports can
tell which trámite or which petition a person was rating, and nobody can forge it."""

from urllib.parse import urlencode

from surveys.services import sign_context


def context_label(obj):
    if obj is None:
        return ""
    meta = getattr(obj, "_meta", None)
    if meta is None:
        return str(obj)[:120]
    return f"{meta.app_label}.{meta.model_name}:{obj.pk}"


def satisfaction_survey_url(survey, context_object=None, request=None):
    """The survey's URL, tagged with the object whose service is being rated."""
    if survey is None:
        return ""
    url = survey.get_url(request) or ""
    label = context_label(context_object)
    if label:
        url += "?" + urlencode({"contexto": sign_context(label)})
    return url
