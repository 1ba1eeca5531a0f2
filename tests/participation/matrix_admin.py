"""Role-matrix rows of participation's admin routes (harness: tests/role_matrix.py):
only the "Moderadores" group and superusers moderate; the POST-only decisions answer a
GET with 405 once the rule let the user through. ``WAGTAIL_ROWS``: Wagtail's own views
behind the same decisions (the word-list snippet; a debate page's editor, which
moderators may not open), checked by tests/participation/test_moderation_permissions.py."""

from django.urls import reverse

from tests.participation.samples_admin import moderation_items
from tests.role_matrix import ADMIN_DENIED, snippet

NOT_STAFF = ADMIN_DENIED[:2]  # anonymous, citizen: sent to sign in
MODERATORS_ONLY = (*NOT_STAFF, "302:admin", "302:admin", "200", "302:admin", "302:admin", "200")
MODERATORS_POST_ONLY = (
    *NOT_STAFF,
    *("302:admin", "302:admin", "405", "302:admin", "302:admin", "405"),
)


def _url(name, item):
    return lambda d: reverse(f"participation_admin:{name}", args=[item(moderation_items(d)).pk])


def _queue(d):
    moderation_items(d)
    return "/admin/moderacion/?tab=comments"


MATRIX_ADMIN = {
    "admin/moderacion/": (_queue, MODERATORS_ONLY),
    "admin/moderacion/lote/": (lambda d: "/admin/moderacion/lote/", MODERATORS_POST_ONLY),
    "admin/moderacion/comentarios/<int:pk>/": (
        _url("comment", lambda items: items.held),
        MODERATORS_ONLY,
    ),
    "admin/moderacion/debates/<int:pk>/": (
        _url("debate", lambda items: items.reported_debate),
        MODERATORS_ONLY,
    ),
    "admin/moderacion/propuestas/<int:pk>/": (
        _url("proposal", lambda items: items.proposal),
        MODERATORS_ONLY,
    ),
    "admin/moderacion/bloqueos/": (lambda d: "/admin/moderacion/bloqueos/", MODERATORS_ONLY),
    "admin/moderacion/bloqueos/<int:pk>/levantar/": (
        _url("unblock", lambda items: items.block),
        MODERATORS_POST_ONLY,
    ),
}

WAGTAIL_ROWS = {
    "word list: list": (
        snippet("participation_moderatedword", "list"),
        MODERATORS_ONLY,
    ),
    "word list: add": (
        snippet("participation_moderatedword", "add"),
        MODERATORS_ONLY,
    ),
    "word list: edit": (
        lambda d: reverse(
            "wagtailsnippets_participation_moderatedword:edit",
            args=[moderation_items(d).word.pk],
        ),
        MODERATORS_ONLY,
    ),
    # Authors draft and editors publish debates; moderators only hide or restore them.
    "debate page: edit": (
        lambda d: reverse("wagtailadmin_pages:edit", args=[moderation_items(d).debate.pk]),
        (*NOT_STAFF, "200", "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
}


# Consultations: "Import text" is for whoever may edit the page (authors, editors,
# superusers); other staff get Wagtail's permission bounce.
from tests.participation.samples_admin import import_consultation  # noqa: E402

MATRIX_ADMIN["admin/participacion/consultas/<int:pk>/importar-texto/"] = (
    lambda d: reverse("participation_drafts:import", args=[import_consultation(d).pk]),
    (*NOT_STAFF, "200", "200", "302:admin", "302:admin", "302:admin", "200"),
)

# Consultations: the answers matrix. The role table's PQRSD official sees every
# dependency (ventanilla única); officials of other dependencies are refused in
# tests/participation/test_consultation_answers_admin.py.
from tests.participation.samples_admin import answers_consultation  # noqa: E402

ANSWERERS = (*NOT_STAFF, "302:admin", "302:admin", "302:admin", "200", "302:admin", "200")
ANSWERERS_POST_ONLY = (*NOT_STAFF, "302:admin", "302:admin", "302:admin", "405", "302:admin", "405")

MATRIX_ADMIN.update(
    {
        "admin/consultas/": (lambda d: "/admin/consultas/", ANSWERERS),
        "admin/consultas/<int:pk>/": (
            lambda d: f"/admin/consultas/{answers_consultation(d).page.pk}/",
            ANSWERERS,
        ),
        "admin/consultas/<int:pk>/respuestas/<int:answer_pk>/": (
            lambda d: (
                f"/admin/consultas/{answers_consultation(d).page.pk}/respuestas/"
                f"{answers_consultation(d).answer.pk}/"
            ),
            ANSWERERS,
        ),
        "admin/consultas/<int:pk>/publicar/": (
            lambda d: f"/admin/consultas/{answers_consultation(d).page.pk}/publicar/",
            ANSWERERS_POST_ONLY,
        ),
    }
)
