"""What the consultation index, a consultation's page and its section pages show,
computed in a bounded number of queries: the counts of every section come from
grouped aggregate queries, never from loading the comments or positions.

A consultation's comments, positions and sections belong to its original page
(``page.canonical_id``), so a translation shows the same participation; the text shown
is the page's own draft (so previews and translations show their text)."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from cms.pagination import paginate
from participation import phases
from participation.contexts import build_thread, standing, viewer_marks
from participation.drafts import ensure_sections
from participation.forms import COMMENT_MAX_LENGTH, CommentForm, current_language
from participation.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationOutcome,
    DraftSection,
    SectionPosition,
    SectionVersion,
)

CONSULTATIONS_PER_PAGE = 10
#: the order of the index: open first, then announced, under review, concluded
PHASE_ORDER = (phases.OPEN, phases.ANNOUNCED, phases.UNDER_REVIEW, phases.CONCLUDED)
#: position values as the forms send them
POSITION_VALUES = {"support": SectionPosition.SUPPORT, "oppose": SectionPosition.OPPOSE, "none": 0}


def section_path(key, version=None):
    """The sub-route of a section (or of one of its versions), relative to the page."""
    if version is None:
        return f"seccion/{key}/"
    return f"seccion/{key}/version/{version}/"


def section_url(page_url, key, version=None):
    """``page_url`` (ending in "/") plus the section's sub-route."""
    return f"{page_url}{section_path(key, version)}"


# The index


def _phase_rank(now):
    published = ConsultationOutcome.objects.filter(
        page__translation_key=OuterRef("translation_key"), matrix_published_at__isnull=False
    )
    return Case(
        When(opens_at__lte=now, closes_at__gt=now, then=Value(0)),
        When(opens_at__gt=now, then=Value(1)),
        When(Exists(published), then=Value(3)),
        default=Value(2),
        output_field=IntegerField(),
    )


def canonical_ids(pages):
    """page pk -> the pk of its original in the default language (the page itself when
    it is the original or has none): one query, the default locale joined in."""
    if not pages:
        return {}
    originals = dict(
        Page.objects.filter(
            translation_key__in={p.translation_key for p in pages},
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
        ).values_list("translation_key", "pk")
    )
    return {p.pk: originals.get(p.translation_key, p.pk) for p in pages}


def consultation_index_context(index, request):
    now = timezone.now()
    consultations = (
        index.consultations(request)
        .annotate(phase_rank=_phase_rank(now))
        .select_related("dependency")
        .order_by("phase_rank", "-opens_at", "-pk")
    )
    notices = []
    page_obj = paginate(request, consultations, CONSULTATIONS_PER_PAGE, notices)
    pages = list(page_obj.object_list)
    originals = canonical_ids(pages)
    outcomes = {
        o.page_id: o for o in ConsultationOutcome.objects.filter(page_id__in=originals.values())
    }
    counts = dict(
        Comment.objects.filter(page_id__in=originals.values(), status=Comment.PUBLISHED)
        .order_by()
        .values_list("page_id")
        .annotate(n=Count("pk"))
    )
    for page in pages:
        original = originals[page.pk]
        page._canonical_id = original
        page._outcome_cache = outcomes.get(original)
        page.comment_count = counts.get(original, 0)
    page_obj.object_list = pages
    return {
        "page_obj": page_obj,
        "notices": notices,
        "standing": standing(request.user),
    }


# A consultation's page


@dataclass
class SectionView:
    """One section of the draft as the page shows it."""

    key: str
    number: str
    heading: str
    body: str
    row: DraftSection | None = None  # None in a preview of a section not yet published
    comment_count: int = 0
    support: int = 0
    oppose: int = 0
    position: int = 0  # the viewer's: 1, -1 or 0
    url: str = ""

    @property
    def label(self):
        return f"{self.number} {self.heading}".strip()


@dataclass
class Process:
    """What build_thread and viewer_marks need of the process: its original page's
    id and whether it is open."""

    pk: int
    is_open: bool


@dataclass
class TimelineStep:
    key: str
    label: str
    start: object = None
    end: object = None
    current: bool = False
    done: bool = False


