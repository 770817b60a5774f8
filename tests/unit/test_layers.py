"""House rules a grep can check: no Qt below ui/, and the command line loads Qt only for the GUI."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "sellerdesk"
QT = ("PySide6", "pyqtgraph", "sellerdesk.ui", "sellerdesk.app")


def _module_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:  # module level only: imports inside functions load on use
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _all_imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_never_imports_qt() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in ("ui", "app.py", "cli.py")]
    offenders = {str(p.relative_to(PACKAGE)): n for p in core for n in _all_imports(p) if n.startswith(QT)}
    assert not offenders


def test_cli_loads_qt_only_for_the_gui_command() -> None:
    assert not [n for n in _module_level_imports(PACKAGE / "cli.py") if n.startswith(QT)]


def test_only_the_ui_and_the_command_line_start_the_demo() -> None:
    """The demo writes through the services; nothing below it may depend on it."""
    allowed = ("demo", "ui", "app.py", "cli.py")
    below = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in allowed]
    uses = {str(p.relative_to(PACKAGE)): _all_imports(p) for p in below}
    assert not {path: names for path, names in uses.items() if any(n.startswith("sellerdesk.demo") for n in names)}
