"""Linux only: the system libraries Qt needs to open a window, checked before Qt is loaded.

Without them Qt stops with "Could not load the Qt platform plugin xcb" and names a package that is not the
missing one. This check loads each library the way Qt would (by its soname, through the dynamic loader; a
built folder's own copies count) and, when some are missing, names them and the Debian/Ubuntu command that
installs them. No Qt here: it runs before the first Qt import. README.md lists the same packages.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# soname → Debian/Ubuntu package. What QtGui and QtWidgets load on any platform:
QT_GUI = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}
# ...and what the xcb platform plugin (an X11 desktop, or XWayland) loads besides (ldd of libqxcb.so):
XCB = {
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will draw through X11: asked for, or nothing asked for outside a Wayland session."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def _loadable(soname: str) -> bool:
    bundled = getattr(sys, "_MEIPASS", None)  # a built folder carries some of them itself
    if bundled and (Path(bundled) / soname).exists():
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(
    environ: Mapping[str, str] | None = None, loadable: Callable[[str], bool] = _loadable
) -> dict[str, str]:
    """soname → package of each library Qt will need here and cannot load; empty off Linux."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return {}
    needed = {**QT_GUI, **(XCB if uses_xcb(environ) else {})}
    return {soname: package for soname, package in needed.items() if not loadable(soname)}


def explain(missing: Mapping[str, str]) -> str:
    names = ", ".join(f"{soname} ({package})" for soname, package in missing.items())
    packages = " ".join(dict.fromkeys(missing.values()))
    return (
        "SellerDesk cannot open its window: this system lacks libraries Qt needs to draw on the desktop:\n"
        f"  {names}\n"
        "On Debian or Ubuntu install them with:\n"
        f"  sudo apt install {packages}\n"
        "(other Linux distributions name these packages differently). Windows and macOS need nothing extra."
    )
