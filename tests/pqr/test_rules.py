"""pqr.rules walked role by role: what each predicate allows (tests/role_matrix.py has
the roles). The case was filed by the citizen under the official's dependency."""

from django.template import Context, Template, TemplateSyntaxError

import pytest

from pqr import rules
from pqr.models import Case, ClosureDay
from tests.role_matrix import RULE_ROLES, check_rules

pytestmark = pytest.mark.django_db

F, T = False, True
OFFICIALS = (F, F, F, F, F, T, T, T, T, F, T)
#      anonymous citizen author editor moderator
#      pqr_dependency pqr_elsewhere pqr_all pqr_no_profile control superuser
TABLE = {
    "is_pqr_official": OFFICIALS,
    "can_open_inbox": OFFICIALS,
    "can_file_verbal": OFFICIALS,
    "visible_cases": (F, F, F, F, F, T, F, T, F, F, T),
    "can_view_case": (F, F, F, F, F, T, F, T, F, F, T),
    "can_answer_case": (F, F, F, F, F, T, F, T, F, F, T),
    "can_download_attachments": (F, F, F, F, F, T, F, T, F, F, T),
    "can_view_closure_days": (F, F, F, F, F, T, T, T, T, F, T),
    "can_manage_closure_days": (F, F, F, F, F, F, F, F, F, F, T),
    "is_petitioner": (F, T, F, F, F, F, F, F, F, F, F),
    "can_list_own_petitions": (F, T, T, T, T, T, T, T, T, T, T),
    "own_cases": (F, T, F, F, F, F, F, F, F, F, F),
    # assignable and reminded: the group's members, not a superuser outside it
    "official_users": (F, F, F, F, F, T, T, T, T, F, F),
    # the closure-day snippets' permission policy asks the predicates
    "snippet policy: view": (F, F, F, F, F, T, T, T, T, F, T),
    "snippet policy: add": (F, F, F, F, F, F, F, F, F, F, T),
    "snippet policy: change": (F, F, F, F, F, F, F, F, F, F, T),
    "snippet policy: delete": (F, F, F, F, F, F, F, F, F, F, T),
}


@pytest.fixture
def case(rule_users, make_case):
    filed = make_case(dependency=rule_users.dependency)
    filed.user = rule_users.users["citizen"]
    filed.save(update_fields=["user"])
    return filed


def test_each_role_gets_what_the_rules_say(rule_users, case):
    policy = rules.ClosureDayPermissionPolicy(ClosureDay)
    everyone = Case.objects.all()

    def ask(name, role):
        user = rule_users.users[role]
        if name in ("visible_cases", "own_cases"):
            return getattr(rules, name)(user, everyone).filter(pk=case.pk).exists()
        if name == "official_users":
            return rules.official_users().filter(pk=user.pk).exists()
        if name.startswith("snippet policy: "):
            return policy.user_has_permission(user, name.removeprefix("snippet policy: "))
        if name in ("can_view_case", "can_answer_case", "can_download_attachments"):
            return getattr(rules, name)(user, case)
        if name == "is_petitioner":
            return rules.is_petitioner(user, case)
        return getattr(rules, name)(user)

    check_rules(TABLE, ask)


def test_every_predicate_of_the_module_is_in_the_table():
    public = {
        name
        for name, value in vars(rules).items()
        if callable(value)
        and getattr(value, "__module__", "") == rules.__name__
        and not name.startswith("_")
        and not isinstance(value, type)
    }
    assert public <= set(TABLE)


@pytest.mark.parametrize("role", RULE_ROLES)
def test_templates_ask_the_user_rules_by_name(rule_users, role):
    user = rule_users.users[role]
    template = Template(
        "{% load pqr_tags %}"
        + "".join(
            f'{{% if user|pqr_can:"{name}" %}}1{{% else %}}0{{% endif %}}'
            for name in rules.USER_RULES
        )
    )
    expected = "".join(str(int(rule(user))) for rule in rules.USER_RULES.values())
    assert template.render(Context({"user": user})) == expected


def test_an_unknown_rule_name_in_a_template_is_an_error(rule_users):
    template = Template('{% load pqr_tags %}{% if user|pqr_can:"publish_everything" %}x{% endif %}')
    with pytest.raises((KeyError, TemplateSyntaxError)):
        template.render(Context({"user": rule_users.users["superuser"]}))
