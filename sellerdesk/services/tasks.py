"""Team tasks: create and edit them, move them on the board (their order kept), assign and complete them;
checklists, comments, attachments (links to files on the PC) and links to products, orders, tickets,
reviews and other tasks; the board, the filtered list and each person's "my tasks".

Tasks have no shop: their days are China days (as in the monthly team figures). A task is overdue once
its due day has passed, or its due time on the due day. Board columns are a shared setting: each column
stands for one status (to do, doing, done), so moving a card changes its status with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, and_, case, delete, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Priority, TaskStatus
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.domain.timeutil import DEFAULT_TZ, utc_to_local, utcnow
from sellerdesk.models import (
    Order,
    Product,
    Review,
    Shop,
    Sku,
    StaffUser,
    Task,
    TaskAttachment,
    TaskChecklistItem,
    TaskComment,
    TaskLink,
    Ticket,
)
from sellerdesk.services import browse
from sellerdesk.services.app_settings import load_setting, setting_version, store_setting
from sellerdesk.services.zones import house_timezone

AnySelect: TypeAlias = Select[*tuple[Any, ...]]
BOARD_SETTING = "task_board_columns"
GAP = 1024  # room between neighbours' positions: a move writes one row, until a gap is used up
LANE_LIMIT = 500  # cards a board column shows; the rest are counted (narrow with the filters)
DONE_RECENT_DAYS = 14  # a done column shows what was finished lately
UPCOMING_DAYS = 14  # "my tasks": upcoming means due within this many days
MY_LIMIT = 200
LINK_KINDS = ("product", "order", "ticket", "review", "task")
DUE_FILTERS = ("", "overdue", "today", "week", "none")
TASK_CHANGES = Changes(tasks=True)
MAX_TITLE = 300


# ---------------------------------------------------------------- DTOs


@dataclass(frozen=True)
class BoardColumn:
    """A board column; ``name`` "" shows the status's own word."""

    key: str
    status: str
    name: str = ""


DEFAULT_COLUMNS = (
    BoardColumn("todo", TaskStatus.TODO),
    BoardColumn("doing", TaskStatus.DOING),
    BoardColumn("done", TaskStatus.DONE),
)


@dataclass(frozen=True)
class TaskCard:
    id: int
    version: int
    title: str
    kind: str
    status: str
    column: str
    priority: str
    assignee_id: int | None
    assignee: str
    due_date: date | None
    due_time: time | None
    checklist_done: int = 0
    checklist_total: int = 0
    series_id: int | None = None

    def overdue(self, now_local: datetime) -> bool:
        return self.status != TaskStatus.DONE and is_overdue(self.due_date, self.due_time, now_local)


@dataclass(frozen=True)
class Lane:
    column: BoardColumn
    cards: tuple[TaskCard, ...]
    hidden: int = 0  # cards of this column the board leaves out (LANE_LIMIT, older done ones)


@dataclass(frozen=True)
class Board:
    lanes: tuple[Lane, ...]
    now_local: datetime  # the house zone's time the board was read at (what "overdue" is measured against)


@dataclass(frozen=True)
class TaskFilter:
    """The board's and the list's filters; empty values filter nothing."""

    assignee_id: int | None = None
    unassigned: bool = False
    due: str = ""  # DUE_FILTERS: overdue / today (still to come today) / week (the next 7 days) / none
    priority: str = ""
    link_kind: str = ""  # a LINK_KINDS value, or "promotion": tasks of that kind
    search: str = ""
    ids: tuple[int, ...] = ()  # only these tasks (the records behind a review's figure); empty: any task


@dataclass(frozen=True)
class ChecklistLine:
    text: str
    done: bool = False
    id: int | None = None  # None: a new line


@dataclass(frozen=True)
class LinkRef:
    kind: str
    target_id: int


@dataclass(frozen=True)
class LinkInfo:
    kind: str
    target_id: int
    label: str  # what the target is ("" when it no longer exists)
    exists: bool = True


