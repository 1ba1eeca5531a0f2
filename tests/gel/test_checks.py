"""Every GEL criterion is evaluated, and every automatic check is tested both ways.

The 93 criteria of gel/data/gel_criteria.json each have an automatic check
(gel.checks) or are declared manual with a reason (gel.manual), never both. Each check
is run against the demo site and against the same site changed so that it must pass
(``PASS``: None when the demo itself meets it) and so that it must fail (``FAIL``);
the evidence-file checks of the information and democracy phases are grouped."""

from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site, Workflow

import pytest

from cms import assessment_facts
from cms.media_blocks import live_pages_with_media
from cms.models import EntitySettings
from gel import criteria
from gel.checks import CHECKS, MET, NOT_MET, PARTLY, SiteContext
from gel.manual import MANUAL

pytestmark = pytest.mark.django_db

ALL = criteria.all_criteria()
MAPPED = sorted(
    {
        *criteria.information_phase_evidence()["criteria"],
        *criteria.democracy_phase_evidence()["criteria"],
    }
)
BARE_URLS = "tests.gel.urls_bare"
ENTITY_FIELDS = (
    "entity_name_es",
    "entity_name_en",
    "address",
    "phone",
    "toll_free_phone",
    "fax",
    "opening_hours_es",
    "opening_hours_en",
    "contact_email",
    "facebook_url",
    "x_url",
    "youtube_url",
)


def run(criterion_id):
    return CHECKS[criterion_id](SiteContext())


# Coverage ---------------------------------------------------------------------------


def test_the_decree_has_93_criteria_in_five_phases():
    assert len(ALL) == 93
    assert len({c.id for c in ALL}) == 93, "criterion ids must be unique"
    assert [p["key"] for p in criteria.phases()] == [
        "informacion",
        "interaccion",
        "transaccion",
        "transformacion",
        "democracia",
    ]


@pytest.mark.parametrize("criterion", ALL, ids=lambda c: c.id)
def test_every_criterion_is_automatic_or_manual_with_a_reason(criterion):
    automatic, manual = criterion.id in CHECKS, criterion.id in MANUAL
    assert automatic != manual, f"{criterion.id}: automatic={automatic} manual={manual}"
    if manual:
        assert len(str(MANUAL[criterion.id]).strip()) > 30, criterion.id
    else:
        check = CHECKS[criterion.id]
        assert check.name and str(check.description).strip(), criterion.id


def test_no_check_or_reason_names_an_unknown_criterion():
    ids = {c.id for c in ALL}
    assert set(CHECKS) <= ids, set(CHECKS) - ids
    assert set(MANUAL) <= ids, set(MANUAL) - ids


def test_the_evidence_mapping_is_the_checks_of_its_phases():
    """The information phase's 47 (and the democracy phase's 6) criteria are checked by
    their evidence-file entries, not by a second list."""
    for phase in (criteria.INFORMATION_PHASE, criteria.DEMOCRACY_PHASE):
        for criterion in criteria.phase_criteria(phase):
            assert CHECKS[criterion.id].name == "evidence_pages", criterion.id
    assert len(criteria.phase_criteria(criteria.INFORMATION_PHASE)) == 47


def test_every_automatic_check_has_a_passing_and_a_failing_fixture():
    assert set(PASS) == set(CHECKS), set(CHECKS) ^ set(PASS)
    assert set(FAIL) == set(CHECKS), set(CHECKS) ^ set(FAIL)


# Changes that make a check pass or fail ---------------------------------------------


def unpublish(*labels):
    for label in labels:
        apps.get_model(label).objects.update(live=False)


def blank_entity():
    entity = EntitySettings.for_site(Site.objects.get(is_default_site=True))
    for name in ENTITY_FIELDS:
        setattr(entity, name, "")
    entity.save()
    return entity


def bare_urls(env):
    env.settings.ROOT_URLCONF = BARE_URLS


def no_page_templates(env):
    """Page templates that draw nothing of the portal, with a frameset."""
    for name in ("base.html", *(f"includes/{n}.html" for n in ("govco_bar", "header"))):
        target = env.tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("<html><frameset></frameset></html>")
    for name in ("breadcrumbs", "footer"):
        (env.tmp_path / "includes" / f"{name}.html").write_text("")
    engine = dict(env.settings.TEMPLATES[0])
    engine["DIRS"] = [env.tmp_path, *engine["DIRS"]]
    env.settings.TEMPLATES = [engine, *env.settings.TEMPLATES[1:]]


def broken_site(env):
    """No live page, no entity data, templates without the portal's parts."""
    Page.objects.filter(depth__gt=1).update(live=False)
    blank_entity()
    no_page_templates(env)


