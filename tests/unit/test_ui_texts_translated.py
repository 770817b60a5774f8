"""User-visible text in sellerdesk/ui goes through tr(): a literal handed straight to a text setter, a
widget's constructor or a message box is a text the Chinese UI would show in English.

An AST scan of every module under sellerdesk/ui (and app.py): string literals (and the literal parts of
f-strings) given to the calls below must contain no words once markup and placeholders are removed.
Separators, symbols, numbers and HTML around translated text pass; so do the few names in ALLOWED.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "sellerdesk" / "ui").rglob("*.py")), ROOT / "sellerdesk" / "app.py"]

TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setTitle", "setLabelText", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setSpecialValueText",
    "setSuffix", "setPrefix", "addAction", "addMenu", "addTab", "insertTab", "setTabText", "addItem",
    "addItems", "insertItem", "setItemText", "showMessage", "setButtonText", "setInformativeText",
    "setDetailedText", "setCancelButtonText", "addRow", "setHeaderLabels", "setHeaderLabel",
    "information", "warning", "critical", "question", "about", "getText", "getItem", "getSaveFileName",
    "getOpenFileName", "getOpenFileNames", "getExistingDirectory",
}  # fmt: skip
WIDGETS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu", "QToolButton",
    "QMessageBox", "QListWidgetItem", "QTableWidgetItem", "QTreeWidgetItem", "QProgressDialog",
    "QCommandLinkButton",
}  # fmt: skip
# Texts that are the same in every language.
ALLOWED = {
    "SellerDesk",
    "postgresql://user@server:5432/sellerdesk",  # the form of a server address, typed as it is
    # The shipping dialog's example lines: order ids, carriers and tracking numbers, as a sheet has them.
    "2786218520199193598\t圆通\tYT1234567890123\n2786218520199193599, 顺丰, SF1234567890",
}
# Where a call has arguments that are data, not text: which positional arguments are text.
_FILE_DIALOG = slice(1, 2)  # (parent, caption, folder or file name, filter): the caption
TEXT_ARGUMENTS = {
    "addItem": lambda n: slice(0, 1) if n <= 2 else slice(1, 2),  # (text, data) or (icon, text, data)
    "insertItem": lambda n: slice(1, 2),  # (index, text, data)
    "getSaveFileName": lambda n: _FILE_DIALOG,
    "getOpenFileName": lambda n: _FILE_DIALOG,
    "getOpenFileNames": lambda n: _FILE_DIALOG,
    "getExistingDirectory": lambda n: _FILE_DIALOG,
}
# Arguments that are not text: object names, keys, formats.
NOT_TEXT_KEYWORDS = {"objectName", "name", "key", "format", "dir", "filter", "selectedFilter", "userData"}
TEXT_KEYWORDS = {"text", "title", "windowTitle", "toolTip", "statusTip", "placeholderText", "whatsThis"}
_MARKUP = re.compile(r"<[^>]*>|&\w+;|\{[^}]*\}|%\d|%L?n")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _literal_text(node: ast.AST) -> str | None:
    """The literal text of a str constant or of an f-string's constant parts; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [_literal_text(node.left), _literal_text(node.right)]
        return " ".join(p for p in parts if p) or None
    return None


def _is_user_text(text: str) -> bool:
    if text.strip() in ALLOWED:
        return False
    return bool(_WORD.search(_MARKUP.sub(" ", text)))


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        if name not in TEXT_METHODS and name not in WIDGETS:
            # Any widget built with a text property: QLineEdit(placeholderText="…"), QLabel(text="…").
            for keyword in node.keywords:
                text = _literal_text(keyword.value) if keyword.arg in TEXT_KEYWORDS else None
                if text is not None and _is_user_text(text):
                    found.append(f"{path.relative_to(ROOT)}:{keyword.value.lineno} {name}({keyword.arg}={text!r})")
            continue
        positional = node.args[TEXT_ARGUMENTS[name](len(node.args))] if name in TEXT_ARGUMENTS else node.args
        arguments = [*positional, *(k.value for k in node.keywords if k.arg not in NOT_TEXT_KEYWORDS)]
        for argument in arguments:
            candidates = argument.elts if isinstance(argument, ast.List | ast.Tuple) else [argument]
            for candidate in candidates:
                text = _literal_text(candidate)
                if text is not None and _is_user_text(text):
                    found.append(f"{path.relative_to(ROOT)}:{candidate.lineno} {name}({text!r})")
    return found


def test_scanner_catches_untranslated_text() -> None:
    sample = ROOT / "tests" / "unit" / "_scan_sample.py"
    try:
        sample.write_text(
            "label = QLabel('Orders')\nlabel.setToolTip(f'{n} late')\nlabel.setText('–')\n"
            "button.setText(self.tr('Fine'))\nmenu.addAction(icon, 'Open')\nlabel.setText('<b>{x}</b>')\n"
            "box = QLineEdit(placeholderText='Search')\ncombo.addItem(self.tr('Any'), 'any')\n",
            encoding="utf-8",
        )
        assert [f.split(" ", 1)[1] for f in findings(sample)] == [
            "QLabel('Orders')",
            "setToolTip(' late')",
            "addAction('Open')",
            "QLineEdit(placeholderText='Search')",
        ]
    finally:
        sample.unlink()


def test_no_user_visible_literal_outside_tr() -> None:
    found = [f for path in SOURCES for f in findings(path)]
    assert not found, "wrap these texts in tr() (and give them their Chinese):\n" + "\n".join(found)