@dataclass(frozen=True)
class Comment:
    id: int
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class Attachment:
    id: int
    path: str


@dataclass(frozen=True)
class TaskDraft:
    """What the task editor saves. Checklist, links and attachments replace the stored ones."""

    title: str
    description: str = ""
    assignee_id: int | None = None
    due_date: date | None = None
    due_time: time | None = None
    priority: str = Priority.NORMAL
    checklist: tuple[ChecklistLine, ...] = ()
    links: tuple[LinkRef, ...] = ()
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskDetail:
    id: int
    version: int
    title: str
    description: str
    kind: str
    status: str
    column: str
    priority: str
    assignee_id: int | None
    due_date: date | None
    due_time: time | None
    creator: str
    created_at: datetime
    completed_at: datetime | None
    checklist: tuple[ChecklistLine, ...]
    links: tuple[LinkInfo, ...]
    attachments: tuple[Attachment, ...]
    comments: tuple[Comment, ...]
    series_id: int | None = None
    occurrence_on: date | None = None
    cause: str | None = None
    timezone: str = DEFAULT_TZ  # the house zone: tasks belong to no shop (services/zones.py)

    def draft(self) -> TaskDraft:
        return TaskDraft(
            self.title,
            self.description,
            self.assignee_id,
            self.due_date,
            self.due_time,
            self.priority,
            self.checklist,
            tuple(LinkRef(link.kind, link.target_id) for link in self.links),
            tuple(a.path for a in self.attachments),
        )


@dataclass(frozen=True)
class TaskSaved:
    task_id: int
    changes: Changes = TASK_CHANGES


@dataclass(frozen=True)
class StaffOption:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class MyTasks:
    overdue: tuple[TaskCard, ...]
    today: tuple[TaskCard, ...]
    upcoming: tuple[TaskCard, ...]
    now_local: datetime = field(default_factory=lambda: utc_to_local(utcnow(), DEFAULT_TZ))


