"""Fuzz every importer with damaged copies of real exports: each case must end in an import or a clean
refusal (``ImportFileError`` / ``ImportRefused`` with its problems), within a time limit, and a refusal
must leave the database as it was. Anything else (another exception, a hang, a partial write) is a bug.

The seeds are tests/data/fuzz (the head of every sample and real export, as CSV and as xlsx; see
make_corpus.py). Mutations: cut the file, flip or insert bytes, swap or duplicate lines and cells, put
formula-like text, huge numbers, NUL and control characters into cells, re-encode the text, and for xlsx
break the zip (cut it, damage a part, drop or duplicate a part, garble the XML).

Not part of the default test run (pyproject's testpaths); CI runs it as its own step:
``python3 -m pytest tests/fuzz -q -p no:cacheprovider``.
"""

from __future__ import annotations

import io
import signal
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from sellerdesk.db.engine import make_engine
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.models import Base
from sellerdesk.services.imports import ImportOptions, ImportRefused, import_paths, preview_paths
from sellerdesk.sheets.limits import DAMAGED_ZIP

CORPUS = Path(__file__).parents[1] / "data" / "fuzz"
SEEDS = sorted(p for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx"))
CASE_SECONDS = 20  # one small file: milliseconds normally; a case this slow is a hang

# Cell texts that broke readers and parsers elsewhere, or could: formulas, huge and odd numbers, NUL,
# control characters, quotes and separators, right-to-left marks, lone surrogates' neighbours.
HOSTILE = [
    "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "\t=1", "\r=1",
    "9" * 400, "1e309", "-1e309", "NaN", "inf", "-0", "0x10", "1_000", "１２３", "99999999999999999999.99",
    "-99999999999999999999", "2.78624e+18", "\x00", "a\x00b", "\x1b[31m", '"', '""', ",", "\n", "\r\n",
    "\u202e", "\ufeff", "\ufffd", "退款成功", "交易关闭", "9999-12-31 23:59:59", "0000-00-00 00:00:00",
    "2026-02-30 25:61:61", "1900-01-00", "", " ", "null", "None", "x" * 5000,
]  # fmt: skip
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a legacy .xls (an OLE compound file) starts so
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "shift_jis", "latin-1", "cp1252"]


# --- mutations --------------------------------------------------------------------------------------


def _cut(data: bytes, draw: Any) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def _flip(data: bytes, draw: Any) -> bytes:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]


def _insert_bytes(data: bytes, draw: Any) -> bytes:
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]


