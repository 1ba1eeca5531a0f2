"""The draft of a consultation against the text finally issued, section by section.

Pure functions (no database): ``compare(draft, final)`` takes both texts as lists of
``(number, heading, body)`` (or the ``(block id, number, heading, body)`` tuples of
``participation.drafts.section_values``) and returns one ``SectionDiff`` per section:
``unchanged``, ``changed`` (with word-level operations from difflib), ``added`` (only in
the final text) or ``removed`` (only in the draft).

Sections are matched by their normalised number ("Artículo 3", "ARTÍCULO 3º" and
"Art. 3" are the same section); sections without a number ("Considerandos") match by
their label, and what is left unmatched of those pairs up in order."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

UNCHANGED = "unchanged"
CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"
KINDS = (CHANGED, ADDED, REMOVED, UNCHANGED)

#: the word that introduces a number, in its normalised (unaccented, lower-case) form
_KIND_WORDS = {
    "art": "art",
    "arts": "art",
    "articulo": "art",
    "article": "art",
    "seccion": "sec",
    "section": "sec",
    "sec": "sec",
    "capitulo": "cap",
    "chapter": "cap",
    "cap": "cap",
    "titulo": "tit",
    "title": "tit",
    "paragrafo": "par",
    "paragraph": "par",
    "numeral": "num",
}
_ORDINALS = {
    "primero": "1",
    "segundo": "2",
    "tercero": "3",
    "cuarto": "4",
    "quinto": "5",
    "sexto": "6",
    "septimo": "7",
    "octavo": "8",
    "noveno": "9",
    "decimo": "10",
    "unico": "1",
    "first": "1",
    "second": "2",
    "third": "3",
}
#: a paragraph break inside a body, kept as a token of its own
PARAGRAPH = "\n\n"


def _plain(text):
    """Lower case, no accents, ordinal signs kept apart, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("º", " º").replace("°", " º")
    return " ".join(text.split())


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(text):
    total = 0
    for n, char in enumerate(text):
        value = _ROMAN[char]
        following = _ROMAN[text[n + 1]] if n + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def number_key(number):
    """A section number in a form that survives how drafts write it:
    ``"Artículo 3"``, ``"ARTÍCULO 3º."`` and ``"Art. 3"`` give ``"art 3"``;
    ``"Artículo tercero"`` also; ``"Artículo 3 bis"`` gives ``"art 3bis"``.
    ``None`` for a number that is not one (``"Considerandos"``, empty)."""
    text = _plain(number)
    text = re.sub(r"[^\w\s]", " ", text).replace("º", " ")
    words = text.split()
    if not words:
        return None
    kind = ""
    if words[0] in _KIND_WORDS:
        kind = _KIND_WORDS[words.pop(0)]
    if not words:
        return None
    value = words.pop(0)
    if value in _ORDINALS:
        value = _ORDINALS[value]
    elif re.fullmatch(r"[ivxlc]+", value):
        value = str(_roman(value))
    elif not value.isdigit():
        # "3o" (a typed ordinal sign), else not a number
        match = re.fullmatch(r"(\d+)o", value)
        if not match:
            return None
        value = match.group(1)
    value = str(int(value))
    if words and words[0] in ("bis", "ter", "quater"):
        value += words[0]
    return f"{kind} {value}".strip()


def label_key(number, heading):
    """The key of an unnumbered section: its label, normalised."""
    return _plain(f"{number} {heading}").strip(" .:-") or None


def words(text):
    """The words of ``text``, with each paragraph break (a blank line) as a token."""
    tokens = []
    for n, paragraph in enumerate(re.split(r"\n\s*\n", (text or "").strip())):
        if n and tokens:
            tokens.append(PARAGRAPH)
        tokens.extend(paragraph.split())
    return tokens


def _join(tokens):
    text = " ".join(tokens)
    return text.replace(f" {PARAGRAPH} ", PARAGRAPH).replace(f" {PARAGRAPH}", PARAGRAPH)


@dataclass(frozen=True)
class WordOp:
    """One operation of a word-level diff: ``equal``, ``insert``, ``delete`` or
    ``replace`` (``old`` is the draft's words, ``new`` the final text's)."""

    op: str
    old: str = ""
    new: str = ""

    @property
    def text(self):
        return self.old if self.op == "delete" else self.new