def contains_pattern(term: str) -> str:
    """A LIKE pattern (escape character backslash) for text containing ``term`` as typed."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# ---------------------------------------------------------------- rules of time


def is_overdue(due_date: date | None, due_time: time | None, now_local: datetime) -> bool:
    """Past its due day, or on it past its due time (a task due "some time today" is late tomorrow)."""
    if due_date is None:
        return False
    today = now_local.date()
    return due_date < today or (due_date == today and due_time is not None and due_time < now_local.time())


def local_now(now: datetime | None = None, zone: str = DEFAULT_TZ) -> datetime:
    """``now`` (aware UTC; default: now) as a naive China wall-clock time."""
    return utc_to_local(now or utcnow(), zone).replace(tzinfo=None)


def _overdue_condition(now_local: datetime) -> ColumnElement[bool]:
    today, clock = now_local.date(), now_local.time().replace(microsecond=0)
    late = or_(Task.due_date < today, and_(Task.due_date == today, Task.due_time < clock))
    return and_(Task.status != TaskStatus.DONE, Task.deleted_at.is_(None), late)


def _due_today_condition(now_local: datetime) -> ColumnElement[bool]:
    """Due today and not late yet: what is still to do today."""
    clock = now_local.time().replace(microsecond=0)
    in_time = or_(Task.due_time.is_(None), Task.due_time >= clock)
    return and_(Task.status != TaskStatus.DONE, Task.deleted_at.is_(None), Task.due_date == now_local.date(), in_time)


def count_overdue(session: Session, now: datetime | None = None) -> int:
    stmt = select(func.count()).select_from(Task).where(_overdue_condition(local_now(now, house_timezone(session))))
    return int(session.execute(stmt).scalar_one())


def count_due_today(session: Session, now: datetime | None = None) -> int:
    stmt = select(func.count()).select_from(Task).where(_due_today_condition(local_now(now, house_timezone(session))))
    return int(session.execute(stmt).scalar_one())


# ---------------------------------------------------------------- board columns (a shared setting)


def board_columns(session: Session) -> tuple[BoardColumn, ...]:
    stored = load_setting(session, BOARD_SETTING, None)
    if not isinstance(stored, list) or not stored:
        return DEFAULT_COLUMNS
    columns = tuple(BoardColumn(str(c["key"]), str(c["status"]), str(c.get("name", ""))) for c in stored)
    return columns if _complete(columns) else DEFAULT_COLUMNS


def board_columns_version(session: Session) -> int:
    return setting_version(session, BOARD_SETTING)


def save_board_columns(session: Session, columns: Sequence[BoardColumn], expected_version: int) -> Changes:
    """Store the board's columns. Every status keeps at least one column; a removed column's cards go to the
    first column of their status."""
    keys = [c.key.strip() for c in columns]
    if not _complete(tuple(columns)) or any(not k for k in keys) or len(set(keys)) != len(keys):
        raise ValidationError("Each status needs a column, and column names must differ.", code="task_columns")
    removed = {c.key for c in board_columns(session)} - set(keys)
    value = [{"key": c.key.strip(), "status": c.status, "name": c.name.strip()} for c in columns]
    store_setting(session, BOARD_SETTING, value, expected_version)
    if removed:
        session.execute(update(Task).where(Task.board_column.in_(removed)).values(board_column=""))
    return TASK_CHANGES


def _complete(columns: tuple[BoardColumn, ...]) -> bool:
    return {c.status for c in columns} == set(TaskStatus)


def _first_column(columns: Sequence[BoardColumn], status: str) -> BoardColumn:
    return next(c for c in columns if c.status == status)


def _column_of(task_column: str, status: str, columns: Sequence[BoardColumn]) -> str:
    keys = {c.key: c for c in columns}
    found = keys.get(task_column)
    return found.key if found is not None and found.status == status else _first_column(columns, status).key


# ---------------------------------------------------------------- reading


def _cards(session: Session, ids_stmt: Select[int], columns: Sequence[BoardColumn]) -> list[TaskCard]:
    """The cards of the ids ``ids_stmt`` selects, in its order: ids first (an index walk), then just their rows."""
    ids = list(session.scalars(ids_stmt))
    if not ids:
        return []
    assignee = aliased(StaffUser)
    rows = session.execute(
        select(
            Task.id,
            Task.version,
            Task.title,
            Task.kind,
            Task.status,
            Task.board_column,
            Task.priority,
            Task.assignee_id,
            func.coalesce(assignee.name, ""),
            Task.due_date,
            Task.due_time,
            Task.series_id,
        )
        .outerjoin(assignee, assignee.id == Task.assignee_id)
        .where(Task.id.in_(ids))
    )
    by_id = {r[0]: r for r in rows}
    ticks = {
        task_id: (int(done), int(total))
        for task_id, done, total in session.execute(
            select(
                TaskChecklistItem.task_id,
                func.sum(case((TaskChecklistItem.done, 1), else_=0)),
                func.count(),
            )
            .where(TaskChecklistItem.task_id.in_(ids))
            .group_by(TaskChecklistItem.task_id)
        )
    }
    cards = []
    for task_id in ids:
        r = by_id[task_id]
        done, total = ticks.get(task_id, (0, 0))
        column = _column_of(r[5], r[4], columns)
        cards.append(TaskCard(r[0], r[1], r[2], r[3], r[4], column, r[6], r[7], r[8], r[9], r[10], done, total, r[11]))
    return cards


def task_conditions(flt: TaskFilter, now_local: datetime) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter (the list view's listing uses them too); the recycle bin is left out."""
    where: list[ColumnElement[bool]] = [Task.deleted_at.is_(None)]
    if flt.ids:
        where.append(Task.id.in_(flt.ids))
    if flt.unassigned:
        where.append(Task.assignee_id.is_(None))
    elif flt.assignee_id is not None:
        where.append(Task.assignee_id == flt.assignee_id)
    if flt.priority:
        where.append(Task.priority == flt.priority)
    where.extend(_due_conditions(flt.due, now_local))
    if flt.link_kind == "promotion":
        where.append(Task.kind == "promotion")
    elif flt.link_kind:
        linked = select(TaskLink.task_id).where(TaskLink.kind == flt.link_kind)
        where.append(or_(Task.link_kind == flt.link_kind, Task.id.in_(linked)))
    term = flt.search.strip()
    if term:
        where.append(Task.title.ilike(contains_pattern(term), escape="\\"))
    return where


