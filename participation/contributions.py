"""What a participant does, as services the views call: comment, reply, edit,
withdraw, react, report, follow and propose. Each checks the rule and the process's
phase itself, so a refused action is refused whatever form or client sent it."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.client_ip import client_ip
from cms.consents import mark_withdrawn, record_consent
from cms.models import Consent
from participation import moderation, notifications, rules
from participation.models import (
    Comment,
    DebateProposal,
    Follow,
    ModeratedWord,
    Profile,
    Reaction,
    Report,
)
from participation.text import matches_word_list


class Refused(Exception):
    """An action the rules or the process's phase do not allow; ``message`` is shown."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def profile_for(user):
    """The participant's profile, created with a generated nickname the first time."""
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    for _attempt in range(10):
        nickname = f"participante-{secrets.randbelow(10**6):06d}"
        try:
            with transaction.atomic():
                return Profile.objects.create(user=user, nickname=nickname)
        except IntegrityError:
            existing = Profile.objects.filter(user=user).first()
            if existing is not None:
                return existing
    raise RuntimeError("Could not generate a free nickname")


def _check_can_participate(user):
    if not (user and user.is_authenticated):
        raise Refused(_("Sign in to take part."))
    if not rules.has_verified_email(user):
        raise Refused(_("Confirm your email address before taking part."))
    if rules.is_blocked(user):
        raise Refused(_("Your account is blocked from taking part; you can still read."))


def _needs_premoderation(user, page, text):
    words = list(ModeratedWord.objects.values_list("word", flat=True))
    if words and matches_word_list(text, words):
        return True
    mode = getattr(page, "premoderation", "none")
    if mode == "all":
        return True
    if mode == "new_accounts":
        return not Comment.objects.filter(user=user, status=Comment.PUBLISHED).exists()
    return False


def post_comment(user, page, text, language, parent=None, request=None, section_version=None):
    """A new comment on ``page`` (a reply when ``parent`` is given). Published at once,
    or pending when the page pre-moderates or the text matches the word list.
    ``section_version``: on a consultation, the section version commented on
    (use ``comment_on_consultation``, which picks it)."""
    _check_can_participate(user)
    if not page.is_open:
        raise Refused(_("This process is not open for comments."))
    if parent is not None:
        if parent.page_id != page.pk:
            raise Refused(_("That comment is not part of this process."))
        if parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            raise Refused(_("Replies cannot go deeper here; reply to the comment above."))
        if parent.status != Comment.PUBLISHED:
            raise Refused(_("That comment cannot receive replies."))
    profile = profile_for(user)
    status = Comment.PENDING if _needs_premoderation(user, page, text) else Comment.PUBLISHED
    with transaction.atomic():
        comment = Comment(
            content_type=ContentType.objects.get_for_model(page),
            object_pk=str(page.pk),
            site=Site.objects.get_current(),
            page=page,
            user=user,
            user_name=profile.nickname,
            user_email="",
            comment=text,
            language=language,
            status=status,
            parent_id=parent.pk if parent else 0,
            section_version=section_version,
            ip_address=client_ip(request) if request else None,
            submit_date=timezone.now(),
        )
        comment.save()
        if status == Comment.PUBLISHED:
            notifications.queue_replies(comment)
    return comment


def edit_comment(user, comment, text):
    if not rules.can_edit_comment(user, comment):
        raise Refused(_("This comment can no longer be edited."))
    with transaction.atomic():
        comment.comment = text
        comment.edited_at = timezone.now()
        if comment.status == Comment.PUBLISHED and _needs_premoderation(
            user, comment.page.specific, text
        ):
            comment.status = Comment.PENDING
        comment.save()
    return comment


def withdraw_comment(user, comment):
    if not rules.can_withdraw_comment(user, comment):
        raise Refused(_("This comment cannot be withdrawn."))
    comment.status = Comment.WITHDRAWN
    comment.save()
    return comment


def _lock(comment):
    """The comment's row, locked. xtd's manager joins the (nullable) user, and
    PostgreSQL refuses FOR UPDATE on the nullable side of an outer join: drop it."""
    return Comment.objects.select_related(None).select_for_update().get(pk=comment.pk)


def react(user, comment, value):
    """Set the user's reaction to ``value`` (1 agree, -1 disagree, 0 none). Idempotent:
    sending the reaction a user already has changes nothing, so double clicks and
    parallel requests leave one row. The comment row is locked while counts change."""
    _check_can_participate(user)
    if value not in (Reaction.AGREE, Reaction.DISAGREE, 0):
        raise Refused(_("Unknown reaction."))
    with transaction.atomic():
        locked = _lock(comment)
        if locked.status != Comment.PUBLISHED or not locked.page.specific.is_open:
            raise Refused(_("This comment no longer accepts reactions."))
        current = Reaction.objects.filter(comment=locked, user=user).first()
        old = current.value if current else 0
        if old == value:
            return value
        if current and value:
            current.value = value
            current.save(update_fields=["value"])
        elif current:
            current.delete()
        else:
            Reaction.objects.create(comment=locked, user=user, value=value)
        changes = {}
        for count, reaction in (("agree_count", 1), ("disagree_count", -1)):
            delta = (value == reaction) - (old == reaction)
            if delta:
                changes[count] = F(count) + delta
        Comment.objects.filter(pk=locked.pk).update(**changes)
    return value


