"""Read and parse a file in a worker process and hand its final orders to the importing process in
batches, so that parsing runs on another core than the writer's, not under the same GIL.

The importing thread (the writer) is the critical path of an import; a parser on a helper thread of the
same process shares its GIL, and its 2–3 s for 100,000 orders could only hide in the writer's waits for
SQLite. In a process of its own the parse runs beside the writer; what the writer pays instead is taking
each batch in: batches go as plain values (``marshal``: text, numbers, tuples; times as microseconds,
enums as their values), 0.3 s for 100,000 orders against 1.2 s for pickled records, and the records are
built again from them (``decode_orders``).

Processes start with ``spawn`` on every system (Windows has nothing else, and forking a process that
runs Qt and database threads is unsafe): a new interpreter that imports the parsers, measured in
docs/benchmarks.md, so the importer sends only large files here (``WORKER_MIN_BYTES``).

The protocol, worker → importer, over one pipe:

- ``("lookup", header)``: the layout is unknown; the importer answers with a saved ``MappingSpec`` or None;
- ``("plan", result, kind, approx_rows, sha256)``: the file is recognised (``result``: the empty
  ``ParsedFile`` its parse fills), or ``("error", exc)`` for a file that cannot be imported at all;
- ``("orders", data, bad_rows, rows, shop_name)``: final orders (``encode_orders``), the rows refused
  since the last batch, the rows read so far (for progress) and the shop the file names;
- ``("restart",)``: an order's rows are apart (``NotGrouped``); what was sent is void and the whole file,
  parsed whole, follows;
- ``("done", summary)``: the rest of the parse (rows, problems, warnings, export time, refunds, notes,
  shop name): every field of ``ParsedFile`` a parser sets.

The worker never touches a database. A worker whose importer ends (cancel, error, a killed process) is
terminated, or ends at its next send when the pipe is gone.
"""

from __future__ import annotations

import marshal
import multiprocessing
import os
import sys
import threading
import traceback
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from multiprocessing.connection import Connection
from operator import attrgetter
from pathlib import Path
from types import TracebackType
from typing import Any

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile
from sellerdesk.platforms import MappingLookup, NotGrouped, plan_export, read_export
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.sheets.reading import Row, gc_paused

START_METHOD = "spawn"
# Files smaller than this are parsed on a thread of the importing process: a worker's start (a new
# interpreter importing the parsers, 0.3–0.6 s measured) would cost more than parsing them.
WORKER_MIN_BYTES = 8 << 20
_CHECK_EVERY = 64  # rows between looks at whether a batch is final


class WorkerFailed(RuntimeError):
    """The worker process failed in a way that is not an ``ImportFileError`` (a bug): its traceback."""


# --- records as plain values ------------------------------------------------------------------------