def _due_conditions(due: str, now_local: datetime) -> list[ColumnElement[bool]]:
    if due not in DUE_FILTERS:
        raise ValueError(f"unknown due filter {due!r}")
    today = now_local.date()
    if due == "overdue":
        return [_overdue_condition(now_local)]
    if due == "today":
        return [_due_today_condition(now_local)]
    if due == "week":
        return [Task.status != TaskStatus.DONE, Task.due_date >= today, Task.due_date < today + timedelta(days=7)]
    if due == "none":
        return [Task.due_date.is_(None)]
    return []


def count_task_rows(session: Session, flt: TaskFilter, search: str = "", now: datetime | None = None) -> int:
    """The list view's count: ``browse``'s task listing narrowed by the filter."""
    return browse.count_tasks(session, search, task_conditions(flt, local_now(now, house_timezone(session))))


def task_rows(
    session: Session, flt: TaskFilter, request: browse.PageRequest, now: datetime | None = None
) -> tuple[browse.TaskRow, ...]:
    return browse.task_page(session, request, task_conditions(flt, local_now(now, house_timezone(session))))


def load_board(session: Session, flt: TaskFilter = TaskFilter(), now: datetime | None = None) -> Board:
    """The board's columns and their cards in board order (done columns: what was finished lately); each
    column shows its first ``LANE_LIMIT`` cards and counts the rest."""
    now_local = local_now(now, house_timezone(session))
    columns = board_columns(session)
    filters = task_conditions(flt, now_local)
    recent = (now or utcnow()) - timedelta(days=DONE_RECENT_DAYS)
    lanes = []
    for column in columns:
        where = [_in_column(column, columns), *filters]
        if column.status == TaskStatus.DONE:
            where.append(Task.completed_at >= recent)
        ids = select(Task.id).where(*where).order_by(Task.position, Task.id).limit(LANE_LIMIT)
        cards = _cards(session, ids, columns)
        hidden = 0
        if len(cards) == LANE_LIMIT:
            total = session.execute(select(func.count()).select_from(Task).where(*where)).scalar_one()
            hidden = int(total) - LANE_LIMIT
        lanes.append(Lane(column, tuple(cards), hidden))
    return Board(tuple(lanes), now_local)


def my_tasks(session: Session, staff_id: int | None, now: datetime | None = None) -> MyTasks:
    """A person's open tasks (``staff_id`` None: the unassigned ones): overdue, due today, upcoming."""
    now_local = local_now(now, house_timezone(session))
    today = now_local.date()
    who = Task.assignee_id.is_(None) if staff_id is None else Task.assignee_id == staff_id
    base = select(Task.id).where(who, Task.status != TaskStatus.DONE, Task.deleted_at.is_(None)).limit(MY_LIMIT)
    columns = board_columns(session)
    order = (Task.due_date, case((Task.due_time.is_(None), 1), else_=0), Task.due_time, Task.id)
    upcoming = and_(Task.due_date > today, Task.due_date <= today + timedelta(days=UPCOMING_DAYS))
    return MyTasks(
        overdue=tuple(_cards(session, base.where(_overdue_condition(now_local)).order_by(*order), columns)),
        today=tuple(_cards(session, base.where(_due_today_condition(now_local)).order_by(*order), columns)),
        upcoming=tuple(_cards(session, base.where(upcoming).order_by(*order), columns)),
        now_local=now_local,
    )


