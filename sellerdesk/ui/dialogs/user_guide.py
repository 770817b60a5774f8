"""Help → User guide: the guide in the UI language (docs/user-guide*.md), read offline in the app.

The guide and the screenshots it shows ship with the resources (setup.py, build.spec); a checkout reads
them from docs/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sellerdesk.ui.resources import guide_path
from sellerdesk.ui.widgets.util import resize_within_screen

IMAGE_WIDTH = 760  # screenshots are 1280 wide: shown scaled to the reading width


class GuideBrowser(QTextBrowser):
    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        data = super().loadResource(kind, name)
        if kind == QTextDocument.ResourceType.ImageResource.value and data is not None:
            image = QImage.fromData(data) if not isinstance(data, QImage) else data
            if not image.isNull() and image.width() > IMAGE_WIDTH:
                return image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return data


class UserGuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("SellerDesk user guide"))
        path: Path = guide_path(language)
        self.browser = GuideBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setSearchPaths([str(path.parent)])
        if path.is_file():
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        resize_within_screen(self, 860, 680)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
