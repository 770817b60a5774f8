"""Reviews as xlsx scorecards: one person's month, or the whole team's month (one sheet per person and a
summary sheet first), in the reader's language."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from sellerdesk.domain.permissions import Actor


def export_review(session: Session, actor: Actor, review_id: int, path: Path, lang: str = "en") -> Path:
    """One review as a printable scorecard (``lang`` "en" or "zh_CN")."""
    raise NotImplementedError


def export_team_month(session: Session, actor: Actor, month: str, path: Path, lang: str = "en") -> int:
    """The month's reviews the actor may see: a summary sheet and one scorecard sheet each. Returns how many
    reviews were written."""
    raise NotImplementedError
