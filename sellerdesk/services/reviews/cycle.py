"""The monthly review cycle: make the month's reviews, fill their actuals from the shop's data, let the
person and the reviewer each do their part, score, grade, freeze at the reviewer's submit.

Every function takes the acting staff member; whose reviews they may read or change is
``services.reviews.access`` (rules in ``domain.reviews``). Actuals are live until the reviewer submits:
reading shows today's values, every save stores them; submit stores them for good (with the records
behind them, the scores and the grade), so later imports or edits of the data leave the review as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import ReviewStatus
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.domain.permissions import Action, Actor, require
from sellerdesk.domain.reviews import (
    TRANSITIONS,
    WEIGHTS_TOTAL,
    GradeThresholds,
    LineRule,
    ScoringRule,
    Side,
    Step,
    allowed_steps,
    grade_for,
    overall_score,
    score_line,
)
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.models import Review, ReviewLine, ReviewPlanItem, StaffUser, Task
from sellerdesk.services.app_settings import load_setting, setting_version, store_setting
from sellerdesk.services.reviews import access
from sellerdesk.services.reviews.dto import (
    Actual,
    GradeSettings,
    LineEdit,
    MonthCreated,
    OrderScope,
    PlanItem,
    ReviewDetail,
    ReviewEdit,
    ReviewLineInfo,
    ReviewSummary,
    SourceRef,
    Trend,
    TrendPoint,
)
from sellerdesk.services.reviews.metrics import MonthData, parse_month, read_actual, unit_of
from sellerdesk.services.reviews.plan import sync_plan_tasks
from sellerdesk.services.reviews.templates import REVIEW_CHANGES, bands_of, kpi_template, stored_bands
from sellerdesk.services.zones import house_timezone

GRADES_SETTING = "review_grades"
MAX_COMMENT = 5_000
MAX_PLAN_TEXT = 300


# ---------------------------------------------------------------- reading helpers


def _month(month: str) -> tuple[int, int]:
    try:
        return parse_month(month)
    except ValueError:
        raise ValidationError(
            f"{month!r} is not a month (YYYY-MM).", code="review_month_invalid", month=month
        ) from None


def _load(session: Session, actor: Actor, review_id: int) -> tuple[Review, StaffUser]:
    found = session.execute(
        select(Review, StaffUser)
        .join(StaffUser, StaffUser.id == Review.staff_id)
        .where(Review.id == review_id, Review.deleted_at.is_(None))
        .options(selectinload(Review.lines), selectinload(Review.plan_items))
    ).first()
    if found is None:
        raise NotFoundError(f"Review {review_id} not found.", code="review_not_found")
    review, staff = found
    access.check_read(actor, review_id, staff.id, staff.role)
    return review, staff


def _checked_version(review: Review, expected_version: int) -> None:
    if review.version != expected_version:
        raise ConflictError(f"Review {review.id} was changed by someone else.", code="conflict")


def thresholds(session: Session) -> GradeThresholds:
    stored = load_setting(session, GRADES_SETTING, {})
    return GradeThresholds.from_dict(stored) if isinstance(stored, dict) else GradeThresholds()


def _rule(line: ReviewLine) -> LineRule:
    return LineRule(ScoringRule(line.scoring), line.target, line.higher_is_better, line.cap_bp, bands_of(line.bands))


def _source_json(source: SourceRef) -> dict[str, object]:
    if source.empty and not source.kind:
        return {}
    scope = source.scope
    return {
        "kind": source.kind,
        "ids": list(source.ids),
        "more": source.more,
        "note": source.note,
        "scope": None
        if scope is None
        else {
            "first_day": scope.first_day.isoformat(),
            "last_day": scope.last_day.isoformat(),
            "refund_state": scope.refund_state,
            "late_only": scope.late_only,
        },
    }


def _source_of(stored: object) -> SourceRef:
    from datetime import date

    if not isinstance(stored, dict) or not stored.get("kind"):
        return SourceRef()
    raw_scope = stored.get("scope")
    scope = None
    if isinstance(raw_scope, dict):
        scope = OrderScope(
            date.fromisoformat(str(raw_scope["first_day"])),
            date.fromisoformat(str(raw_scope["last_day"])),
            str(raw_scope.get("refund_state", "")),
            bool(raw_scope.get("late_only", False)),
        )
    ids = stored.get("ids")
    more = stored.get("more")
    return SourceRef(
        str(stored["kind"]),
        tuple(int(i) for i in ids) if isinstance(ids, list) else (),
        int(more) if isinstance(more, int) else 0,
        scope,
        str(stored.get("note", "")),
    )


# ---------------------------------------------------------------- filling and scoring


@dataclass(frozen=True)
class _LineValue:
    actual: int | None
    source: SourceRef
    score_bp: int | None


def _evaluate(
    review: Review, data: MonthData | None, grades: GradeThresholds
) -> tuple[list[_LineValue], int | None, str]:
    """Each line's actual (live from ``data`` for data lines not typed in; else as stored), its score, and
    the overall score and grade. ``data`` None: the stored actuals (a frozen review)."""
    values = []
    for line in review.lines:
        if data is not None and line.metric and not line.actual_entered:
            found = read_actual(data, line.metric, review.staff_id)
        else:
            found = Actual(line.actual, _source_of(line.source))
        values.append(_LineValue(found.value, found.source, score_line(_rule(line), found.value, line.manual_score_bp)))
    score = overall_score([(v.score_bp, line.weight_bp) for v, line in zip(values, review.lines, strict=True)])
    return values, score, grade_for(score, grades)


def _store(review: Review, data: MonthData | None, grades: GradeThresholds, now: datetime) -> None:
    values, score, grade = _evaluate(review, data, grades)
    for line, value in zip(review.lines, values, strict=True):
        if line.actual != value.actual:
            line.actual = value.actual
        source = _source_json(value.source)
        if line.source != source:
            line.source = source
        if line.score_bp != value.score_bp:
            line.score_bp = value.score_bp
    review.score_bp, review.grade = score, grade
    if data is not None:
        review.filled_at = now


def _month_data(session: Session, month: str, now: datetime, cache: dict[str, MonthData]) -> MonthData:
    if month not in cache:
        cache[month] = MonthData(session, month, now)
    return cache[month]


# ---------------------------------------------------------------- making the month's reviews


def create_month_reviews(session: Session, actor: Actor, month: str, now: datetime | None = None) -> MonthCreated:
    """A draft review for ``month`` (YYYY-MM) for every active person the actor reviews who has none yet,
    with the lines of their role's template and the actuals filled. Running it again makes nothing twice."""
    require(actor, Action.EDIT_REVIEWS)
    _month(month)
    now = now or utcnow()
    act_as(session, actor)
    roles = access.reviewed_roles(actor)
    people = session.execute(
        select(StaffUser.id, StaffUser.role)
        .where(StaffUser.active.is_(True), StaffUser.role.in_(sorted(roles)))
        .order_by(StaffUser.id)
    ).all()
    have = set(session.scalars(select(Review.staff_id).where(Review.month == month)))
    templates = {}
    skipped: set[str] = set()
    created = []
    existing = 0
    data = MonthData(session, month, now)
    grades = thresholds(session)
    for staff_id, role in people:
        if staff_id == actor.staff_id:
            continue
        if staff_id in have:
            existing += 1
            continue
        if role not in templates:
            templates[role] = kpi_template(session, actor, role)
        template = templates[role]
        if not template.lines or template.weight_total_bp != WEIGHTS_TOTAL:
            skipped.add(role)
            continue
        review = Review(
            staff_id=staff_id,
            month=month,
            role=role,
            reviewer_id=actor.staff_id,
            status=ReviewStatus.DRAFT,
            created_at=now,
        )
        review.lines = [
            ReviewLine(
                position=n,
                name=t.name,
                metric=t.metric,
                unit=unit_of(t.metric, t.unit),
                target=t.target,
                weight_bp=t.weight_bp,
                higher_is_better=t.higher_is_better,
                scoring=str(t.scoring),
                cap_bp=t.cap_bp,
                bands=stored_bands(t.bands),
                actual_entered=not t.metric,
                source={},
                note="",
            )
            for n, t in enumerate(template.lines)
        ]
        _store(review, data, grades, now)
        try:
            with session.begin_nested():  # another PC making the same month at once: its review stands
                session.add(review)
        except IntegrityError:
            existing += 1
            continue
        created.append(review.id)
    return MonthCreated(month, tuple(created), existing, tuple(sorted(skipped)))


