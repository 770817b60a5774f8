"""KPI templates per role: the lines a month's review copies (metric, target, weight, scoring rule).

Everyone may read them (they are what people are measured on); saving needs ``EDIT_KPI_TEMPLATES``.
A role's lines are saved together: their weights must total 100 %.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import ConflictError, ValidationError
from sellerdesk.domain.permissions import Action, Actor, require
from sellerdesk.domain.reviews import MAX_CAP, TEMPLATE_ROLES, WEIGHTS_TOTAL, Band, ScoringRule
from sellerdesk.models import KpiTemplate
from sellerdesk.services.reviews.dto import KpiTemplateInfo, TemplateLine
from sellerdesk.services.reviews.metrics import METRICS, unit_of

REVIEW_CHANGES = Changes(reviews=True)
UNITS = ("count", "cents", "bp", "seconds", "score")
MAX_NAME = 100


def kpi_templates(session: Session, actor: Actor) -> tuple[KpiTemplateInfo, ...]:
    """Every reviewed role's template (``domain.reviews.TEMPLATE_ROLES`` order), empty ones included."""
    rows = session.scalars(select(KpiTemplate).order_by(KpiTemplate.role, KpiTemplate.position, KpiTemplate.id))
    by_role: dict[str, list[TemplateLine]] = {str(r): [] for r in TEMPLATE_ROLES}
    for row in rows:
        if row.role in by_role:
            by_role[row.role].append(template_line(row))
    return tuple(KpiTemplateInfo(role, tuple(lines)) for role, lines in by_role.items())


def kpi_template(session: Session, actor: Actor, role: str) -> KpiTemplateInfo:
    """One role's template. Raises ValidationError ``kpi_role_invalid`` for a role without reviews."""
    _check_role(role)
    rows = session.scalars(
        select(KpiTemplate).where(KpiTemplate.role == role).order_by(KpiTemplate.position, KpiTemplate.id)
    )
    return KpiTemplateInfo(role, tuple(template_line(r) for r in rows))


def template_line(row: KpiTemplate) -> TemplateLine:
    return TemplateLine(
        name=row.name,
        metric=row.metric,
        target=row.target,
        weight_bp=row.weight_bp,
        scoring=ScoringRule(row.scoring),
        higher_is_better=row.higher_is_better,
        cap_bp=row.cap_bp,
        bands=bands_of(row.bands),
        unit=unit_of(row.metric, row.unit),
        id=row.id,
        version=row.version,
    )


def bands_of(stored: object) -> tuple[Band, ...]:
    if not isinstance(stored, list):
        return ()
    return tuple(Band(int(b[0]), int(b[1])) for b in stored if isinstance(b, list | tuple) and len(b) == 2)


def stored_bands(bands: Sequence[Band]) -> list[list[int]]:
    return [[b.threshold, b.score_bp] for b in bands]


def _check_role(role: str) -> None:
    if role not in {str(r) for r in TEMPLATE_ROLES}:
        raise ValidationError(f"No reviews for role {role!r}.", code="kpi_role_invalid", role=role)


def check_lines(role: str, lines: Sequence[TemplateLine]) -> None:
    """The checks of a role's lines before they are saved (the editor may call it to show problems early)."""
    _check_role(role)
    for line in lines:
        name = line.name.strip()
        if not name or len(name) > MAX_NAME:
            raise ValidationError("A KPI line needs a name.", code="kpi_name_required", max=MAX_NAME)
        if line.metric:
            metric = METRICS.get(line.metric)
            if metric is None:
                raise ValidationError(f"Unknown metric {line.metric!r}.", code="kpi_metric_unknown", metric=line.metric)
            if role not in metric.info.roles:
                raise ValidationError(
                    f"Metric {line.metric} is not for role {role}.",
                    code="kpi_metric_role",
                    metric=line.metric,
                    role=role,
                )
        if not 0 <= line.weight_bp <= WEIGHTS_TOTAL:
            raise ValidationError("A weight is 0-100 %.", code="kpi_weight_invalid", line=name)
        if not 0 < line.cap_bp <= MAX_CAP:
            raise ValidationError(
                "The cap is above 0 and at most 200 points.", code="kpi_cap_invalid", max=MAX_CAP // 100
            )
        if line.scoring == ScoringRule.BANDS and not line.bands:
            raise ValidationError(f"Line {name} scores by bands but has none.", code="kpi_bands_required", line=name)
        if line.unit and line.unit not in UNITS:
            raise ValueError(f"unknown unit {line.unit!r}")
    total = sum(line.weight_bp for line in lines)
    if lines and total != WEIGHTS_TOTAL:
        raise ValidationError(
            f"The weights total {total / 100:g} %, not 100 %.", code="kpi_weights_total", total=f"{total / 100:g}"
        )


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
    require(actor, Action.EDIT_KPI_TEMPLATES)
    check_lines(role, lines)
    act_as(session, actor)
    stored = {r.id: r for r in session.scalars(select(KpiTemplate).where(KpiTemplate.role == role))}
    if {i: r.version for i, r in stored.items()} != dict(read_versions):
        raise ConflictError(f"The {role} template was changed by someone else.", code="conflict")
    kept: set[int] = set()
    for position, line in enumerate(lines):
        row = stored.get(line.id) if line.id is not None else None
        if row is None:
            row = KpiTemplate(role=role)
            session.add(row)
        else:
            kept.add(row.id)
        _apply(row, line, position)
    for gone in set(stored) - kept:
        session.delete(stored[gone])
    session.flush()  # UPDATE … WHERE version = the one read: a save in between is a ConflictError
    return REVIEW_CHANGES


def _apply(row: KpiTemplate, line: TemplateLine, position: int) -> None:
    values = {
        "position": position,
        "name": line.name.strip(),
        "metric": line.metric,
        "unit": "" if line.metric else line.unit,
        "target": line.target,
        "weight_bp": line.weight_bp,
        "higher_is_better": line.higher_is_better,
        "scoring": str(line.scoring),
        "cap_bp": line.cap_bp,
        "bands": stored_bands(line.bands) if line.scoring == ScoringRule.BANDS else [],
    }
    for key, value in values.items():
        if getattr(row, key, None) != value:  # unchanged lines keep their version
            setattr(row, key, value)