_ORDER_FIELDS = tuple(f.name for f in fields(OrderRecord))
_ITEM_FIELDS = tuple(f.name for f in fields(ItemRecord))
_TIMES = frozenset(("created_at", "paid_at", "shipped_at", "completed_at"))
_ENUMS: dict[str, type[Platform] | type[OrderStatus] | type[RefundState]] = {
    "platform": Platform,
    "status": OrderStatus,
    "refund_state": RefundState,
}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def _column(records: Sequence[Any], name: str) -> list[Any]:
    """One field of every record, as plain values: times as microseconds since 1970, enums as values."""
    values = list(map(attrgetter(name), records))
    if name in _TIMES:
        return [None if v is None else (v - _EPOCH) // _MICRO for v in values]
    if name in _ENUMS:
        return [None if v is None else v.value for v in values]
    return values


def _typed(name: str, values: list[Any]) -> list[Any]:
    """The inverse of ``_column``."""
    if name in _TIMES:
        return [None if v is None else _EPOCH + v * _MICRO for v in values]  # 0.7 µs a value, not 1.2
    if name in _ENUMS:
        members: dict[Any, Any] = {**_ENUMS[name]._value2member_map_, None: None}
        return list(map(members.__getitem__, values))
    return values


def encode_orders(orders: Sequence[OrderRecord]) -> bytes:
    """Orders with their lines as one ``marshal`` buffer of columns (one list per field)."""
    items = [item for order in orders for item in order.items]
    return marshal.dumps(
        (
            [_column(orders, name) for name in _ORDER_FIELDS if name != "items"],
            [len(order.items) for order in orders],
            [_column(items, name) for name in _ITEM_FIELDS],
        )
    )


def decode_orders(data: bytes) -> list[OrderRecord]:
    """The orders ``encode_orders`` wrote, as records equal to the originals."""
    order_columns, counts, item_columns = marshal.loads(data)
    items = iter(list(map(ItemRecord, *(_typed(n, c) for n, c in zip(_ITEM_FIELDS, item_columns, strict=True)))))
    columns = [_typed(n, c) for n, c in zip((n for n in _ORDER_FIELDS if n != "items"), order_columns, strict=True)]
    columns.insert(_ORDER_FIELDS.index("items"), [list(islice(items, n)) for n in counts])
    return list(map(OrderRecord, *columns))


# --- the worker's side ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Request:
    path: str
    platform: Platform | None
    mapping: MappingSpec | None
    accept_fallbacks: bool
    lookup: bool  # ask the importer for a saved mapping when the layout is unknown
    batch: int


def _work(conn: Connection, request: _Request) -> None:
    """The worker process: read, recognise, parse and send; every failure is sent too."""
    try:
        with gc_paused():
            _parse(conn, request)
    except ImportFileError as exc:
        _send(conn, ("error", exc))
    except (BrokenPipeError, EOFError, ConnectionError):
        pass  # the importer is gone
    except BaseException:  # a bug: the importer raises it with this traceback
        _send(conn, ("crash", traceback.format_exc()))
    finally:
        conn.close()


def _send(conn: Connection, message: tuple[Any, ...]) -> None:
    try:
        conn.send(message)
    except (BrokenPipeError, EOFError, ConnectionError, OSError):
        pass


def _parse(conn: Connection, request: _Request) -> None:
    def ask(header: Sequence[str]) -> MappingSpec | None:
        conn.send(("lookup", tuple(header)))
        answer: MappingSpec | None = conn.recv()
        return answer

    table = read_export(request.path)
    job = plan_export(
        table,
        request.platform,
        mapping=request.mapping,
        accept_fallbacks=request.accept_fallbacks,
        lookup=ask if request.lookup else None,
    )
    result = job.start(stream=True)
    conn.send(("plan", result, job.kind, table.approx_rows, table.sha256))
    sent = 0  # orders sent
    bad_sent: set[int] = set()

    def send_final() -> None:
        nonlocal sent
        while result.final - sent >= request.batch:
            bad = result.bad_rows - bad_sent
            bad_sent.update(bad)
            batch = encode_orders(result.orders[sent : sent + request.batch])
            conn.send(("orders", batch, sorted(bad), result.rows, result.shop_name))
            sent += request.batch

    source = table.row_source

    def rows() -> Iterator[Row]:
        for n, row in enumerate(source()):
            if n % _CHECK_EVERY == 0:
                send_final()
            yield row

    try:
        replace(job, table=replace(table, row_source=rows)).run(result)
    except NotGrouped:  # an order's rows are apart: what was sent is void, the whole file follows
        conn.send(("restart",))
        result = job.start()
        job.run(result)
        sent = 0
        bad_sent.clear()
    while sent < len(result.orders):
        end = min(len(result.orders), sent + request.batch)
        conn.send(("orders", encode_orders(result.orders[sent:end]), [], result.rows, result.shop_name))
        sent = end
    conn.send(("done", _summary(result)))


def _summary(result: ParsedFile) -> dict[str, Any]:
    """What a parse adds to its result besides the orders."""
    return {
        "rows": result.rows,
        "bad_rows": result.bad_rows,
        "problems": result.problems,
        "warnings": result.warnings,
        "notes": result.notes,
        "refunds": result.refunds,
        "exported_at": result.exported_at,
        "shop_name": result.shop_name,
        "approximate": result.approximate,
    }


# --- the importer's side ----------------------------------------------------------------------------


class WorkerParse:
    """``with WorkerParse(path, …) as parsing: parsing.plan(); for batch in parsing.batches(): …``

    The same ``result`` / ``batches`` / ``wait`` as ``BackgroundParse``, with the parse in a process.
    """

    def __init__(
        self,
        path: Path,
        *,
        platform: Platform | None = None,
        mapping: MappingSpec | None = None,
        accept_fallbacks: bool = False,
        lookup: MappingLookup | None = None,
        batch: int = 2000,
    ) -> None:
        context = multiprocessing.get_context("spawn")  # START_METHOD
        self._conn, child = context.Pipe(duplex=True)
        request = _Request(str(path), platform, mapping, accept_fallbacks, lookup is not None, batch)
        self._lookup = lookup
        self._batch = batch
        self._process = context.Process(
            target=_work, args=(child, request), name=f"parse {Path(path).name}", daemon=True
        )
        with _main_left_alone():
            self._process.start()
        child.close()
        self.result: ParsedFile | None = None
        self.kind = FileKind.ORDERS
        self.approx_rows = 0
        self.sha256 = ""
        self._done = False
        # Reading ahead (``read_ahead``): a thread takes in what the worker sends, guarded by ``_taken``.
        self._reader: threading.Thread | None = None
        self._taken = threading.Condition()
        self._restarts = 0  # "restart" messages taken in: what was taken before is void
        self._failure: BaseException | None = None

    def __enter__(self) -> WorkerParse:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker (at once, if it still parses) and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()
        if self._reader is not None:
            self._reader.join(5)  # it ends at the closed pipe

    def _receive(self) -> tuple[Any, ...]:
        try:
            message: tuple[Any, ...] = self._conn.recv()
        except EOFError as exc:  # the worker died without a word (killed, out of memory)
            raise WorkerFailed(f"the parser process ended unexpectedly ({self._process.exitcode})") from exc
        if message[0] == "error":
            raise message[1]
        if message[0] == "crash":
            raise WorkerFailed(message[1])
        return message

    def plan(self) -> ParsedFile:
        """Wait until the file is recognised; raises the ``ImportFileError`` of a file that cannot be imported."""
        if self.result is not None:  # planned already (by the preview that reads ahead)
            return self.result
        while True:
            message = self._receive()
            if message[0] == "lookup":
                self._conn.send(self._lookup(message[1]) if self._lookup is not None else None)
                continue
            _, self.result, self.kind, self.approx_rows, self.sha256 = message
            assert self.result is not None
            return self.result

    def batches(self, size: int = 0, *, stop: Callable[[], bool] = lambda: False) -> Iterator[list[OrderRecord]]:
        """Final orders in the worker's batches, in file order, until the file is parsed; none after
        ``stop()`` turns true (the rest is still parsed, for its problems). Raises ``NotGrouped`` when the
        worker found an order's rows apart (it then parses the file whole: see ``wait``)."""
        result = self.result
        assert result is not None
        if self._reader is not None:
            yield from self._taken_batches(size or self._batch, stop)
            return
        while not self._done:
            if stop():
                self.wait()
                return
            message = self._receive()
            orders = _decoded(message)
            self._take(message, orders)
            if message[0] == "restart":
                raise NotGrouped(result.file_name)
            if message[0] == "orders":
                yield orders

    def wait(self) -> ParsedFile:
        """The whole file, parsed (the orders not taken in batches are added to ``result``)."""
        result = self.result
        assert result is not None
        if self._reader is not None:
            self._reader.join()
            if self._failure is not None:
                raise self._failure
            return result
        while not self._done:
            message = self._receive()
            self._take(message, _decoded(message))
        return result

    # --- reading ahead (the import dialog's preview) --------------------------------------------------

    def read_ahead(self) -> None:
        """From now on a thread of this process takes in whatever the worker sends, so the worker parses on
        while nobody asks for batches yet (a preview shown, the user still reading it); ``batches``
        and ``wait`` then read what it took in, from the first order. Call after ``plan``."""
        assert self.result is not None and self._reader is None
        self._reader = threading.Thread(target=self._take_in, name="parse reader", daemon=True)
        self._reader.start()

    def _take_in(self) -> None:
        try:
            while not self._done:
                message = self._receive()
                orders = _decoded(message)  # outside the lock: readers go on meanwhile
                with self._taken:
                    self._take(message, orders)
                    self._taken.notify_all()
        except BaseException as exc:  # handed to whoever reads next
            with self._taken:
                self._failure = exc
                self._taken.notify_all()

    def progress(self) -> tuple[bool, int]:
        """While reading ahead: whether the file is parsed, and how many rows were read."""
        with self._taken:
            if self._failure is not None:
                return True, 0
            return self._done, self.result.rows if self.result is not None else 0

    @property
    def failure(self) -> BaseException | None:
        """What ended the parse, if not its end: an ``ImportFileError``, or ``WorkerFailed``."""
        return self._failure

    def first_orders(self) -> None:
        """Wait until the first orders are in (or the file is parsed): the shop is known from them."""
        result = self.result
        assert result is not None
        with self._taken:
            self._taken.wait_for(lambda: self._ended() or bool(result.orders))

    def _ended(self) -> bool:
        return self._done or self._failure is not None

    def _taken_batches(self, size: int, stop: Callable[[], bool]) -> Iterator[list[OrderRecord]]:
        result = self.result
        assert result is not None
        given, restarts = 0, self._restarts

        def more() -> bool:
            return len(result.orders) > given or self._ended()

        while True:
            if stop():
                self.wait()
                return
            with self._taken:
                self._taken.wait_for(more, 0.2)
                if self._failure is not None:
                    raise self._failure
                if self._restarts != restarts:
                    raise NotGrouped(result.file_name)
                batch = result.orders[given : given + size]
                if not batch and self._done:
                    return
            if batch:
                given += len(batch)
                yield batch

    def _take(self, message: tuple[Any, ...], orders: list[OrderRecord]) -> None:
        """Add one message of the worker to ``result``: a batch of orders (decoded by the caller), a
        restart (what was taken before is void), or the summary that ends the parse."""
        result = self.result
        assert result is not None
        if message[0] == "orders":
            result.orders.extend(orders)
            result.bad_rows.update(message[2])
            result.rows, result.shop_name = message[3], message[4]
            result.final = len(result.orders)
        elif message[0] == "restart":
            result.orders.clear()
            result.bad_rows.clear()
            result.final = 0
            self._restarts += 1
        else:
            self._finish(message[1])

    def _finish(self, summary: dict[str, Any]) -> None:
        result = self.result
        assert result is not None
        result.rows = summary["rows"]
        result.bad_rows = summary["bad_rows"]
        result.problems = summary["problems"]
        result.warnings = summary["warnings"]
        result.notes = summary["notes"]
        result.refunds = summary["refunds"]
        result.exported_at = summary["exported_at"]
        result.shop_name = summary["shop_name"]
        result.approximate = summary["approximate"]
        result.final = len(result.orders)
        self._done = True
        self._process.join()


def _decoded(message: tuple[Any, ...]) -> list[OrderRecord]:
    """The orders an "orders" message carries; none for the others."""
    return decode_orders(message[1]) if message[0] == "orders" else []


@contextmanager
def _main_left_alone() -> Iterator[None]:
    """While a worker starts: "spawn" would run the program's main module again in the new process (the
    command line's costs 0.9 s of imports) unless it has no file and no name; the worker needs none of it."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def worker_suits(path: Path) -> bool:
    """Whether a file is large enough for a worker process to pay for its start."""
    try:
        return os.path.getsize(path) >= WORKER_MIN_BYTES
    except OSError:
        return False  # read where it is, which words the error


def frozen_support() -> None:
    """A frozen app (PyInstaller) on Windows runs its own executable as the worker: this makes that run
    the worker, not a second app. Call first thing in the entry point."""
    if getattr(sys, "frozen", False):
        multiprocessing.freeze_support()