def refresh_actuals(session: Session, actor: Actor, month: str, now: datetime | None = None) -> int:
    """Store today's actuals, scores and grades on the month's reviews the actor reviews and that are not
    submitted yet. Returns how many reviews were refreshed."""
    require(actor, Action.EDIT_REVIEWS)
    _month(month)
    now = now or utcnow()
    act_as(session, actor)
    reviews = session.scalars(
        select(Review)
        .where(
            Review.month == month,
            Review.deleted_at.is_(None),
            Review.submitted_at.is_(None),
            Review.status != ReviewStatus.ACKNOWLEDGED,
            access.reviewing(actor),
        )
        .options(selectinload(Review.lines))
    ).all()
    data = MonthData(session, month, now)
    grades = thresholds(session)
    for review in reviews:
        _store(review, data, grades, now)
    session.flush()
    return len(reviews)


# ---------------------------------------------------------------- one review


def _frozen(review: Review) -> bool:
    return review.submitted_at is not None or review.status == ReviewStatus.ACKNOWLEDGED


def get_review(session: Session, actor: Actor, review_id: int, now: datetime | None = None) -> ReviewDetail:
    """One review as the actor may see it. A review not submitted yet shows its actuals as the data has them
    now (read, not stored: saving or submitting stores them); a submitted one its frozen values."""
    return _detail(session, actor, review_id, now or utcnow(), {})


