"""File → Open database…: an SQLite file on a network share gets a warning that recommends PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sellerdesk.db import location
from sellerdesk.ui.dialogs.open_database import OpenDatabaseDialog


def test_a_file_on_a_network_share_is_warned_about(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "nas"
    share.mkdir()
    monkeypatch.setattr(location, "_mount_table", lambda: [("/", "ext4"), (str(share), "cifs")])
    dialog = OpenDatabaseDialog("")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "local.sqlite"))
    assert not dialog.share_note.isVisible()
    dialog.path_edit.setText(str(share / "shop.sqlite"))
    assert dialog.share_note.isVisible()
    assert "network share (cifs)" in dialog.share_note.text() and "PostgreSQL" in dialog.share_note.text()
