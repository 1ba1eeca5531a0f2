"""surveys.rules walked role by role (tests/role_matrix.py has the roles)."""

import pytest

from surveys import rules
from tests.role_matrix import check_rules

pytestmark = pytest.mark.django_db

F, T = False, True
#      anonymous citizen author editor moderator
#      pqr_dependency pqr_elsewhere pqr_all pqr_no_profile control superuser
TABLE = {
    "can_view_survey_report": (F, F, F, T, F, F, F, F, F, T, T),
    "can_view_page_feedback": (F, F, F, T, F, F, F, F, F, T, T),
    "can_moderate_answers": (F, F, F, F, T, F, F, F, F, F, T),
    "can_export_raw_answers": (F, F, F, T, F, F, F, F, F, F, T),
    "can_see_results_before_close": (F, F, F, T, F, F, F, F, F, T, T),
}


def test_every_rule_has_a_row():
    names = {name for name in vars(rules) if name.startswith(("can_", "is_"))}
    assert names == set(TABLE)


def test_results_before_close_without_a_user():
    assert rules.can_see_results_before_close(None) is False


def test_each_role_gets_what_the_rules_say(rule_users):
    check_rules(TABLE, lambda name, role: getattr(rules, name)(rule_users.users[role]))
