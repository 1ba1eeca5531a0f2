"""The consultation journey in Chromium: a citizen comments on article 3 and supports
article 5 of an open draft; the deadline passes; an official answers the comment in
the admin and publishes the matrix; the public matrix shows the answer, the citizen
receives the e-mail, the results page shows the section-by-section diff and the
participation certificate downloads. axe-core checks the consultation page, a
section's comments, the matrix, the results page and the Participa landing, in
Spanish and English."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.browser.test_debate_journey import tab_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTICLES = [
    ("Artículo 1", "Objeto", "Reglamentar el uso de los parques de la ciudad."),
    ("Artículo 2", "Ámbito", "Aplica a todos los parques públicos del municipio."),
    ("Artículo 3", "Horarios", "Los parques abrirán de seis de la mañana a diez de la noche."),
    ("Artículo 4", "Mascotas", "Las mascotas irán con correa en todo momento."),
    ("Artículo 5", "Eventos", "Los eventos requerirán permiso de la Secretaría de Gobierno."),
    ("Artículo 6", "Vigencia", "El presente decreto rige a partir de su publicación."),
]
FINAL = [
    ARTICLES[0],
    ARTICLES[1],
    ("Artículo 3", "Horarios", "Los parques abrirán de cinco de la mañana a once de la noche."),
    ARTICLES[3],
    ARTICLES[4],
    ("Artículo 6", "Iluminación", "Los parques contarán con iluminación nocturna."),
    ("Artículo 7", "Vigencia", "El presente decreto rige a partir de su publicación."),
]


def stream(articles):
    return [
        {"type": "section", "value": {"number": n, "heading": h, "body": b}} for n, h, b in articles
    ]


def consultation_index():
    from wagtail.models import Page, Site

    from participation.models import ConsultationIndexPage

    index = ConsultationIndexPage.objects.filter(locale__language_code="es").first()
    if index is None:
        home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
        index = ConsultationIndexPage(title="Consultas ciudadanas", slug="consultas-recorrido")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def open_consultation():
    from participation.models import ConsultationPage

    now = timezone.now()
    page = ConsultationPage(
        title="Proyecto de decreto de parques",
        slug="recorrido-parques",
        kind=ConsultationPage.KIND_NORM,
        summary="<p>Horarios y reglas de los parques.</p>",
        draft=stream(ARTICLES),
        final_text=stream(FINAL),
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=20),
    )
    consultation_index().add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.browser
def test_comment_support_answer_matrix_results_certificate_journey(
    browser, portal_url, make_user, settings, screenshot, axe_check
):
    from participation.models import (
        Comment,
        ConsultationPage,
        DraftSection,
        Notification,
        SectionPosition,
    )

    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    dialogs = []
    page = open_consultation()
    sections = {s.number: s for s in DraftSection.objects.filter(page=page)}
    citizen = make_user("ciudadana@consulta.example")
    official = make_user("funcionaria@consulta.example", groups=["Funcionarios PQRSD"])

    # The citizen reads the draft and opens article 3's comments on their own page.
    tab = tab_for(browser, portal_url, citizen, dialogs)
    tab.goto(portal_url + page.url)
    expect(tab.locator("h1")).to_have_text(page.title)
    article3 = tab.locator(f"#seccion-{sections['Artículo 3'].key}")
    expect(article3).to_contain_text("seis de la mañana")
    article3.get_by_role("link", name=re.compile("comentarios", re.I)).first.click()
    tab.wait_for_url(re.compile(r"/seccion/"))
    form = tab.locator("form.comment-form").first
    form.locator("textarea[name='comment']").fill(
        "Propongo abrir a las cinco de la mañana para quienes trotan antes del trabajo."
    )
    with tab.expect_navigation():
        form.locator("button[type='submit']").click()
    comment = Comment.objects.get(user=citizen)
    assert comment.section_version.section_id == sections["Artículo 3"].pk
    expect(tab.locator(f"#comentario-{comment.pk}")).to_contain_text("cinco de la mañana")

    # ... and supports article 5 from the main page, with the keyboard.
    tab.goto(portal_url + page.url)
    support = tab.locator(f"#seccion-{sections['Artículo 5'].key}").get_by_role(
        "button", name=re.compile("A favor|Apoyar|Support", re.I)
    )
    support.focus()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    position = SectionPosition.objects.get(user=citizen)
    assert position.section_id == sections["Artículo 5"].pk and position.value == 1
    expect(
        tab.locator(f"#seccion-{sections['Artículo 5'].key}").locator("[aria-pressed='true']")
    ).to_have_count(1)

    # The deadline passes: the comment form is gone and the server refuses comments.
    ConsultationPage.objects.filter(pk=page.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    tab.goto(portal_url + page.url)
    expect(tab.locator("form.comment-form")).to_have_count(0)

    # The official answers in the admin and publishes the matrix.
    admin = tab_for(browser, portal_url, official, dialogs)
    admin.goto(f"{portal_url}/admin/consultas/{page.pk}/")
    expect(admin.locator("main")).to_contain_text("cinco de la mañana")
    admin.locator(f"#select-{comment.pk}").check()
    admin.locator("input[name='decision'][value='accepted']").check()
    admin.locator("textarea[name='text']").fill(
        "Se acoge: el artículo 3 abrirá los parques a las cinco de la mañana."
    )
    with admin.expect_navigation():
        admin.get_by_role("button", name=re.compile("Guardar la respuesta|Save the answer")).click()
    comment.refresh_from_db()
    assert comment.answer is not None and comment.answer.decision == "accepted"
    with admin.expect_navigation():
        admin.get_by_role("button", name=re.compile("Publicar|Publish")).click()
    page.refresh_from_db()
    assert page.phase() == "concluded"

    # The public matrix shows the answer; the citizen received the e-mail.
    tab.goto(portal_url + page.url + "matriz/")
    expect(tab.locator("main")).to_contain_text("abrirá los parques a las cinco")
    axe_check(tab)
    screenshot(tab, "consultation-journey-matrix")
    to_citizen = [m for m in mail.outbox if m.to == [citizen.email]]
    assert len(to_citizen) == 1, [m.subject for m in mail.outbox]
    assert "abrirá los parques a las cinco" in to_citizen[0].body
    assert Notification.objects.filter(user=citizen, sent_at__isnull=False).count() == 1

    # The results page shows the diff, marked by more than colour.
    tab.goto(portal_url + page.url + "resultados/")
    main = tab.locator("main")
    expect(main.locator("del").first).to_be_visible()
    expect(main.locator("ins").first).to_be_visible()
    expect(main).to_contain_text("Artículo 7")
    axe_check(tab)
    screenshot(tab, "consultation-journey-results")

    # The certificate downloads.
    with tab.expect_download() as download:
        tab.locator("a[href$='certificado/?descargar=1']").click()
    path = download.value.path()
    html = open(path, encoding="utf-8").read()
    assert page.title in html
    assert download.value.suggested_filename.startswith("certificado-participacion-")
    assert dialogs == []


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_consultation_pages_pass_axe(
    browser, portal_url, make_user, language, screenshot, axe_check
):
    from wagtail.models import Locale

    from participation.models import ConsultationPage, DraftSection, ParticipaPage

    dialogs = []
    citizen = make_user(f"axe-consulta-{language}@recorrido.example")
    open_page = (
        ConsultationPage.objects.live()
        .filter(locale__language_code="es", closes_at__gt=timezone.now())
        .order_by("pk")
        .first()
    )
    closed_page = (
        ConsultationPage.objects.live()
        .filter(locale__language_code="es", closes_at__lt=timezone.now())
        .order_by("pk")
        .first()
    )
    participa = ParticipaPage.objects.filter(locale__language_code="es").first()
    assert open_page and closed_page and participa, "the demo has consultations and Participa"
    section = DraftSection.objects.filter(page=open_page).order_by("position").first()
    if language == "en":
        english = Locale.objects.get(language_code="en")
        open_page = open_page.get_translation(english)
        closed_page = closed_page.get_translation(english)
        participa = participa.get_translation(english)
    locale = "es-CO" if language == "es" else "en-GB"
    for name, user, path in [
        ("participa", None, participa.url),
        ("consultation", None, open_page.url),
        ("consultation-signed-in", citizen, open_page.url),
        ("section", citizen, f"{open_page.url}seccion/{section.key}/"),
        ("matrix", None, closed_page.url + "matriz/"),
        ("results", None, closed_page.url + "resultados/"),
    ]:
        for width, suffix in ((1366, ""), (390, "-mobile")):
            tab = tab_for(browser, portal_url, user, dialogs, locale)
            tab.set_viewport_size({"width": width, "height": 900})
            response = tab.goto(portal_url + path)
            assert response.status == 200, path
            screenshot(tab, f"consultations-{language}-{name}{suffix}")
            axe_check(tab)
            tab.context.close()
    assert dialogs == []
