"""A built wheel carries the app's icons, stylesheets and translations, and the installed app finds them.

The wheel is built from a copy of the sources (a build writes build/ and *.egg-info next to them) with the
backend already installed, as the test extra does: no build isolation, so no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "README.md", "sellerdesk", "resources", "docs")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    subprocess.run([*command, "-q", "-w", str(out), str(source)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("sellerdesk-*.whl")
    return built


def test_the_wheel_holds_icons_styles_translations_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = ROOT / "resources"
    for pattern in ("icons/*.svg", "qss/*.qss", "i18n/*.qm"):
        shipped = {f"sellerdesk/_resources/{p.relative_to(resources).as_posix()}" for p in resources.glob(pattern)}
        assert shipped, pattern
        assert shipped <= names, sorted(shipped - names)
    assert "sellerdesk/db/migrations/env.py" in names
    assert not [n for n in names if n.startswith("resources/") or n.endswith((".ts", ".json"))]  # build inputs


def test_the_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, timeout=300)
    probe = (
        "from sellerdesk.ui.resources import resource_path as r; "
        "print(r()); assert r('qss', 'app.qss').is_file() and r('icons', 'app.svg').is_file(); "
        "assert r('i18n', 'sellerdesk_zh_CN.qm').is_file(); "
        "from sellerdesk.ui.resources import guide_path as g; p = g('zh_CN'); "
        "assert p.is_file() and '_resources' in str(p); "
        "assert (p.parent / 'screenshots' / 'zh_CN-light-home.png').is_file()"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert Path(shown.stdout.strip()) == site / "sellerdesk" / "_resources"
