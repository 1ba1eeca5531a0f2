"""The debate journey in Chromium: a citizen comments and another replies; three
others report the comment, and the third report hides it; a moderator restores it from
the admin queue, then hides it with a reason; the author gets the e-mail, the debate
page shows the reason and the audit log has both decisions (restoring a
comment that reports hid is approving it). axe-core runs on the
debate index, the debate page with its thread and form, the profile page and the
moderation queue, in Spanish and English; no page raises a dialog."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def session_cookie(base_url, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}


def tab_for(browser, base_url, user, dialogs, locale="es-CO"):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    if user is not None:
        context.add_cookies([session_cookie(base_url, user)])
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return tab


def open_debate():
    from participation.models import DebatePage

    return (
        DebatePage.objects.live()
        .filter(locale__language_code="es", slug="movilidad-autopista-sur")
        .first()
        or DebatePage.objects.live().filter(locale__language_code="es").order_by("pk").first()
    )


def report(tab, base_url, comment_pk):
    tab.goto(f"{base_url}/es/participacion/comentarios/{comment_pk}/reportar/")
    tab.locator("input[name='reason'][value='offensive']").check()
    tab.locator("main form button[type='submit']").click()


@pytest.mark.browser
def test_comment_report_hold_restore_hide_journey(
    browser, portal_url, make_user, settings, screenshot, axe_check
):
    from wagtail.models import ModelLogEntry

    from participation.models import Comment

    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    dialogs = []
    debate = open_debate()
    assert debate is not None and debate.is_open
    author, replier, *reporters = (
        make_user(f"{name}@recorrido.example")
        for name in ("autora", "respondedor", "reporta1", "reporta2", "reporta3")
    )
    moderator = make_user("moderadora@recorrido.example", groups=["Moderadores"])

    # The author comments.
    tab = tab_for(browser, portal_url, author, dialogs)
    tab.goto(portal_url + debate.url)
    expect(tab.locator("h1")).to_have_text(debate.title)
    tab.locator("form.comment-form textarea[name='comment']").first.fill(
        "Propongo un carril exclusivo para buses en la Autopista Sur."
    )
    tab.locator("form.comment-form button[type='submit']").first.click()
    comment = Comment.objects.filter(user=author).get()
    expect(tab.locator(f"#comentario-{comment.pk}")).to_contain_text("carril exclusivo")
    axe_check(tab)

    # Another citizen replies.
    other = tab_for(browser, portal_url, replier, dialogs)
    other.goto(portal_url + debate.url)
    thread = other.locator(f"#comentario-{comment.pk}")
    thread.locator("summary").click()
    reply_form = other.locator(f"#comentario-{comment.pk} ~ * form, #comentario-{comment.pk} form")
    reply_form.locator("textarea[name='comment']").first.fill(
        "De acuerdo, y con paraderos seguros."
    )
    reply_form.locator(
        "button[type='submit']", has_text=re.compile("respuesta", re.I)
    ).first.click()
    reply = Comment.objects.filter(user=replier).get()
    assert reply.parent_id == comment.pk and reply.level == 1
    expect(other.locator(f"#comentario-{reply.pk}")).to_contain_text("paraderos seguros")

    # Three reports: the third hides the comment pending review; the reply stays.
    for n, reporter in enumerate(reporters, start=1):
        report(tab_for(browser, portal_url, reporter, dialogs), portal_url, comment.pk)
        comment.refresh_from_db()
        assert comment.status == (Comment.HELD if n == 3 else Comment.PUBLISHED)
    other.goto(portal_url + debate.url)
    held = other.locator(f"#comentario-{comment.pk}")
    expect(held).to_contain_text("revisa")
    expect(held).not_to_contain_text("carril exclusivo")
    expect(other.locator(f"#comentario-{reply.pk}")).to_contain_text("paraderos seguros")

    # The moderator restores it from the queue, then hides it with a reason.
    admin = tab_for(browser, portal_url, moderator, dialogs)
    admin.goto(f"{portal_url}/admin/moderacion/")
    expect(admin.locator("main")).to_contain_text("carril exclusivo")
    axe_check(admin)
    screenshot(admin, "debate-journey-queue")
    admin.goto(f"{portal_url}/admin/moderacion/comentarios/{comment.pk}/")
    axe_check(admin)
    # Restoring a comment that reports hid is approving it: it clears the reports.
    admin.locator("#decision-approve button[type='submit']").click()
    admin.wait_for_url(re.compile(r"/admin/moderacion/"))
    comment.refresh_from_db()
    assert comment.status == Comment.PUBLISHED
    admin.goto(f"{portal_url}/admin/moderacion/comentarios/{comment.pk}/")
    admin.locator("#decision-hide select").select_option("offensive")
    admin.locator("#decision-hide button[type='submit']").click()
    admin.wait_for_url(re.compile(r"/admin/moderacion/"))
    comment.refresh_from_db()
    assert comment.status == Comment.HIDDEN and comment.hidden_reason == "offensive"

    # The author got the e-mail; the page shows the reason, never the text.
    to_author = [m for m in mail.outbox if m.to == [author.email]]
    assert len(to_author) == 1
    assert "lenguaje ofensivo" in to_author[0].body.lower()
    assert "?tipo=claim" in to_author[0].body
    tab.goto(portal_url + debate.url)
    hidden = tab.locator(f"#comentario-{comment.pk}")
    expect(hidden).to_contain_text("Ocultado por moderación")
    expect(hidden).to_contain_text("Lenguaje ofensivo")
    assert "carril exclusivo" not in tab.content()
    screenshot(tab, "debate-journey-hidden")

    actions = list(
        ModelLogEntry.objects.for_instance(comment)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )
    assert actions[-2:] == [
        ("participation.approve", moderator.pk),
        ("participation.hide", moderator.pk),
    ]
    assert ("participation.hold", None) in actions
    assert dialogs == []


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_debate_pages_pass_axe(browser, portal_url, make_user, language, screenshot, axe_check):
    from participation.models import Comment, DebateIndexPage

    dialogs = []
    citizen = make_user(f"axe-{language}@recorrido.example")
    moderator = make_user(f"axe-mod-{language}@recorrido.example", groups=["Moderadores"])
    debate = open_debate()
    index = DebateIndexPage.objects.get(locale__language_code="es")
    if language == "en":
        from wagtail.models import Locale

        english = Locale.objects.get(language_code="en")
        debate = debate.get_translation(english)
        index = index.get_translation(english)
    profile_owner = Comment.objects.filter(status=Comment.PUBLISHED).order_by("pk").first().user
    from participation.contributions import profile_for

    profile = profile_for(profile_owner)
    locale = "es-CO" if language == "es" else "en-GB"
    for name, user, path in [
        ("index", None, index.url),
        ("debate", None, debate.url),
        ("debate-signed-in", citizen, debate.url),
        ("profile", None, f"/{language}/participacion/perfil/{profile.pk}/"),
        ("queue", moderator, "/admin/moderacion/"),
    ]:
        tab = tab_for(browser, portal_url, user, dialogs, locale)
        tab.goto(portal_url + path)
        screenshot(tab, f"debates-{language}-{name}")
        axe_check(tab)
        tab.context.close()
    assert dialogs == []
