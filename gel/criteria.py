"""The GEL criteria of Decreto 387 de 2009 (``data/gel_criteria.json``) with stable ids,
and the evidence that the portal meets the information phase
(``data/information_phase_pages.json``): for each criterion, the pages of the Spanish
tree that meet it and/or the part of every page that does (the footer's contact data,
the main menu, the last-updated date).

The criteria file is the decree's table as it was published; ids are derived from it
(the criterion's name, slugified) rather than typed into it."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

DATA = Path(__file__).resolve().parent / "data"
CRITERIA_FILE = DATA / "gel_criteria.json"
INFORMATION_EVIDENCE_FILE = DATA / "information_phase_pages.json"
INFORMATION_PHASE = "informacion"
DEMOCRACY_EVIDENCE_FILE = DATA / "democracy_phase_pages.json"
DEMOCRACY_PHASE = "democracia"


@dataclass(frozen=True)
class Criterion:
    id: str
    phase: str
    category: str
    name: str
    status_2009: str
    note_2009: str
    phase_name: str = ""


def criterion_id(name):
    """The id of a criterion within its phase: its name, slugified."""
    return slugify(name)


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def phases():
    """The phases in the decree's order: ``[{"key", "name", "territorial_deadline"}]``."""
    return [
        {key: value for key, value in phase.items() if key != "categories"}
        for phase in _read(CRITERIA_FILE)["phases"]
    ]


def _phase_criteria(phase):
    return [
        Criterion(
            id=criterion_id(criterion["name"]),
            phase=phase["key"],
            category=category["name"],
            name=criterion["name"],
            status_2009=criterion["status_2009"],
            note_2009=criterion["note_2009"],
            phase_name=phase["name"],
        )
        for category in phase["categories"]
        for criterion in category["criteria"]
    ]


def phase_criteria(phase_key):
    """Every criterion of one phase, in the decree's order."""
    for phase in _read(CRITERIA_FILE)["phases"]:
        if phase["key"] == phase_key:
            return _phase_criteria(phase)
    raise KeyError(f"no GEL phase {phase_key!r} in {CRITERIA_FILE.name}")


def all_criteria():
    """The 93 criteria of the five phases, in the decree's order."""
    return [c for phase in _read(CRITERIA_FILE)["phases"] for c in _phase_criteria(phase)]


def information_phase_evidence():
    """``{"elements": {name: spec}, "criteria": {criterion id: evidence}}``.

    An evidence entry has ``how`` (a sentence for the self-assessment), ``pages`` (URL
    paths in the Spanish tree) and/or ``elements`` (names of parts of every page,
    described under ``elements``), and optionally ``text`` (strings the pages show)."""
    return _read(INFORMATION_EVIDENCE_FILE)


def democracy_phase_evidence():
    """``{"criteria": {criterion id: evidence}}`` for the democracy phase: ``how``,
    ``pages`` (URL paths in the Spanish tree: the Participa landing, consultations,
    debates, surveys, results, the answers matrix) and optionally ``text``."""
    return _read(DEMOCRACY_EVIDENCE_FILE)
