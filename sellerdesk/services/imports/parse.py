"""Parse: a planned file's rows become records on a helper while the importing thread writes, with the
run's progress and cancel."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import Cancelled
from sellerdesk.domain.records import ParsedFile
from sellerdesk.platforms import ParseJob
from sellerdesk.platforms.background import BackgroundParse
from sellerdesk.services.imports.common import IsCancelled, Progress


@contextmanager
def _parser_runs_during_statements(session: Session, parsing: BackgroundParse) -> Iterator[None]:
    """Let the parser run while this thread waits for the database, and only then (see BackgroundParse)."""
    connection = session.connection()

    def waits(*_: object) -> None:
        parsing.importer_waits()

    def busy(*_: object) -> None:
        parsing.importer_busy()

    event.listen(connection, "before_cursor_execute", waits)
    event.listen(connection, "after_cursor_execute", busy)
    try:
        yield
    finally:
        event.remove(connection, "before_cursor_execute", waits)
        event.remove(connection, "after_cursor_execute", busy)


class _RunProgress:
    """Progress over all files of a run, in rows (estimated until each file is parsed), and cancel."""

    def __init__(self, approx_rows: Sequence[int], progress: Progress | None, cancelled: IsCancelled | None) -> None:
        self.total = sum(approx_rows) or 1
        self.done = 0  # rows of the files finished
        self._progress = progress
        self._cancelled = cancelled

    def step(self, rows: int) -> None:
        """``rows`` of the current file are done; raises ``Cancelled`` when the user cancelled."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("Import cancelled")
        if self._progress is not None:
            self._progress(min(self.done + rows, self.total), self.total)

    def parse(self, job: ParseJob, parsed: ParsedFile) -> None:
        """Parse a file whole, on this thread."""
        job.run(parsed)
        self.finish(parsed.rows)

    def finish(self, rows: int) -> None:
        self.done += rows
        self.step(0)