def with_counts(sections, original_id, user):
    """``sections`` (a DraftSection queryset) annotated with their published comments
    (``n_comments``), supports and oppositions (``n_support``, ``n_oppose``) and the
    viewer's position (``my_position``, 0 when none): subqueries of the one query that
    reads the sections, whatever the number of comments and positions."""

    def count(queryset):
        counted = Func(F("pk"), function="COUNT", output_field=IntegerField())
        return Subquery(queryset.order_by().annotate(n=counted).values("n"))

    comments = Comment.objects.filter(
        page_id=original_id,
        status=Comment.PUBLISHED,
        section_version__isnull=False,
        section_version__section_id=OuterRef("pk"),
    )
    positions = SectionPosition.objects.filter(section_id=OuterRef("pk"))
    sections = sections.annotate(
        n_comments=count(comments),
        n_support=count(positions.filter(value=SectionPosition.SUPPORT)),
        n_oppose=count(positions.exclude(value=SectionPosition.SUPPORT)),
    )
    if user.is_authenticated:
        mine = positions.filter(user=user).values("value")[:1]
        return sections.annotate(my_position=Coalesce(Subquery(mine), Value(0)))
    return sections.annotate(my_position=Value(0, output_field=IntegerField()))


def draft_sections(page, original_id, user, page_url):
    """The sections of ``page.draft`` (the page's own text, previews included) joined
    by block id to the original's DraftSection rows, with their counts (one query)."""

    def read():
        rows = DraftSection.objects.filter(page_id=original_id)
        return {s.key: s for s in with_counts(rows, original_id, user)}

    rows = read()
    if not rows and original_id == page.pk:
        # A live consultation without section rows yet (made live without the publish
        # signal): sync once, as ``ensure_sections`` does, and read them again.
        ensure_sections(page)
        rows = read()
    sections = []
    for block in page.draft:
        if block.block_type != "section":
            continue
        key = str(block.id)
        row = rows.get(key)
        view = SectionView(
            key=key,
            number=block.value["number"],
            heading=block.value["heading"] or "",
            body=block.value["body"],
            row=row,
        )
        if row is not None:
            view.comment_count = row.n_comments or 0
            view.support = row.n_support or 0
            view.oppose = row.n_oppose or 0
            view.position = row.my_position or 0
            view.url = section_url(page_url, key)
        sections.append(view)
    return sections


def timeline(page, phase):
    """The four phases with their dates, the current one marked."""
    outcome = page.outcome()
    published = outcome.matrix_published_at if outcome else None
    announced = page.first_published_at or page.go_live_at
    steps = [
        TimelineStep(phases.ANNOUNCED, _("Announced"), announced, page.opens_at),
        TimelineStep(phases.OPEN, _("Open for observations"), page.opens_at, page.closes_at),
        TimelineStep(phases.UNDER_REVIEW, _("Under review"), page.closes_at, published),
        TimelineStep(phases.CONCLUDED, _("Concluded"), published, None),
    ]
    reached = [step.key for step in steps].index(phase)
    for n, step in enumerate(steps):
        step.current = n == reached
        step.done = n < reached
    return steps


def consultation_index_of(page):
    return (
        ConsultationIndexPage.objects.ancestor_of(page)
        .select_related("code_of_conduct")
        .order_by("-depth")
        .first()
    )


def live_or_none(page):
    return page if page is not None and page.live else None


def participation_context(page, request, problem):
    """What every page of a consultation with a comment form needs."""
    index = consultation_index_of(page)
    conduct = index.code_of_conduct if index else None
    return {
        "code_of_conduct": conduct if conduct is not None and conduct.live else None,
        "comment_form": CommentForm(initial={"language": current_language()}),
        "form_token": CommentForm.render_token(),
        "language_choices": CommentForm.base_fields["language"].choices,
        "current_language": current_language(),
        "comment_max_length": COMMENT_MAX_LENGTH,
        "standing": problem,
    }


def consultation_thread(original_id, is_open, user, problem, comments):
    """The comments as build_thread's tree; consultation comments have no follow
    button (following is a debate's)."""
    marks = viewer_marks(user, Process(original_id, is_open))
    thread = build_thread(comments, user, Process(original_id, is_open), problem is None, marks)
    stack = list(thread)
    while stack:
        node = stack.pop()
        node.can_follow = False
        stack.extend(node.children)
    return thread


