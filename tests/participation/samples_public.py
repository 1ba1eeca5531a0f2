"""Fuzz samples (tests/fuzz_samples.py) for participation's public routes: route ->
function of the demo returning URLs to GET; POST_SAMPLES(d) lists (url, data) pairs for
POST-only endpoints."""

PUBLIC_SAMPLES = {
    "<lang>/participacion/seguimiento/cancelar/<uuid:token>/": lambda d: [
        "/es/participacion/seguimiento/cancelar/00000000-0000-0000-0000-000000000000/"
    ],
}


def POST_SAMPLES(d):  # noqa: N802
    return []
