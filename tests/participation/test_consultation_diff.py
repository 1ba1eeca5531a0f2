"""participation.diff: the draft against the final text, section by section, on a
known pair of texts (tests/participation/results_consultations.py), with the words
that changed; numbers written differently still match."""

import pytest

from participation import diff
from tests.participation.results_consultations import DRAFT, FINAL


def by_number(diffs):
    return {d.number: d for d in diffs}


def test_the_known_pair_reports_added_removed_changed_and_unchanged_sections():
    diffs = diff.compare(DRAFT, FINAL)
    assert [(d.kind, d.number) for d in diffs] == [
        ("unchanged", "ARTÍCULO 1º"),
        ("unchanged", "Art. 2"),
        ("changed", "Artículo 3"),
        ("removed", "Artículo 4"),  # where it stood in the draft
        ("unchanged", "Artículo 5"),
        ("added", "Artículo 6"),
    ]
    assert diff.summary(diffs) == {
        "changed": 1,
        "added": 1,
        "removed": 1,
        "unchanged": 3,
        "total": 6,
    }


def test_a_changed_section_carries_the_changed_words():
    changed = by_number(diff.compare(DRAFT, FINAL))["Artículo 3"]
    changes = [(op.op, op.old, op.new) for op in changed.body_ops if op.op != "equal"]
    assert changes == [("replace", "6:00", "7:00"), ("replace", "20:00", "19:00")]
    equal = " ".join(op.new for op in changed.body_ops if op.op == "equal")
    assert equal == "Las ventas podrán funcionar de a horas."
    assert (changed.words_added, changed.words_removed) == (2, 2)
    assert not changed.heading_changed


def test_added_and_removed_sections_keep_their_text():
    diffs = by_number(diff.compare(DRAFT, FINAL))
    assert diffs["Artículo 6"].final[2].startswith("La Secretaría de Gobierno")
    assert diffs["Artículo 6"].draft is None
    assert diffs["Artículo 4"].body == "Quien incumpla pagará una multa."
    assert diffs["Artículo 4"].final is None


def test_insertions_deletions_and_a_new_heading():
    draft = [("Artículo 1", "Objeto", "Regula el ruido en la noche.\n\nSin excepciones.")]
    final = [("Artículo 1.", "Objeto y alcance", "Regula el ruido nocturno y diurno.")]
    (section,) = diff.compare(draft, final)
    assert section.kind == diff.CHANGED and section.heading_changed
    ops = [(op.op, op.old, op.new) for op in section.body_ops]
    assert ("equal", "Regula el ruido", "Regula el ruido") in ops
    assert any(op == "replace" and "noche." in old for op, old, _new in ops)
    assert section.words_removed > 0 and section.words_added > 0
    inserted = [(op.op, op.new) for op in diff.word_ops("uno dos", "uno tres dos")]
    assert inserted == [("equal", "uno"), ("insert", "tres"), ("equal", "dos")]
    deleted = [(op.op, op.old) for op in diff.word_ops("uno tres dos", "uno dos")]
    assert deleted == [("equal", "uno"), ("delete", "tres"), ("equal", "dos")]


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("Artículo 3", "art 3"),
        ("ARTÍCULO 3º", "art 3"),
        ("Art. 3", "art 3"),
        ("artículo 3°.", "art 3"),
        ("Artículo tercero", "art 3"),
        ("Article 3", "art 3"),
        ("Artículo 3 bis", "art 3bis"),
        ("Capítulo IV", "cap 4"),
        ("Parágrafo 2", "par 2"),
        ("Considerandos", None),
        ("", None),
    ],
)
def test_numbers_are_normalised(number, key):
    assert diff.number_key(number) == key


def test_unnumbered_sections_match_by_label_then_by_order():
    draft = [("Considerandos", "", "Que el ruido afecta."), ("", "", "Texto libre viejo")]
    final = [("CONSIDERANDOS", "", "Que el ruido afecta."), ("", "", "Texto libre nuevo")]
    kinds = [(d.kind, d.number) for d in diff.compare(draft, final)]
    assert kinds == [("unchanged", "CONSIDERANDOS"), ("changed", "")]


def test_an_article_and_a_chapter_with_the_same_number_are_different_sections():
    draft = [("Capítulo 1", "", "Disposiciones generales")]
    final = [("Artículo 1", "", "Disposiciones generales")]
    assert [d.kind for d in diff.compare(draft, final)] == ["removed", "added"]


def test_block_id_tuples_and_whitespace_do_not_matter():
    draft = [("id-1", "Artículo 1", "Objeto", "Uno  dos\ntres")]
    final = [("id-9", "Artículo 1", "Objeto", "Uno dos tres ")]
    assert [d.kind for d in diff.compare(draft, final)] == ["unchanged"]


def test_empty_texts():
    assert diff.compare([], []) == []
    assert [d.kind for d in diff.compare(DRAFT, [])] == ["removed"] * 5
    assert [d.kind for d in diff.compare([], FINAL)] == ["added"] * 5
