"""Demo team work: the task board, KPI templates, three months of performance reviews (through the reviews
service), shared settings."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.demo.base import (
    CHINA_OFFSET,
    DAY,
    HOUR,
    Ids,
    advance_sequences,
    aware,
    day_of_number,
    insert_rows,
    local_midnight,
)
from sellerdesk.demo.catalog import Catalog
from sellerdesk.demo.data import PRODUCTS, PROMOTIONS, SHOPS
from sellerdesk.demo.orders import OrderStats
from sellerdesk.demo.tickets import ServiceStats
from sellerdesk.domain.enums import Priority, Role, ShelfStatus, TaskStatus
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

BANNED_WORDS = ("最", "第一", "顶级", "唯一", "国家级")
TASK_TARGET = 150
_GENERAL_TASKS = {
    Role.OPERATIONS_MANAGER: (
        "整理上月经营数据给老板",
        "核对平台扣点与结算单",
        "制定下月销售目标",
        "招聘兼职客服",
        "检查各平台店铺评分",
        "安排仓库大促排班",
    ),
    Role.PRODUCT_SPECIALIST: (
        "拍摄新品主图",
        "更新详情页尺码表",
        "核对供应商对账单",
        "检查运费模板",
        "整理滞销款清单",
        "补充商品条码",
    ),
    Role.MARKETING_SPECIALIST: (
        "设置店铺优惠券",
        "报名平台日常活动",
        "策划直播间福利",
        "分析竞品价格",
        "整理活动效果数据",
        "优化推广计划出价",
    ),
    Role.SERVICE_SPECIALIST: (
        "更新快捷回复话术",
        "整理上周退款原因",
        "回访差评买家",
        "整理常见问题文档",
        "跟进物流异常件",
        "培训新客服",
    ),
}
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

    def write(self, orders: OrderStats, service: ServiceStats, low_stock: list[int]) -> TeamCounts:
        tasks = self._tasks(orders, service, low_stock)
        insert_rows(self.session, Task, tasks)
        advance_sequences(self.session, ["tasks"])  # the reviews' plan items make tasks the usual way
        templates = self._templates(orders, service)
        reviews, lines = self._reviews()
        made = self.session.scalar(select(func.count(Task.id))) or 0  # with the plans' tasks
        return TeamCounts(made, templates, reviews, lines)

    # --- tasks -------------------------------------------------------------------------------------------

    def _tasks(self, orders: OrderStats, service: ServiceStats, low_stock: list[int]) -> list[dict[str, object]]:
        staff = self.catalog.staff
        product, marketing = staff[Role.PRODUCT_SPECIALIST][0], staff[Role.MARKETING_SPECIALIST][0]
        agents, manager = staff[Role.SERVICE_SPECIALIST], self.catalog.manager
        tasks = self._recurring(product, marketing, agents[0], manager)
        tasks += self._promotions(marketing, manager)
        tasks += self._product_tasks(product, low_stock)
        for order_id in orders.late_orders[:10]:
            tasks.append(
                self._task(
                    f"跟进超时未发货订单 #{order_id}",
                    "联系仓库确认原因，今天必须发出",
                    manager,
                    agents[0],
                    self.today,
                    "order",
                    order_id,
                    priority=Priority.URGENT,
                )
            )
        for k, ticket_id in enumerate(service.open_ids[-8:]):
            tasks.append(
                self._task(
                    f"回访未结工单 #{ticket_id}",
                    "联系买家确认处理结果",
                    manager,
                    agents[k % len(agents)],
                    self.today + timedelta(days=1),
                    "ticket",
                    ticket_id,
                    priority=Priority.HIGH,
                )
            )
        while len(tasks) < TASK_TARGET:
            tasks.append(self._general_task(manager))
        return tasks

    def _recurring(self, product: int, marketing: int, agent: int, manager: int) -> list[dict[str, object]]:
        tasks = []
        plans = (
            ("每日库存检查", "检查低库存预警，必要时补货下单", product, 1, "daily", 10),
            ("每日差评回访", "回访前一天的中差评买家", agent, 1, "daily", 10),
            ("每周价格巡检", "检查四个平台的售价与活动价是否一致", marketing, 7, "weekly", 6),
            ("周复盘会", "回顾本周销售、退款和客服数据", manager, 7, "weekly", 6),
            ("月度盘点", "主仓全盘，差异录入盘点单", product, 30, "monthly", 3),
        )
        for title, description, assignee, every, recurrence, history in plans:
            for k in range(-history, 2):
                due = self.today + timedelta(days=k * every)
                tasks.append(self._task(title, description, manager, assignee, due, recurrence=recurrence))
        return tasks

    def _promotions(self, marketing: int, manager: int) -> list[dict[str, object]]:
        tasks = []
        first = day_of_number((self.catalog.start + CHINA_OFFSET) // DAY)
        for name, month, day, lead, description in PROMOTIONS:
            for year in (self.today.year - 1, self.today.year, self.today.year + 1):
                when = date(year, month, day)
                if first <= when <= self.today + timedelta(days=45):
                    steps = (("准备：", -lead, marketing), ("执行：", 0, marketing), ("复盘：", 3, manager))
                    for prefix, offset, assignee in steps:
                        due = when + timedelta(days=offset)
                        tasks.append(
                            self._task(
                                prefix + name, description, manager, assignee, due, "promotion", priority=Priority.HIGH
                            )
                        )
        return tasks

    def _product_tasks(self, specialist: int, low_stock: list[int]) -> list[dict[str, object]]:
        tasks = []
        manager = self.catalog.manager
        for index, spec in enumerate(PRODUCTS):
            product_id = self.catalog.product_ids[index]
            if any(word in spec.title for word in BANNED_WORDS):
                tasks.append(
                    self._task(
                        f"修改标题违规词：{spec.title}",
                        "广告法禁用极限词，改掉后重新提交审核",
                        manager,
                        specialist,
                        self.today + timedelta(days=2),
                        "product",
                        product_id,
                        priority=Priority.HIGH,
                    )
                )
            if spec.shelf == ShelfStatus.DRAFT or spec.lifecycle.value == "intro":
                tasks.append(
                    self._task(
                        f"新品上架准备：{spec.title}",
                        "主图、详情页、尺码表、四个平台的上架",
                        manager,
                        specialist,
                        self.today + timedelta(days=5),
                        "product",
                        product_id,
                    )
                )
        for index in low_stock[:15]:
            sku = self.catalog.skus[index]
            tasks.append(
                self._task(
                    f"补货下单：{sku.code}",
                    f"库存低于补货点，按起订量 {sku.min_order_qty} 下单",
                    manager,
                    specialist,
                    self.today + timedelta(days=1),
                    "product",
                    sku.product_id,
                    priority=Priority.HIGH,
                )
            )
        return tasks

    def _general_task(self, manager: int) -> dict[str, object]:
        role = self.rng.choice(tuple(_GENERAL_TASKS))
        assignee = self.rng.choice(self.catalog.staff[role])
        due = self.today + timedelta(days=self.rng.randint(-90, 14))
        priority = self.rng.choice((Priority.LOW, Priority.NORMAL, Priority.NORMAL, Priority.HIGH))
        return self._task(self.rng.choice(_GENERAL_TASKS[role]), "", manager, assignee, due, priority=priority)

    def _task(
        self,
        title: str,
        description: str,
        creator: int,
        assignee: int,
        due: date,
        link_kind: str = "",
        link_id: int | None = None,
        *,
        recurrence: str = "",
        priority: Priority = Priority.NORMAL,
    ) -> dict[str, object]:
        status, completed = self._task_state(due)
        created = min(local_midnight(due) - self.rng.randint(2, 14) * DAY + 10 * HOUR, self.as_of - HOUR)
        return {
            "id": self.ids.take("tasks"),
            "title": title,
            "description": description,
            "status": status.value,
            "priority": priority.value,
            "assignee_id": assignee,
            "creator_id": creator,
            "due_date": due,
            "link_kind": link_kind,
            "link_id": link_id,
            "recurrence": recurrence,
            "created_at": aware(created),
            "completed_at": aware(max(completed, created)) if completed is not None else None,
            "version": 1,
        }

    def _task_state(self, due: date) -> tuple[TaskStatus, int | None]:
        left = (due - self.today).days
        r = self.rng.random()
        if (left < -2 and r < 0.93) or (left <= 0 and r < 0.5):
            done_at = min(local_midnight(due) + 17 * HOUR - self.rng.randint(0, 2) * DAY, self.as_of - 60)
            return TaskStatus.DONE, done_at
        if (left <= 0 and r < 0.8) or (left > 0 and r < 0.35):
            return TaskStatus.DOING, None
        return TaskStatus.TODO, None

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
            tuple(PlanItem(None, text) for text in _IMPROVEMENT[: rng.randint(2, 4)])
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