def procedures(kind=None):
    model = apps.get_model("transparency.ProcedurePage")
    found = model.objects.live()
    return found.filter(kind=kind) if kind else found


def no_online_form_pages(env):
    unpublish("pqr.OnlineFormPage")


def at_information_level(env):
    """Every procedure at the information level, without an online form page."""
    procedures().update(online_level="informacion", online_form=None)


def unpublish_media_pages(env):
    """The demo's video and audio stay in the library, but no live page shows them."""
    Page.objects.filter(pk__in=[page.pk for page in live_pages_with_media()]).update(live=False)


def restricted_documents(env):
    CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.LOGIN,
    )


def publish_fact(name, value):
    def change(env):
        env.monkeypatch.setitem(assessment_facts._PROVIDERS, name, lambda: value)

    return change


def page_feedback(env):
    apps.get_model("surveys.PageFeedback").objects.create(
        page=Site.objects.get(is_default_site=True).root_page, useful=True
    )


def no_ratings_nor_urls(env):
    apps.get_model("pqr.Rating").objects.all().delete()
    apps.get_model("surveys.PageFeedback").objects.all().delete()
    bare_urls(env)


def no_english(env):
    Page.objects.filter(locale__language_code="en").update(live=False)


def stale_accessibility_statement(env):
    entity = EntitySettings.for_site(Site.objects.get(is_default_site=True))
    Page.objects.filter(pk=entity.accessibility_page_id).update(
        last_published_at=timezone.now() - timedelta(days=400)
    )


def cases_filed(env):
    from pqr.filing import file_case
    from tests.fuzz_samples import SAMPLE_PETITION

    if not apps.get_model("pqr.CaseEvent").objects.exists():
        file_case(dict(SAMPLE_PETITION))


def no_flows(env):
    apps.get_model("pqr.CaseEvent").objects.all().delete()
    Workflow.objects.update(active=False)


def combine(*changes):
    def change(env):
        for each in changes:
            each(env)

    return change


#: criterion id -> what makes its check pass (None: the demo site meets it)
PASS = dict.fromkeys(MAPPED) | {
    "buzon-de-contactenos": None,
    "buzon-de-peticiones-quejas-y-reclamos": None,
    "mecanismo-de-busqueda": None,
    "suscripcion-a-servicios-de-informacion-al-correo-electronico": None,
    "encuestas-de-opinion": None,
    "informacion-en-audio-yo-video": None,
    "descarga-de-documentos": None,
    "mecanismos-de-participacion": None,
    "ayudas": None,
    "contratacion-en-linea": None,
    # The demo links its online form pages (pqr.OnlineFormPage) from a procedure and a
    # service; tests/gel/test_online_form_checks.py covers the outside-URL path.
    "formularios-para-descarga-o-diligenciamiento-en-linea": None,
    "tramites-en-interaccion-nivel-de-avance-bajomedioalto": None,
    "servicios-en-interaccion-nivel-de-avance-bajomedioalto": None,
    "consulta-del-estado-de-un-tramite-yo-servicio": None,
    "plazos-de-respuesta": None,
    "medicion-de-la-satisfaccion-de-los-usuarios": page_feedback,
    "suscripcion-a-servicios-de-informacion-al-telefono-movil": publish_fact(
        "subscriptions.mobile_lists", ["Noticias"]
    ),
    "otro-idioma": None,
    "politica-de-seguridad": None,
    "monitoreo-del-desempeno-y-uso": publish_fact("usage.days_counted", 30),
    "tramites-en-transaccion-bajomedioalto": None,
    "servicios-en-transaccion-bajomedioalto": None,
    "multiples-canales": None,
    "personalizacion": None,
    "accesibilidad-web": None,
    "flujos-de-informacion-automatizados-bajomedioalto": cases_filed,
}

