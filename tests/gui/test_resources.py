"""One lookup for the shipped files: the checkout's resources/, or the package's own copy (wheel, frozen build).

An installed wheel is checked in tests/unit/test_wheel.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sellerdesk.ui import resources

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_the_top_level_folder() -> None:
    assert resources.resource_root() == ROOT / "resources"
    assert resources.resource_path("qss", "app.qss").is_file()


def test_a_frozen_build_uses_the_copy_build_spec_puts_in_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "sellerdesk/_resources")' in spec
    (tmp_path / "sellerdesk" / "_resources" / "qss").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_root() == tmp_path / "sellerdesk" / "_resources"
