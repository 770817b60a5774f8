"""``sellerdesk --selftest`` run as a user (or CI, on the built folder) runs it: a fresh process, no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The built folder is checked by CI (.ci/run: PyInstaller, then dist/SellerDesk/SellerDesk --selftest).


def _run(args: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env |= extra
    env |= {
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path / "home"),  # nothing of the user's: settings and data folders stay empty
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False
    )


def test_selftest_passes_and_says_what_it_checked(tmp_path: Path) -> None:
    result = _run(["-m", "sellerdesk", "--selftest"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for check in (
        "database and migrations",
        "Qt",
        "resources",
        "translations",
        "parser process",
        "main window (zh_CN)",
        "main window (en)",
    ):
        assert any(line.startswith(f"ok    {check}: ") for line in lines), (check, result.stdout)
    assert "platform offscreen" in result.stdout  # set by itself: no display was given
    assert lines[-1] == "self-test passed"
    assert "propagateSizeHints" not in result.stderr
    assert not (tmp_path / "data").exists() and not (tmp_path / "config").exists()  # touched nothing of the user's


def test_selftest_fails_with_a_clear_message(tmp_path: Path) -> None:
    """A build that lost its resources folder: the checks that need it say so, and the exit code is 1."""
    script = (
        "import sys; from pathlib import Path; import sellerdesk.ui.resources as r; "
        f"r.resource_root = lambda: Path({str(tmp_path / 'nowhere')!r}); "
        "from sellerdesk.ui.selftest import run_selftest; sys.exit(run_selftest())"
    )
    result = _run(["-c", script], tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"FAIL  resources: no icons in {tmp_path / 'nowhere' / 'icons'}" in result.stdout
    assert "FAIL  translations: the zh_CN translation (sellerdesk_zh_CN.qm) is missing" in result.stdout
    assert "ok    database and migrations" in result.stdout  # the others still ran
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig")
def test_a_system_without_a_chinese_font_fails_the_self_test(tmp_path: Path) -> None:
    """A fresh Linux without fonts-noto-cjk shows every Chinese text as boxes: the self-test says so."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig></fontconfig>', encoding="utf-8")
    result = _run(["-m", "sellerdesk", "--selftest"], tmp_path, FONTCONFIG_FILE=str(empty))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL  Chinese font: no font can show Chinese text" in result.stdout
    assert "sudo apt install fonts-noto-cjk" in result.stdout


def test_ci_builds_the_app_and_runs_the_self_test_from_the_built_folder() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "PyInstaller --noconfirm --log-level WARN build.spec" in ci
    assert "\ndist/SellerDesk/SellerDesk --selftest\n" in ci
    assert '"pyinstaller>=6.5"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # the [build] extra
