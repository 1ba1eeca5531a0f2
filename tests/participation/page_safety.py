"""What a page built from citizens' text must never contain: event-handler attributes,
script-capable URLs, or scripts that are neither files, nor carry the page's CSP nonce,
nor JSON data blocks."""

from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value:
                compact = "".join(value.split()).lower()
                if compact.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in ("script", "iframe", "object", "embed", "base", "meta") and tag != "meta":
            data_block = attributes.get("type") == "application/json"  # not executed
            if tag != "script" or not ("src" in attributes or "nonce" in attributes or data_block):
                self.problems.append(f"<{tag}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta refresh>")


def unsafe_markup(html):
    """The dangerous tags and attributes found in ``html`` (empty when safe)."""
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.problems
