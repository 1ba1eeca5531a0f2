"""Who may do what with surveys, one named predicate per right, used by the views, the
templates (through the context) and the admin menu items alike."""


def can_view_survey_report(user):
    return user.has_perm("surveys.view_report")


def can_view_page_feedback(user):
    return user.has_perm("surveys.view_pagefeedback")


def can_moderate_answers(user):
    return user.has_perm("surveys.moderate_answer")


def can_export_raw_answers(user):
    """The raw answers (free text may hold personal data): Editores and superusers."""
    return user.has_perm("surveys.export_response")


def can_see_results_before_close(user):
    """Results of a survey whose results stay private until it closes."""
    return bool(user) and can_view_survey_report(user)
