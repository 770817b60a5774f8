"""The home page's charts, drawn with pyqtgraph.

Importing this package is cheap; its chart modules import pyqtgraph (and numpy, ~0.3 s) and are imported
only where a chart is first drawn, never before the window's first paint. pyqtgraph would pick PyQt6 when
it is installed too: PySide6 is imported first and ``PYQTGRAPH_QT_LIB`` set before pyqtgraph loads.
"""

from __future__ import annotations

import os

import PySide6.QtCore  # noqa: F401 - before pyqtgraph, so that it binds to PySide6

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"  # our widgets are PySide6 ones, whatever else is installed