def _text_of(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _lines_op(data: bytes, draw: Any) -> bytes:
    """Swap, duplicate or drop whole lines (the header too)."""
    text, encoding = _text_of(data)
    lines = text.splitlines(keepends=True)
    if len(lines) < 2:
        return data
    a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    op = draw(st.sampled_from(["swap", "dup", "drop"]))
    if op == "swap":
        lines[a], lines[b] = lines[b], lines[a]
    elif op == "dup":
        lines.insert(b, lines[a])
    else:
        del lines[a]
    return _encode("".join(lines), encoding)


def _cells_op(data: bytes, draw: Any) -> bytes:
    """Put a hostile text into a cell, or swap two cells of a line (CSV split naively: quotes may break)."""
    text, encoding = _text_of(data)
    lines = text.splitlines(keepends=True)
    if not lines:
        return data
    n = draw(st.integers(0, len(lines) - 1))
    ending = lines[n][len(lines[n].rstrip("\r\n")) :]
    cells = lines[n].rstrip("\r\n").split(",")
    i, j = draw(st.integers(0, len(cells) - 1)), draw(st.integers(0, len(cells) - 1))
    if draw(st.booleans()):
        cells[i], cells[j] = cells[j], cells[i]
    else:
        value = draw(st.sampled_from(HOSTILE) | st.text(max_size=30))
        quoted = draw(st.booleans())
        cells[i] = '"' + value.replace('"', '""') + '"' if quoted else value
    lines[n] = ",".join(cells) + ending
    return _encode("".join(lines), encoding)


def _reencode(data: bytes, draw: Any) -> bytes:
    text, _ = _text_of(data)
    return _encode(text, draw(st.sampled_from(ENCODINGS)))


BYTE_OPS: list[Callable[[bytes, Any], bytes]] = [_cut, _flip, _insert_bytes, _lines_op, _cells_op, _reencode]


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return [(info, book.read(info)) for info in book.infolist()]
    except DAMAGED_ZIP:  # an earlier mutation broke the zip itself: nothing left to take apart
        return None


def _zip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        warnings.simplefilter("ignore")  # a duplicated part name is one of the damages
        for info, body in members:
            book.writestr(info.filename, body)
    return out.getvalue()


def _xlsx_op(data: bytes, draw: Any) -> bytes:
    """Damage one part of the package and zip it again properly, so the damage reaches calamine's parser."""
    members = _members(data)
    if not members:
        return data
    n = draw(st.integers(0, len(members) - 1))
    info, body = members[n]
    op = draw(st.sampled_from(["part_bytes", "part_cell", "drop", "dup", "empty", "garble"]))
    if op == "part_bytes":
        body = draw(st.sampled_from(BYTE_OPS[:3]))(body, draw)
    elif op == "part_cell":  # a hostile text in place of some text between tags
        text = body.decode("utf-8", errors="replace")
        starts = [i for i, ch in enumerate(text) if ch == ">"]
        if starts:
            at = draw(st.sampled_from(starts)) + 1
            end = text.find("<", at)
            value = draw(st.sampled_from(HOSTILE)).replace("&", "&amp;").replace("<", "&lt;")
            text = text[:at] + value + text[end if end >= 0 else at :]
        body = text.encode("utf-8", errors="replace")
    elif op == "drop":
        del members[n]
        return _zip(members)
    elif op == "dup":
        members.append((info, body))
        return _zip(members)
    elif op == "empty":
        body = b""
    else:
        body = body.replace(b"<", b"", draw(st.integers(1, 3)))
    members[n] = (info, body)
    return _zip(members)


@st.composite
def damaged_file(draw: Any) -> tuple[str, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    data = seed.read_bytes()
    ops = BYTE_OPS + ([_xlsx_op, _xlsx_op, _xlsx_op] if seed.suffix == ".xlsx" else [])
    for _ in range(draw(st.integers(1, 3))):
        data = draw(st.sampled_from(ops))(data, draw)
    if draw(st.integers(0, 9)) == 0:  # a file named as another kind, or legacy .xls bytes that are not
        if draw(st.booleans()):
            data = OLE_MAGIC + data
        return f"{seed.stem}{draw(st.sampled_from(['.xls', '.xlsx', '.xlsb', '.csv', '.txt']))}", data
    return seed.name, data


# --- the run ----------------------------------------------------------------------------------------


class CaseTooSlow(BaseException):
    """A case past its time limit: a hang (a BaseException, so no ``except Exception`` swallows it)."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(*_: object) -> None:
        raise CaseTooSlow(f"a case took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def fuzz_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = make_engine("sqlite:///" + str(tmp_path_factory.mktemp("fuzzdb") / "fuzz.sqlite"))
    ensure_schema(engine)
    yield engine
    engine.dispose()


@contextmanager
def rolled_back(engine: Engine) -> Iterator[Session]:
    """A session whose work is thrown away afterwards: every case starts from the same database."""
    with engine.connect() as conn:
        outer = conn.begin()
        with Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
            yield session
        outer.rollback()


def snapshot(session: Session) -> dict[str, int]:
    """Rows per table: a refused import must leave every count as it was."""
    return {
        t.name: session.execute(select(func.count()).select_from(t)).scalar_one() for t in Base.metadata.sorted_tables
    }


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / name
    path.write_bytes(data)
    return path


@given(
    case=damaged_file(),
    preload=st.booleans(),
    valid_rows=st.booleans(),
    companion=st.none() | st.sampled_from(SEEDS),
)
def test_import_is_whole_or_refused(
    fuzz_engine: Engine,
    tmp_path: Path,
    case: tuple[str, bytes],
    preload: bool,
    valid_rows: bool,
    companion: Path | None,
) -> None:
    """``companion``: an intact export imported in the same run, which a refusal must take back as well."""
    name, data = case
    path = _write(tmp_path, name, data)
    paths = [path] if companion is None else [companion, path]
    with rolled_back(fuzz_engine) as session, time_limit(CASE_SECONDS):
        if preload:  # the same export imported before: the damaged copy goes through the merge rules
            try:
                import_paths(session, [CORPUS / name])
            except ImportFileError:
                pass
        before = snapshot(session)
        refusal = _refusal(lambda: import_paths(session, paths, options=ImportOptions(accept_valid_rows=valid_rows)))
        event("imported" if refusal is None else f"refused: {refusal.code}")  # --hypothesis-show-statistics
        if refusal is not None:
            assert refusal.code and refusal.message
            if isinstance(refusal, ImportRefused):
                assert any(r.problems for r in refusal.results), "refused without naming a problem"
            assert snapshot(session) == before, "a refused import left rows behind"


def _refusal(run: Callable[[], object]) -> ImportFileError | None:
    """The clean refusal ``run`` ended in, or None when it imported; any other exception propagates."""
    try:
        run()
    except ImportFileError as exc:
        return exc
    return None


@given(case=damaged_file())
def test_preview_never_raises(fuzz_engine: Engine, tmp_path: Path, case: tuple[str, bytes]) -> None:
    name, data = case
    path = _write(tmp_path, name, data)
    with rolled_back(fuzz_engine) as session, time_limit(CASE_SECONDS):
        before = snapshot(session)
        (preview,) = preview_paths(session, [path])
        assert preview.importable or (preview.error_code and preview.error)
        assert snapshot(session) == before, "a preview wrote to the database"
