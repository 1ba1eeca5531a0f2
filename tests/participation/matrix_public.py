"""Role-matrix rows of participation's public routes (harness: tests/role_matrix.py).
Every role of the matrix has a verified e-mail address and no block; the sample
comment is written by someone of no role (tests/participation/samples_public.py)."""

from tests.participation.samples_public import (
    sample_comment,
    sample_consultation,
    sample_debate,
    sample_profile,
    sample_section,
)
from tests.role_matrix import ALL_200, LOGIN_ONLY, PUBLIC_405

P = "/es/participacion"
#: only the author may edit or withdraw a comment: everyone else is refused
AUTHOR_ONLY = ("302:login",) + ("403",) * 7

MATRIX_PUBLIC = {
    # An unknown token: the same answer for everyone (no sign-in needed, none helps).
    "<lang>/participacion/seguimiento/cancelar/<uuid:token>/": (
        lambda d: "/es/participacion/seguimiento/cancelar/00000000-0000-0000-0000-000000000000/",
        ("404",) * 8,
    ),
    "<lang>/participacion/debates/<int:page_id>/comentar/": (
        lambda d: f"{P}/debates/{sample_debate().pk}/comentar/",
        PUBLIC_405,
    ),
    "<lang>/participacion/debates/<int:page_id>/seguir/": (
        lambda d: f"{P}/debates/{sample_debate().pk}/seguir/",
        PUBLIC_405,
    ),
    "<lang>/participacion/comentarios/<int:pk>/reaccion/": (
        lambda d: f"{P}/comentarios/{sample_comment().pk}/reaccion/",
        PUBLIC_405,
    ),
    "<lang>/participacion/debates/<int:page_id>/reportar/": (
        lambda d: f"{P}/debates/{sample_debate().pk}/reportar/",
        LOGIN_ONLY,
    ),
    "<lang>/participacion/comentarios/<int:pk>/reportar/": (
        lambda d: f"{P}/comentarios/{sample_comment().pk}/reportar/",
        LOGIN_ONLY,
    ),
    "<lang>/participacion/comentarios/<int:pk>/editar/": (
        lambda d: f"{P}/comentarios/{sample_comment().pk}/editar/",
        AUTHOR_ONLY,
    ),
    "<lang>/participacion/comentarios/<int:pk>/retirar/": (
        lambda d: f"{P}/comentarios/{sample_comment().pk}/retirar/",
        AUTHOR_ONLY,
    ),
    "<lang>/participacion/debates/proponer/": (lambda d: f"{P}/debates/proponer/", LOGIN_ONLY),
    "<lang>/participacion/perfil/": (lambda d: f"{P}/perfil/", LOGIN_ONLY),
    "<lang>/participacion/perfil/<int:pk>/": (
        lambda d: f"{P}/perfil/{sample_profile().pk}/",
        ALL_200,
    ),
    # Consultations: pages and sections are public; the POST endpoints answer 405 to GET.
    "<ConsultationPage>/": (lambda d: sample_consultation().url, ALL_200),
    "<ConsultationPage>/seccion/<str:key>/": (
        lambda d: f"{sample_consultation().url}seccion/{sample_section().key}/",
        ALL_200,
    ),
    "<ConsultationPage>/seccion/<str:key>/version/<int:version>/": (
        lambda d: f"{sample_consultation().url}seccion/{sample_section().key}/version/1/",
        ALL_200,
    ),
    "<lang>/participacion/consultas/<int:page_id>/comentar/": (
        lambda d: f"{P}/consultas/{sample_consultation().pk}/comentar/",
        PUBLIC_405,
    ),
    "<lang>/participacion/consultas/<int:page_id>/posicion/<str:key>/": (
        lambda d: f"{P}/consultas/{sample_consultation().pk}/posicion/{sample_section().key}/",
        PUBLIC_405,
    ),
}


# Consultations: the public answers matrix and its downloads (views/matrix.py)
from tests.participation.samples_admin import answers_consultation  # noqa: E402

MATRIX_PUBLIC.update(
    {
        "<ConsultationPage>/matriz/": (
            lambda d: answers_consultation(d).page.url + "matriz/",
            ALL_200,
        ),
        "<ConsultationPage>/matriz/csv/": (
            lambda d: answers_consultation(d).page.url + "matriz/csv/",
            ALL_200,
        ),
        "<ConsultationPage>/matriz/xlsx/": (
            lambda d: answers_consultation(d).page.url + "matriz/xlsx/",
            ALL_200,
        ),
    }
)

# Results pages and participation certificates: the roles of the matrix took part in
# no sample process, so the certificate is refused to each of them (and anonymous
# visitors are sent to sign in).
from tests.participation.samples_public import sample_consultation_for_results  # noqa: E402

NOT_A_PARTICIPANT = ("302:login",) + ("403",) * 7

MATRIX_PUBLIC.update(
    {
        "<ConsultationPage>/resultados/": (
            lambda d: sample_consultation_for_results().url + "resultados/",
            ALL_200,
        ),
        "<ConsultationPage>/certificado/": (
            lambda d: sample_consultation_for_results().url + "certificado/",
            NOT_A_PARTICIPANT,
        ),
        "<DebatePage>/": (lambda d: sample_debate().url, ALL_200),
        "<DebatePage>/resultados/": (lambda d: sample_debate().url + "resultados/", ALL_200),
        "<DebatePage>/certificado/": (
            lambda d: sample_debate().url + "certificado/",
            NOT_A_PARTICIPANT,
        ),
        "<lang>/participacion/certificados/verificar/": (
            lambda d: f"{P}/certificados/verificar/",
            ALL_200,
        ),
    }
)