def list_staff(session: Session) -> tuple[StaffOption, ...]:
    rows = session.execute(select(StaffUser.id, StaffUser.name, StaffUser.role).where(StaffUser.active))
    return tuple(sorted((StaffOption(*r) for r in rows), key=lambda s: (s.name, s.id)))


def get_task(session: Session, task_id: int) -> TaskDetail:
    task = _task(session, task_id)
    creator = session.get(StaffUser, task.creator_id) if task.creator_id else None
    checklist = session.scalars(
        select(TaskChecklistItem)
        .where(TaskChecklistItem.task_id == task_id)
        .order_by(TaskChecklistItem.position, TaskChecklistItem.id)
    )
    attachments = session.scalars(
        select(TaskAttachment).where(TaskAttachment.task_id == task_id).order_by(TaskAttachment.id)
    )
    author = aliased(StaffUser)
    comments = session.execute(
        select(TaskComment.id, func.coalesce(author.name, ""), TaskComment.body, TaskComment.created_at)
        .outerjoin(author, author.id == TaskComment.author_id)
        .where(TaskComment.task_id == task_id)
        .order_by(TaskComment.created_at, TaskComment.id)
    )
    return TaskDetail(
        id=task.id,
        version=task.version,
        title=task.title,
        description=task.description,
        kind=task.kind,
        status=task.status,
        column=_column_of(task.board_column, task.status, board_columns(session)),
        priority=task.priority,
        assignee_id=task.assignee_id,
        due_date=task.due_date,
        due_time=task.due_time,
        creator=creator.name if creator else "",
        created_at=task.created_at,
        completed_at=task.completed_at,
        checklist=tuple(ChecklistLine(i.text, i.done, i.id) for i in checklist),
        links=describe_links(session, _links_of(session, task)),
        attachments=tuple(Attachment(a.id, a.path) for a in attachments),
        comments=tuple(Comment(*r) for r in comments),
        series_id=task.series_id,
        occurrence_on=task.occurrence_on,
        cause=task.cause,
        timezone=house_timezone(session),
    )


def _links_of(session: Session, task: Task) -> list[LinkRef]:
    links = [LinkRef(k, t) for k, t in session.execute(_link_rows(task.id))]
    legacy = LinkRef(task.link_kind, task.link_id) if task.link_kind and task.link_id is not None else None
    if legacy is not None and legacy not in links:  # rows made before links had a table of their own
        links.insert(0, legacy)
    return links


def _link_rows(task_id: int) -> Select[str, int]:
    return select(TaskLink.kind, TaskLink.target_id).where(TaskLink.task_id == task_id).order_by(TaskLink.id)


def _task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundError(f"Task {task_id} does not exist.", code="task_not_found")
    return task


def _checked_version(task: Task, expected_version: int) -> None:
    if task.version != expected_version:
        raise ConflictError(f"Task {task.id} was changed by someone else.", code="conflict")


# ---------------------------------------------------------------- links


def describe_links(session: Session, links: Iterable[LinkRef]) -> tuple[LinkInfo, ...]:
    """What each linked item is, in words of the data ("" when it is gone)."""
    return tuple(_describe(session, link) for link in links)


def _describe(session: Session, link: LinkRef) -> LinkInfo:
    label = _label(session, link.kind, link.target_id)
    return LinkInfo(link.kind, link.target_id, label or "", label is not None)


def _label(session: Session, kind: str, target_id: int) -> str | None:
    if kind == "product":
        return session.scalar(select(Product.title).where(Product.id == target_id))
    if kind == "order":
        row = session.execute(
            select(Order.platform_order_id, Shop.name).join(Shop, Shop.id == Order.shop_id).where(Order.id == target_id)
        ).first()
        return f"{row[0]} · {row[1]}" if row else None
    if kind == "ticket":
        return session.scalar(select(Ticket.subject).where(Ticket.id == target_id))
    if kind == "review":
        row = session.execute(
            select(StaffUser.name, Review.month)
            .join(Review, Review.staff_id == StaffUser.id)
            .where(Review.id == target_id)
        ).first()
        return f"{row[0]} · {row[1]}" if row else None
    if kind == "task":
        return session.scalar(select(Task.title).where(Task.id == target_id))
    raise ValueError(f"unknown link kind {kind!r}")


