"""The forms of an HTML page, as a browser would submit them untouched."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

TEXT_INPUTS = {"hidden", "text", "email", "password", "search", "tel", "url", "number", "date"}


@dataclass
class Form:
    action: str
    method: str
    multipart: bool
    fields: dict = field(default_factory=dict)  # name -> first value a browser would send
    files: set = field(default_factory=set)
    choices: set = field(default_factory=set)  # names of select/radio/checkbox fields

    @property
    def key(self):
        return (self.method, self.action, tuple(sorted({*self.fields, *self.files})))


class _FormParser(HTMLParser):
    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_url, attrs.get("action") or self.page_url)
            self.form = Form(
                action=action,
                method=(attrs.get("method") or "get").lower(),
                multipart=attrs.get("enctype") == "multipart/form-data",
            )
            self.forms.append(self.form)
            return
        name = attrs.get("name")
        if self.form is None or not name:
            return
        kind = (attrs.get("type") or "text").lower()
        if tag == "input" and kind in TEXT_INPUTS:
            self.form.fields.setdefault(name, attrs.get("value") or "")
        elif tag == "input" and kind in {"radio", "checkbox"}:
            self.form.choices.add(name)
            if name not in self.form.fields or "checked" in attrs:
                self.form.fields[name] = attrs.get("value", "on")
        elif tag == "input" and kind == "file":
            self.form.files.add(name)
        elif tag == "select":
            self.form.choices.add(name)
            self.select = name
        elif tag == "option" and self.select and self.select not in self.form.fields:
            self.form.fields[self.select] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = name
            self.form.fields.setdefault(name, "")

    def handle_data(self, data):
        if self.form is not None and self.textarea:
            self.form.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_of(html, page_url):
    """The forms of the page whose action is on this site, with paths as actions."""
    parser = _FormParser(page_url)
    parser.feed(html)
    kept = []
    for form in parser.forms:
        parts = urlsplit(form.action)
        if parts.netloc in ("", "testserver"):
            form.action = parts.path + (f"?{parts.query}" if parts.query else "")
            kept.append(form)
    return kept
