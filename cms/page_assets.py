"""What apps add to every page the base template renders, without the base template
naming them: stylesheets (in ``<head>``), deferred scripts (search's suggestions) and
templates shown after the page content
(surveys' "¿Le fue útil esta página?"). Apps register them in ``AppConfig.ready``."""

STYLESHEETS = []
SCRIPTS = []
AFTER_CONTENT = []


def register_stylesheet(static_path):
    """Link the static stylesheet ``static_path`` from every page."""
    if static_path not in STYLESHEETS:
        STYLESHEETS.append(static_path)


def register_script(static_path):
    """Load the static script ``static_path`` (deferred, with the CSP nonce) on every page."""
    if static_path not in SCRIPTS:
        SCRIPTS.append(static_path)


def register_after_content(template_name):
    """Include ``template_name`` (with the page's context) after every page's content."""
    if template_name not in AFTER_CONTENT:
        AFTER_CONTENT.append(template_name)