def find_link_targets(session: Session, kind: str, text: str, limit: int = 20) -> tuple[LinkInfo, ...]:
    """Items of ``kind`` matching what the user typed: an id, a seller code, an order number, words of a title."""
    term = text.strip()
    if not term:
        return ()
    escaped = contains_pattern(term)
    number = int(term) if term.isdigit() else -1
    stmt: Select[int]
    if kind == "product":
        by_code = select(Sku.product_id).where(Sku.seller_code.ilike(escaped, escape="\\"))
        stmt = select(Product.id).where(
            or_(Product.title.ilike(escaped, escape="\\"), Product.id.in_(by_code), Product.id == number)
        )
    elif kind == "order":
        stmt = select(Order.id).where(Order.platform_order_id.ilike(escaped, escape="\\"))
    elif kind == "ticket":
        stmt = select(Ticket.id).where(or_(Ticket.subject.ilike(escaped, escape="\\"), Ticket.id == number))
    elif kind == "review":
        staff = select(StaffUser.id).where(StaffUser.name.ilike(escaped, escape="\\"))
        stmt = select(Review.id).where(or_(Review.staff_id.in_(staff), Review.month.ilike(escaped, escape="\\")))
    elif kind == "task":
        stmt = select(Task.id).where(or_(Task.title.ilike(escaped, escape="\\"), Task.id == number))
    else:
        raise ValueError(f"unknown link kind {kind!r}")
    ids = session.scalars(stmt.order_by(stmt.selected_columns[0].desc()).limit(limit))
    return describe_links(session, (LinkRef(kind, i) for i in ids))


# ---------------------------------------------------------------- writing


def _checked_draft(session: Session, draft: TaskDraft) -> str:
    title = " ".join(draft.title.split())
    if not title:
        raise ValidationError("A task needs a title.", code="task_title_required")
    if len(title) > MAX_TITLE:
        raise ValidationError("The title is too long.", code="task_title_long", max=MAX_TITLE)
    if draft.priority not in set(Priority):
        raise ValueError(f"unknown priority {draft.priority!r}")
    if draft.due_time is not None and draft.due_date is None:
        raise ValidationError("A due time needs a due date.", code="task_time_without_date")
    if draft.assignee_id is not None and session.get(StaffUser, draft.assignee_id) is None:
        raise NotFoundError(f"Staff member {draft.assignee_id} does not exist.", code="staff_not_found")
    for link in draft.links:
        if link.kind not in LINK_KINDS:
            raise ValueError(f"unknown link kind {link.kind!r}")
        if _label(session, link.kind, link.target_id) is None:
            raise NotFoundError(f"The linked {link.kind} no longer exists.", code="task_link_missing", kind=link.kind)
    return title


def create_task(
    session: Session,
    draft: TaskDraft,
    *,
    actor_id: int | None = None,
    kind: str = "task",
    column: str = "",
    now: datetime | None = None,
) -> TaskSaved:
    """A new task at the end of its column (default: the first "to do" column), made at ``now`` (default:
    now)."""
    title = _checked_draft(session, draft)
    columns = board_columns(session)
    target = next((c for c in columns if c.key == column), None) or _first_column(columns, TaskStatus.TODO)
    task = Task(
        title=title,
        kind=kind,
        status=target.status,
        board_column=target.key,
        position=_end_position(session, target, columns),
        creator_id=actor_id,
        created_at=now or utcnow(),
    )
    if target.status == TaskStatus.DONE:
        task.completed_at, task.completed_by_id = task.created_at, actor_id
    _apply(task, draft, title)
    session.add(task)
    session.flush()
    _replace_children(session, task, draft)
    return TaskSaved(task.id)


