"""Command line: ``sellerdesk [--db URL] [COMMAND]``; with no command the desktop app starts.

Qt is imported only by the ``gui`` command, so the other commands start fast and run headless.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sellerdesk import APP_NAME, __version__
from sellerdesk.db import migrate
from sellerdesk.db.backup import (
    automatic_backup,
    automatic_backups,
    backup_database,
    restore_database,
    verify_backup,
)
from sellerdesk.db.engine import (
    display_name,
    is_read_only_engine,
    is_read_only_failure,
    make_engine,
    make_session_factory,
    read_only_error,
    resolve_url,
    sqlite_path,
    write_lock,
)
from sellerdesk.db.leftovers import remove_leftovers
from sellerdesk.db.location import network_share
from sellerdesk.domain.enums import Platform, Role
from sellerdesk.domain.errors import SellerDeskError, StorageError
from sellerdesk.domain.timeutil import parse_month


class PlatformChoices:
    """``import --platform``'s choices: auto and every registered platform. The registry (and with it every
    parser) loads only when argparse looks at them, so the other commands, the GUI first, start without it."""

    def __iter__(self) -> Iterator[str]:
        from sellerdesk.platforms.registry import PLATFORMS

        return iter(["auto", *(p.value for p in PLATFORMS)])

    def __contains__(self, value: object) -> bool:
        return value in list(self)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sellerdesk", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", help="SQLite file path or SQLAlchemy URL (default: SELLERDESK_DB or the data folder)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--selftest", action="store_true",
        help="check this installation on a temporary database (migrations, resources, translations, the window "
        "rendered offscreen) and exit: 0 when everything works",
    )  # fmt: skip
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="start the desktop app (the default)")
    _add_gui_options(gui)
    _add_gui_options(parser)  # so `sellerdesk --demo` works without naming the command

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="create or upgrade the schema (backs up first)")
    backup = db_sub.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("path", type=Path)
    db_sub.add_parser(
        "check", help="integrity, migration state, stock ledger vs the orders; non-zero exit on any problem"
    )
    restore = db_sub.add_parser("restore", help="replace the data with a backup (the current data is saved first)")
    restore.add_argument("path", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    db_sub.add_parser("backups", help="list the automatic backups and whether each passes its check")

    demo = sub.add_parser("demo", help="fill an empty database with a realistic demo shop")
    demo.add_argument("--orders", type=int, default=20_000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--export-samples", type=Path, metavar="DIR", help="write sample export files instead")

    imp = sub.add_parser("import", help="import platform export files (all or nothing)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--shop", help="shop name (default: from the file, else the platform's default shop)")
    imp.add_argument(
        "--platform", default="auto", choices=PlatformChoices(),
        help="restrict detection to one platform; with --mapping, the platform the orders belong to",
    )  # fmt: skip
    imp.add_argument(
        "--mapping", type=Path, metavar="MAPPING.json",
        help="read the files through this column mapping (docs/column-mapping.md), as the mapping dialog saves it",
    )  # fmt: skip
    imp.add_argument(
        "--accept-fallbacks", action="store_true",
        help="read an offered fallback column in place of a missing one (e.g. Douyin 订单提交时间 for 支付完成时间)",
    )  # fmt: skip
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    imp.add_argument("--valid-rows", action="store_true", help="import the valid rows of files with problems")
    imp.add_argument("--json", action="store_true", help="print a JSON summary per file")

    staff = sub.add_parser("staff", help="staff accounts (the command line acts as the owner)")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True)
    add = staff_sub.add_parser("add", help="add an account; the password is asked for (or read from stdin)")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", default="", help="the name people know them by (default: the login)")
    staff_sub.add_parser("list", help="every account, its role and whether it is active")
    disable = staff_sub.add_parser("disable", help="disable an account (the last active owner stays)")
    disable.add_argument("login")
    reset = staff_sub.add_parser("reset-password", help="set a new password (asked for, or read from stdin)")
    reset.add_argument("login")

    reviews = sub.add_parser("reviews", help="monthly performance reviews (the command line acts as the owner)")
    reviews_sub = reviews.add_subparsers(dest="reviews_command", required=True)
    create = reviews_sub.add_parser("create", help="make the month's reviews for everyone (idempotent), filled")
    create.add_argument("--month", required=True, help="YYYY-MM")
    export = reviews_sub.add_parser("export", help="write the month's scorecards (or one person's) as xlsx")
    export.add_argument("--month", required=True, help="YYYY-MM")
    export.add_argument("--staff", metavar="LOGIN", help="only this person's review")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    export.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="workbook language (default zh_CN)")

    report = sub.add_parser("report", help="figures and reports")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    monthly = report_sub.add_parser("monthly", help="the monthly figures of metrics.md, and the monthly workbook")
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    monthly.add_argument("--json", action="store_true", help="print the figures as JSON")
    monthly.add_argument("--out", type=Path, metavar="FILE.xlsx", help="write the monthly workbook to FILE.xlsx")
    monthly.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="workbook language (default zh_CN)")
    return parser


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="fill an empty database with demo data first")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: settings, else system)")


def open_engine(args: argparse.Namespace, *, writes: bool = True) -> Engine:
    """The engine for ``--db``, at head (created or upgraded with a backup first). ``writes``: the command
    changes data, so a read-only database is refused before it starts."""
    engine = make_engine(resolve_url(args.db))
    _say_storage_notes(engine)
    if writes and is_read_only_engine(engine):
        raise read_only_error(engine)
    result = migrate.ensure_schema(engine)
    if result.created:
        _err(f"Created a new database: {display_name(str(engine.url))}")
    elif result.upgraded_from:
        _err(f"Upgraded the database from revision {result.upgraded_from}; backup: {result.backup}")
    return engine


def existing_engine(args: argparse.Namespace) -> Engine:
    """The engine for ``--db`` when the command only reads or copies a database: a mistyped SQLite path is
    an error, not a new empty database."""
    url = resolve_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise StorageError(f"The database file {path} does not exist.", code="database_missing", path=str(path))
    engine = make_engine(url)
    _say_storage_notes(engine)
    return engine


def _say_storage_notes(engine: Engine) -> None:
    """A line on stderr for a database opened read-only, and for an SQLite file on a network share."""
    if is_read_only_engine(engine):
        _err("read-only: changes cannot be saved")
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    share = network_share(path) if path is not None else ""
    if share:
        _err(
            f"warning: the database is on a network share ({share}). SQLite's file locks are unreliable over a "
            "network, so several PCs writing it can damage it: use a PostgreSQL server to share data."
        )


def _err(text: str) -> None:
    print(text, file=sys.stderr)


@contextmanager
def _writing(engine: Engine) -> Iterator[Session]:
    """A write transaction: on SQLite it takes the write lock at its start, waiting (and saying so) while
    another PC or program writes."""
    lock = write_lock(lambda: _err("Waiting for another PC or program that is writing to the database…"))
    with make_session_factory(engine)(execution_options=lock) as session, session.begin():
        yield session


def cmd_db(args: argparse.Namespace) -> int:
    if args.db_command == "upgrade":
        open_engine(args)
        return 0
    if args.db_command == "restore":
        return _restore(args)
    engine = existing_engine(args)
    if args.db_command == "backup":
        path = backup_database(engine, args.path)
        print(f"Backup written: {path}")
        return 0
    if args.db_command == "backups":
        return _list_backups(engine)
    report = migrate.check_database(engine)
    problems = list(report.problems)
    if report.revision == report.head:  # the tables are as the model says, so the ledger can be read
        problems += _stock_problems(engine)
    print(f"database: {display_name(str(engine.url))}")
    print(f"revision: {report.revision} (head {report.head})")
    for problem in problems:
        print(f"problem: {problem}")
    print(f"{len(problems)} problem(s)" if problems else "ok")
    return 1 if problems else 0


def _stock_problems(engine: Engine) -> list[str]:
    """The stock ledger must be what the orders imply: a stock sync over every order would post nothing."""
    from sellerdesk.services.stock import stock_drift

    with make_session_factory(engine)() as session:
        drift = stock_drift(session)
    if drift.none:
        return []
    return [
        f"stock ledger drift: re-syncing the orders' stock would post {drift.movements} movement(s) "
        f"for {drift.lines} order line(s) on {drift.skus} SKU(s)"
    ]


def _restore(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    engine = make_engine(url)
    if is_read_only_engine(engine):
        raise read_only_error(engine)
    if not args.yes and not _confirmed(f"Replace the data of {display_name(url)} with {args.path}?"):
        _err("Nothing was restored.")
        return 1
    safety = restore_database(engine, args.path, migrate.known_revisions())
    if safety is not None:
        print(f"The data it replaced was saved to: {safety}")
    engine = open_engine(args)  # an older backup is upgraded like any old database
    print(f"Restored {args.path} into {display_name(str(engine.url))}")
    return 0


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        _err(f"{question} Run again with --yes to confirm.")
        return False
    return input(f"{question} Type yes to confirm: ").strip().lower() == "yes"


def _list_backups(engine: Engine) -> int:
    path = sqlite_path(str(engine.url))
    if path is None:
        _err("Automatic backups are made of SQLite databases only; back up a server with `db backup`.")
        return 2
    for stamp, backup in automatic_backups(path):
        check = verify_backup(backup)
        print(f"{stamp:%Y-%m-%d %H:%M:%S}  {'ok' if check.ok else check.problem:<14}  {backup}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.export_samples:
        from sellerdesk.demo.samples import export_samples

        for path in export_samples(args.export_samples, seed=args.seed):
            print(path)
        return 0
    from sellerdesk.db.tracking import without_audit
    from sellerdesk.demo import generate_demo

    engine = open_engine(args)
    started = time.perf_counter()
    with _writing(engine) as session:
        without_audit(session)  # thousands of machine-made rows: nobody's doing
        summary = generate_demo(session, orders=args.orders, seed=args.seed, progress=_print_progress())
    _err("")
    print(f"Demo data written in {time.perf_counter() - started:.1f} s: {summary}")
    return 0


def _print_progress() -> Any:
    last = [-1]

    def report(done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if pct != last[0] and sys.stderr.isatty():
            last[0] = pct
            print(f"\r{pct:3d}%", end="", file=sys.stderr, flush=True)

    return report


def cmd_import(args: argparse.Namespace) -> int:
    from sellerdesk.db.tracking import mark_changed
    from sellerdesk.platforms.registry import PLATFORMS
    from sellerdesk.services.imports import ImportOptions, ImportRefused, import_paths
    from sellerdesk.services.imports.follow import wait_for_checkpoints
    from sellerdesk.services.mappings import load_mapping_file

    platform = None if args.platform == "auto" else Platform(args.platform)
    if platform is not None and PLATFORMS[platform].parser is None and args.mapping is None:
        _err(f"error: --platform {platform.value} needs --mapping (SellerDesk knows no export layout of it)")
        return 2
    options = ImportOptions(
        shop_name=args.shop or "",
        accept_valid_rows=args.valid_rows,
        dry_run=args.dry_run,
        mapping=load_mapping_file(args.mapping) if args.mapping else None,
        accept_fallbacks=args.accept_fallbacks,
    )
    engine = open_engine(args)
    if not args.dry_run:
        automatic_backup(engine, "before-import")
    try:
        with _writing(engine) as session:
            mark_changed(session)  # bulk writes pass no flush: the change counter tells the desktop apps
            results = import_paths(session, args.files, platform=platform, options=options)
            if args.dry_run:
                session.rollback()
        wait_for_checkpoints()  # the command ends here: leave the file checkpointed, its log small
    except ImportRefused as exc:
        _err(f"error: {exc}")
        for result in exc.results:
            for p in result.problems:
                _err(f"  {p.file}: row {p.row}, column {p.column!r}, value {p.value!r}: {p.message}")
        if args.json:
            print(json.dumps([r.to_json() for r in exc.results], ensure_ascii=False, indent=1))
        return 2
    if args.json:
        print(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            print(
                f"{r.file_name}: {r.platform}/{r.kind} → {r.shop}: {r.created} created, {r.updated} updated, "
                f"{r.unchanged} unchanged, {r.refused} refused, {r.unlinked_lines} unlinked lines"
            )
            for note in r.notes:
                print(f"  note: {note.message}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from sellerdesk.services.reports import export_monthly_workbook, monthly_figures

    try:
        year, month = parse_month(args.month)
    except ValueError:
        _err(f"error: --month must look like 2026-08, not {args.month!r}")
        return 2
    existing_engine(args).dispose()  # a report of a mistyped path is an error, not an empty new database
    engine = open_engine(args, writes=False)
    with make_session_factory(engine).begin() as session:
        figures = monthly_figures(session, year, month)
        if args.out:
            path = export_monthly_workbook(session, year, month, args.out, args.lang, progress=_print_progress())
            _err(f"\rWorkbook written: {path}")
    if args.json:
        print(json.dumps(figures.to_json(), ensure_ascii=False, indent=1))
    else:
        print(figures.describe())
    return 0


def cmd_reviews(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from sellerdesk.domain.permissions import OWNER
    from sellerdesk.models import StaffUser
    from sellerdesk.services import reviews

    if args.reviews_command == "create":
        with _writing(open_engine(args)) as session:
            made = reviews.create_month_reviews(session, OWNER, args.month)
        left_out = (
            f"; roles without a complete template: {', '.join(made.without_template)}" if made.without_template else ""
        )
        print(f"{made.month}: {len(made.created)} reviews made, {made.existing} already there{left_out}")
        return 0
    existing_engine(args).dispose()
    with make_session_factory(open_engine(args, writes=False)).begin() as session:
        if args.staff:
            staff_id = session.scalar(select(StaffUser.id).where(StaffUser.login == args.staff))
            found = [s for s in reviews.review_summaries(session, OWNER, args.month) if s.staff_id == staff_id]
            if not found:
                _err(f"error: {args.staff} has no review for {args.month}")
                return 2
            reviews.export_review(session, OWNER, found[0].id, args.out, args.lang)
            count = 1
        else:
            count = reviews.export_team_month(session, OWNER, args.month, args.out, args.lang)
    print(f"{count} reviews written to {args.out}")
    return 0


def read_password(prompt: str = "Password: ") -> str:
    """From a prompt that does not echo, asked twice; from stdin's first line when it is not a terminal.

    Never from an argument: those end up in shell history and process lists.
    """
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise SellerDeskError("The two passwords differ.", code="password_mismatch")
    return first


def cmd_staff(args: argparse.Namespace) -> int:
    from sellerdesk.domain.permissions import OWNER
    from sellerdesk.services import staff

    command = args.staff_command
    engine = open_engine(args, writes=command != "list")
    password = read_password() if command in ("add", "reset-password") else ""
    with _writing(engine) as session:
        if command == "add":
            staff.add_staff(session, OWNER, args.login, args.name, args.role, password)
        elif command == "disable":
            staff.disable_staff(session, OWNER, args.login)
        elif command == "reset-password":
            staff.reset_password(session, OWNER, args.login, password)
        else:
            for user in staff.list_staff(session, OWNER):
                state = "active" if user.active else "disabled"
                sign_in = "" if user.has_password else "  (no password: cannot sign in)"
                print(f"{user.login:<20} {user.role.value:<11} {state:<9} {user.name}{sign_in}")
            return 0
    print(f"{command}: {args.login} done")
    return 0


def cmd_selftest(_args: argparse.Namespace) -> int:
    from sellerdesk.ui.selftest import run_selftest

    return run_selftest()


def qt_libraries_missing() -> bool:
    """Linux: say which system libraries Qt lacks, before Qt stops with a misleading message of its own."""
    from sellerdesk.ui.system_libraries import explain, missing_libraries

    missing = missing_libraries()
    if missing:
        _err(explain(missing))
    return bool(missing)


def cmd_gui(args: argparse.Namespace) -> int:
    if qt_libraries_missing():
        return 1
    from sellerdesk.app import run_app

    return run_app(db=args.db, demo=args.demo, lang=args.lang)


def _remove_leftovers(args: argparse.Namespace) -> None:
    """Partial backups and temp folders a killed SellerDesk left (db/leftovers.py)."""
    remove_leftovers(sqlite_path(resolve_url(args.db)))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {
        "db": cmd_db,
        "demo": cmd_demo,
        "import": cmd_import,
        "report": cmd_report,
        "reviews": cmd_reviews,
        "staff": cmd_staff,
    }
    handler = cmd_selftest if args.selftest else handlers.get(args.command or "gui", cmd_gui)
    try:
        # The app sweeps at its own start (its database may come from its settings); the self-test touches no data.
        if handler not in (cmd_gui, cmd_selftest):
            _remove_leftovers(args)
        return handler(args)
    except DBAPIError as exc:
        if not is_read_only_failure(exc):
            raise
        _err("error: the database is read-only: changes cannot be saved")
        return 2
    except SellerDeskError as exc:
        _err(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _err("cancelled")
        return 130
