"""Demo team work: the task board (demo/tasks.py, through the task services), KPI templates, three months
of performance reviews (through the reviews service), shared settings."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.demo.base import (
    HOUR,
    Ids,
    aware,
    insert_rows,
    local_midnight,
)
from sellerdesk.demo.catalog import Catalog
from sellerdesk.demo.data import SHOPS
from sellerdesk.demo.orders import OrderStats
from sellerdesk.demo.tasks import TaskPlanner
from sellerdesk.demo.tickets import ServiceStats
from sellerdesk.domain.enums import Role
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.domain.reviews import Band, ScoringRule, Step
from sellerdesk.models import AppSetting, AuditEntry, Task
from sellerdesk.services.reviews import (
    LineEdit,
    PlanItem,
    ReviewEdit,
    ReviewLineInfo,
    TemplateLine,
    create_month_reviews,
    get_review,
    move_review,
    save_kpi_template,
    save_review,
    save_self_review,
)

# role → KPI template lines (services/reviews: metric "" = scored or entered by hand). Targets of the
# figures that depend on the shop's size (GMV, tickets) are set from the demo's own months.
_BANDS_LATE = (Band(200, 10_000), Band(500, 8_000), Band(1_000, 6_000))  # late-shipment rate ≤ 2 % / 5 % / 10 %
_BANDS_TITLES = (Band(0, 10_000), Band(2, 8_000), Band(5, 6_000))  # titles with a banned word


def _kpis(gmv_target: int, tickets_target: int) -> dict[Role, tuple[TemplateLine, ...]]:
    manual = ScoringRule.MANUAL
    return {
        Role.OPERATIONS_MANAGER: (
            TemplateLine("月度销售额", "gmv_cents", gmv_target, 4_000, cap_bp=12_000),
            TemplateLine("退款率", "refund_rate_bp", 900, 2_000, higher_is_better=False),
            TemplateLine("发货超时率", "late_shipment_rate_bp", 0, 2_000, ScoringRule.BANDS, False, bands=_BANDS_LATE),
            TemplateLine("团队管理与复盘", "", 100, 2_000, manual, unit="score"),
        ),
        Role.OPERATIONS: (
            TemplateLine("月度销售额", "gmv_cents", gmv_target, 3_000),
            TemplateLine("发货超时率", "late_shipment_rate_bp", 0, 4_000, ScoringRule.BANDS, False, bands=_BANDS_LATE),
            TemplateLine("按时完成任务", "tasks_on_time_bp", 9_000, 3_000),
        ),
        Role.PRODUCT_SPECIALIST: (
            TemplateLine("按时完成任务", "tasks_on_time_bp", 9_000, 3_000),
            TemplateLine("标题违规词", "titles_failing", 0, 2_000, ScoringRule.BANDS, False, bands=_BANDS_TITLES),
            TemplateLine("缺货SKU数", "skus_out_of_stock", 5, 2_000, higher_is_better=False),
            TemplateLine("商品资料维护", "", 100, 3_000, manual, unit="score"),
        ),
        Role.MARKETING_SPECIALIST: (
            TemplateLine("活动销售额提升", "promo_uplift_bp", 2_000, 4_000, cap_bp=12_000),
            TemplateLine("按时完成任务", "tasks_on_time_bp", 9_000, 3_000),
            TemplateLine("推广投入产出比", "", 100, 3_000, manual, unit="score"),
        ),
        Role.SERVICE_SPECIALIST: (
            TemplateLine("处理工单数", "tickets_handled", tickets_target, 3_000, cap_bp=11_000),
            TemplateLine("首次响应时间(中位数)", "first_response_median_s", 1_800, 2_500, higher_is_better=False),
            TemplateLine("SLA达成率", "sla_hit_rate_bp", 8_000, 2_500),
            TemplateLine("满意度", "satisfaction_x100", 450, 2_000),
        ),
    }


_MANAGER_COMMENT = {
    "S": "表现非常出色，各项指标全面超额完成，继续保持！",
    "A": "整体表现优秀，个别指标还有提升空间。",
    "B": "基本完成目标，重点指标需要加强，下月继续努力。",
    "C": "多项指标未达标，已一起制定改进计划，每周跟进。",
    "D": "指标明显未达标，需要尽快改进，下月重点关注。",
}
_SELF_COMMENT = (
    "本月按计划完成了主要工作，大促期间配合加班。",
    "响应速度有提升，但个别工单处理时间偏长。",
    "希望下月多参加培训，提高专业能力。",
    "和仓库沟通更顺畅了，继续努力。",
)
_IMPROVEMENT = ("每周与运营经理复盘一次", "首次响应控制在10分钟内", "熟练使用快捷回复", "大促前完成话术培训")


@dataclass(frozen=True)
class TeamCounts:
    tasks: int
    task_series: int
    promotions: int
    kpi_templates: int
    reviews: int
    review_lines: int


class TeamWriter:
    def __init__(
        self, session: Session, ids: Ids, rng: random.Random, catalog: Catalog, *, today: date, as_of: int
    ) -> None:
        self.session = session
        self.ids = ids
        self.rng = rng
        self.catalog = catalog
        self.today = today
        self.as_of = as_of

    def write(self, orders: OrderStats, service: ServiceStats) -> TeamCounts:
        planner = TaskPlanner(self.session, self.rng, self.catalog, today=self.today, as_of=self.as_of)
        planner.write(orders, service)  # before the reviews: their task figures read these tasks
        templates = self._templates(orders, service)
        reviews, lines = self._reviews()
        planner.follow_plans()  # the plan tasks the submitted reviews made
        planner.run_rules()  # over the finished shop: reorder, late to ship, tickets
        made = self.session.scalar(select(func.count(Task.id))) or 0
        return TeamCounts(made, len(planner.series), planner.promotions, templates, reviews, lines)

    # --- KPI templates and reviews: written through the reviews service ---------------------------------

    def _templates(self, orders: OrderStats, service: ServiceStats) -> int:
        months = self._months()
        gmv = [orders.monthly.get(m, [0, 0, 0, 0])[1] for m in months]
        agents = self.catalog.staff[Role.SERVICE_SPECIALIST]
        solved = [service.monthly.get((a, m), [0] * 6)[0] for a in agents for m in months]
        gmv_target = max(100, int(round(sum(gmv) / len(gmv), -4)))  # whole ¥100s
        tickets_target = max(1, round(sum(solved) / len(solved) * 0.95))
        count = 0
        for role, lines in _kpis(gmv_target, tickets_target).items():
            save_kpi_template(self.session, OWNER, role, lines, ())
            count += len(lines)
        return count

    def _months(self) -> list[str]:
        first_of_month = self.today.replace(day=1)
        months = []
        for _ in range(3):
            first_of_month = (first_of_month - timedelta(days=1)).replace(day=1)
            months.append(f"{first_of_month:%Y-%m}")
        return months[::-1]

    def _reviews(self) -> tuple[int, int]:
        """Three months of reviews, made, filled and scored by the app's own rules: the older months through
        the whole cycle, the last one at every step (so Home has reviews waiting)."""
        months = self._months()
        people = {
            staff_id: Actor(staff_id, role, self.catalog.staff_names.get(staff_id, ""))
            for role, ids in self.catalog.staff.items()
            for staff_id in ids
        }
        made = lines = 0
        for k, month in enumerate(months):
            year, number = (int(part) for part in month.split("-"))
            written = aware(
                min(local_midnight(date(year + number // 12, number % 12 + 1, 3)) + 10 * HOUR, self.as_of - HOUR)
            )
            created = create_month_reviews(self.session, OWNER, month, written)
            for n, review_id in enumerate(created.created):
                last = k == len(months) - 1
                lines += self._review(review_id, people, written, stage=n % 4 if last else 4)
            made += len(created.created)
        return made, lines

    def _edit(self, line: ReviewLineInfo) -> LineEdit:
        """The manager's part of a line: a score for manual lines; where the data has nothing (no promotion
        ended, no task due), an actual entered by hand near the target."""
        rng = self.rng
        manual = rng.randint(75, 99) * 100 if line.scoring == ScoringRule.MANUAL else None
        typed = None
        if line.metric and line.actual is None:
            typed = line.target * rng.randint(80, 105) // 100
        return LineEdit(line.id, actual=typed, manual_score_bp=manual)

    def _review(self, review_id: int, people: dict[int, Actor], now: datetime, *, stage: int) -> int:
        """Score, comment and move one review; ``stage``: 0 draft, 1 self-review, 2 manager review, 3 submitted,
        4 acknowledged."""
        rng, session = self.rng, self.session
        detail = get_review(session, OWNER, review_id, now)
        person = people[detail.staff_id]
        if stage >= 1:
            move_review(session, OWNER, review_id, Step.OPEN_SELF_REVIEW, expected_version=detail.version, now=now)
            detail = get_review(session, person, review_id, now)
            save_self_review(session, person, review_id, rng.choice(_SELF_COMMENT), expected_version=detail.version)
        if stage >= 2:
            detail = get_review(session, person, review_id, now)
            move_review(session, person, review_id, Step.SUBMIT_SELF_REVIEW, expected_version=detail.version, now=now)
        edits = tuple(self._edit(line) for line in detail.lines)
        detail = get_review(session, OWNER, review_id, now)
        save_review(session, OWNER, review_id, ReviewEdit(edits), expected_version=detail.version, now=now)
        detail = get_review(session, OWNER, review_id, now)
        plan = (
            tuple(
                PlanItem(None, text, now.date() + timedelta(days=7 * (n + 1)))
                for n, text in enumerate(_IMPROVEMENT[: rng.randint(2, 4)])
            )
            if detail.grade in ("C", "D")
            else ()
        )
        edit = ReviewEdit(edits, _MANAGER_COMMENT.get(detail.grade, ""), plan)
        save_review(session, OWNER, review_id, edit, expected_version=detail.version, now=now)
        if stage >= 3:
            detail = get_review(session, OWNER, review_id, now)
            move_review(session, OWNER, review_id, Step.SUBMIT, expected_version=detail.version, now=now)
        if stage >= 4:
            detail = get_review(session, person, review_id, now)
            move_review(session, person, review_id, Step.ACKNOWLEDGE, expected_version=detail.version, now=now)
        return len(detail.lines)


def write_settings(session: Session, *, as_of: int, orders: int, seed: int) -> None:
    """Shared settings the demo relies on (kept when already set), and an audit entry for the demo itself."""
    if session.scalar(select(AppSetting.key).where(AppSetting.key == "late_ship_hours")) is None:
        hours = {spec.platform.value: spec.ship_deadline_hours for spec in SHOPS}
        insert_rows(session, AppSetting, [{"key": "late_ship_hours", "value": hours, "version": 1}])
    insert_rows(
        session,
        AuditEntry,
        [
            {
                "at": aware(as_of),
                "staff_id": None,
                "action": "demo.generate",
                "entity": "database",
                "entity_id": None,
                "details": {"orders": orders, "seed": seed},
            }
        ],
    )
