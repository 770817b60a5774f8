"""SLA policies (platform × category × priority) and the desk's business calendar.

A ticket's targets come from the most specific policy that matches it ("" in a policy field matches
anything; platform counts most, then category, then priority). The presets mirror each platform's own
service rules; docs/sla-presets.md gives the rule and source of each, and says which are guesses.
Business hours live in a shared setting; holiday overrides are rows the owner edits per date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sellerdesk.domain.business_time import BusinessCalendar
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform, TicketCategory
from sellerdesk.domain.errors import ConflictError, ValidationError
from sellerdesk.models import BusinessDayOverride, SlaPolicy
from sellerdesk.services.app_settings import load_setting, setting_version, store_setting

HOURS_SETTING = "service_hours"
MINUTE, HOUR = 60, 3600
DEFAULT_HOURS = {"start": "09:00", "end": "24:00", "holidays": True}


@dataclass(frozen=True)
class SlaTarget:
    first_response_s: int
    resolution_s: int
    business_hours: bool  # False: wall-clock time (the platforms' own after-sale timers run day and night)


@dataclass(frozen=True)
class PolicyRow:
    id: int
    platform: str  # "" = any
    category: str
    priority: str
    first_response_s: int
    resolution_s: int
    business_hours: bool
    version: int


# (platform, category, priority) → target; docs/sla-presets.md explains each line.
PRESETS: dict[tuple[str, str, str], SlaTarget] = {
    ("", "", ""): SlaTarget(1 * HOUR, 24 * HOUR, True),
    ("", "", "urgent"): SlaTarget(15 * MINUTE, 4 * HOUR, True),
    ("", TicketCategory.BAD_REVIEW, ""): SlaTarget(2 * HOUR, 72 * HOUR, True),
    # Pre-sale questions wait in the platform chat: the chat reply-rate rules.
    (Platform.TAOBAO, TicketCategory.PRE_SALE, ""): SlaTarget(3 * MINUTE, 8 * HOUR, True),
    (Platform.PDD, TicketCategory.PRE_SALE, ""): SlaTarget(3 * MINUTE, 8 * HOUR, True),
    (Platform.DOUYIN, TicketCategory.PRE_SALE, ""): SlaTarget(3 * MINUTE, 8 * HOUR, True),
    (Platform.JD, TicketCategory.PRE_SALE, ""): SlaTarget(1 * MINUTE, 8 * HOUR, True),
    # After-sale requests: the platforms agree them automatically when the seller lets the timer run out.
    (Platform.TAOBAO, TicketCategory.RETURN_REFUND, ""): SlaTarget(1 * HOUR, 48 * HOUR, False),
    (Platform.PDD, TicketCategory.RETURN_REFUND, ""): SlaTarget(1 * HOUR, 48 * HOUR, False),
    (Platform.DOUYIN, TicketCategory.RETURN_REFUND, ""): SlaTarget(1 * HOUR, 48 * HOUR, False),
    (Platform.JD, TicketCategory.RETURN_REFUND, ""): SlaTarget(1 * HOUR, 48 * HOUR, False),
    # Shipping problems: the platforms' logistics complaints are to be answered within a day or two.
    (Platform.PDD, TicketCategory.LOGISTICS, ""): SlaTarget(1 * HOUR, 48 * HOUR, False),
    (Platform.DOUYIN, TicketCategory.LOGISTICS, ""): SlaTarget(1 * HOUR, 48 * HOUR, False),
}


def ensure_presets(session: Session) -> None:
    """Write the presets into an empty policy table (the owner edits them from there)."""
    if session.scalar(select(SlaPolicy.id).limit(1)) is not None:
        return
    for (platform, category, priority), target in PRESETS.items():
        session.add(
            SlaPolicy(
                platform=str(platform),
                category=str(category),
                priority=priority,
                first_response_s=target.first_response_s,
                resolution_s=target.resolution_s,
                business_hours=target.business_hours,
            )
        )
    session.flush()


def list_policies(session: Session) -> tuple[PolicyRow, ...]:
    ensure_presets(session)
    stmt = select(SlaPolicy).order_by(SlaPolicy.platform, SlaPolicy.category, SlaPolicy.priority)
    return tuple(
        PolicyRow(
            p.id, p.platform, p.category, p.priority, p.first_response_s, p.resolution_s, p.business_hours, p.version
        )
        for p in session.scalars(stmt)
    )


def find_target(session: Session, platform: str, category: str, priority: str) -> SlaTarget:
    """The most specific policy for a ticket (platform beats category beats priority)."""
    ensure_presets(session)
    stmt = select(SlaPolicy).where(
        SlaPolicy.platform.in_(["", platform]),
        SlaPolicy.category.in_(["", category]),
        SlaPolicy.priority.in_(["", priority]),
    )
    best = max(
        session.scalars(stmt),
        key=lambda p: (p.platform != "", p.category != "", p.priority != ""),
        default=None,
    )
    if best is None:
        fallback = PRESETS[("", "", "")]
        return fallback
    return SlaTarget(best.first_response_s, best.resolution_s, best.business_hours)


@dataclass(frozen=True)
class PolicyEdit:
    platform: str
    category: str
    priority: str
    first_response_s: int
    resolution_s: int
    business_hours: bool
    policy_id: int | None = None  # None: a new policy
    expected_version: int = 0


def save_policy(session: Session, edit: PolicyEdit, *, actor: int | None = None) -> Changes:
    """Add or change one policy (version-checked); it applies to tickets opened from now on."""
    del actor  # permissions are checked by the staff module's guard once it exists
    if edit.first_response_s <= 0 or edit.resolution_s <= 0 or edit.first_response_s > edit.resolution_s:
        raise ValidationError("Targets must be positive and the response before the resolution.", code="sla_targets")
    if edit.policy_id is None:
        session.add(SlaPolicy(**_fields(edit)))
    else:
        policy = session.get(SlaPolicy, edit.policy_id)
        if policy is None or policy.version != edit.expected_version:
            raise ConflictError("The SLA policy was changed by someone else.", code="conflict")
        for key, value in _fields(edit).items():
            setattr(policy, key, value)
    session.flush()
    return Changes(tickets=True)


def _fields(edit: PolicyEdit) -> dict[str, object]:
    return {
        "platform": edit.platform,
        "category": edit.category,
        "priority": edit.priority,
        "first_response_s": edit.first_response_s,
        "resolution_s": edit.resolution_s,
        "business_hours": edit.business_hours,
    }


# ---------------------------------------------------------------- the calendar


@dataclass(frozen=True)
class ServiceHours:
    start: time
    end: time | None  # None: midnight
    observe_holidays: bool
    version: int = 0


def _parse_time(text: str) -> time | None:
    hours, minutes = (int(p) for p in text.split(":"))
    return None if hours == 24 else time(hours, minutes)


def service_hours(session: Session) -> ServiceHours:
    raw = load_setting(session, HOURS_SETTING, DEFAULT_HOURS)
    value = raw if isinstance(raw, dict) else DEFAULT_HOURS
    start = _parse_time(str(value.get("start", "09:00"))) or time(0)
    end = _parse_time(str(value.get("end", "24:00")))
    return ServiceHours(start, end, bool(value.get("holidays", True)), setting_version(session, HOURS_SETTING))


def save_service_hours(session: Session, hours: ServiceHours, *, actor: int | None = None) -> Changes:
    del actor
    if hours.end is not None and hours.end <= hours.start:
        raise ValidationError("The desk must close after it opens.", code="service_hours")
    value = {
        "start": hours.start.strftime("%H:%M"),
        "end": hours.end.strftime("%H:%M") if hours.end else "24:00",
        "holidays": hours.observe_holidays,
    }
    store_setting(session, HOURS_SETTING, value, hours.version)
    return Changes(tickets=True)


def load_calendar(session: Session, tz: str | None = None) -> BusinessCalendar:
    """The desk's calendar: shared hours, the holiday package, the owner's overrides."""
    hours = service_hours(session)
    overrides = dict(session.execute(select(BusinessDayOverride.day, BusinessDayOverride.working)).all())
    kwargs = {"tz": tz} if tz else {}
    return BusinessCalendar(
        day_start=hours.start,
        day_end=hours.end,
        observe_holidays=hours.observe_holidays,
        overrides=overrides,
        **kwargs,
    )


@dataclass(frozen=True)
class DayOverride:
    day: date
    working: bool
    note: str


def list_overrides(session: Session, year: int) -> tuple[DayOverride, ...]:
    stmt = select(BusinessDayOverride).where(
        BusinessDayOverride.day >= date(year, 1, 1), BusinessDayOverride.day <= date(year, 12, 31)
    )
    return tuple(DayOverride(o.day, o.working, o.note) for o in session.scalars(stmt.order_by(BusinessDayOverride.day)))


def replace_overrides(session: Session, year: int, days: Sequence[DayOverride], *, actor: int | None = None) -> Changes:
    """Set a year's overrides to ``days`` (e.g. the State Council's schedule for a year the package lacks)."""
    del actor
    if any(d.day.year != year for d in days):
        raise ValidationError("Every date must be in the year being edited.", code="override_year", year=year)
    session.execute(
        delete(BusinessDayOverride).where(
            BusinessDayOverride.day >= date(year, 1, 1), BusinessDayOverride.day <= date(year, 12, 31)
        )
    )
    session.add_all(BusinessDayOverride(day=d.day, working=d.working, note=d.note[:100]) for d in days)
    session.flush()
    return Changes(tickets=True)
