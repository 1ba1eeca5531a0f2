"""participation.rules walked role by role (tests/role_matrix.py has the roles; each
of them has a verified e-mail address), then the people the table cannot show: the
unverified, the blocked, and an author's rights over a comment in time."""

import inspect
from datetime import timedelta

from django.utils import timezone

import pytest

from participation import contributions, moderation, rules
from participation.models import Block, Comment, ConsultationPage
from tests.role_matrix import check_rules

pytestmark = pytest.mark.django_db

F, T = False, True
ANYONE_SIGNED_IN = (F, T, T, T, T, T, T, T, T, T, T)
MODERATORS = (F, F, F, F, T, F, F, F, F, F, T)
ANSWER_HOLDERS = (F, F, F, F, F, T, T, T, T, F, T)
#      anonymous citizen author editor moderator
#      pqr_dependency pqr_elsewhere pqr_all pqr_no_profile control superuser
TABLE = {
    "has_verified_email": ANYONE_SIGNED_IN,
    "is_blocked": (F,) * 11,
    "can_participate": ANYONE_SIGNED_IN,
    "can_comment": ANYONE_SIGNED_IN,
    "can_react": ANYONE_SIGNED_IN,
    "can_report": ANYONE_SIGNED_IN,
    "can_propose_debate": ANYONE_SIGNED_IN,
    "can_follow": ANYONE_SIGNED_IN,
    "can_moderate": MODERATORS,
    "can_see_hidden_text": MODERATORS,
    # asked about the role's own comment (the visitor: about someone else's)
    "can_edit_comment": ANYONE_SIGNED_IN,
    "can_withdraw_comment": ANYONE_SIGNED_IN,
    # asked about someone else's comment: nobody, not even a moderator or superuser
    "can_edit_comment: another's": (F,) * 11,
    "can_withdraw_comment: another's": (F,) * 11,
    # consultations: the answers matrix (holders of answer_observations, the PQRSD group)
    "can_answer_any": ANSWER_HOLDERS,
    # asked about a consultation of the pqr_dependency official's dependency
    "can_answer_observations": (F, F, F, F, F, T, F, T, F, F, T),
    "can_answer_observations: no dependency": ANSWER_HOLDERS,
    # asked about the debate each role commented on
    "can_get_certificate": ANYONE_SIGNED_IN,
}
#: predicates about a comment: (user, comment)
ABOUT_A_COMMENT = {"can_edit_comment", "can_withdraw_comment"}
#: predicates about a consultation: (user, page)
ABOUT_A_CONSULTATION = {"can_answer_observations"}
#: predicates about a process page: (user, page)
ABOUT_A_PROCESS = {"can_get_certificate"}

# Consultations: predicates about a page, (user, page), asked about a debate page (page
# rights are the same for every page type under the tree root).
PAGE_EDITORS = (F, F, T, T, F, F, F, F, F, F, T)
TABLE["can_import_draft"] = PAGE_EDITORS
ABOUT_A_PAGE = {"can_import_draft"}


def _predicates():
    return {
        name
        for name, value in vars(rules).items()
        if name.startswith(("can_", "is_", "has_")) and inspect.isfunction(value)
    }


def test_every_rule_has_a_row():
    assert _predicates() == {name.split(":")[0] for name in TABLE}


@pytest.fixture
def someone(make_user):
    return make_user("otra@reglas.example")


def test_each_role_gets_what_the_rules_say(rule_users, debate, someone):
    others = contributions.post_comment(someone, debate, "Ajeno", "es")
    own = {
        role: contributions.post_comment(user, debate, f"De {role}", "es")
        for role, user in rule_users.users.items()
        if user.is_authenticated
    }

    def ask(name, role):
        user = rule_users.users[role]
        predicate, _sep, whose = name.partition(": ")
        if predicate in ABOUT_A_PAGE:
            return getattr(rules, predicate)(user, debate)
        if predicate in ABOUT_A_COMMENT:
            comment = others if whose or role not in own else own[role]
            return getattr(rules, predicate)(user, comment)
        if predicate in ABOUT_A_CONSULTATION:
            dependency = None if whose else rule_users.dependency
            return getattr(rules, predicate)(user, ConsultationPage(dependency=dependency))
        if predicate in ABOUT_A_PROCESS:
            return getattr(rules, predicate)(user, debate)
        return getattr(rules, predicate)(user)

    check_rules(TABLE, ask)


