"""Every code the code base raises has words in Chinese and in English, with the parameters it is given.

The codes are collected from the source, not listed by hand: an expected error (``SellerDeskError`` or a
subclass) raised with ``code="..."`` anywhere in sellerdesk/, and every row-problem code handed to
``RowProblem``/``CellError`` (directly or through a helper that passes its ``code`` argument on). A code
with no entry would show the English log message in the Chinese UI.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

import sellerdesk
from sellerdesk.domain.errors import SellerDeskError, ValidationError
from sellerdesk.ui import import_texts, messages
from sellerdesk.ui.i18n import install_translators

PACKAGE = Path(sellerdesk.__file__).parent
ERROR_BASE = "SellerDeskError"
NEVER_SHOWN = {"cancelled", "error"}  # a cancel shows nothing; "error" is only the base class's default
# Where a row-problem code goes in: (call name, position, keyword). Helpers that pass on a ``code``
# parameter are found and added by ``_row_problem_sinks``.
ROW_PROBLEM_SINKS = {"RowProblem": (4, "code"), "CellError": (0, "code")}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Site:
    code: str
    params: frozenset[str]  # the keyword parameters the raise site passes
    where: str


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield str(path.relative_to(PACKAGE.parent)), ast.parse(path.read_text(encoding="utf-8"))


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _error_classes(trees: list[tuple[str, ast.Module]]) -> set[str]:
    """``SellerDeskError`` and every class that derives from it, wherever it is defined."""
    classes = {ERROR_BASE}
    while True:
        found = {
            node.name
            for _, tree in trees
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and any(_name(b) in classes for b in node.bases)
        }
        if found <= classes:
            return classes
        classes |= found


def error_sites() -> list[Site]:
    trees = list(_modules())
    classes = _error_classes(trees)
    sites = []
    for where, tree in trees:
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name in classes):
            for node in ast.walk(cls):  # class-level defaults and super().__init__(..., code=...)
                if isinstance(node, ast.Assign) and [_name(t) for t in node.targets] == ["code"]:
                    if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                        sites.append(Site(node.value.value, frozenset(), f"{where}:{node.lineno}"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            is_error = _name(node.func) in classes or (
                _name(node.func) == "__init__" and isinstance(node.func, ast.Attribute) and _is_super(node.func.value)
            )
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            if is_error and isinstance(code, ast.Constant) and isinstance(code.value, str):
                params = frozenset(k.arg for k in node.keywords if k.arg not in (None, "code"))
                sites.append(Site(code.value, params, f"{where}:{node.lineno}"))
    return [s for s in sites if s.code not in NEVER_SHOWN]


def _is_super(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) == "super"


def _row_problem_sinks(trees: list[tuple[str, ast.Module]]) -> dict[str, tuple[int, str]]:
    """RowProblem, CellError, and every function that hands its ``code`` parameter on to one of them."""
    sinks = dict(ROW_PROBLEM_SINKS)
    while True:
        added = False
        for _, tree in trees:
            for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name not in sinks):
                params = [a.arg for a in fn.args.args if a.arg not in ("self", "cls")]
                if "code" in params and any(_passes_code_on(call, sinks) for call in ast.walk(fn)):
                    sinks[fn.name] = (params.index("code"), "code")
                    added = True
        if not added:
            return sinks


def _passes_code_on(node: ast.AST, sinks: dict[str, tuple[int, str]]) -> bool:
    argument = _sink_argument(node, sinks)
    return isinstance(argument, ast.Name) and argument.id == "code"


def _sink_argument(node: ast.AST, sinks: dict[str, tuple[int, str]]) -> ast.expr | None:
    if not isinstance(node, ast.Call) or _name(node.func) not in sinks:
        return None
    position, keyword = sinks[_name(node.func)]
    if len(node.args) > position:
        return node.args[position]
    return next((k.value for k in node.keywords if k.arg == keyword), None)


def row_problem_sites() -> list[Site]:
    trees = list(_modules())
    sinks = _row_problem_sinks(trees)
    sites = []
    for where, tree in trees:
        for node in ast.walk(tree):
            argument = _sink_argument(node, sinks)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                sites.append(Site(argument.value, frozenset(), f"{where}:{getattr(node, 'lineno', 0)}"))
    return sites


def _by_code(sites: list[Site]) -> dict[str, list[Site]]:
    grouped: dict[str, list[Site]] = defaultdict(list)
    for site in sites:
        grouped[site.code].append(site)
    return grouped


def _in_both_languages(context: str, source: str) -> list[str]:
    """What is wrong with one entry: no Chinese, or placeholders the Chinese lost or invented."""
    install_translators("zh_CN")
    chinese = QCoreApplication.translate(context, source)
    install_translators("en")
    english = QCoreApplication.translate(context, source)
    problems = []
    if chinese == source or not re.search(r"[\u4e00-\u9fff]", chinese):
        problems.append("no zh_CN translation")
    if english != source:
        problems.append(f"en shows {english!r}")
    if set(_PLACEHOLDER.findall(chinese)) != set(_PLACEHOLDER.findall(source)):
        problems.append(f"zh_CN placeholders differ: {chinese!r}")
    return problems


def test_the_scan_finds_raised_codes() -> None:
    """Guards the scan itself: codes known to be raised in each form are found."""
    errors, rows = _by_code(error_sites()), _by_code(row_problem_sites())
    assert {"title_required", "qty_positive", "import_refused", "validation", "database_unavailable"} <= set(errors)
    assert {"bad_money", "bad_id", "missing_value", "order_incomplete", "duplicate_order", "unknown_code"} <= set(rows)


def test_every_raised_error_code_has_text_in_both_languages() -> None:
    missing = []
    for code, sites in sorted(_by_code(error_sites()).items()):
        entry = messages.source_text(code)
        if entry is None:
            missing.append(f"{code} ({sites[0].where}): no text")
            continue
        context, source = entry
        missing += [f"{code}: {problem}" for problem in _in_both_languages(context, source)]
        for site in sites:  # a placeholder the raise site does not fill would show as "{name}"
            unfilled = set(_PLACEHOLDER.findall(source)) - site.params
            if unfilled:
                missing.append(f"{code} ({site.where}): the text needs {sorted(unfilled)}, not passed there")
    assert not missing, "\n".join(missing)


def test_every_row_problem_code_has_text_in_both_languages() -> None:
    missing = []
    for code, sites in sorted(_by_code(row_problem_sites()).items()):
        source = import_texts.ROW_PROBLEMS.get(code)
        if source is None:
            missing.append(f"{code} ({sites[0].where}): no text")
            continue
        missing += [f"{code}: {problem}" for problem in _in_both_languages("Import", str(source))]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("error", "chinese"),
    [
        (ValidationError("x", code="qty_positive", value=0), "数量必须大于 0，不能是 0。"),
        (ValidationError("x", code="negative_stock", seller_code="A-1", available=-2), None),
        (sellerdesk.domain.errors.ImportFileError("x", code="missing_columns", columns=["商家编码", "仓库"]), None),
    ],
)
def test_chinese_ui_shows_the_chinese_text_with_its_parameters(error: SellerDeskError, chinese: str | None) -> None:
    install_translators("zh_CN")
    shown = messages.describe(error)
    if chinese is not None:
        assert shown == chinese
    assert re.search(r"[\u4e00-\u9fff]", shown) and "{" not in shown
    for value in error.params.values():
        for part in value if isinstance(value, list) else [value]:
            assert str(part) in shown
