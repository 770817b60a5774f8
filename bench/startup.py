"""Start-up time: from process start to the first paint of the main window, on a 20,000-order demo shop.

Builds the demo database once (cached in the temp folder, one file per schema revision), then starts
the app offscreen in fresh ``python -c`` processes: one warm-up run, then five measured runs. Each run
prints when the main window first painted (the app paints its window before it loads the database
layer) and when the home page showed the month's figures; the last line is one JSON object with the
median of the first-paint times.

    python bench/startup.py            # reuse the cached database
    python bench/startup.py --rebuild  # build it again
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ORDERS = 20_000
RUNS = 5

# Runs in the child. Imports only what the app itself imports, so the clock measures a real start.
CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from sellerdesk.app import make_qapplication, start
from sellerdesk.ui.settings import Settings

db, settings_file = sys.argv[1], sys.argv[2]
app = make_qapplication()
desktop = start(db=db, demo=False, lang="en", settings=Settings(QSettings(settings_file, QSettings.Format.IniFormat)))
window = desktop.window
marks = {}

def report_when_figures_shown():
    # The database opens after the first paint; the home page then loads its figures in the background.
    if not window.attached or window.page("home").dashboard is None:
        QTimer.singleShot(2, report_when_figures_shown)
        return
    marks["figures"] = time.time()
    print(f"{marks['paint']!r} {marks['figures']!r}", flush=True)
    app.quit()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time()
            QTimer.singleShot(0, report_when_figures_shown)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
app.exec()
desktop.shutdown()
"""


def demo_database(rebuild: bool) -> Path:
    """The cached 20k-order demo database (built with sellerdesk.demo.generate_demo)."""
    # Imported here, not at the top: the parent process only needs them to build the database.
    from sellerdesk.db.engine import make_engine, make_session_factory
    from sellerdesk.db.migrate import ensure_schema, head_revision
    from sellerdesk.demo import generate_demo

    folder = Path(tempfile.gettempdir()) / "sellerdesk-bench"
    path = folder / f"startup-demo-{ORDERS}-rev{head_revision()}.sqlite"
    if path.exists() and not rebuild:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(path.name + "*"):
        stale.unlink()
    print(f"building {path} ({ORDERS:,} orders)…", flush=True)
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    with make_session_factory(engine).begin() as session:
        generate_demo(session, orders=ORDERS, seed=1)
    engine.dispose()
    return path


def run_once(db: Path, scratch: Path) -> tuple[float, float]:
    """Seconds from spawning the process to the first paint, and to the home page's figures."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(scratch / "data"),  # crash logs, if any, stay out of the user's folder
        "XDG_CONFIG_HOME": str(scratch / "config"),
    }
    settings = scratch / "settings.ini"
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(settings)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    painted, figures = float(out[-2]), float(out[-1])
    return painted - started, figures - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build the demo database again")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    db = demo_database(args.rebuild)
    with tempfile.TemporaryDirectory(prefix="sellerdesk-bench-") as tmp:
        scratch = Path(tmp)
        run_once(db, scratch)  # warm-up: file cache, .pyc files
        paints = []
        for run in range(1, args.runs + 1):
            painted, figures = run_once(db, scratch)
            paints.append(painted)
            print(f"run {run}: first paint {painted:.3f} s, home figures shown {figures:.3f} s")
    print(json.dumps({"startup_warm_s": round(statistics.median(paints), 3)}))


if __name__ == "__main__":
    main()
