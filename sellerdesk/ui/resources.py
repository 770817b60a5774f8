"""Files shipped beside the code: icons, the stylesheet, translations.

They live in ``resources/`` at the top of the repository. A wheel carries them inside the package as
``sellerdesk/_resources`` (setup.py maps the folder there) and so does a PyInstaller build (build.spec's
``datas``), so an installed or frozen SellerDesk finds them next to its own code; a checkout, run in
place or installed editable, has only the top-level folder.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QIcon

_VARIABLE = re.compile(r"^@([\w-]+)\s*:\s*([^;]+);\s*$", re.MULTILINE)
PACKAGED = "_resources"  # the folder's name inside the package


def resource_root() -> Path:
    """The resources folder: the package's own copy when installed or frozen, else the checkout's."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        package = Path(frozen_root, "sellerdesk")
    else:
        package = Path(__file__).resolve().parents[1]
    if (package / PACKAGED).is_dir():
        return package / PACKAGED
    return package.parent / "resources"


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
