"""All background work: one database worker, results on the main thread, progress, cancel, Changes.

SQLite has one writer, so every job runs on a single worker thread, one after the other. A database job
gets its own Session inside one transaction (committed when the job returns, rolled back when it raises).
Results, errors and progress come back to the main thread through queued signals; jobs never touch
widgets. The services say what they changed: a job that returns ``Changes`` (or a result with a ``changes``
attribute) is broadcast with ``Runner.changed`` so tabs can mark themselves stale. ``on_success`` is
typed by what the job returns.

Usage::

    runner.run(
        lambda session, job: import_paths(session, paths, progress=job.progress, cancelled=job.cancelled),
        on_success=show_report,
        label=self.tr("Importing…"),
        parent=self,
    )
"""

from __future__ import annotations

import functools
import gc
import itertools
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sellerdesk.domain.changes import ALL as ALL_CHANGES
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import Cancelled
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.ui import errors

if TYPE_CHECKING:  # the database layer is imported after the first paint, not with this module
    from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")  # what a job returns, and so what its on_success receives

PROGRESS_DELAY_MS = 500  # quick jobs never flash a dialog
PROGRESS_INTERVAL_S = 0.1  # at most ten progress updates a second cross the thread boundary
POLL_INTERVAL_MS = 5_000  # how often other PCs' changes are looked for