def review_details(
    session: Session, actor: Actor, review_ids: Sequence[int], now: datetime | None = None
) -> tuple[ReviewDetail, ...]:
    """Several reviews, reading each month's data once (exports)."""
    cache: dict[str, MonthData] = {}
    return tuple(_detail(session, actor, i, now or utcnow(), cache) for i in review_ids)


def _detail(session: Session, actor: Actor, review_id: int, now: datetime, cache: dict[str, MonthData]) -> ReviewDetail:
    review, staff = _load(session, actor, review_id)
    data = None if _frozen(review) else _month_data(session, review.month, now, cache)
    values, score, grade = _evaluate(review, data, thresholds(session))
    reviewer = session.get(StaffUser, review.reviewer_id) if review.reviewer_id is not None else None
    sides = access.sides(actor, staff.id, staff.role)
    submitted = review.submitted_at is not None
    lines = tuple(
        ReviewLineInfo(
            id=line.id,
            position=line.position,
            name=line.name,
            metric=line.metric,
            unit=line.unit,
            target=line.target,
            weight_bp=line.weight_bp,
            scoring=ScoringRule(line.scoring),
            higher_is_better=line.higher_is_better,
            cap_bp=line.cap_bp,
            bands=bands_of(line.bands),
            actual=value.actual,
            actual_entered=line.actual_entered,
            score_bp=value.score_bp,
            manual_score_bp=line.manual_score_bp,
            source=value.source,
            note=line.note,
        )
        for line, value in zip(review.lines, values, strict=True)
    )
    return ReviewDetail(
        id=review.id,
        version=review.version,
        staff_id=staff.id,
        staff_name=staff.name,
        staff_role=staff.role,
        month=review.month,
        status=review.status,
        submitted=submitted,
        reviewer_id=review.reviewer_id,
        reviewer_name=reviewer.name if reviewer is not None else "",
        score_bp=score,
        grade=grade,
        self_comment=review.self_comment,
        manager_comment=review.manager_comment,
        lines=lines,
        plan=_plan(session, review),
        created_at=review.created_at,
        self_submitted_at=review.self_submitted_at,
        submitted_at=review.submitted_at,
        acknowledged_at=review.acknowledged_at,
        filled_at=review.filled_at if data is None else now,
        steps=allowed_steps(review.status, submitted, sides),
        sides=sides,
        can_edit_person=Side.PERSON in sides and review.status == ReviewStatus.SELF_REVIEW,
        can_edit_reviewer=Side.REVIEWER in sides and not _frozen(review),
        timezone=house_timezone(session),
    )