def word_ops(old, new):
    """difflib's opcodes on the words of two texts, as ``WordOp``."""
    a, b = words(old), words(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append(WordOp(tag, _join(a[i1:i2]), _join(b[j1:j2])))
    return ops


def _count(text):
    return len([w for w in words(text) if w != PARAGRAPH])


@dataclass
class SectionDiff:
    kind: str
    number: str
    heading: str
    draft: tuple | None = None  # (number, heading, body)
    final: tuple | None = None
    heading_ops: list = field(default_factory=list)
    body_ops: list = field(default_factory=list)

    @property
    def words_added(self):
        return sum(_count(op.new) for op in self.body_ops if op.op in ("insert", "replace"))

    @property
    def words_removed(self):
        return sum(_count(op.old) for op in self.body_ops if op.op in ("delete", "replace"))

    @property
    def heading_changed(self):
        return any(op.op != "equal" for op in self.heading_ops)

    @property
    def body(self):
        """The text the section shows when it is not changed (the final's, or the
        draft's when removed)."""
        return (self.final or self.draft)[2]


def _triple(section):
    """(number, heading, body) from a 3-tuple or a 4-tuple with the block id first."""
    if len(section) == 4:
        section = section[1:]
    number, heading, body = section
    return (str(number or "").strip(), str(heading or "").strip(), str(body or "").strip())


def _keys(sections):
    keys, seen = [], set()
    for number, heading, _body in sections:
        key = number_key(number)
        key = ("n", key) if key else ("l", label_key(number, heading))
        if key[1] is None or key in seen:
            key = None  # a repeated or empty key matches by order
        else:
            seen.add(key)
        keys.append(key)
    return keys


def _match(draft, final):
    """{final index: draft index} by key, then the unnumbered leftovers in order."""
    draft_keys, final_keys = _keys(draft), _keys(final)
    by_key = {key: i for i, key in enumerate(draft_keys) if key is not None}
    matches = {}
    for j, key in enumerate(final_keys):
        if key is not None and key in by_key:
            matches[j] = by_key.pop(key)
    used = set(matches.values())
    spare_draft = [
        i for i, key in enumerate(draft_keys) if i not in used and (key is None or key[0] == "l")
    ]
    spare_final = [
        j for j, key in enumerate(final_keys) if j not in matches and (key is None or key[0] == "l")
    ]
    for i, j in zip(spare_draft, spare_final, strict=False):
        matches[j] = i
    return matches


def _pair(draft_section, final_section):
    d_number, d_heading, d_body = draft_section
    f_number, f_heading, f_body = final_section
    if (d_heading, words(d_body)) == (f_heading, words(f_body)):
        return SectionDiff(UNCHANGED, f_number, f_heading, draft_section, final_section)
    return SectionDiff(
        CHANGED,
        f_number,
        f_heading,
        draft_section,
        final_section,
        heading_ops=word_ops(d_heading, f_heading),
        body_ops=word_ops(d_body, f_body),
    )


def compare(draft, final):
    """One ``SectionDiff`` per section, in the final text's order; a removed section
    follows the draft section it came after (or opens the list)."""
    draft = [_triple(s) for s in draft]
    final = [_triple(s) for s in final]
    matches = _match(draft, final)
    matched_draft = set(matches.values())
    after = {}  # draft index of the matched section before it (-1: none) -> removed
    anchor = -1
    for i, section in enumerate(draft):
        if i in matched_draft:
            anchor = i
        else:
            after.setdefault(anchor, []).append(
                SectionDiff(REMOVED, section[0], section[1], draft=section)
            )
    result = list(after.get(-1, []))
    for j, section in enumerate(final):
        i = matches.get(j)
        if i is None:
            result.append(SectionDiff(ADDED, section[0], section[1], final=section))
        else:
            result.append(_pair(draft[i], section))
            result.extend(after.get(i, []))
    return result


def summary(diffs):
    """``{kind: count}`` for every kind (zeros included), plus ``total``."""
    counts = dict.fromkeys(KINDS, 0)
    for diff in diffs:
        counts[diff.kind] += 1
    counts["total"] = len(diffs)
    return counts
