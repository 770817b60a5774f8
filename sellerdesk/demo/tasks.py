"""Demo team tasks, written through the task services as the team would have used them over the demo's time.

Everything happens on one timeline of instants (epoch seconds, the demo clock): the manager sets up the
recurring chores (``task_recurrence``) and the app makes their occurrences each morning by its own rule;
promotions are planned, run and reviewed (``promotions``); ordinary tasks are created with checklists and
links, started, commented and finished (``tasks``); the board's order is what those moves left. Nothing
happens after the demo clock. Last, the task rules run over the finished shop (``task_rules``), so the
event-made tasks are the rules' own, one per cause.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import partial
from itertools import takewhile
from operator import ge

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.demo.base import DAY, HOUR, aware, local_midnight
from sellerdesk.demo.catalog import Catalog
from sellerdesk.demo.data import PRODUCTS, PROMOTIONS, PromotionSpec
from sellerdesk.demo.orders import OrderStats
from sellerdesk.demo.tickets import ServiceStats
from sellerdesk.domain.enums import Lifecycle, Priority, Role, ShelfStatus, TaskStatus
from sellerdesk.domain.figures import PromotionEffect
from sellerdesk.domain.recurrence import LAST_DAY, Frequency, Rule, occurrences
from sellerdesk.models import Task, TaskChecklistItem
from sellerdesk.services.promotions import PromotionDraft, create_promotion, promotion_effect
from sellerdesk.services.task_recurrence import create_series, make_due_occurrences
from sellerdesk.services.task_rules import run_task_rules
from sellerdesk.services.tasks import (
    ChecklistLine,
    LinkRef,
    TaskDraft,
    add_comment,
    board_columns,
    complete_task,
    create_task,
    move_task,
    set_checklist_item,
)

BANNED_WORDS = ("最", "第一", "顶级", "唯一", "国家级")
RECENT_MISSES = 7  # a missed chore stays open only when it is this recent; older ones were done late
OPEN_LATE_DAYS = 12  # ordinary tasks left overdue were due at most this many days ago
# The rules' task titles in the shop's language (the desktop passes its own translation when it runs them).
RULE_TITLES = {
    "reorder": "补货：{code}（{title}）可用 {available}，低于补货点 {point}",
    "late_to_ship": "{count} 个订单超时未发货，请尽快安排",
    "ticket_breach": "工单 #{id} 即将超时：{subject}",
    "review_plan": "{text}",
}


@dataclass(frozen=True)
class _Chore:
    """A recurring chore: who, the calendar rule, and when the team started it (days before today)."""

    title: str
    description: str
    role: Role
    rule: Rule
    due: time


# (title, checklist, role): everyday work the manager hands out.
_GENERAL_TASKS = (
    ("整理上月经营数据给老板", ("导出月报", "核对退款率", "写三条结论"), Role.MANAGER),
    ("核对平台扣点与结算单", ("淘宝", "京东", "拼多多", "抖音"), Role.MANAGER),
    ("制定下月销售目标", ("按平台拆分", "和老板确认"), Role.MANAGER),
    ("检查各平台店铺评分", ("DSR", "京东店铺星级", "拼多多服务分"), Role.MANAGER),
    ("拍摄新品主图", ("约摄影师", "白底图", "场景图", "修图"), Role.PRODUCT),
    ("更新详情页尺码表", ("四件套", "被芯", "床笠"), Role.PRODUCT),
    ("核对供应商对账单", ("南通家纺", "恒润毛巾厂", "乐眠乳胶"), Role.PRODUCT),
    ("检查运费模板", ("偏远地区", "新疆西藏", "包邮门槛"), Role.PRODUCT),
    ("整理滞销款清单", ("导出90天无销量SKU", "给出清仓价"), Role.PRODUCT),
    ("设置店铺优惠券", ("满减券", "新人券", "检查叠加规则"), Role.MARKETING),
    ("分析竞品价格", ("四件套", "浴巾", "凉席"), Role.MARKETING),
    ("优化推广计划出价", ("直通车", "京东快车", "拼多多推广"), Role.MARKETING),
    ("整理活动效果数据", ("GMV", "客单价", "退款率"), Role.MARKETING),
    ("更新快捷回复话术", ("发货时效", "退换货", "尺码咨询"), Role.SERVICE),
    ("整理上周退款原因", ("按原因汇总", "反馈给商品专员"), Role.SERVICE),
    ("整理常见问题文档", ("洗涤说明", "尺码对照", "发票"), Role.SERVICE),
    ("跟进物流异常件", ("联系快递", "告知买家"), Role.SERVICE),
)
_GENERAL_WINDOWS = ((-20, 12), (-45, -24), (-70, -49), (-95, -74))  # due days from today
_COMMENTS = (
    "已开始处理，今天下班前同步进度",
    "数据已经导出，放在共享盘了",
    "供应商回复要到周五",
    "需要老板确认一下",
    "已完成一半，剩下的明天做",
    "好的，收到",
    "这个先放一放，优先处理活动",
)
_PROMOTION_STEPS = ("报名/设置活动价", "检查活动SKU库存", "设置店铺优惠券", "准备主图与详情页", "活动后复盘")


class _Timeline:
    """Actions at instants, run in time order (ties in the order they were added)."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, Callable[[int], None]]] = []
        self._count = 0

    def at(self, instant: int, action: Callable[[int], None]) -> None:
        heapq.heappush(self._heap, (instant, self._count, action))
        self._count += 1

    def run(self, until: int) -> None:
        while self._heap and self._heap[0][0] <= until:
            instant, _, action = heapq.heappop(self._heap)
            action(instant)
        self._heap.clear()  # what would happen after the demo clock does not


