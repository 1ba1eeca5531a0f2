"""What participation holds about an account, for "download my data" and "delete my
account" (``cms.personal_data``, registered in ParticipationConfig.ready).

Erasing keeps the public contributions, without their author: comments and
consultation contributions stay in their threads and in the matrix, an accepted
proposal stays as its debate, all shown as "Participante eliminado"
(``author_name``). What is only the account's (the profile with its nickname and
comuna, proposals never published, supports, reactions, follows, reports and pending
e-mails) goes with the account."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models import (
    Comment,
    ConsultationPage,
    DebateProposal,
    Follow,
    Profile,
    Reaction,
    Report,
    SectionPosition,
)

#: how a contribution whose author deleted their account is signed
DELETED_PARTICIPANT = _("Deleted participant")


def author_name(comment):
    """The public name of a comment's author: their nickname, or "Participante
    eliminado" once the account is gone."""
    if not comment.user_id:
        return comment.user_name or str(DELETED_PARTICIPANT)
    profile = getattr(comment.user, "participant", None)
    return profile.nickname if profile is not None else comment.user_name


def _iso(moment):
    return moment.isoformat() if moment else None


def _comment_row(comment):
    version = comment.section_version
    return {
        "id": comment.pk,
        "page": comment.page.title,
        "section": str(version) if version else None,
        "comment": comment.comment,
        "status": comment.status,
        "language": comment.language,
        "submitted_at": _iso(comment.submit_date),
        "edited_at": _iso(comment.edited_at),
        "in_reply_to": comment.parent_id if comment.parent_id != comment.pk else None,
    }


def export_participation(user):
    profile = Profile.objects.filter(user=user).first()
    consultation = ContentType.objects.get_for_model(ConsultationPage)
    comments = list(
        Comment.objects.filter(user=user)
        .select_related("page", "section_version")
        .order_by("submit_date", "pk")
    )
    positions = SectionPosition.objects.filter(user=user).select_related("section__page")
    return {
        "participant_profile": [
            {
                "nickname": profile.nickname,
                "comuna": profile.comuna,
                "comuna_consent_at": _iso(profile.comuna_consent_at),
                "created_at": _iso(profile.created_at),
            }
        ]
        if profile
        else [],
        "debate_proposals": [
            {
                "title": proposal.title,
                "description": proposal.description,
                "status": proposal.status,
                "reason": proposal.reason,
                "created_at": _iso(proposal.created_at),
                "decided_at": _iso(proposal.decided_at),
                "debate": proposal.debate.title if proposal.debate else None,
            }
            for proposal in DebateProposal.objects.filter(author=user)
            .select_related("debate")
            .order_by("created_at", "pk")
        ],
        "comments": [
            _comment_row(c) for c in comments if c.page.content_type_id != consultation.pk
        ],
        "consultation_contributions": [
            _comment_row(c) for c in comments if c.page.content_type_id == consultation.pk
        ],
        "section_supports": [
            {
                "consultation": position.section.page.title,
                "section": str(position.section),
                "position": "support" if position.value == SectionPosition.SUPPORT else "oppose",
                "created_at": _iso(position.created_at),
                "updated_at": _iso(position.updated_at),
            }
            for position in positions.order_by("created_at", "pk")
        ],
        "comment_reactions": [
            {
                "comment": reaction.comment_id,
                "reaction": "agree" if reaction.value == Reaction.AGREE else "disagree",
                "created_at": _iso(reaction.created_at),
            }
            for reaction in Reaction.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "follows": [
            {
                "page": follow.page.title,
                "thread": follow.thread_id,
                "since": _iso(follow.created_at),
            }
            for follow in Follow.objects.filter(user=user)
            .select_related("page")
            .order_by("created_at", "pk")
        ],
        "reports": [
            {
                "comment": report.comment_id,
                "debate": report.debate_id,
                "reason": report.reason,
                "details": report.text,
                "created_at": _iso(report.created_at),
            }
            for report in Report.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }


def erase_participation(user):
    """Detach the comments (with the name, e-mail, URL and address xtd stores) and the
    accepted proposals; delete the proposals never published and the profile."""
    Comment.objects.filter(user=user).update(
        user=None, user_name="", user_email="", user_url="", ip_address=None, followup=False
    )
    proposals = DebateProposal.objects.filter(author=user)
    proposals.filter(debate__isnull=False).update(author=None)
    proposals.filter(debate__isnull=True).delete()
    Profile.objects.filter(user=user).delete()