def test_none_is_nobody():
    for name in _predicates() - ABOUT_A_COMMENT - ABOUT_A_PAGE - ABOUT_A_CONSULTATION:
        assert getattr(rules, name)(None) is False, name


def test_an_unverified_person_reads_but_does_not_take_part(unverified, citizen, debate):
    comment = contributions.post_comment(citizen, debate, "Luego sin verificar", "es")
    comment.user = unverified
    comment.save()
    assert not rules.has_verified_email(unverified)
    for name in ("can_participate", "can_comment", "can_react", "can_report"):
        assert getattr(rules, name)(unverified) is False, name
    assert not rules.can_propose_debate(unverified) and not rules.can_follow(unverified)
    assert not rules.can_edit_comment(unverified, comment)
    assert rules.can_withdraw_comment(unverified, comment)  # taking one's words back


def test_a_blocked_person_reads_but_does_not_take_part(make_user, debate, moderator):
    user = make_user("pronto-bloqueada@reglas.example")
    comment = contributions.post_comment(user, debate, "Antes del bloqueo", "es")
    block = moderation.block_user(user, moderator, "Insultos")
    assert rules.is_blocked(user) and rules.has_verified_email(user)
    for name in ("can_participate", "can_comment", "can_react", "can_report", "can_follow"):
        assert getattr(rules, name)(user) is False, name
    assert not rules.can_propose_debate(user)
    assert not rules.can_edit_comment(user, comment)
    assert rules.can_withdraw_comment(user, comment)
    moderation.unblock_user(block, moderator)
    assert not rules.is_blocked(user) and rules.can_comment(user)


def test_a_block_ends_on_its_date(make_user, moderator):
    user = make_user("temporal@reglas.example")
    Block.objects.create(user=user, reason="Spam", until=timezone.now() - timedelta(minutes=1))
    assert not rules.is_blocked(user) and rules.can_comment(user)
    Block.objects.create(user=user, reason="Spam", until=timezone.now() + timedelta(days=1))
    assert rules.is_blocked(user) and not rules.can_comment(user)


def test_the_edit_window(citizen, debate):
    comment = contributions.post_comment(citizen, debate, "Hora", "es")
    start = comment.submit_date
    assert rules.can_edit_comment(citizen, comment, now=start + timedelta(minutes=14))
    assert not rules.can_edit_comment(citizen, comment, now=start + timedelta(minutes=16))
    assert rules.can_withdraw_comment(citizen, comment)  # withdrawing has no window


@pytest.mark.parametrize(
    ("status", "edit", "withdraw"),
    [
        (Comment.PUBLISHED, T, T),
        (Comment.PENDING, T, T),
        (Comment.HELD, F, F),
        (Comment.HIDDEN, F, F),
        (Comment.WITHDRAWN, F, F),
    ],
)
def test_what_the_author_may_do_by_status(citizen, debate, status, edit, withdraw):
    comment = contributions.post_comment(citizen, debate, "Estado", "es")
    comment.status = status
    assert rules.can_edit_comment(citizen, comment) is edit
    assert rules.can_withdraw_comment(citizen, comment) is withdraw


def test_editable_comments_agrees_with_can_edit_comment(citizens, debate, blocked):
    mine = [contributions.post_comment(citizens[0], debate, f"N{n}", "es") for n in range(3)]
    theirs = contributions.post_comment(citizens[1], debate, "Ajeno", "es")
    blocked_own = contributions.post_comment(citizens[2], debate, "Luego bloqueado", "es")
    Comment.objects.filter(pk=blocked_own.pk).update(user=blocked)
    Comment.objects.filter(pk=mine[0].pk).update(submit_date=timezone.now() - timedelta(minutes=20))
    comments = list(Comment.objects.filter(page=debate))
    expected = {c.pk for c in comments if rules.can_edit_comment(citizens[0], c)}
    assert rules.editable_comments(citizens[0], comments) == expected
    assert expected == {mine[1].pk, mine[2].pk} and theirs.pk not in expected
    assert rules.editable_comments(blocked, comments) == set()


def test_no_user_or_no_page_imports_nothing(superuser, debate):
    assert rules.can_import_draft(None, debate) is False
    assert rules.can_import_draft(superuser, None) is False


def test_none_answers_no_consultation():
    assert rules.can_answer_observations(None, ConsultationPage()) is False
