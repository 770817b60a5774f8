"""Parse a file on a helper thread and hand out its orders as they are final, so that an import writes
one batch while the next is parsed.

The parser runs in Python (holding the GIL); the importer's thread spends most of its time inside
SQLite, which releases the GIL, so the two overlap on two cores. The importer is the slower of the two,
so it comes first: it closes a gate while it runs Python and opens it while it waits for the database
(``importer_busy``/``importer_waits``); the parser stops at the next row while the gate is closed. Left to
share the GIL evenly, the parser took half the importer's Python time, and the import was no faster than
parsing first and writing after. The helper thread touches nothing but the file's rows and its
``ParsedFile``; the database session stays on the importer's thread.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from types import TracebackType

from sellerdesk.domain.records import OrderRecord, ParsedFile
from sellerdesk.platforms import ParseJob
from sellerdesk.sheets.reading import Row

# How often Python lets another thread take the GIL (default 5 ms). The importer gives the GIL up for
# every statement it sends to SQLite and waits up to this long to get it back from the parser.
_SWITCH_INTERVAL_S = 0.0005
_POLL_S = 0.002  # how long the importer sleeps when no batch is ready yet


class _Stopped(Exception):
    """The importer stopped (cancelled, or failed): the parse ends at the next row."""


class BackgroundParse:
    """``with BackgroundParse(job) as parsing: for batch in parsing.batches(2000): …``"""

    def __init__(self, job: ParseJob) -> None:
        self.result = job.start(stream=True)
        self._stopping = threading.Event()
        self._gate = threading.Event()  # set: the parser may run (the importer waits for the database or rows)
        self._gate.set()
        self._error: BaseException | None = None
        self._done = threading.Event()
        # No reference back to self from the rows: a cycle would keep every parsed record alive until the
        # collector's next full pass, which the import holds off (gc_paused) and then pays for at once.
        table = replace(job.table, row_source=_gated(job.table.row_source, self._gate, self._stopping))
        self._job = replace(job, table=table)
        self._thread = threading.Thread(target=self._run, name=f"parse {job.table.file_name}", daemon=True)
        self._interval = sys.getswitchinterval()

    def __enter__(self) -> BackgroundParse:
        sys.setswitchinterval(min(self._interval, _SWITCH_INTERVAL_S))
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stopping.set()
        self._gate.set()
        self._thread.join()
        sys.setswitchinterval(self._interval)

    def _run(self) -> None:
        try:
            self._job.run(self.result)
        except BaseException as exc:  # handed to the importer's thread, which raises it
            self._error = exc
        finally:
            self._done.set()

    def importer_busy(self) -> None:
        """The importer runs Python: the parser pauses at its next row."""
        self._gate.clear()

    def importer_waits(self) -> None:
        """The importer waits (for the database): the parser may run."""
        self._gate.set()

    def wait(self) -> ParsedFile:
        """The whole file, parsed; raises what the parser raised."""
        self._gate.set()
        self._done.wait()
        if self._error is not None and not isinstance(self._error, _Stopped):
            raise self._error
        return self.result

    def batches(self, size: int, *, stop: Callable[[], bool] = lambda: False) -> Iterator[list[OrderRecord]]:
        """Final orders in batches of ``size`` (the last one smaller), in file order, until the file is
        parsed; none after ``stop()`` turns true (the rest is still parsed, for its problems)."""
        taken = 0
        while not stop():
            done = self._done.is_set()
            if done:
                self.wait()  # the parser's error, if any
            final = len(self.result.orders) if done else self.result.final
            if final - taken >= size or (done and final > taken):
                end = min(final, taken + size)
                self.importer_busy()
                yield self.result.orders[taken:end]
                taken = end
            elif done:
                return
            else:
                self.importer_waits()
                self._done.wait(_POLL_S)
        self.wait()  # stopped: the whole file is parsed all the same


def _gated(
    source: Callable[[], Iterator[Row]], gate: threading.Event, stopping: threading.Event
) -> Callable[[], Iterator[Row]]:
    """The rows of ``source``, each once ``gate`` is open, until ``stopping`` is set."""

    def rows() -> Iterator[Row]:
        for row in source():
            if not gate.is_set():  # (is_set is cheap; wait takes a lock even when the gate is open)
                gate.wait()
            if stopping.is_set():
                raise _Stopped
            yield row

    return rows
