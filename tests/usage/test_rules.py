"""usage.rules walked role by role (tests/role_matrix.py has the roles)."""

import pytest

from tests.role_matrix import check_rules
from usage import rules

pytestmark = pytest.mark.django_db

F, T = False, True
#      anonymous citizen author editor moderator
#      pqr_dependency pqr_elsewhere pqr_all pqr_no_profile control superuser
TABLE = {
    "can_view_usage_report": (F, F, F, T, F, F, F, F, F, T, T),
}


def test_each_role_gets_what_the_rules_say(rule_users):
    check_rules(TABLE, lambda name, role: getattr(rules, name)(rule_users.users[role]))


def test_an_inactive_editor_may_not(make_user):
    editor = make_user("inactivo@test.example", groups=["Editores"], is_active=False)
    assert rules.can_view_usage_report(editor) is False
