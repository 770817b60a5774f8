"""Linux: the libraries Qt needs are checked before Qt loads, and the missing ones are named with the packages
that hold them (ui/system_libraries.py); the README's apt line installs the same packages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from sellerdesk import cli
from sellerdesk.ui import system_libraries as libs

ROOT = Path(__file__).resolve().parents[2]
ISSUE_NAMED = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"}  # what a fresh Debian desktop lacks


def _without(*absent: str):  # type: ignore[no-untyped-def]
    return lambda soname: soname not in absent


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_the_missing_xcb_libraries_are_named_with_their_packages() -> None:
    missing = libs.missing_libraries({"DISPLAY": ":0"}, _without(*ISSUE_NAMED))
    assert missing == {s: libs.XCB[s] for s in ISSUE_NAMED}
    text = libs.explain(missing)
    assert "libxcb-icccm.so.4 (libxcb-icccm4)" in text
    assert re.search(r"sudo apt install libxcb-\S+ libxcb-\S+ libxcb-\S+$", text, re.MULTILINE)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_which_platform_needs_what() -> None:
    nothing = _without()
    assert libs.missing_libraries({"DISPLAY": ":0"}, nothing) == {}
    absent = _without("libxcb-cursor.so.0", "libEGL.so.1")
    assert set(libs.missing_libraries({"QT_QPA_PLATFORM": "offscreen"}, absent)) == {"libEGL.so.1"}
    assert set(libs.missing_libraries({"WAYLAND_DISPLAY": "wayland-0"}, absent)) == {"libEGL.so.1"}
    assert set(libs.missing_libraries({"QT_QPA_PLATFORM": "xcb"}, absent)) == {"libEGL.so.1", "libxcb-cursor.so.0"}
    assert set(libs.missing_libraries({"QT_QPA_PLATFORM": "wayland;xcb"}, absent)) == {"libEGL.so.1"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_a_library_is_looked_up_as_qt_would() -> None:
    assert libs._loadable("libc.so.6")
    assert not libs._loadable("libsellerdesk-not-there.so.9")


def test_other_systems_need_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libs.sys, "platform", "win32")
    assert libs.missing_libraries({}, _without(*libs.QT_GUI, *libs.XCB)) == {}


def test_the_app_stops_with_the_names_instead_of_qts_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(libs, "missing_libraries", lambda: {"libxcb-cursor.so.0": "libxcb-cursor0"})
    assert cli.main(["--db", "unused.sqlite"]) == 1
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0 (libxcb-cursor0)" in err and "sudo apt install libxcb-cursor0" in err


def test_the_readme_installs_what_the_check_looks_for() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"^sudo apt install (.+)$", readme, re.MULTILINE)
    # python3-venv: pip installs only into a virtual environment on Debian 12 / Ubuntu 23.04+ (not a Qt need).
    packages = set(line.split()) - {"python3-venv"}
    known = set(libs.QT_GUI.values()) | set(libs.XCB.values()) | {"fonts-noto-cjk"}
    assert packages <= known, packages - known
    assert {libs.XCB[s] for s in ISSUE_NAMED} <= packages and "fonts-noto-cjk" in packages
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert packages <= set(re.search(r'QT_LIBS="([^"]+)"', ci).group(1).replace("\\\n", " ").split())  # type: ignore[union-attr]