#: criterion id -> (what makes its check fail, the status it then gives)
FAIL = dict.fromkeys(MAPPED, (broken_site, None)) | {
    "buzon-de-contactenos": (lambda env: blank_entity(), PARTLY),
    "buzon-de-peticiones-quejas-y-reclamos": (bare_urls, NOT_MET),
    "mecanismo-de-busqueda": (combine(bare_urls, broken_site), NOT_MET),
    "suscripcion-a-servicios-de-informacion-al-correo-electronico": (
        combine(bare_urls, broken_site),
        NOT_MET,
    ),
    "encuestas-de-opinion": (lambda env: unpublish("surveys.SurveyPage"), NOT_MET),
    "informacion-en-audio-yo-video": (unpublish_media_pages, NOT_MET),
    "descarga-de-documentos": (restricted_documents, NOT_MET),
    "mecanismos-de-participacion": (
        lambda env: unpublish("participation.ConsultationPage", "participation.DebatePage"),
        PARTLY,
    ),
    "ayudas": (lambda env: unpublish("home.FaqPage", "home.GlossaryPage"), NOT_MET),
    "contratacion-en-linea": (lambda env: unpublish("transparency.PublicationsPage"), NOT_MET),
    "formularios-para-descarga-o-diligenciamiento-en-linea": (
        lambda env: unpublish("transparency.ProcedurePage", "pqr.OnlineFormPage"),
        NOT_MET,
    ),
    "tramites-en-interaccion-nivel-de-avance-bajomedioalto": (at_information_level, NOT_MET),
    "servicios-en-interaccion-nivel-de-avance-bajomedioalto": (at_information_level, NOT_MET),
    "consulta-del-estado-de-un-tramite-yo-servicio": (bare_urls, NOT_MET),
    "plazos-de-respuesta": (
        publish_fact("pqr.petition_terms", [("Petición general", 15), ("Queja", None)]),
        PARTLY,
    ),
    "medicion-de-la-satisfaccion-de-los-usuarios": (no_ratings_nor_urls, NOT_MET),
    "suscripcion-a-servicios-de-informacion-al-telefono-movil": (lambda env: None, NOT_MET),
    "otro-idioma": (no_english, NOT_MET),
    "politica-de-seguridad": (lambda env: unpublish("home.StandardPage"), NOT_MET),
    "monitoreo-del-desempeno-y-uso": (bare_urls, NOT_MET),
    # Without the online form pages, the demo's catalogue links its transactional
    # procedures to an outside system only.
    "tramites-en-transaccion-bajomedioalto": (no_online_form_pages, NOT_MET),
    "servicios-en-transaccion-bajomedioalto": (no_online_form_pages, NOT_MET),
    "multiples-canales": (combine(lambda env: blank_entity(), bare_urls), NOT_MET),
    "personalizacion": (
        combine(bare_urls, lambda env: unpublish("home.AudiencePage")),
        NOT_MET,
    ),
    "accesibilidad-web": (stale_accessibility_statement, PARTLY),
    "flujos-de-informacion-automatizados-bajomedioalto": (no_flows, NOT_MET),
}


@pytest.fixture
def env(settings, tmp_path, monkeypatch, demo_site):
    class Env:
        pass

    found = Env()
    found.settings, found.tmp_path, found.monkeypatch = settings, tmp_path, monkeypatch
    return found


@pytest.mark.parametrize("criterion_id", sorted(PASS))
def test_check_passes(env, criterion_id):
    if PASS[criterion_id] is not None:
        PASS[criterion_id](env)
    result = run(criterion_id)
    assert result.status == MET, (criterion_id, result)


@pytest.mark.parametrize("criterion_id", sorted(FAIL))
def test_check_fails(env, criterion_id):
    change, status = FAIL[criterion_id]
    change(env)
    result = run(criterion_id)
    assert result.status != MET, (criterion_id, result)
    if status is not None:
        assert result.status == status, (criterion_id, result)


def test_a_mapped_check_without_portal_views_is_not_met_on_a_broken_site(env):
    """Beyond "not met": a criterion shown only by pages and parts of every page is
    wholly unmet when none of them is there."""
    broken_site(env)
    assert run("organigrama").status == NOT_MET
    assert run("uso-de-marcos").status == NOT_MET  # the templates draw a frameset
    assert run("correo-electronico-de-contacto").status == NOT_MET


def test_other_language_below_the_set_share_is_partly_met(env):
    env.settings.GEL_MIN_TRANSLATED_PERCENT = 101
    result = run("otro-idioma")
    assert result.status == PARTLY and "%" in result.note


def test_accessibility_without_a_statement_is_not_met(env):
    entity = EntitySettings.for_site(Site.objects.get(is_default_site=True))
    entity.accessibility_page = None
    entity.save()
    assert run("accesibilidad-web").status == NOT_MET


def test_a_survey_with_hidden_results_is_only_partly_met(env):
    SurveyPage = apps.get_model("surveys.SurveyPage")
    closes_at = timezone.now() + timedelta(days=9)
    SurveyPage.objects.update(results_visibility="after_close", opens_at=None, closes_at=closes_at)
    assert run("encuestas-de-opinion").status == PARTLY


def test_evidence_links_point_at_live_spanish_pages(env):
    result = run("organigrama")
    assert result.evidence and result.evidence[0].url == "/es/transparencia/organigrama/"
    assert Locale.objects.filter(language_code="es").exists()