def _apply(task: Task, draft: TaskDraft, title: str) -> None:
    task.title, task.description, task.priority = title, draft.description, draft.priority
    task.assignee_id, task.due_date = draft.assignee_id, draft.due_date
    task.due_time = draft.due_time.replace(second=0, microsecond=0) if draft.due_time else None


def _replace_children(session: Session, task: Task, draft: TaskDraft) -> None:
    """The checklist, links and attachments as the draft has them (kept lines keep their ids)."""
    existing = {i.id: i for i in session.scalars(select(TaskChecklistItem).where(TaskChecklistItem.task_id == task.id))}
    kept = set()
    for n, line in enumerate(draft.checklist):
        text = line.text.strip()
        if not text:
            continue
        item = existing.get(line.id) if line.id is not None else None
        if item is None:
            item = TaskChecklistItem(task_id=task.id)
            session.add(item)
        else:
            kept.add(item.id)
        item.position, item.text, item.done = n, text, line.done
    for gone in set(existing) - kept:
        session.delete(existing[gone])
    wanted = list(dict.fromkeys(draft.links))
    legacy = LinkRef(task.link_kind, task.link_id) if task.link_kind and task.link_id is not None else None
    if legacy is not None and legacy not in wanted:
        task.link_kind, task.link_id = "", None
    session.execute(delete(TaskLink).where(TaskLink.task_id == task.id))
    session.add_all(
        TaskLink(task_id=task.id, kind=link.kind, target_id=link.target_id) for link in wanted if link != legacy
    )
    session.execute(delete(TaskAttachment).where(TaskAttachment.task_id == task.id))
    paths = dict.fromkeys(p.strip() for p in draft.attachments if p.strip())
    session.add_all(TaskAttachment(task_id=task.id, path=p) for p in paths)
    session.flush()


def update_task(
    session: Session,
    task_id: int,
    draft: TaskDraft,
    *,
    expected_version: int,
    actor_id: int | None = None,
    detach: bool = True,
) -> TaskSaved:
    """Save the editor's values (version-checked). An occurrence of a series edited this way keeps its own
    values from now on (``detach``); ``task_recurrence.update_series`` edits the whole series, and passes
    ``detach=False`` when it saves the occurrence the user was editing."""
    task = _task(session, task_id)
    _checked_version(task, expected_version)
    title = _checked_draft(session, draft)
    _apply(task, draft, title)
    if task.series_id is not None and detach:
        task.detached = True
    session.flush()
    _replace_children(session, task, draft)
    return TaskSaved(task.id)


