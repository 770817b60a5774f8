"""Files shipped beside the code: icons, the stylesheet, translations.

They live in ``resources/`` at the top of the repository. A wheel carries them inside the package as
``sellerdesk/_resources`` (setup.py maps the folder there) and so does a PyInstaller build (build.spec's
``datas``), so an installed or frozen SellerDesk finds them next to its own code; a checkout, run in
place or installed editable, has only the top-level folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

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


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg``, its strokes in the theme's icon colour.

    The set is drawn with ``currentColor`` on a 24 grid; each is tinted for the light or dark variant.
    """
    from sellerdesk.ui import theme

    return _icon(name, theme.current())


@cache
def _icon(name: str, variant: str) -> QIcon:
    from sellerdesk.ui import theme

    source = resource_path("icons", f"{name}.svg").read_bytes()
    if b"currentColor" not in source:
        return QIcon(str(resource_path("icons", f"{name}.svg")))  # a coloured icon (the app's, the warning)
    icon = QIcon()
    for mode, tint in ((QIcon.Mode.Normal, "icon"), (QIcon.Mode.Disabled, "text-faint"), (QIcon.Mode.Active, "icon")):
        data = source.replace(b"currentColor", theme.colour(tint, variant).name().encode())
        for size in ICON_SIZES:
            renderer = QSvgRenderer(QByteArray(data))
            image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            icon.addPixmap(QPixmap.fromImage(image), mode)
    return icon


ICON_SIZES = (16, 20, 24, 32, 40, 48, 64)  # pixmaps up to 200 % of the largest size the app shows


def stylesheet(name: str | None = None) -> str:
    """The app's stylesheet for a variant ("light" / "dark"; default: the one in use)."""
    from sellerdesk.ui import theme

    return theme.stylesheet(name)


def theme_colour(var: str, name: str | None = None) -> QColor:
    """A palette colour of the theme (sellerdesk/ui/theme.py), for what a stylesheet cannot style."""
    from sellerdesk.ui import theme

    return theme.colour(var, name)


GUIDE = "guide"  # the user guide's folder inside the packaged resources (docs/ in a checkout)


def guide_path(language: str) -> Path:
    """The user guide in ``language`` (docs/user-guide.md for English, user-guide.<lang>.md otherwise)."""
    name = "user-guide.md" if language == "en" else f"user-guide.{language}.md"
    root = resource_root()
    folder = root / GUIDE if root.name == PACKAGED else root.parent / "docs"
    path = folder / name
    return path if path.is_file() or language == "en" else guide_path("en")
