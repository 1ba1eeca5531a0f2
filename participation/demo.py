"""Demo debates (``participation/data/demo_debates.json``): under "Participa", the
"Debates ciudadanos" index and the "Normas de participación" page it links, an open
debate on the Autopista Sur with a real-looking thread (three levels, reactions, a
comment hidden with a reason, one reported and waiting, one withdrawn by its author, one
waiting for pre-moderation), a closed debate with the entity's conclusion, and a
citizen's proposal waiting in the moderation queue. Each in Spanish, the pages also in
English.

Everything a participant or a moderator does goes through the services
(participation.contributions and participation.moderation), as the site would do it;
only the dates are moved afterwards so the thread spreads over the past days.
Deterministic (``random.Random(387)``) and idempotent: a debate that exists is left as
it is, with its comments. No e-mail leaves: the notifications the services queue while
loading (a hidden comment's decision) are dropped before the transaction commits, so the
delivery task finds nothing to send."""

import json
import os
import random
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page
from wagtail.rich_text import RichText

from allauth.account.models import EmailAddress

from cms.demo.loader import DEFAULT_DEMO_PASSWORD
from participation import contributions, demo_consultations, moderation
from participation.models import (
    Comment,
    DebateIndexPage,
    DebatePage,
    DebateProposal,
    ModeratedWord,
    Notification,
    ParticipaPage,
    Profile,
    Reaction,
    Report,
)

DATA = Path(__file__).resolve().parent / "data" / "demo_debates.json"
SEED = 387
MODERATOR_EMAIL = "moderador@soacha.example"


def read_data():
    return json.loads(DATA.read_text(encoding="utf-8"))


def load(loader):
    data = read_data()
    created = 0
    last_notification = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
    participa, n = _participa(loader, data["participa"])
    created += n
    conduct, n = _code_of_conduct(loader, participa, data["code_of_conduct"])
    created += n
    index, n = _index(loader, participa, data["index"], conduct)
    created += n
    citizens, n = ensure_citizens(data["citizens"])
    created += n
    rng = random.Random(SEED)  # noqa: S311 - demo data, reproducible on purpose
    for spec in data["debates"]:
        created += _debate(loader, index, spec, citizens, data, rng)
    created += _proposals(loader, data["proposals"], citizens)
    created += demo_consultations.load(loader, participa, conduct, citizens)
    # Moderation e-mails the services queued while loading: none is for a real person.
    drop = Notification.objects.all()
    if last_notification is not None:
        drop = drop.filter(pk__gt=last_notification)
    drop.delete()
    return created


def finish(loader):
    """The six sections of the "Participa" landing, once every app's demo made the
    pages they list (the surveys index, the transparency reports)."""
    participa = (
        Page.objects.child_of(loader.home)
        .filter(slug=read_data()["participa"]["slug"], locale=loader.es)
        .first()
    )
    if participa is not None:
        demo_consultations.finish(loader, participa.specific)


# Pages --------------------------------------------------------------------------------


def standard_page_model():
    """home's StandardPage, named through the app registry like a ForeignKey's string:
    home and participation are sibling layers that never import each other."""
    return apps.get_model("home", "StandardPage")


def _body(spec, lang):
    blocks = []
    for section in spec["sections"]:
        blocks.append(("heading", {"text": section["heading"][lang], "level": "h2"}))
        html = "".join(
            text if text.startswith("<") else f"<p>{text}</p>"
            for text in section["paragraphs"][lang]
        )
        blocks.append(("paragraph", RichText(html)))
    return blocks


def _participa(loader, spec):
    """The Spanish "Participa" landing (home's demo makes it, as a ParticipaPage, from
    home/data/site.json; created if missing). An older database's "Participa" standard
    page is kept: the indexes go under it all the same."""
    page = Page.objects.child_of(loader.home).filter(slug=spec["slug"], locale=loader.es).first()
    created = 0
    if page is None:
        page = ParticipaPage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            show_in_menus=True,
        )
        loader.home.add_child(instance=page)
        page.save_revision().publish()
        created = 1
    loader.ensure_translation(page, spec)
    return page.specific, created


def _code_of_conduct(loader, parent, spec):
    StandardPage = standard_page_model()
    page = StandardPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    created = 0
    if page is None:
        page = StandardPage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            body=_body(spec, "es"),
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        created = 1
    loader.ensure_translation(page, spec, body=_body(spec, "en"))
    return page, created


def _index(loader, parent, spec, conduct):
    index = DebateIndexPage.objects.child_of(parent).first()
    created = 0
    if index is None:
        index = DebateIndexPage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            code_of_conduct=conduct,
        )
        parent.add_child(instance=index)
        index.save_revision().publish()
        created = 1
    loader.ensure_translation(
        index, spec, code_of_conduct=conduct.get_translation_or_none(loader.en)
    )
    return index, created


# Participants -------------------------------------------------------------------------


def ensure_citizens(specs):
    """``{nickname: user}`` of the demo citizens: verified e-mail, the demo password,
    a profile with the given nickname (an existing profile keeps its own)."""
    User = get_user_model()
    password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    users, created = {}, 0
    for spec in specs:
        user = User.objects.filter(email__iexact=spec["email"]).first()
        if user is None:
            user = User(
                username=spec["email"].split("@")[0],
                email=spec["email"],
                first_name=spec.get("first_name", ""),
                last_name=spec.get("last_name", ""),
            )
            user.set_password(password)
            user.save()
            created += 1
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if not Profile.objects.filter(user=user).exists():
            if Profile.objects.filter(nickname__iexact=spec["nickname"]).exists():
                contributions.profile_for(user)  # the nickname is someone else's
            else:
                Profile.objects.create(user=user, nickname=spec["nickname"])
        users[spec["nickname"]] = user
    return users, created


