"""Team tasks with 50,000 tasks: loading the board (every column, no filter) and one person's "my tasks".

Builds a temporary SQLite database at the head revision with 30 staff and 50,000 tasks (Core inserts):
a third open, spread over the columns with their board order, due dates a year around today, a checklist
on every tenth task, a link on every fifth; the rest done over the last year. Then times
``services.tasks.load_board`` and ``services.tasks.my_tasks`` (one warm-up, five measured; median), prints
each run, and as its last line one JSON object: {"board_ms", "my_tasks_ms"}. Goal: each ≤ 300 ms.

    python bench/tasks.py
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.domain.timeutil import CHINA_TZ, utc_to_local
from sellerdesk.models import StaffUser, Task, TaskChecklistItem, TaskLink
from sellerdesk.services import tasks

TASKS = 50_000
STAFF = 30
RUNS = 5
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def build(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    rng = random.Random(7)
    today = utc_to_local(NOW, CHINA_TZ).date()
    with make_session_factory(engine).begin() as session:
        session.execute(
            insert(StaffUser),
            [{"login": f"s{n}", "name": f"员工{n:02d}", "role": "operations_manager"} for n in range(STAFF)],
        )
        staff = list(session.scalars(select(StaffUser.id)))
        rows = []
        for n in range(TASKS):
            status = rng.choice(("todo", "doing", "done", "done", "done", "todo"))
            done_at = NOW - timedelta(days=rng.randint(0, 365)) if status == "done" else None
            rows.append(
                {
                    "title": f"任务 {n}",
                    "status": status,
                    "board_column": status,
                    "position": n * tasks.GAP,
                    "priority": rng.choice(("low", "normal", "normal", "high", "urgent")),
                    "assignee_id": rng.choice(staff),
                    "due_date": today + timedelta(days=rng.randint(-180, 180)) if n % 7 else None,
                    "due_time": clock_time(rng.randint(8, 20), 0) if n % 3 == 0 else None,
                    "completed_at": done_at,
                }
            )
        session.execute(insert(Task), rows)
        ids = list(session.scalars(select(Task.id)))
        session.execute(
            insert(TaskChecklistItem),
            [{"task_id": i, "position": k, "text": f"步骤 {k}", "done": k == 0} for i in ids[::10] for k in range(3)],
        )
        session.execute(insert(TaskLink), [{"task_id": i, "kind": "task", "target_id": ids[0]} for i in ids[1::5]])
    engine.dispose()


def timed(fn: object, label: str) -> float:
    runs = []
    for n in range(RUNS + 1):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        ms = (time.perf_counter() - start) * 1000
        if n:
            runs.append(ms)
            print(f"{label} run {n}: {ms:.1f} ms")
        else:
            print(f"{label} warm-up: {ms:.1f} ms ({describe(result)})")
    return statistics.median(runs)


def describe(result: object) -> str:
    if isinstance(result, tasks.Board):
        return ", ".join(f"{lane.column.key}: {len(lane.cards)} shown + {lane.hidden}" for lane in result.lanes)
    if isinstance(result, tasks.MyTasks):
        return f"overdue {len(result.overdue)}, today {len(result.today)}, upcoming {len(result.upcoming)}"
    return ""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tasks.sqlite"
        start = time.perf_counter()
        build(path)
        print(f"built {TASKS:,} tasks in {time.perf_counter() - start:.1f} s")
        engine = make_engine(f"sqlite:///{path}")
        factory = make_session_factory(engine)
        with factory() as session:
            person = session.scalar(select(StaffUser.id))
            board = timed(lambda: tasks.load_board(session, tasks.TaskFilter(), NOW), "board")
            mine = timed(lambda: tasks.my_tasks(session, person, NOW), "my tasks")
        engine.dispose()
    print(f"median: board {board:.1f} ms, my tasks {mine:.1f} ms (goal ≤ 300 ms each)")
    print(json.dumps({"board_ms": round(board, 1), "my_tasks_ms": round(mine, 1)}))


if __name__ == "__main__":
    main()