def _plan(session: Session, review: Review) -> tuple[PlanItem, ...]:
    task_ids = [i.task_id for i in review.plan_items if i.task_id is not None]
    statuses = (
        dict(session.execute(select(Task.id, Task.status).where(Task.id.in_(task_ids))).all()) if task_ids else {}
    )
    return tuple(
        PlanItem(i.id, i.text, i.due_date, i.task_id, statuses.get(i.task_id, "") if i.task_id is not None else "")
        for i in review.plan_items
    )


def _check_editable(review: Review) -> None:
    if _frozen(review):
        raise ValidationError("A submitted review cannot be changed.", code="review_not_editable", status=review.status)


def save_review(
    session: Session,
    actor: Actor,
    review_id: int,
    edit: ReviewEdit,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Changes:
    """The reviewer's save: typed actuals, manual scores, line remarks, the manager comment, the plan.
    Allowed while the review is not submitted and not acknowledged (draft, self-review, manager review)."""
    review, staff = _load(session, actor, review_id)
    access.check_side(actor, staff.id, staff.role, Side.REVIEWER)
    _checked_version(review, expected_version)
    _check_editable(review)
    now = now or utcnow()
    act_as(session, actor)
    data = MonthData(session, review.month, now)
    lines = {line.id: line for line in review.lines}
    with session.no_autoflush:  # one flush, so each changed line is one entry in the audit log, not two
        for line_edit in edit.lines:
            line = lines.get(line_edit.line_id)
            if line is None:
                raise ValidationError("The review has no such line.", code="review_line_unknown")
            _apply_line(line, line_edit, data, review.staff_id)
        review.manager_comment = edit.manager_comment.strip()[:MAX_COMMENT]
        had_tasks = _save_plan(session, review, edit.plan)
        review.reviewer_id = actor.staff_id if actor.staff_id is not None else review.reviewer_id
        _store(review, data, thresholds(session), now)
    session.flush()
    changes = REVIEW_CHANGES
    if had_tasks:
        changes = changes | sync_plan_tasks(session, now)
    return changes


def _apply_line(line: ReviewLine, edit: LineEdit, data: MonthData, staff_id: int) -> None:
    note = edit.note.strip()[:MAX_COMMENT]
    if line.note != note:
        line.note = note
    if line.scoring == ScoringRule.MANUAL:
        score = edit.manual_score_bp
        if score is not None and not 0 <= score <= line.cap_bp:
            raise ValidationError(
                "The score is out of range.", code="review_score_invalid", max=f"{line.cap_bp / 100:g}", line=line.name
            )
        if line.manual_score_bp != score:
            line.manual_score_bp = score
    if not line.metric:
        if line.actual != edit.actual:
            line.actual = edit.actual
        return
    if edit.actual is None:
        if line.actual_entered:
            line.actual_entered = False  # back to the data
        return
    live = read_actual(data, line.metric, staff_id).value
    if live is not None and not line.actual_entered:
        if edit.actual != live:
            raise ValidationError(
                f"Line {line.name} is filled from the shop's data.", code="review_actual_from_data", line=line.name
            )
        return
    line.actual_entered, line.actual = True, edit.actual
    line.source = {}


def _save_plan(session: Session, review: Review, plan: Sequence[PlanItem]) -> bool:
    """Replace the plan items (kept ids keep their tasks). True when an item with a task was removed, or the
    review is submitted (its tasks follow at once)."""
    stored = {i.id: i for i in review.plan_items}
    kept: list[ReviewPlanItem] = []
    for n, item in enumerate(plan):
        text = " ".join(item.text.split())[:MAX_PLAN_TEXT]
        if not text:
            raise ValidationError("A plan item needs a text.", code="review_plan_text_required")
        row = stored.get(item.id) if item.id is not None else None
        if row is None:
            row = ReviewPlanItem(text=text, position=n, due_date=item.due_date)
        else:
            row.text, row.position, row.due_date = text, n, item.due_date
        kept.append(row)
    removed_with_task = any(i.task_id is not None for key, i in stored.items() if key not in {r.id for r in kept})
    review.plan_items = kept
    return removed_with_task


def save_self_review(session: Session, actor: Actor, review_id: int, comment: str, *, expected_version: int) -> Changes:
    """The person's own comment, on their own review while it is in self-review."""
    review, staff = _load(session, actor, review_id)
    access.check_side(actor, staff.id, staff.role, Side.PERSON)
    _checked_version(review, expected_version)
    if review.status != ReviewStatus.SELF_REVIEW:
        raise ValidationError("The self-review is closed.", code="review_not_editable", status=review.status)
    act_as(session, actor)
    review.self_comment = comment.strip()[:MAX_COMMENT]
    session.flush()
    return REVIEW_CHANGES


def move_review(
    session: Session,
    actor: Actor,
    review_id: int,
    step: Step,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Changes:
    """Take one step of the cycle (``domain.reviews.TRANSITIONS``). Submit stores the actuals, scores and
    grade for good and opens the plan's tasks; reopen unfreezes (refreshed at the next save)."""
    review, staff = _load(session, actor, review_id)
    transition = TRANSITIONS[Step(step)]
    access.check_side(actor, staff.id, staff.role, transition.side)
    _checked_version(review, expected_version)
    submitted = review.submitted_at is not None
    if Step(step) not in allowed_steps(review.status, submitted, frozenset({transition.side})):
        raise ValidationError(
            f"Step {step} is not possible in status {review.status}.",
            code="review_step_not_allowed",
            step=str(step),
            status=review.status,
        )
    now = now or utcnow()
    act_as(session, actor)
    grades = thresholds(session)
    changes = REVIEW_CHANGES
    if step == Step.SUBMIT:
        _store(review, MonthData(session, review.month, now), grades, now)
        unscored = [line.name for line in review.lines if line.weight_bp and line.score_bp is None]
        if unscored:
            raise ValidationError("Some lines have no score yet.", code="review_unscored", lines="、".join(unscored))
        review.submitted_at = now
        review.reviewer_id = actor.staff_id if actor.staff_id is not None else review.reviewer_id
    elif step == Step.REOPEN:
        review.submitted_at = None
    elif step == Step.ACKNOWLEDGE:
        review.acknowledged_at = now
    else:
        if step == Step.SUBMIT_SELF_REVIEW:
            review.self_submitted_at = now
        _store(review, MonthData(session, review.month, now), grades, now)
    review.status = transition.target
    session.flush()
    if step == Step.SUBMIT:
        changes = changes | sync_plan_tasks(session, now)
    return changes


# ---------------------------------------------------------------- lists, queue, trend


def _summary(review: Review, staff: StaffUser) -> ReviewSummary:
    submitted = review.submitted_at is not None
    if review.status == ReviewStatus.ACKNOWLEDGED:
        waiting = ""
    elif review.status == ReviewStatus.SELF_REVIEW or (review.status == ReviewStatus.MANAGER_REVIEW and submitted):
        waiting = "person"
    else:
        waiting = "reviewer"
    return ReviewSummary(
        review.id,
        review.version,
        staff.id,
        staff.name,
        staff.role,
        review.month,
        review.status,
        submitted,
        review.score_bp,
        review.grade,
        waiting,
    )


def _summaries(session: Session, *where: object) -> tuple[ReviewSummary, ...]:
    stmt = (
        select(Review, StaffUser)
        .join(StaffUser, StaffUser.id == Review.staff_id)
        .where(Review.deleted_at.is_(None), *where)  # type: ignore[arg-type]
        .order_by(Review.month, StaffUser.name, Review.id)
    )
    return tuple(_summary(r, s) for r, s in session.execute(stmt))


def review_summaries(session: Session, actor: Actor, month: str) -> tuple[ReviewSummary, ...]:
    """The month's reviews the actor may see, by name."""
    _month(month)
    return _summaries(session, Review.month == month, access.readable(actor))


def _waiting(actor: Actor) -> object:
    mine = (
        and_(
            Review.staff_id == actor.staff_id,
            or_(
                Review.status == ReviewStatus.SELF_REVIEW,
                and_(Review.status == ReviewStatus.MANAGER_REVIEW, Review.submitted_at.is_not(None)),
            ),
        )
        if actor.staff_id is not None
        else None
    )
    theirs = and_(
        access.reviewing(actor),
        or_(
            Review.status == ReviewStatus.DRAFT,
            and_(Review.status == ReviewStatus.MANAGER_REVIEW, Review.submitted_at.is_(None)),
        ),
    )
    return or_(mine, theirs) if mine is not None else theirs


def reviews_waiting_for(session: Session, actor: Actor) -> tuple[ReviewSummary, ...]:
    """Reviews whose next step is the actor's (Home's queue): their own in self-review or submitted and not
    acknowledged; as reviewer, the team's drafts and manager reviews not submitted yet. Oldest month first."""
    return _summaries(session, _waiting(actor))


def count_reviews_waiting(session: Session, actor: Actor) -> int:
    from sqlalchemy import func

    stmt = select(func.count(Review.id)).where(Review.deleted_at.is_(None), _waiting(actor))  # type: ignore[arg-type]
    return int(session.execute(stmt).scalar_one())


def score_trend(session: Session, actor: Actor, staff_id: int, months: int = 12) -> Trend:
    """One person's overall scores, month by month (at most ``months``, ending with the newest review)."""
    staff = session.get(StaffUser, staff_id)
    if staff is None or not access.can_read(actor, staff.id, staff.role):
        raise NotFoundError(f"No reviews of staff {staff_id}.", code="review_not_found")
    rows = session.scalars(
        select(Review)
        .where(Review.staff_id == staff_id, Review.deleted_at.is_(None))
        .order_by(Review.month.desc())
        .limit(max(1, months))
    ).all()
    points = tuple(TrendPoint(r.month, r.score_bp, r.grade, r.status) for r in reversed(rows))
    return Trend(staff.id, staff.name, points)


def month_scores(session: Session, month: str) -> dict[int, ReviewSummary]:
    """Every review of the month by staff id, unguarded: the monthly report's Team sheet (which needs
    ``VIEW_REPORTS`` itself)."""
    return {s.staff_id: s for s in _summaries(session, Review.month == month)}


# ---------------------------------------------------------------- grades


def grade_settings(session: Session) -> GradeSettings:
    return GradeSettings(thresholds(session), setting_version(session, GRADES_SETTING))


def save_grade_thresholds(session: Session, actor: Actor, grades: GradeThresholds, *, expected_version: int) -> Changes:
    """The grade thresholds (``EDIT_KPI_TEMPLATES``); reviews not submitted are graded anew when next
    stored. ValidationError ``grade_thresholds_invalid`` unless S > A > B > C ≥ 0."""
    require(actor, Action.EDIT_KPI_TEMPLATES)
    if not grades.valid():
        raise ValidationError("Grade thresholds must fall from S to C.", code="grade_thresholds_invalid")
    act_as(session, actor)
    store_setting(session, GRADES_SETTING, grades.as_dict(), expected_version)
    return REVIEW_CHANGES
