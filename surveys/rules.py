"""Who may do what in the surveys admin, one named predicate per right."""


def can_view_survey_report(user):
    return user.has_perm("surveys.view_report")


def can_view_page_feedback(user):
    return user.has_perm("surveys.view_pagefeedback")


def can_moderate_answers(user):
    return user.has_perm("surveys.moderate_answer")
