"""Files shipped beside the code: icons, the stylesheet, translations.

The ``resources/`` folder sits at the repository root; a PyInstaller build puts it under ``sys._MEIPASS``.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QIcon

_VARIABLE = re.compile(r"^@([\w-]+)\s*:\s*([^;]+);\s*$", re.MULTILINE)


def resource_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg``."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


THEME = "light"


@cache
def _theme_source(name: str) -> tuple[str, dict[str, str]]:
    text = resource_path("qss", f"{name}.qss").read_text(encoding="utf-8")
    variables = {key: value.strip() for key, value in _VARIABLE.findall(text)}
    return _VARIABLE.sub("", text), variables


def stylesheet(name: str = THEME) -> str:
    """``resources/qss/<name>.qss`` with its ``@name: value;`` colour definitions substituted.

    Qt stylesheets have no variables; defining each colour once at the top keeps the theme consistent.
    """
    text, variables = _theme_source(name)
    for var in sorted(variables, key=len, reverse=True):  # @accent-soft before @accent
        text = text.replace(f"@{var}", variables[var])
    return text


def theme_colour(var: str, name: str = THEME) -> QColor:
    """A colour the stylesheet defines, for what it cannot style (charts painted in code)."""
    return QColor(_theme_source(name)[1][var])
