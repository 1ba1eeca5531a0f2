"""Facts an app publishes about itself for the GEL self-assessment (gel.checks).

gel sits beside pqr, surveys and participation in the import-linter layers, so it reads
their pages and models by label; what is neither a page nor a row (a table of legal
terms kept in code) the owning app publishes here in ``AppConfig.ready``::

    from cms.assessment_facts import publish

    publish("pqr.petition_terms", public_terms)  # () -> [(label, business days)]

and a check reads it with ``fact("pqr.petition_terms")`` (None when nobody publishes it,
e.g. the app is not installed). A fact may take arguments, passed on to its provider:
``fact("pqr.period_figures", start, end)`` (the GEL bimonthly report's PQRSD figures)."""

_PROVIDERS = {}


def publish(name, provider):
    """Register ``provider`` (a callable) for the fact ``name``."""
    _PROVIDERS[name] = provider


def fact(name, *args):
    provider = _PROVIDERS.get(name)
    return provider(*args) if provider is not None else None