class JobControl:
    """What a running job sees: ``progress(done, total)`` to report, ``cancelled()`` to poll.

    Both are safe to call from the worker thread and match the services' ``progress``/``cancelled``
    keyword arguments.
    """

    def __init__(self, report: Callable[[int, int], None], waiting: Callable[[], None] | None = None) -> None:
        self._report = report
        self._waiting = waiting
        self._cancel = threading.Event()
        self._last = 0.0

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._report(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def waiting(self) -> None:
        """The job waits for another program's write lock: the progress dialog says so."""
        if self._waiting is not None:
            self._waiting()

    def check(self) -> None:
        """Raise ``Cancelled`` when the user asked to stop (for jobs with their own loops)."""
        if self._cancel.is_set():
            raise Cancelled("cancelled")

    def cancel(self) -> None:
        self._cancel.set()


class Job(QObject):
    """One submitted job, on the main thread; the worker never sees it (see ``_Bridge``).

    Signals:
        progressed(done, total): throttled progress.
        succeeded(result), failed(exception), cancelled(): the outcome.
        finished(): after any outcome.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, control: JobControl, label: str | None, parent_widget: QWidget | None) -> None:
        super().__init__()
        self.control = control
        self.label = label
        self.parent_widget = parent_widget
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._dialog: QProgressDialog | None = None
        self._last_progress = (0, 0)

    def cancel(self) -> None:
        self.control.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    def _deliver(self, ok: bool, value: Any) -> None:
        self._finish()
        if ok:
            self.result = value
            self.succeeded.emit(value)
        elif isinstance(value, Cancelled):
            self.error = value
            self.cancelled.emit()
        else:
            self.error = value
            self.failed.emit(value)
        self.finished.emit()

    def _on_progress(self, done: int, total: int) -> None:
        self._last_progress = (done, total)
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total))
        self.progressed.emit(done, total)

    def _on_waiting(self) -> None:
        """Another PC or program is writing: say so, or a job that waits looks stuck."""
        self.label = self.tr("Waiting for another PC or program that is writing to the database…")
        if self._dialog is not None:
            self._dialog.setLabelText(self.label)
        elif not self.done:
            self._show_progress()  # even a quick job without a label: waiting is worth a word

    def _show_progress(self) -> None:
        """Called ~500 ms after the start: only slow jobs get a dialog."""
        if self.done or self.label is None or self._dialog is not None:
            return
        parent = _alive(self.parent_widget)
        dialog = QProgressDialog(self.label, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(self.tr("SellerDesk"))
        modality = Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        dialog.setWindowModality(modality)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        done, total = self._last_progress
        if total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        dialog.show()

    def _finish(self) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None


class _Bridge(QObject):
    """Carries outcomes and progress from the worker thread to the main thread.

    The worker holds only this long-lived object and plain values (a job number, the job's function,
    its result), never a Job or a widget: a Qt object whose last reference dies on the worker thread
    would be destroyed there, and that crashes.

    Signals:
        outcome(job_id, (ok, value)), progress(job_id, done, total), waiting(job_id): emitted on the
            worker, queued to here.
    """

    outcome = Signal(int, object)
    progress = Signal(int, int, int)
    waiting = Signal(int)


class MainThreadGarbageCollector(QObject):
    """Collects reference cycles on the main thread only (qutebrowser does the same).

    Python's automatic collection runs on whichever thread happens to allocate; collecting a cycle
    that holds a Qt object on the database worker would destroy the object on the wrong thread.
    """

    INTERVAL_MS = 1_000

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds, as gc would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = max((g for g in range(3) if counts[g] > thresholds[g]), default=-1)
        if generation >= 0:
            gc.collect(generation)


_collector: MainThreadGarbageCollector | None = None


def collect_garbage_on_main_thread(app: QObject) -> None:
    """Install the main-thread collector once per process (before any job runs)."""
    global _collector
    if _collector is None:
        _collector = MainThreadGarbageCollector(app)


def _changes_of(result: Any) -> Changes:
    """The ``Changes`` a job returned (itself, or its ``changes`` attribute); none otherwise."""
    returned = result if isinstance(result, Changes) else getattr(result, "changes", None)
    return returned if isinstance(returned, Changes) else Changes()


def _alive(widget: QWidget | None) -> QWidget | None:
    return widget if widget is not None and shiboken6.isValid(widget) else None


def _guarded(callback: Callable[[Any], object] | None, widget: QWidget | None) -> Callable[[Any], object] | None:
    """``callback`` unless the widget it belongs to was deleted meanwhile (a window rebuilt while a job ran)."""
    if callback is None or widget is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call


class Runner(QObject):
    """Runs jobs on the single database worker (or inline, in ``synchronous`` mode for tests).

    ``actor`` is the signed-in staff member (the app sets it): every job's session records it for the
    audit log, and screens pass it to the services that check permissions.

    Signals:
        changed(Changes): a job changed data (here, or on another PC: see ``watch_changes``); tabs mark
            themselves stale.
        busy_changed(bool): the first job started / the last job ended.
    """

    changed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        synchronous: bool = False,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session_factory = session_factory
        self._synchronous = synchronous
        self._progress_delay_ms = progress_delay_ms
        self._executor: ThreadPoolExecutor | None = None
        self._jobs: dict[int, Job] = {}
        self._functions: dict[int, Callable[[JobControl], Any]] = {}  # handed to the worker, job by job
        self._next_id = itertools.count(1)
        self._retired: list[Job] = []  # finished jobs, released one event-loop turn later
        self._bridge = _Bridge(self)
        self._bridge.outcome.connect(self._on_outcome)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.waiting.connect(self._on_waiting)
        self.actor: Actor = OWNER
        self._seen_seq: int | None = None  # the change counter as last seen (None: not read yet)
        self._poll_timer: QTimer | None = None

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """For short reads on the main thread (a table model's pages); writes go through ``run``."""
        return self._session_factory

    def run(
        self,
        fn: Callable[[Session, JobControl], T],
        *,
        on_success: Callable[[T], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        on_finished: Callable[[], object] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        writes: bool = True,
    ) -> Job:
        """Run ``fn(session, job)`` in one transaction on the database worker.

        ``on_error`` defaults to showing the error (nothing for a cancel); ``label`` names the job in
        the progress dialog that appears when it runs longer than ~500 ms (no label: no dialog).
        ``writes``: the transaction takes SQLite's write lock at its start (waiting, with a note in the
        dialog, while another PC writes); a read-only job passes False and never waits for writers.
        """

        actor = self.actor

        def in_transaction(control: JobControl) -> T:
            from sellerdesk.db.engine import write_lock  # loaded after the first paint
            from sellerdesk.db.tracking import ACTOR_KEY, mark_changed

            options = write_lock(control.waiting) if writes else {}
            with self._session_factory(execution_options=options) as session, session.begin():
                session.info[ACTOR_KEY] = actor
                result = fn(session, control)
                if _changes_of(result).any:
                    mark_changed(session)  # bulk writes (imports) pass no flush: other PCs learn of them here
                return result

        return self.run_plain(
            in_transaction,
            on_success=on_success,
            on_error=on_error,
            on_finished=on_finished,
            label=label,
            parent=parent,
        )

    def run_plain(
        self,
        fn: Callable[[JobControl], T],
        *,
        on_success: Callable[[T], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        on_finished: Callable[[], object] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> Job:
        """Run ``fn(job)`` on the database worker without a Session (backups, file work next to the DB)."""
        job_id = next(self._next_id)
        control = JobControl(
            functools.partial(self._bridge.progress.emit, job_id), functools.partial(self._bridge.waiting.emit, job_id)
        )
        job = Job(control, label, parent)
        job.succeeded.connect(lambda result: self._on_succeeded(result, _guarded(on_success, parent)))
        job.failed.connect(_guarded(on_error, parent) or (lambda exc: errors.show_error(_alive(parent), exc)))
        job.finished.connect(lambda: self._on_finished(job, on_finished))
        self._jobs[job_id] = job
        self._functions[job_id] = fn
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        if self._synchronous:
            self._execute(self._bridge, self._functions, job_id, job.control)
            return job
        if label is not None:
            QTimer.singleShot(self._progress_delay_ms, job._show_progress)
        self._worker().submit(self._execute, self._bridge, self._functions, job_id, job.control)
        return job

    def watch_changes(self, interval_ms: int = POLL_INTERVAL_MS) -> None:
        """Poll the database's change counter; when another PC (or process) wrote, broadcast ``changed``.

        The read runs on the worker like any job, so it never blocks the window; a job of our own that
        returns ``Changes`` is already broadcast, and the counter is re-read after it without a broadcast.
        """
        if self._poll_timer is None:
            self._poll_timer = QTimer(self)
            self._poll_timer.timeout.connect(self.poll_changes)
        self._poll_timer.start(interval_ms)

    def poll_changes(self, *, announce: bool = True) -> None:
        if self.busy and announce:
            return  # a job is running: its own changes come first; the next tick looks again

        def read(session: Session, _job: JobControl) -> int:
            from sellerdesk.db.tracking import change_seq

            return change_seq(session)

        self.run(read, on_success=lambda seq: self._on_seq(seq, announce), on_error=lambda _exc: None, writes=False)

    def _on_seq(self, seq: int, announce: bool) -> None:
        previous, self._seen_seq = self._seen_seq, seq
        if announce and previous is not None and seq != previous:
            self.changed.emit(ALL_CHANGES)

    def shutdown(self) -> None:
        """Ask running jobs to stop and wait for the worker (call before the engine is disposed)."""
        if self._poll_timer is not None:
            self._poll_timer.stop()
        for job in self._jobs.values():
            job.control.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sellerdesk-db")
        return self._executor

    @staticmethod
    def _execute(
        bridge: _Bridge, functions: dict[int, Callable[[JobControl], Any]], job_id: int, control: JobControl
    ) -> None:
        """Runs on the worker: every outcome goes back to the main thread, bugs included."""
        fn = functions[job_id]  # the main thread keeps its own reference until the outcome is in
        try:
            control.check()
            outcome: tuple[bool, Any] = (True, fn(control))
        except BaseException as exc:
            outcome = (False, exc)
        del fn
        bridge.outcome.emit(job_id, outcome)

    def _on_outcome(self, job_id: int, outcome: tuple[bool, Any]) -> None:
        self._retired.clear()  # jobs finished earlier: the worker let go of everything they held long ago
        job = self._jobs.get(job_id)
        if job is not None:
            job._deliver(*outcome)

    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job._on_progress(done, total)

    def _on_waiting(self, job_id: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job._on_waiting()

    def _on_succeeded(self, result: object, on_success: Callable[[Any], object] | None) -> None:
        if on_success is not None:
            on_success(result)
        announced = _changes_of(result)
        if announced.any:
            self.changed.emit(announced)
            if self._seen_seq is not None:
                QTimer.singleShot(0, lambda: self.poll_changes(announce=False))  # our own write: seen already

    def _on_finished(self, job: Job, on_finished: Callable[[], object] | None) -> None:
        job_id = next(key for key, value in self._jobs.items() if value is job)
        del self._jobs[job_id]
        self._functions.pop(job_id, None)
        self._retired.append(job)
        if on_finished is not None and (job.parent_widget is None or _alive(job.parent_widget)):
            on_finished()
        if not self._jobs:
            self.busy_changed.emit(False)
