"""KPI templates per role: the lines a month's review copies (metric, target, weight, scoring rule).

Everyone may read them (they are what people are measured on); saving needs ``EDIT_KPI_TEMPLATES``.
A role's lines are saved together: their weights must total 100 %.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.permissions import Actor
from sellerdesk.services.reviews.dto import KpiTemplateInfo, TemplateLine

REVIEW_CHANGES = Changes(reviews=True)


def kpi_templates(session: Session, actor: Actor) -> tuple[KpiTemplateInfo, ...]:
    """Every reviewed role's template (``domain.reviews.TEMPLATE_ROLES`` order), empty ones included."""
    raise NotImplementedError


def kpi_template(session: Session, actor: Actor, role: str) -> KpiTemplateInfo:
    """One role's template. Raises ValidationError ``kpi_role_invalid`` for a role without reviews."""
    raise NotImplementedError


def save_kpi_template(
    session: Session,
    actor: Actor,
    role: str,
    lines: Sequence[TemplateLine],
    read_versions: Sequence[tuple[int, int]],
) -> Changes:
    """Replace ``role``'s lines with ``lines`` (in that order; lines with an id keep it).

    ``read_versions``: ``KpiTemplateInfo.read_versions`` of the template as read; any line changed, added
    or removed since is a ``ConflictError``. Checks (ValidationError codes): ``kpi_name_required``,
    ``kpi_metric_unknown``, ``kpi_metric_role``, ``kpi_weight_invalid``, ``kpi_cap_invalid``,
    ``kpi_bands_required``, ``kpi_weights_total`` (the weights must total 100 %). Reviews already made keep
    their own copy of the lines.
    """
    raise NotImplementedError
