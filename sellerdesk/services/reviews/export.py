"""Reviews as xlsx scorecards: one person's month, or the whole team's month (a summary sheet first, then
one sheet per person), in the reader's language. The sheets' layout is ``sheets/review_workbook.py``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from sellerdesk.domain.labels import STAFF_ROLES
from sellerdesk.domain.permissions import Actor
from sellerdesk.domain.reviews import ScoringRule
from sellerdesk.services.reviews.cycle import get_review, review_summaries, thresholds
from sellerdesk.services.reviews.dto import ReviewDetail
from sellerdesk.services.reviews.metrics import METRICS
from sellerdesk.sheets.report_workbook import enum_label
from sellerdesk.sheets.review_workbook import (
    CardLine,
    Lang,
    Scorecard,
    local_day,
    metric_name,
    rule_text,
    write_review_workbook,
)


def scorecard(review: ReviewDetail, grades: tuple[int, int, int, int], lang: Lang) -> Scorecard:
    lines = tuple(
        CardLine(
            name=line.name,
            source=metric_name(METRICS[line.metric].info.name, lang) if line.metric in METRICS else "",
            unit=line.unit,
            weight_bp=line.weight_bp,
            target=line.target,
            actual=line.actual,
            rule=rule_text(
                str(line.scoring),
                line.higher_is_better,
                line.cap_bp,
                [(b.threshold, b.score_bp) for b in line.bands],
                line.unit,
                lang,
            ),
            score_bp=line.score_bp,
            note=line.note,
            manual=line.scoring == ScoringRule.MANUAL,
        )
        for line in review.lines
    )
    return Scorecard(
        staff_name=review.staff_name,
        role=review.staff_role,
        month=review.month,
        status=review.status,
        submitted=review.submitted,
        reviewer_name=review.reviewer_name or enum_label(STAFF_ROLES, "owner", lang),  # no account: the owner
        submitted_on=local_day(review.submitted_at, review.timezone),
        acknowledged_on=local_day(review.acknowledged_at, review.timezone),
        lines=lines,
        score_bp=review.score_bp,
        grade=review.grade,
        thresholds=grades,
        self_comment=review.self_comment,
        manager_comment=review.manager_comment,
        plan=tuple((p.text, p.due_date) for p in review.plan),
    )


def _lang(lang: str) -> Lang:
    return "zh_CN" if lang == "zh_CN" else "en"


def _grades(session: Session) -> tuple[int, int, int, int]:
    t = thresholds(session)
    return (t.s_bp, t.a_bp, t.b_bp, t.c_bp)


def export_review(session: Session, actor: Actor, review_id: int, path: Path, lang: str = "en") -> Path:
    """One review as a printable scorecard (``lang`` "en" or "zh_CN"); the actor must be able to read it."""
    review = get_review(session, actor, review_id)
    return write_review_workbook(path, [scorecard(review, _grades(session), _lang(lang))], lang)


def export_team_month(session: Session, actor: Actor, month: str, path: Path, lang: str = "en") -> int:
    """The month's reviews the actor may see: a summary sheet and one scorecard sheet each. Returns how many
    reviews were written."""
    grades = _grades(session)
    cards = [
        scorecard(get_review(session, actor, s.id), grades, _lang(lang))
        for s in review_summaries(session, actor, month)
    ]
    write_review_workbook(path, cards, lang, month=month)
    return len(cards)
