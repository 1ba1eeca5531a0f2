"""Demo surveys: an open survey about the portal, a closed satisfaction survey with
~200 deterministic answers and published results, and the home-page quick poll (added
to the home body once ``quick_poll`` is in the shared BaseStreamBlock)."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from wagtail.models import Page

from surveys.models import Answer, Response, SurveyIndexPage, SurveyPage, SurveyStepCount
from surveys.questions import NO, YES

DATA = Path(__file__).resolve().parent / "data" / "demo_surveys.json"
SEED = 387


def _options(spec, lang):
    return [
        {"type": "item", "id": option["id"], "value": {"label": option[lang]}}
        for option in spec.get("options", [])
    ]


def stream(questions, lang):
    """The raw StreamField data of a survey definition in one language."""
    blocks = []
    for spec in questions:
        if spec["type"] == "section":
            value = {"title": spec["title"][lang], "description": ""}
        else:
            value = {
                "question": spec["question"][lang],
                "help_text": "",
                "required": spec.get("required", True),
                "sensitive": spec.get("sensitive", False),
            }
            if "options" in spec:
                value["options"] = _options(spec, lang)
            if spec["type"] in ("single_choice", "multiple_choice"):
                value["allow_other"] = spec.get("allow_other", False)
            if spec["type"] == "multiple_choice":
                value["max_choices"] = spec.get("max_choices")
            if spec["type"] == "scale":
                value.update(
                    scale=spec["scale"], low_label=spec["low"][lang], high_label=spec["high"][lang]
                )
        blocks.append({"type": spec["type"], "id": spec["id"], "value": value})
    return json.dumps(blocks)


def poll_value(spec, lang):
    return {
        "question": spec["question"][lang],
        "options": [
            {"type": "item", "id": o["id"], "value": {"label": o[lang]}} for o in spec["options"]
        ],
        "show_results": True,
    }


def load(loader):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    created = 0
    parent = (
        Page.objects.child_of(loader.home)
        .filter(slug=data["index"]["parent_slug"], locale=loader.es)
        .first()
        or loader.home
    ).specific
    index = SurveyIndexPage.objects.child_of(parent).first()
    if index is None:
        spec = data["index"]
        index = SurveyIndexPage(
            title=spec["title"]["es"], slug=spec["slug"], introduction=spec["introduction"]["es"]
        )
        parent.add_child(instance=index)
        index.save_revision().publish()
        created += 1
    loader.ensure_translation(index, data["index"])
    for spec in data["surveys"]:
        created += _survey(loader, index, spec)
    created += _home_poll(loader, data["poll"])
    return created


def _survey(loader, index, spec):
    created = 0
    survey = SurveyPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if survey is None:
        now = timezone.now()
        if spec["state"] == "closed":
            opens, closes = now - timedelta(days=120), now - timedelta(days=30)
        else:
            opens, closes = now - timedelta(days=7), now + timedelta(days=90)
        survey = SurveyPage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            questions=stream(spec["questions"], "es"),
            thank_you_text=f"<p>{spec['thank_you']['es']}</p>",
            opens_at=opens,
            closes_at=closes,
            audience=spec["audience"],
            results_visibility=spec["results_visibility"],
        )
        index.add_child(instance=survey)
        survey.save_revision().publish()
        created += 1
    if survey.get_translation_or_none(loader.en) is None:
        english = survey.copy_for_translation(loader.en)
        english.title = english.draft_title = spec["title"]["en"]
        english.introduction = spec["introduction"]["en"]
        english.questions = stream(spec["questions"], "en")
        english.thank_you_text = f"<p>{spec['thank_you']['en']}</p>"
        english.save_revision().publish()
        created += 1
    if spec.get("answers") and not Response.objects.filter(survey=survey).exists():
        created += _answers(SurveyPage.objects.get(pk=survey.pk), spec)
    return created


def _answers(survey, spec):
    """Plausible, reproducible answers (same seed, same results on every machine)."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, reproducible on purpose
    questions = survey.all_questions()
    start = survey.opens_at
    responses = Response.objects.bulk_create(
        [Response(survey=survey, browser_token=f"demo-{n:04d}") for n in range(spec["answers"])]
    )
    span = (survey.closes_at - start).total_seconds()
    for n, response in enumerate(responses):
        response.submitted_at = start + timedelta(
            seconds=span * (n + rng.random()) / len(responses)
        )
    Response.objects.bulk_update(responses, ["submitted_at"])
    answers = []
    for response in responses:
        for q in questions:
            row = {"response": response, "survey": survey, "question_id": q.id, "approved": True}
            if q.type == "single_choice":
                weights = [4, 2, 3, 1][: len(q.options)]
                answers.append(Answer(option_id=rng.choices(q.options, weights)[0][0], **row))
            elif q.type == "scale":
                low, high = q.scale
                value = min(high, max(low, round(rng.gauss((low + high) * 0.68, 2))))
                answers.append(Answer(value=value, **row))
            elif q.type == "yes_no":
                answers.append(Answer(option_id=YES if rng.random() < 0.72 else NO, **row))
            elif q.type == "ranking" and rng.random() < 0.6:
                order = [oid for oid, _label in q.options]
                rng.shuffle(order)
                answers += [
                    Answer(option_id=oid, value=pos, **row) for pos, oid in enumerate(order, 1)
                ]
            elif q.type == "short_text" and rng.random() < 0.1:
                answers.append(Answer(text=rng.choice(spec["texts"]), **row))
    Answer.objects.bulk_create(answers, batch_size=500)
    _step_counts(survey, len(responses))
    return len(responses)


def _step_counts(survey, finished):
    """A plausible funnel: a quarter of those who start leave, spread over the steps."""
    steps = len(survey.steps())
    lost = round(finished / 3)
    reached = finished + lost
    rows = []
    for index in range(steps):
        left = lost // steps + (lost % steps if index == 0 else 0)
        rows.append(
            SurveyStepCount(survey=survey, step=index, reached=reached, completed=reached - left)
        )
        reached -= left
    SurveyStepCount.objects.bulk_create(rows)


def _home_poll(loader, spec):
    """Place the poll on the home pages once the shared body accepts the block."""
    created = 0
    for home in (loader.home, loader.home.get_translation_or_none(loader.en)):
        if home is None:
            continue
        home = home.specific
        body_block = home.body.stream_block
        if "quick_poll" not in body_block.child_blocks:
            return created
        if any(block.block_type == "quick_poll" for block in home.body):
            continue
        lang = "es" if home.locale_id == loader.es.pk else "en"
        raw = list(home.body.raw_data)
        raw.append({"type": "quick_poll", "id": spec["id"], "value": poll_value(spec, lang)})
        home.body = json.dumps(raw)
        home.save_revision().publish()
        created += 1
    return created
