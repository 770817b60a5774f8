"""Demo team work: the task board, KPI templates, three months of performance reviews, shared settings."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.demo.base import (
    CHINA_OFFSET,
    DAY,
    HOUR,
    Ids,
    aware,
    day_of_number,
    insert_rows,
    local_day_number,
    local_midnight,
)
from sellerdesk.demo.catalog import Catalog
from sellerdesk.demo.data import PRODUCTS, PROMOTIONS, SHOPS
from sellerdesk.demo.orders import OrderStats
from sellerdesk.demo.tickets import ServiceStats
from sellerdesk.domain.enums import Priority, ReviewStatus, Role, ShelfStatus, TaskStatus
from sellerdesk.domain.money import div_round_half_up
from sellerdesk.models import AppSetting, AuditEntry, KpiTemplate, Review, ReviewLine, Task

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
# role → (name, metric, target, weight_bp, higher_is_better); metric "" = scored by hand.
_KPIS = {
    Role.OPERATIONS_MANAGER: (
        ("月度销售额", "gmv_cents", 0, 4000, True),
        ("退款率", "refund_rate_bp", 900, 2000, False),
        ("净销售额", "net_sales_cents", 0, 2000, True),
        ("团队管理与复盘", "", 100, 2000, True),
    ),
    Role.PRODUCT_SPECIALIST: (
        ("动销率", "sell_through_bp", 8500, 3500, True),
        ("新品上架数", "new_listings", 3, 2000, True),
        ("标题合规率", "title_compliance_bp", 10000, 2000, True),
        ("盘点准确率", "", 100, 2500, True),
    ),
    Role.MARKETING_SPECIALIST: (
        ("活动销售额提升", "promo_uplift_bp", 2000, 4000, True),
        ("活动按时上线", "", 100, 3000, True),
        ("推广投入产出比", "", 100, 3000, True),
    ),
    Role.SERVICE_SPECIALIST: (
        ("解决工单数", "tickets_solved", 0, 3000, True),
        ("平均首次响应时间(秒)", "first_response_seconds", 1800, 2500, False),
        ("SLA达成率", "sla_hit_rate_bp", 8000, 2500, True),
        ("满意度(×100)", "satisfaction_x100", 450, 2000, True),
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
_IMPROVEMENT = "每周与运营经理复盘一次；首次响应控制在10分钟内；熟练使用快捷回复；大促前完成话术培训。"


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
        templates = self._templates()
        reviews, lines = self._reviews(orders, service)
        insert_rows(self.session, Task, tasks)
        insert_rows(self.session, KpiTemplate, templates)
        insert_rows(self.session, Review, reviews)
        insert_rows(self.session, ReviewLine, lines)
        return TeamCounts(len(tasks), len(templates), len(reviews), len(lines))

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

    # --- KPI templates and reviews -----------------------------------------------------------------------

    def _templates(self) -> list[dict[str, object]]:
        return [
            {
                "id": self.ids.take("kpi_templates"),
                "role": role.value,
                "name": name,
                "metric": metric,
                "target": target,
                "weight_bp": weight,
                "higher_is_better": higher,
                "version": 1,
            }
            for role, lines in _KPIS.items()
            for name, metric, target, weight, higher in lines
        ]

    def _months(self) -> list[str]:
        first_of_month = self.today.replace(day=1)
        months = []
        for _ in range(3):
            first_of_month = (first_of_month - timedelta(days=1)).replace(day=1)
            months.append(f"{first_of_month:%Y-%m}")
        return months[::-1]

    def _reviews(
        self, orders: OrderStats, service: ServiceStats
    ) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        reviews: list[dict[str, object]] = []
        lines: list[dict[str, object]] = []
        months = self._months()
        for role, staff_ids in self.catalog.staff.items():
            for staff_id in staff_ids:
                for k, month in enumerate(months):
                    review_id = self.ids.take("reviews")
                    actuals = self._actuals(role, staff_id, month, orders, service)
                    score, review_lines = self._lines(review_id, role, actuals)
                    lines += review_lines
                    reviews.append(self._review(review_id, staff_id, role, month, score, last=k == len(months) - 1))
        return reviews, lines

    def _actuals(
        self, role: Role, staff_id: int, month: str, orders: OrderStats, service: ServiceStats
    ) -> dict[str, tuple[int, int]]:
        """metric → (target, actual) for one person and month, from the generated data where it exists."""
        rng = self.rng
        if role == Role.OPERATIONS_MANAGER:
            count, gmv, refund, refunded = orders.monthly.get(month, [0, 0, 0, 0])
            return {
                "gmv_cents": (_target(gmv, rng), gmv),
                "refund_rate_bp": (900, div_round_half_up(refunded * 10_000, count)),
                "net_sales_cents": (_target(gmv - refund, rng), gmv - refund),
            }
        if role == Role.PRODUCT_SPECIALIST:
            return {
                "sell_through_bp": (8500, self._sell_through(month, orders)),
                "new_listings": (3, rng.randint(1, 5)),
                "title_compliance_bp": (10000, rng.randint(9400, 10000)),
            }
        if role == Role.MARKETING_SPECIALIST:
            return {"promo_uplift_bp": (2000, rng.randint(600, 3200))}
        solved, wait, responses, hits, stars, ratings = service.monthly.get((staff_id, month), [0] * 6)
        team = [service.monthly.get((agent, month), [0] * 6)[0] for agent in self.catalog.staff[role]]
        return {
            "tickets_solved": (max(1, round(sum(team) / len(team) * 0.95)), solved),
            "first_response_seconds": (1800, wait // responses if responses else 0),
            "sla_hit_rate_bp": (8000, div_round_half_up(hits * 10_000, solved)),
            "satisfaction_x100": (450, div_round_half_up(stars * 100, ratings)),
        }

    def _sell_through(self, month: str, orders: OrderStats) -> int:
        """Share of on-sale SKUs that shipped at least one unit in the month, in basis points."""
        year, number = (int(part) for part in month.split("-"))
        first = local_day_number(local_midnight(date(year, number, 1)))
        last = local_day_number(local_midnight(date(year + number // 12, number % 12 + 1, 1))) - 1
        sold = {index for (index, day) in orders.sold if first <= day <= last}
        on_sale = sum(1 for sku in self.catalog.skus if sku.listings)
        return div_round_half_up(len(sold) * 10_000, on_sale)

    def _lines(
        self, review_id: int, role: Role, actuals: dict[str, tuple[int, int]]
    ) -> tuple[int, list[dict[str, object]]]:
        rows, total = [], 0
        for name, metric, _, weight, higher in _KPIS[role]:
            target, actual = actuals[metric] if metric else (100, self.rng.randint(75, 99))  # scored by hand
            if higher:
                score = min(10_000, div_round_half_up(actual * 10_000, target)) if target else 0
            else:
                score = min(10_000, div_round_half_up(target * 10_000, actual)) if actual else 10_000
            total += score * weight
            rows.append(
                {
                    "id": self.ids.take("review_lines"),
                    "review_id": review_id,
                    "name": name,
                    "metric": metric,
                    "target": target,
                    "actual": actual,
                    "weight_bp": weight,
                    "score_bp": score,
                }
            )
        return div_round_half_up(total, 10_000), rows

    def _review(
        self, review_id: int, staff_id: int, role: Role, month: str, score: int, *, last: bool
    ) -> dict[str, object]:
        grade = (
            "S" if score >= 9500 else "A" if score >= 8500 else "B" if score >= 7500 else "C" if score >= 6000 else "D"
        )
        year, number = (int(part) for part in month.split("-"))
        written = local_midnight(date(year + number // 12, number % 12 + 1, 3)) + 10 * HOUR
        status = (
            (ReviewStatus.SUBMITTED if self.rng.random() < 0.5 else ReviewStatus.DRAFT) if last else ReviewStatus.FINAL
        )
        reviewer = None if role == Role.OPERATIONS_MANAGER else self.catalog.manager
        return {
            "id": review_id,
            "staff_id": staff_id,
            "month": month,
            "reviewer_id": reviewer,
            "status": status.value,
            "score_bp": score,
            "grade": grade,
            "manager_comment": _MANAGER_COMMENT[grade],
            "self_comment": self.rng.choice(_SELF_COMMENT),
            "improvement_plan": _IMPROVEMENT if grade in "CD" else "",
            "created_at": aware(min(written, self.as_of - HOUR)),
            "version": 1,
        }


def _target(actual: int, rng: random.Random) -> int:
    """A target set in advance: near what happened, sometimes beaten, sometimes missed (whole ¥100s)."""
    return int(round(actual * rng.uniform(0.9, 1.08), -4))


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
