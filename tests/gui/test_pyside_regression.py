"""PySide6 6.12.0 on Python 3.11 drops a reference to None for every None a Python model returns to Qt,
and the process dies with "Fatal Python error: none_dealloc" after a few thousand paints
(docs: environment.md). Pinning below 6.12 avoids it; these tests keep the pin honest.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QSortFilterProxyModel, Qt
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.ui.tabs.orders import OrdersTab


def test_pyside6_is_below_6_12_on_python_3_11() -> None:
    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    if sys.version_info[:2] == (3, 11):
        assert version < (6, 12), "PySide6 6.12 crashes on Python 3.11 (none_dealloc): keep the pin <6.12"


def test_ten_thousand_nones_through_a_proxy_do_not_crash(session_factory: sessionmaker[Session]) -> None:
    tab = OrdersTab(session_factory)
    tab.reload()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(tab.model)
    index = proxy.index(0, 0)
    refs_before = sys.getrefcount(None)
    for _ in range(10_000):
        assert proxy.data(index, Qt.ItemDataRole.ForegroundRole) is None  # a role the model leaves alone
        assert proxy.headerData(0, Qt.Orientation.Vertical) is None
    # On a broken binding None loses a reference per call (20,000 here); allow for unrelated noise.
    assert sys.getrefcount(None) > refs_before - 1_000
    assert proxy.data(index) == tab.model.data(tab.model.index(0, 0))
