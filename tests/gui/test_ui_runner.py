"""The runner on its real worker thread: results, errors and progress on the main thread, cancel, Changes."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import Cancelled, ValidationError
from sellerdesk.models import Order
from sellerdesk.ui import errors
from sellerdesk.ui.runner import JobControl, Runner

TIMEOUT_MS = 5_000


@pytest.fixture
def threaded(session_factory: sessionmaker[Session]) -> Iterator[Runner]:
    runner = Runner(session_factory, progress_delay_ms=50)
    yield runner
    runner.shutdown()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the error display would have shown (messages and crash dialogs)."""
    seen: list[str] = []
    monkeypatch.setattr(errors, "present_message", lambda _parent, _title, text: seen.append(text))
    monkeypatch.setattr(errors, "present_crash", lambda _parent, _title, text, _details: seen.append(text))
    return seen


def test_result_arrives_on_the_main_thread_from_the_worker(threaded: Runner, qtbot: QtBot) -> None:
    threads: dict[str, threading.Thread] = {}
    received: list[int] = []

    def count_orders(session: Session, _job: JobControl) -> int:
        threads["job"] = threading.current_thread()
        return int(session.execute(select(func.count()).select_from(Order)).scalar_one())

    def on_success(value: int) -> None:
        threads["callback"] = threading.current_thread()
        received.append(value)

    job = threaded.run(count_orders, on_success=on_success)
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT_MS):
        pass
    assert received == [250]
    assert threads["job"] is not threading.main_thread()
    assert threads["callback"] is threading.main_thread()


def test_expected_error_arrives_on_the_main_thread_and_is_explained(
    threaded: Runner, qtbot: QtBot, shown: list[str]
) -> None:
    def refuse(_session: Session, _job: JobControl) -> None:
        raise ValidationError("already has data", code="not_empty")

    caught: list[tuple[BaseException, bool]] = []
    job = threaded.run(
        refuse, on_error=lambda exc: caught.append((exc, threading.current_thread() is threading.main_thread()))
    )
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    assert isinstance(caught[0][0], ValidationError) and caught[0][1]
    default = threaded.run(refuse)  # no on_error: the translated message is shown
    qtbot.waitUntil(lambda: default.done, timeout=TIMEOUT_MS)
    assert shown == ["The demo shop is only added to an empty database, and this one already holds data."]


def test_a_bug_in_a_job_goes_to_the_crash_dialog(threaded: Runner, qtbot: QtBot, shown: list[str]) -> None:
    job = threaded.run(lambda session, _job: session.execute(text("SELECT * FROM no_such_table")))
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    assert "This is a bug" in shown[0]
    assert list(errors.log_folder().glob("crash-*.log"))


def test_a_failed_job_rolls_back_its_transaction(threaded: Runner, qtbot: QtBot, shown: list[str]) -> None:
    def delete_then_fail(session: Session, _job: JobControl) -> None:
        session.execute(text("DELETE FROM tasks"))
        raise ValidationError("no", code="validation")

    def count(session: Session, _job: JobControl) -> int:
        return int(session.execute(text("SELECT count(*) FROM tasks")).scalar_one())

    before = threaded.run(count)
    qtbot.waitUntil(lambda: before.done, timeout=TIMEOUT_MS)
    job = threaded.run(delete_then_fail)
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    check = threaded.run(count)
    qtbot.waitUntil(lambda: check.done, timeout=TIMEOUT_MS)
    assert check.result == before.result > 0


def test_cancel_stops_the_job_and_shows_nothing(threaded: Runner, qtbot: QtBot, shown: list[str]) -> None:
    started = threading.Event()

    def long_job(_session: Session, job: JobControl) -> None:
        started.set()
        while True:  # a cooperative loop, as the services' loops are
            job.check()
            threading.Event().wait(0.005)

    job = threaded.run(long_job, label="Working…")
    assert started.wait(TIMEOUT_MS / 1000)
    with qtbot.waitSignal(job.cancelled, timeout=TIMEOUT_MS):
        job.cancel()
    assert isinstance(job.error, Cancelled)
    assert shown == []


def test_progress_dialog_appears_only_for_slow_jobs_and_cancels(threaded: Runner, qtbot: QtBot) -> None:
    quick = threaded.run(lambda _session, _job: 1, label="Quick")
    qtbot.waitUntil(lambda: quick.done, timeout=TIMEOUT_MS)
    assert quick._dialog is None

    release = threading.Event()

    def slow(_session: Session, job: JobControl) -> None:
        for step in range(1000):
            job.progress(step, 1000)
            if job.cancelled():
                raise Cancelled("cancelled")
            release.wait(0.002)

    job = threaded.run(slow, label="Slow")
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.isVisible(), timeout=TIMEOUT_MS)
    (cancel_button,) = job._dialog.findChildren(QPushButton)
    with qtbot.waitSignal(job.cancelled, timeout=TIMEOUT_MS):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert job._dialog is None


def test_progress_is_throttled(threaded: Runner, qtbot: QtBot) -> None:
    def chatty(_session: Session, job: JobControl) -> None:
        for step in range(1, 100_001):
            job.progress(step, 100_000)

    updates: list[tuple[int, int]] = []
    job = threaded.run(chatty)
    job.progressed.connect(lambda done, total: updates.append((done, total)))
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: updates[-1:] == [(100_000, 100_000)], timeout=TIMEOUT_MS)
    assert len(updates) < 100


def test_changes_a_job_returns_are_broadcast(threaded: Runner, qtbot: QtBot) -> None:
    with qtbot.waitSignal(threaded.changed, timeout=TIMEOUT_MS) as signal:
        threaded.run(lambda _session, _job: Changes(orders=True))
    assert signal.args == [Changes(orders=True)]
    with qtbot.assertNotEmitted(threaded.changed, wait=100):
        job = threaded.run(lambda _session, _job: "nothing changed")
        qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)


def test_busy_is_reported_while_jobs_run(threaded: Runner, qtbot: QtBot) -> None:
    with qtbot.waitSignals([threaded.busy_changed, threaded.busy_changed], timeout=TIMEOUT_MS):
        threaded.run(lambda _session, _job: None)
    assert not threaded.busy


def test_synchronous_mode_runs_inline(session_factory: sessionmaker[Session]) -> None:
    runner = Runner(session_factory, synchronous=True)
    received: list[object] = []
    job = runner.run(lambda _session, _job: 42, on_success=received.append)
    assert job.done and received == [42]


def test_a_writer_waiting_for_another_program_says_so_and_then_writes(threaded: Runner, qtbot: QtBot) -> None:
    import sqlite3

    path = threaded.session_factory.kw["bind"].url.database
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another PC holds the write lock
    try:
        job = threaded.run(lambda session, _job: session.scalar(text("SELECT 1")), label="Saving")
        qtbot.waitUntil(lambda: job._dialog is not None and "Waiting for another PC" in job._dialog.labelText(),
                        timeout=TIMEOUT_MS)  # fmt: skip
        assert not job.done
    finally:
        holder.rollback()
        holder.close()
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    assert job.result == 1