def move_task(
    session: Session,
    task_id: int,
    column: str,
    before_id: int | None = None,
    *,
    expected_version: int,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> Changes:
    """Put a card in ``column`` just above the card ``before_id`` (None: at the end). The column's status
    becomes the task's: into a done column it is completed (when and by whom), out of one reopened."""
    task = _task(session, task_id)
    _checked_version(task, expected_version)
    columns = board_columns(session)
    target = next((c for c in columns if c.key == column), None)
    if target is None:
        raise NotFoundError(f"There is no board column {column!r}.", code="task_column_missing")
    if before_id == task_id:
        before_id = None
    position = _position_before(session, target, columns, before_id, task_id)
    _set_status(task, target.status, actor_id, now)
    task.board_column, task.position = target.key, position
    session.flush()
    return TASK_CHANGES


def _set_status(task: Task, status: str, actor_id: int | None, now: datetime | None) -> None:
    if status == TaskStatus.DONE and task.status != TaskStatus.DONE:
        task.completed_at, task.completed_by_id = now or utcnow(), actor_id
    elif status != TaskStatus.DONE:
        task.completed_at, task.completed_by_id = None, None
    task.status = status


def _in_column(column: BoardColumn, columns: Sequence[BoardColumn]) -> ColumnElement[bool]:
    """Tasks shown in ``column``: placed there, or (no column of their own) the first of their status."""
    if _first_column(columns, column.status) != column:
        return and_(Task.status == column.status, Task.board_column == column.key)
    others = [c.key for c in columns if c.status == column.status and c.key != column.key]
    return and_(Task.status == column.status, Task.board_column.not_in(others) if others else Task.id.is_not(None))


def _end_position(session: Session, column: BoardColumn, columns: Sequence[BoardColumn]) -> int:
    last = session.scalar(select(func.max(Task.position)).where(_in_column(column, columns)))
    return (last or 0) + GAP


def _position_before(
    session: Session, column: BoardColumn, columns: Sequence[BoardColumn], before_id: int | None, moving: int
) -> int:
    """A position just above ``before_id`` in ``column``: halfway to its upper neighbour, or — no room left —
    after renumbering the column (plain UPDATEs: positions are no one's edit, so no version changes)."""
    if before_id is None:
        return _end_position(session, column, columns)
    for _ in range(2):
        ordered = select(Task.id, Task.position).where(_in_column(column, columns), Task.id != moving)
        before = session.execute(ordered.where(Task.id == before_id)).first()
        if before is None:
            return _end_position(session, column, columns)
        above = session.execute(
            ordered.where(
                or_(Task.position < before.position, and_(Task.position == before.position, Task.id < before_id))
            )
            .order_by(Task.position.desc(), Task.id.desc())
            .limit(1)
        ).first()
        if above is None:
            return int(before.position) - GAP
        if before.position - above.position > 1:
            return int((above.position + before.position) // 2)
        _renumber(session, column, columns, moving)
    raise AssertionError("renumbering left no room")  # pragma: no cover - GAP leaves room by construction


def _renumber(session: Session, column: BoardColumn, columns: Sequence[BoardColumn], moving: int) -> None:
    ids = session.scalars(
        select(Task.id).where(_in_column(column, columns), Task.id != moving).order_by(Task.position, Task.id)
    )
    for n, task_id in enumerate(list(ids), start=1):
        session.execute(
            update(Task).where(Task.id == task_id).values(position=n * GAP).execution_options(synchronize_session=False)
        )
    session.expire_all()


def assign_task(
    session: Session, task_id: int, assignee_id: int | None, *, expected_version: int, actor_id: int | None = None
) -> Changes:
    task = _task(session, task_id)
    _checked_version(task, expected_version)
    if assignee_id is not None and session.get(StaffUser, assignee_id) is None:
        raise NotFoundError(f"Staff member {assignee_id} does not exist.", code="staff_not_found")
    task.assignee_id = assignee_id
    if task.series_id is not None:
        task.detached = True
    session.flush()
    return TASK_CHANGES


def complete_task(
    session: Session,
    task_id: int,
    *,
    expected_version: int,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> Changes:
    """Mark a task done: it goes to the top of the first done column."""
    columns = board_columns(session)
    done = _first_column(columns, TaskStatus.DONE)
    first = session.scalar(
        select(Task.id).where(_in_column(done, columns), Task.id != task_id).order_by(Task.position, Task.id).limit(1)
    )
    return move_task(session, task_id, done.key, first, expected_version=expected_version, actor_id=actor_id, now=now)


def set_checklist_item(session: Session, item_id: int, done: bool) -> Changes:
    """Tick or untick one checklist line (a tick is no edit of the task: no version check)."""
    item = session.get(TaskChecklistItem, item_id)
    if item is None:
        raise NotFoundError(f"Checklist item {item_id} does not exist.", code="task_not_found")
    item.done = done
    session.flush()
    return TASK_CHANGES


def add_comment(
    session: Session, task_id: int, body: str, *, actor_id: int | None = None, now: datetime | None = None
) -> Changes:
    text = body.strip()
    if not text:
        raise ValidationError("A comment needs some text.", code="task_comment_empty")
    _task(session, task_id)
    session.add(TaskComment(task_id=task_id, author_id=actor_id, body=text, created_at=now or utcnow()))
    session.flush()
    return TASK_CHANGES