def citizens_by_nickname(specs):
    """The demo citizens already loaded (for the bench seeding), by their data nickname."""
    User = get_user_model()
    emails = {spec["email"].lower(): spec["nickname"] for spec in specs}
    return {
        emails[user.email.lower()]: user
        for user in User.objects.filter(email__in=[spec["email"] for spec in specs])
    }


# Debates ------------------------------------------------------------------------------


def _debate(loader, index, spec, citizens, data, rng):
    debate = DebatePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    created = 0
    if debate is None:
        now = timezone.now()
        opens = now - timedelta(days=spec["opens_days_ago"])
        if spec["state"] == "closed":
            closes = now - timedelta(days=spec["closes_days_ago"])
        else:
            closes = now + timedelta(days=spec["closes_in_days"])
        dependency = loader.dependencies.get(spec["dependency"], {}).get("es")
        debate = DebatePage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            question=spec["question"]["es"],
            context=spec["context"]["es"],
            dependency=dependency,
            # open while the thread is written: the services refuse comments otherwise
            opens_at=opens,
            closes_at=max(closes, now + timedelta(days=1)),
        )
        index.add_child(instance=debate)
        created += 1 + _thread(debate, spec, citizens, data, rng, opens, min(closes, now))
        debate.closes_at = closes
        if spec.get("conclusion"):
            debate.conclusion = spec["conclusion"]["es"]
        debate.save_revision().publish()
    english = loader.dependencies.get(spec["dependency"], {}).get("en")
    fields = {"question": spec["question"]["en"], "context": spec["context"]["en"]}
    if spec.get("conclusion"):
        fields["conclusion"] = spec["conclusion"]["en"]
    loader.ensure_translation(debate, spec, dependency=english, **fields)
    return created


def _thread(debate, spec, citizens, data, rng, start, end):
    """Post the comments in order, react, report, moderate, withdraw, follow; then
    spread the dates between ``start`` and ``end``. Returns the objects created."""
    posted = {}
    for item in spec["comments"]:
        parent = posted.get(item.get("parent"))
        posted[item["key"]] = contributions.post_comment(
            citizens[item["author"]], debate, item["text"], "es", parent=parent
        )
    order = list(posted.values())
    skip = {posted[key].pk for key in spec.get("no_reactions", [])}
    for comment in order:
        if comment.pk in skip:
            continue
        others = [user for user in citizens.values() if user.pk != comment.user_id]
        for user in rng.sample(others, rng.randint(0, 5)):
            value = 1 if rng.random() < 0.75 else -1
            contributions.react(user, comment, value)
    for item in spec.get("reports", []):
        contributions.report(
            citizens[item["by"]], item["reason"], item["text"], comment=posted[item["comment"]]
        )
    moderator = get_user_model().objects.filter(email__iexact=MODERATOR_EMAIL).first()
    for item in spec.get("hide", []):
        comment = Comment.objects.get(pk=posted[item["comment"]].pk)
        moderation.hide_comment(comment, moderator, item["reason"], item.get("note", ""))
    for key in spec.get("withdraw", []):
        comment = Comment.objects.get(pk=posted[key].pk)
        contributions.withdraw_comment(comment.user, comment)
    if spec.get("pending"):
        # the word list sends this one to pre-moderation: the moderator's queue shows it
        for word in data["moderated_words"]:
            ModeratedWord.objects.get_or_create(word=word)
        item = spec["pending"]
        posted[item["key"]] = contributions.post_comment(
            citizens[item["author"]], debate, item["text"], "es"
        )
        order.append(posted[item["key"]])
    for item in spec.get("follows", []):
        thread = posted[item["thread"]] if item.get("thread") else None
        contributions.follow(citizens[item["by"]], debate, thread=thread)
    _spread_dates(order, start, end, rng)
    return len(order)


def _spread_dates(comments, start, end, rng):
    """Submit dates in posting order over ``[start, end]``; reactions and reports
    follow their comment by a few hours."""
    span = (end - start).total_seconds() - 3 * 3600
    for n, comment in enumerate(comments):
        when = start + timedelta(seconds=span * (n + 0.2 + 0.6 * rng.random()) / len(comments))
        Comment.objects.filter(pk=comment.pk).update(submit_date=when)
        for model in (Reaction, Report):
            for pk in model.objects.filter(comment=comment).values_list("pk", flat=True):
                later = when + timedelta(minutes=rng.randint(5, 180))
                model.objects.filter(pk=pk).update(created_at=later)


def _proposals(loader, specs, citizens):
    created = 0
    for spec in specs:
        author = citizens[spec["author"]]
        if DebateProposal.objects.filter(author=author, title=spec["title"]).exists():
            continue
        proposal = contributions.propose_debate(
            author,
            spec["title"],
            spec["description"],
            loader.dependencies.get(spec["dependency"], {}).get("es"),
            "es",
        )
        proposal.created_at = timezone.now() - timedelta(days=spec["days_ago"])
        proposal.save(update_fields=["created_at"])
        created += 1
    return created
