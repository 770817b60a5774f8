"""Work that follows a commit on a thread of its own, so the committing caller gets its answer first.

What runs here is derived from data the transaction committed and can be rebuilt from it (the search
documents of a large import, the WAL checkpoint): the committed data is durable and consistent without
it, and a crash before it ran leaves a mark its owner repairs from the data. docs/benchmarks.md argues
each use.

Every write transaction of this process first waits for the work still running (``wait_for_after_commit``
in ``db.engine``'s BEGIN), so writes keep their order: nothing written later can overtake the work of an
earlier commit, and none of it waits for SQLite's write lock while this process holds it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

_log = logging.getLogger(__name__)
_KEY = "sellerdesk.after_commit"
_THREADS: list[threading.Thread] = []  # started after commits, not yet waited for
_GUARD = threading.Lock()


@dataclass(frozen=True)
class _Job:
    order: int  # lower runs first
    name: str
    work: Callable[[], None]


def run_after_commit(session: Session, work: Callable[[], None], *, name: str, order: int = 0) -> None:
    """Run ``work`` on a thread once ``session``'s outermost transaction commits (jobs of one commit run one
    after another, by ``order``); forgotten if it rolls back instead."""
    if not session.info.get(_KEY + ".listening"):
        session.info[_KEY + ".listening"] = True
        event.listen(session, "after_commit", _committed)
        event.listen(session, "after_transaction_end", _ended)
    session.info.setdefault(_KEY, []).append(_Job(order, name, work))


def _committed(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # a savepoint: the transaction goes on
    jobs: list[_Job] = session.info.pop(_KEY, [])
    if not jobs:
        return
    jobs.sort(key=lambda job: job.order)
    name = ", ".join(job.name for job in jobs)  # e.g. "checkpoint": what it does, for whoever looks
    thread = threading.Thread(target=_run, args=(jobs,), name=name, daemon=True)
    with _GUARD:
        _THREADS[:] = [*(t for t in _THREADS if t.is_alive()), thread]
    thread.start()


def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the outermost: after a rollback its jobs are void
        session.info.pop(_KEY, None)


def _run(jobs: list[_Job]) -> None:
    for job in jobs:
        try:
            job.work()
        except Exception:  # each job leaves a mark that its owner repairs; the next job still runs
            _log.exception("after-commit work failed: %s", job.name)


def after_commit_running() -> bool:
    """Whether work started after a commit of this process still runs."""
    with _GUARD:
        return any(t.is_alive() for t in _THREADS)


def wait_for_after_commit(timeout: float = 60.0) -> None:
    """Let the work started after this process's commits finish (before a write, a search, the end of a
    command or the closing of the database). Never waits on one of those threads for itself."""
    current = threading.current_thread()
    with _GUARD:
        threads = [t for t in _THREADS if t is not current]
    for thread in threads:
        thread.join(timeout)
    with _GUARD:
        _THREADS[:] = [t for t in _THREADS if t.is_alive()]