def report(user, reason, text="", comment=None, debate=None):
    """Report a comment or a debate, once per person. When the distinct reports of an
    item reach PARTICIPATION_REPORTS_TO_HIDE it is held until a moderator decides."""
    _check_can_participate(user)
    if (comment is None) == (debate is None):
        raise ValueError("Report exactly one comment or debate")
    with transaction.atomic():
        if comment is not None:
            comment = _lock(comment)
            if comment.user_id == user.pk:
                raise Refused(_("You cannot report your own comment."))
        else:
            # Serialises the debate's reports so the threshold is counted once.
            Page.objects.select_for_update().filter(pk=debate.pk).first()
        try:
            with transaction.atomic():
                created = Report.objects.create(
                    user=user, reason=reason, text=text, comment=comment, debate=debate
                )
        except IntegrityError:
            raise Refused(_("You already reported this.")) from None
        moderation.count_report(created)
    return created


def follow(user, page, thread=None):
    _check_can_participate(user)
    try:
        with transaction.atomic():
            return Follow.objects.create(user=user, page=page, thread=thread)
    except IntegrityError:
        return Follow.objects.get(user=user, page=page, thread=thread)


def unfollow(user, page, thread=None):
    Follow.objects.filter(user=user, page=page, thread=thread).delete()


def propose_debate(user, title, description, dependency, language):
    _check_can_participate(user)
    profile_for(user)
    return DebateProposal.objects.create(
        author=user,
        title=title,
        description=description,
        dependency=dependency,
        language=language,
    )


# Consultations: comments on the draft or on one of its sections, and positions on
# sections. Everything belongs to the consultation's original-language page.


def consultation_original(page):
    """The consultation whose comments and positions these are: the original page in
    the default language (``page`` itself when it is the original)."""
    from participation.models import ConsultationPage

    if page.canonical_id == page.pk:
        return page
    return ConsultationPage.objects.get(pk=page.canonical_id)


def _check_consultation_open(page):
    if not page.is_open:
        raise Refused(_("This consultation is not open for observations."))


def current_section(page, key):
    """The section ``key`` of the consultation (not removed from the draft), or None."""
    from participation.models import DraftSection

    if not key or len(key) > 64:
        return None
    return DraftSection.objects.filter(
        page_id=page.canonical_id, key=key, removed_at__isnull=True
    ).first()


def comment_on_consultation(user, page, text, language, section=None, parent=None, request=None):
    """An observation on the consultation ``page`` (or its translation): on ``section``
    (a DraftSection) when given, attached to that section's current version, else on
    the whole draft. A reply inherits its parent's section version. Refused outside
    the open phase."""
    from participation.models import SectionVersion

    _check_can_participate(user)
    original = consultation_original(page)
    _check_consultation_open(original)
    version = None
    if parent is not None:
        if parent.page_id != original.pk:
            raise Refused(_("That comment is not part of this process."))
        version = parent.section_version
        if section is not None and (version is None or version.section_id != section.pk):
            raise Refused(_("That comment is about another part of the draft."))
    elif section is not None:
        if section.page_id != original.pk or section.removed_at is not None:
            raise Refused(_("That section is not part of this draft."))
        version = SectionVersion.objects.filter(section=section, version=section.version).first()
        if version is None:
            raise Refused(_("That section is not part of this draft."))
    return post_comment(
        user, original, text, language, parent=parent, request=request, section_version=version
    )


def take_position(user, page, section, value):
    """Support (1) or oppose (-1) ``section`` of the consultation ``page``, or withdraw
    the position (0). One row per person and section (a database constraint);
    sending the position one already has changes nothing, and parallel requests leave
    one row: a lost race to create it updates the row the winner made."""
    from participation.models import SectionPosition

    _check_can_participate(user)
    if value not in (SectionPosition.SUPPORT, SectionPosition.OPPOSE, 0):
        raise Refused(_("Choose support or oppose."))
    original = consultation_original(page)
    _check_consultation_open(original)
    if section.page_id != original.pk or section.removed_at is not None:
        raise Refused(_("That section is not part of this draft."))
    mine = SectionPosition.objects.filter(section=section, user=user)
    if not value:
        mine.delete()
        return 0
    now = timezone.now()
    for _attempt in range(3):
        if mine.exclude(value=value).update(value=value, updated_at=now) or mine.exists():
            return value
        try:
            with transaction.atomic():
                SectionPosition.objects.create(
                    section=section, user=user, value=value, created_at=now, updated_at=now
                )
            return value
        except IntegrityError:
            continue  # another request created it meanwhile: update that row
    raise Refused(_("Your position could not be saved. Try again."))


# The participant's comuna (participation.forms.ComunaForm)


def set_comuna(user, comuna, consent, now=None):
    """Save the comuna with the time of consent, or, without consent, forget both.
    Returns the profile (created with a generated nickname if need be)."""
    if comuna and not consent:
        raise Refused(_("A comuna is saved only with your authorisation."))
    profile = profile_for(user)
    with transaction.atomic():
        profile = Profile.objects.select_for_update().get(pk=profile.pk)
        if consent and comuna:
            if profile.comuna_consent_at is None:
                profile.comuna_consent_at = now or timezone.now()
                record_consent(
                    Consent.Purpose.COMUNA,
                    Consent.Channel.PROFILE,
                    user=user,
                    covers=profile,
                    now=profile.comuna_consent_at,
                )
            profile.comuna = comuna
        else:
            profile.comuna = ""
            profile.comuna_consent_at = None
            mark_withdrawn(_comuna_consents(user), now)
        profile.save(update_fields=["comuna", "comuna_consent_at"])
    return profile


def _comuna_consents(user):
    return Consent.objects.filter(user=user, purpose=Consent.Purpose.COMUNA)


def withdraw_comuna(consent):
    """Withdrawing the comuna's consent (in "Mi cuenta") forgets the comuna."""
    if consent.user_id is not None:
        Profile.objects.filter(user_id=consent.user_id).update(comuna="", comuna_consent_at=None)
        mark_withdrawn(_comuna_consents(consent.user_id))