def consultation_context(page, request):
    user = request.user
    original_id = page.canonical_id  # draft_sections syncs the sections when missing
    phase = page.phase()
    is_open = phase == phases.OPEN
    problem = standing(user)
    page_url = page.get_url(request) or request.path
    sections = draft_sections(page, original_id, user, page_url)
    comments = list(
        Comment.objects.filter(page_id=original_id, section_version__isnull=True)
        .select_related("user__participant")
        .order_by("thread_id", "order")
    )
    thread = consultation_thread(original_id, is_open, user, problem, comments)
    draft_comment_count = sum(c.status == Comment.PUBLISHED for c in comments)
    context = participation_context(page, request, problem)
    context.update(
        {
            "phase": phase,
            "phase_label": phases.CONSULTATION_LABELS[phase],
            "timeline": timeline(page, phase),
            "sections": sections,
            "thread": thread,
            "draft_comment_count": draft_comment_count,
            "comment_count": draft_comment_count + sum(s.comment_count for s in sections),
            "support_count": sum(s.support for s in sections),
            "oppose_count": sum(s.oppose for s in sections),
            "may_comment": problem is None and is_open,
            "may_take_position": problem is None and is_open,
            "show_justification": page.short_window
            and bool((page.short_window_justification or "").strip()),
            "documents": [block.value for block in page.documents if block.value is not None],
            "draft_norm": live_or_none(page.draft_norm),
            "questionnaire": live_or_none(page.questionnaire),
            "comment_action": _comment_action(page),
        }
    )
    return context


def _comment_action(page):
    return reverse("participation:consultation_comment", args=[page.pk])


# A section's page and one of its versions


def section_context(page, request, section):
    """A section's page: its current text (the page's draft block, else the last
    version), counts, the viewer's position and its comment thread; comments written
    on an earlier version link to it."""
    user = request.user
    original_id = page.canonical_id
    phase = page.phase()
    is_open = phase == phases.OPEN and section.removed_at is None
    problem = standing(user)
    page_url = page.get_url(request) or "/"
    for block in page.draft:
        if block.block_type == "section" and str(block.id) == section.key:
            number, heading, body = (
                block.value["number"],
                block.value["heading"] or "",
                block.value["body"],
            )
            break
    else:  # not in the page's draft (any more): its last version
        current = (
            SectionVersion.objects.filter(section=section, version=section.version).first()
            or SectionVersion.objects.filter(section=section).order_by("-version").first()
        )
        number, heading, body = current.number, current.heading, current.body
    if not hasattr(section, "n_comments"):  # read with its counts by the view, else here
        section = with_counts(DraftSection.objects.filter(pk=section.pk), original_id, user).get()
    comments = list(
        Comment.objects.filter(page_id=original_id, section_version__section=section)
        .select_related("user__participant", "section_version")
        .order_by("thread_id", "order")
    )
    thread = consultation_thread(original_id, is_open, user, problem, comments)
    stack = list(thread)
    while stack:
        node = stack.pop()
        version = node.comment.section_version
        if version is not None and version.version != section.version:
            node.earlier_version = version.version
            node.earlier_version_url = section_url(page_url, section.key, version.version)
        stack.extend(node.children)
    context = participation_context(page, request, problem)
    context.update(
        {
            "page": page,
            "self": page,
            "page_url": page_url,
            "section": section,
            "section_key": section.key,
            "number": number,
            "heading": heading,
            "body": body,
            "phase": phase,
            "phase_label": phases.CONSULTATION_LABELS[phase],
            "thread": thread,
            "comment_count": section.n_comments or 0,
            "support": section.n_support or 0,
            "oppose": section.n_oppose or 0,
            "position": section.my_position or 0,
            "may_comment": problem is None and is_open,
            "may_take_position": problem is None and is_open,
            "comment_action": _comment_action(page),
            "removed": section.removed_at is not None,
        }
    )
    return context


def section_version_context(page, request, section, version):
    page_url = page.get_url(request) or "/"
    return {
        "page": page,
        "self": page,
        "page_url": page_url,
        "section": section,
        "version": version,
        "is_current": version.version == section.version and section.removed_at is None,
        "current_url": section_url(page_url, section.key),
        "phase_label": page.phase_label(),
        "comment_count_here": Comment.objects.filter(
            section_version=version, status=Comment.PUBLISHED
        ).count(),
    }