class TaskPlanner:
    def __init__(self, session: Session, rng: random.Random, catalog: Catalog, *, today: date, as_of: int) -> None:
        self.session = session
        self.rng = rng
        self.catalog = catalog
        self.today = today
        self.as_of = as_of
        self.timeline = _Timeline()
        self.manager = catalog.manager
        self.series: list[int] = []
        self.promotions = 0
        self._made_since = 0  # the highest task id of the chores already planned
        self._daily: set[int] = set()  # the daily chores' series (the kind that gets missed now and then)

    # --- the whole ---------------------------------------------------------------------------------------

    def write(self, orders: OrderStats, service: ServiceStats) -> None:
        """Chores, promotions and ordinary tasks, each at its time up to the demo clock."""
        self._chores()
        self._promotions()
        self._ordinary(orders, service)
        self.timeline.run(self.as_of)

    def run_rules(self) -> None:
        """The task rules over the finished shop, as the app runs them after imports and stock changes."""
        run_task_rules(self.session, aware(self.as_of), RULE_TITLES)

    def _person(self, role: Role, k: int = 0) -> int:
        people = self.catalog.staff[role]
        return people[k % len(people)]

    def _moment(self, day: date, hour: float) -> int:
        return local_midnight(day) + int(hour * HOUR)

    # --- recurring chores ---------------------------------------------------------------------------------

    def _chore_list(self) -> tuple[_Chore, ...]:
        today = self.today

        def since(days: int) -> date:
            return today - timedelta(days=days)

        year_ago = (today.replace(day=1) - timedelta(days=300)).replace(day=1)
        return (
            _Chore(
                "每日库存检查",
                "检查低库存预警，必要时补货下单",
                Role.PRODUCT,
                Rule(Frequency.DAILY, since(41)),
                time(10),
            ),
            _Chore(
                "差评回访",
                "回访前一个工作日的中差评买家，记录处理结果",
                Role.SERVICE,
                Rule(Frequency.WEEKDAYS, since(55), skip_holidays=True),
                time(11),
            ),
            _Chore(
                "每周价格巡检",
                "检查四个平台的售价与活动价是否一致",
                Role.MARKETING,
                Rule(Frequency.WEEKLY, since(120), weekdays=frozenset({0, 3}), skip_holidays=True),
                time(15),
            ),
            _Chore(
                "周复盘会",
                "回顾本周销售、退款和客服数据",
                Role.MANAGER,
                Rule(Frequency.WEEKLY, since(120), weekdays=frozenset({4}), skip_holidays=True),
                time(16, 30),
            ),
            _Chore(
                "月度盘点",
                "主仓全盘，差异录入盘点单",
                Role.PRODUCT,
                Rule(Frequency.MONTHLY, year_ago, month_day=LAST_DAY, skip_holidays=True),
                time(17),
            ),
        )

    def _chores(self) -> None:
        chores = self._chore_list()
        for chore in chores:
            self.timeline.at(self._moment(chore.rule.starts_on, 9.5), partial(self._start_chore, chore))
        # The app opens every morning; only on a chore's day does that make anything (that day's occurrence
        # is due, the next one is made ahead), so the other mornings are left out.
        mornings = {
            day
            for chore in chores
            for day in takewhile(partial(ge, self.today), occurrences(chore.rule))
            if day > chore.rule.starts_on
        }
        for day in sorted(mornings):
            self.timeline.at(self._moment(day, 8.5), self._morning)

    def _start_chore(self, chore: _Chore, instant: int) -> None:
        draft = TaskDraft(chore.title, chore.description, self._person(chore.role), due_time=chore.due)
        saved = create_series(self.session, draft, chore.rule, actor_id=self.manager, now=aware(instant))
        task = self.session.get(Task, saved.task_id)
        assert task is not None and task.series_id is not None
        self.series.append(task.series_id)
        if chore.rule.frequency in (Frequency.DAILY, Frequency.WEEKDAYS):
            self._daily.add(task.series_id)
        self._plan_occurrences()

    def _morning(self, instant: int) -> None:
        """The app opened in the morning: the occurrences whose day has come are made by the series' rule."""
        make_due_occurrences(self.session, aware(instant), series_ids=list(self.series))
        self._plan_occurrences()

    def _plan_occurrences(self) -> None:
        """What happens to the occurrences just made: done on their day, some late, a few recent ones missed."""
        rows = self.session.execute(
            select(Task.id, Task.series_id, Task.occurrence_on, Task.due_time, Task.assignee_id, Task.created_at)
            .where(Task.series_id.in_(self.series), Task.id > self._made_since)
            .order_by(Task.id)
        ).all()
        for task_id, series_id, day, due, assignee, made in rows:
            self._made_since = max(self._made_since, task_id)
            if day is None or day >= self.today:
                continue
            r = self.rng.random()
            if r < 0.06 and series_id in self._daily and (self.today - day).days <= RECENT_MISSES:
                continue  # missed: still open, overdue
            hour = (due.hour + due.minute / 60 if due else 17) + self.rng.uniform(-1.5, 0.7)
            late = self.rng.randint(1, 2) if r < 0.14 else 0
            done = max(self._moment(day + timedelta(days=late), hour), int(made.timestamp()) + 600)
            self.timeline.at(done, partial(self._complete, task_id, assignee))

    # --- promotions -------------------------------------------------------------------------------------

    def _promotions(self) -> None:
        first = local_midnight(self.today) - (self.catalog.days - 1) * DAY
        horizon = self.today + timedelta(days=45)
        for spec in PROMOTIONS:
            for year in (self.today.year - 1, self.today.year, self.today.year + 1):
                main = date(year, spec.month, spec.day)
                starts = main - timedelta(days=spec.days - 1)
                before = local_midnight(starts) - spec.days * DAY
                if before >= first and starts - timedelta(days=spec.lead) <= horizon:
                    self._promotion(spec, starts, main)

    def _promotion(self, spec: PromotionSpec, starts: date, main: date) -> None:
        marketing = self._person(Role.MARKETING)
        created = min(self._moment(starts - timedelta(days=spec.lead), 10.25), self.as_of - HOUR)
        begin, end = local_midnight(starts), local_midnight(main + timedelta(days=1))
        skus = self._promotion_skus(spec)
        shop = self.catalog.shops[spec.platform].id if spec.platform is not None else None
        draft = TaskDraft(
            spec.name,
            spec.description,
            marketing,
            main,
            priority=Priority.HIGH,
            checklist=tuple(ChecklistLine(text) for text in _PROMOTION_STEPS),
        )
        promo = PromotionDraft(spec.kind, aware(begin), aware(end), skus, shop)
        holder: list[int] = []

        def make(instant: int) -> None:
            saved = create_promotion(self.session, draft, promo, actor_id=self.manager, now=aware(instant))
            holder.append(saved.task_id)
            self.promotions += 1

        self.timeline.at(created, make)
        self.timeline.at(begin - 2 * DAY + 11 * HOUR, lambda t: self._start(holder[0], marketing, t, ticks=3))
        self.timeline.at(end + 15 * HOUR, lambda t: self._review_promotion(holder[0], marketing, t))

    def _promotion_skus(self, spec: PromotionSpec) -> tuple[int, ...]:
        """The best sellers (by the demo's popularity) of the products the promotion names, at most ten."""
        picked = [
            sku for sku in self.catalog.skus if any(word in PRODUCTS[sku.product_index].title for word in spec.products)
        ]
        picked.sort(key=lambda sku: (-sku.weight, sku.id))
        return tuple(sku.id for sku in picked[:10])

    def _review_promotion(self, task_id: int, marketing: int, instant: int) -> None:
        effect = promotion_effect(self.session, task_id, aware(instant))
        add_comment(self.session, task_id, _effect_text(effect), actor_id=marketing, now=aware(instant))
        self._complete(task_id, marketing, instant + HOUR)

    # --- ordinary tasks -----------------------------------------------------------------------------------

    def _ordinary(self, orders: OrderStats, service: ServiceStats) -> None:
        rng, today = self.rng, self.today
        for title, steps, role in _GENERAL_TASKS:
            # The same job comes back every few weeks, never twice at once: one due in each window.
            for low, high in _GENERAL_WINDOWS[: rng.choice((2, 3, 3, 4))]:
                due = today + timedelta(days=rng.randint(low, high))
                priority = rng.choice((Priority.LOW, Priority.NORMAL, Priority.NORMAL, Priority.HIGH))
                who = self._person(role, rng.randrange(3))
                self._plan_task(TaskDraft(title, "", who, due, priority=priority, checklist=_lines(steps)))
        self._product_tasks()
        for order_id in orders.late_orders[:3]:
            due = today - timedelta(days=rng.randint(0, 1))
            draft = TaskDraft(
                "跟进超时未发货订单",
                "联系仓库确认原因，今天必须发出",
                self.manager,
                due,
                priority=Priority.URGENT,
                links=(LinkRef("order", order_id),),
            )
            self._plan_task(draft, lead=1)
        for k, ticket_id in enumerate(service.open_ids[-6:]):
            draft = TaskDraft(
                "回访未结工单，确认处理结果",
                "联系买家确认处理结果，必要时补偿",
                self._person(Role.SERVICE, k),
                today + timedelta(days=rng.randint(-2, 2)),
                priority=Priority.HIGH,
                checklist=_lines(("电话或旺旺联系买家", "记录处理结果")),
                links=(LinkRef("ticket", ticket_id),),
            )
            self._plan_task(draft, lead=2)

    def _product_tasks(self) -> None:
        product = self._person(Role.PRODUCT)
        for index, spec in enumerate(PRODUCTS):
            link = (LinkRef("product", self.catalog.product_ids[index]),)
            if any(word in spec.title for word in BANNED_WORDS):
                draft = TaskDraft(
                    "修改标题违规词：" + spec.title,
                    "广告法禁用极限词，改掉后重新提交审核",
                    product,
                    self.today + timedelta(days=self.rng.randint(-3, 4)),
                    priority=Priority.HIGH,
                    checklist=_lines(("改标题", "四个平台同步", "提交审核")),
                    links=link,
                )
                self._plan_task(draft)
            if spec.shelf == ShelfStatus.DRAFT or spec.lifecycle == Lifecycle.INTRO:
                draft = TaskDraft(
                    "新品上架准备：" + spec.title,
                    "主图、详情页、尺码表、四个平台的上架",
                    product,
                    self.today + timedelta(days=self.rng.randint(2, 9)),
                    checklist=_lines(("主图", "详情页", "尺码表", "淘宝", "京东", "拼多多", "抖音")),
                    links=link,
                )
                self._plan_task(draft)

    def _plan_task(self, draft: TaskDraft, *, lead: int | None = None) -> None:
        """Create the task some days before it is due, then work on it (``_work``)."""
        assert draft.due_date is not None and draft.assignee_id is not None
        lead = lead if lead is not None else self.rng.randint(3, 12)
        created = self._moment(draft.due_date - timedelta(days=lead), 9.5) + self.rng.randint(0, 8 * 3600)
        created = min(created, self.as_of - 2 * HOUR)
        holder: list[int] = []
        self.timeline.at(created, lambda t: holder.append(self._create(draft, t)))
        self._work(holder, created, draft.due_date, draft.assignee_id, len(draft.checklist))

    def follow_plans(self) -> None:
        """The reviews' improvement plan tasks (made by the rule when a review was submitted), worked on since."""
        rows = self.session.execute(
            select(Task.id, Task.created_at, Task.due_date, Task.assignee_id)
            .where(Task.cause.like("review_plan:%"), Task.status != TaskStatus.DONE)
            .order_by(Task.id)
        ).all()
        for task_id, created, due, who in rows:
            if due is not None and who is not None:
                self._work([task_id], int(created.timestamp()), due, who, 0)
        self.timeline.run(self.as_of)

    def _work(self, holder: list[int], created: int, due: date, who: int, lines: int) -> None:
        """Start, comment and finish a task as people do: older ones done (some late), recent ones in progress
        or waiting, a few overdue by days (never by months). ``holder[0]`` is the task's id once it exists."""
        rng = self.rng
        left = (due - self.today).days
        if left < -OPEN_LATE_DAYS:
            fate = "late" if rng.random() < 0.15 else "done"
        elif left < 0:
            fate = rng.choices(("done", "late", "doing", "todo"), (50, 20, 18, 12))[0]
        elif left == 0:
            fate = rng.choices(("done", "doing", "todo"), (25, 45, 30))[0]
        else:
            fate = rng.choices(("done", "doing", "todo"), (10, 40, 50))[0]
        finished: int | None = None
        if fate == "done":
            finished = self._moment(due - timedelta(days=rng.randint(0, 2)), rng.uniform(10, 18.5))
        elif fate == "late":
            finished = self._moment(due + timedelta(days=rng.randint(1, 4)), rng.uniform(10, 18.5))
        if finished is not None and (finished <= created or finished >= self.as_of):
            finished = created + (self.as_of - created) * 3 // 4 if fate == "done" else None
            fate = "done" if finished is not None else "doing"
        end = finished if finished is not None else self.as_of
        if fate != "todo" and end - created > 2 * HOUR:
            started = created + (end - created) // rng.randint(3, 6)
            self.timeline.at(started, lambda t: self._start(holder[0], who, t, ticks=lines // 2))
            if rng.random() < 0.45:
                text = rng.choice(_COMMENTS)
                self.timeline.at(started + HOUR, lambda t: self._comment(holder[0], text, who, t))
        if finished is not None:
            self.timeline.at(finished, lambda t: self._complete(holder[0], who, t))

    # --- service calls ----------------------------------------------------------------------------------

    def _create(self, draft: TaskDraft, instant: int) -> int:
        return create_task(self.session, draft, actor_id=self.manager, now=aware(instant)).task_id

    def _start(self, task_id: int, who: int | None, instant: int, *, ticks: int) -> None:
        task = self.session.get(Task, task_id)
        assert task is not None
        if task.status != TaskStatus.TODO:
            return
        doing = next(c.key for c in board_columns(self.session) if c.status == TaskStatus.DOING)
        move_task(self.session, task_id, doing, expected_version=task.version, actor_id=who, now=aware(instant))
        self._tick(task_id, ticks)

    def _comment(self, task_id: int, text: str, who: int | None, instant: int) -> None:
        add_comment(self.session, task_id, text, actor_id=who, now=aware(instant))

    def _complete(self, task_id: int, who: int | None, instant: int) -> None:
        task = self.session.get(Task, task_id)
        assert task is not None
        if task.status == TaskStatus.DONE:
            return
        self._tick(task_id, None)
        complete_task(self.session, task_id, expected_version=task.version, actor_id=who, now=aware(instant))

    def _tick(self, task_id: int, count: int | None) -> None:
        """Tick the first ``count`` checklist lines (None: all)."""
        items = self.session.scalars(
            select(TaskChecklistItem.id)
            .where(TaskChecklistItem.task_id == task_id)
            .order_by(TaskChecklistItem.position, TaskChecklistItem.id)
        ).all()
        for item_id in items[:count]:
            set_checklist_item(self.session, item_id, True)


def _lines(texts: tuple[str, ...]) -> tuple[ChecklistLine, ...]:
    return tuple(ChecklistLine(text) for text in texts)


def _effect_text(effect: PromotionEffect | None) -> str:
    if effect is None:
        return "复盘：活动刚结束，数据还在统计"
    uplift = effect.gmv_uplift_bp
    change = (
        "活动前无销售"
        if uplift is None
        else f"GMV 较活动前{'提升' if uplift >= 0 else '下降'} {abs(uplift) / 100:.1f}%"
    )
    return (
        f"复盘：活动期间销售 {effect.during.units} 件、¥{effect.during.gmv_cents / 100:,.0f}，"
        f"活动前同期 {effect.before.units} 件、¥{effect.before.gmv_cents / 100:,.0f}；{change}"
    )
