"""Light and dark: every colour of the app in one place, the stylesheet filled from it, and the choice.

``resources/qss/app.qss`` holds the rules once, with ``@name`` where a colour goes; ``PALETTES`` gives each
variant its colours and ``STATUS`` the colours that mean something (late, breaching, overdue, low stock,
refunded, incomplete, ok), so a late order is the same red in the list, the detail and the dashboard, and
stays readable on the dark background too. Code that paints (charts, delegates, rich text) asks
``colour()`` / ``status_colour()``; nothing in ``sellerdesk/ui`` writes a colour of its own.

The choice (View → Appearance) is "system", "light" or "dark"; "system" follows the desktop's colour
scheme (``QStyleHints.colorScheme()``, Qt 6.5+), "light" where the desktop does not say.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from sellerdesk.ui.resources import resource_path

LIGHT, DARK = "light", "dark"
APPEARANCES = ("system", LIGHT, DARK)

PALETTES: dict[str, dict[str, str]] = {
    LIGHT: {
        "accent": "#1664ff",
        "accent-strong": "#0b4ad6",
        "accent-soft": "#e8efff",
        "on-accent": "#ffffff",
        "text": "#1f2329",
        "text-muted": "#646a73",
        "text-faint": "#8f959e",
        "icon": "#4e5969",
        "border": "#dee0e3",
        "grid": "#eceef0",
        "window": "#f4f5f7",
        "surface": "#ffffff",
        "header": "#f7f8fa",
        "hover": "#f0f1f3",
        "row-alt": "#fafbfc",
        "selection": "#dfe8ff",
        "warning": "#b35300",
        "danger": "#d4342b",
        "scroll": "#c9cdd4",
        "tooltip": "#1f2329",
        "tooltip-text": "#ffffff",
    },
    DARK: {
        "accent": "#5b9bff",
        "accent-strong": "#82b3ff",
        "accent-soft": "#1f2e4d",
        "on-accent": "#0d1117",
        "text": "#e6e8eb",
        "text-muted": "#a8afba",
        "text-faint": "#7a818c",
        "icon": "#b8c0cc",
        "border": "#3a3f47",
        "grid": "#2c3036",
        "window": "#16181c",
        "surface": "#1f2227",
        "header": "#262a30",
        "hover": "#2c3139",
        "row-alt": "#23262c",
        "selection": "#2a3d63",
        "warning": "#f5a142",
        "danger": "#ff6b61",
        "scroll": "#4a5059",
        "tooltip": "#e6e8eb",
        "tooltip-text": "#16181c",
    },
}

# What a colour means, (light, dark); the dark ones keep a 4.5:1 contrast on the dark surface.
STATUS: dict[str, tuple[str, str]] = {
    "late": ("#b3261e", "#ff7a70"),  # late to ship
    "breaching": ("#b35300", "#f5a142"),  # a ticket close to its SLA
    "overdue": ("#d4342b", "#ff6b61"),  # a ticket or task past its due time
    "low_stock": ("#b35300", "#f5a142"),
    "critical_stock": ("#d4342b", "#ff6b61"),
    "refunded": ("#7a3fd1", "#c4a1ff"),
    "incomplete": ("#9a6700", "#e3b341"),  # a value not known (no cost, a partial import)
    "ok": ("#067647", "#4cd295"),
    "error": ("#b42318", "#ff7a70"),  # a form's error text, a clash
    "error-soft": ("#fde2e1", "#4a1f1d"),  # behind a highlighted error (a banned word)
    "link": ("#1d4ed8", "#7aa7ff"),
    "muted": ("#667085", "#a8afba"),
    "faint": ("#7d8594", "#7a818c"),
}
# A tone a widget or table column asks for → its status colour.
TONES = {"warning": "breaching", "danger": "overdue", "good": "ok", "bad": "overdue"}

_current = LIGHT


def current() -> str:
    """The variant in use: "light" or "dark"."""
    return _current


def system_scheme() -> str:
    """The desktop's colour scheme: "dark" or "light" (also when it does not say)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return LIGHT
    return DARK if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else LIGHT


def resolve(choice: str, system: str | None = None) -> str:
    """The variant for an appearance choice; "system" (or anything unknown) follows the desktop."""
    if choice in (LIGHT, DARK):
        return choice
    return system if system in (LIGHT, DARK) else system_scheme()


def colour(name: str, variant: str | None = None) -> QColor:
    """A palette colour ("accent", "text-muted", …) of ``variant`` (default: the one in use)."""
    return QColor(PALETTES[variant or _current][name])


def status_colour(name: str, variant: str | None = None) -> QColor:
    """A status colour ("late", "overdue", …, or a tone "warning" / "danger" / "good")."""
    light, dark = STATUS[TONES.get(name, name)]
    return QColor(dark if (variant or _current) == DARK else light)


def status_css(name: str) -> str:
    """The status colour as ``#rrggbb`` for rich text and small style sheets."""
    return status_colour(name).name()


@cache
def _template() -> str:
    return resource_path("qss", "app.qss").read_text(encoding="utf-8")


def stylesheet(variant: str | None = None) -> str:
    """``resources/qss/app.qss`` with ``@name`` filled from the variant's palette."""
    # First the folder of the images the rules draw (a check mark), as a URL path on every OS.
    text = _template().replace("@folder-of-icons", resource_path("icons").as_posix())
    colours = PALETTES[variant or _current]
    for name in sorted(colours, key=len, reverse=True):  # @accent-soft before @accent
        text = text.replace(f"@{name}", colours[name])
    return text


def palette(variant: str | None = None) -> QPalette:
    """A palette for the Fusion style: what the stylesheet does not style (check boxes, spin boxes, combo
    popups, calendars) takes the same colours."""
    c = {k: QColor(v) for k, v in PALETTES[variant or _current].items()}
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["surface"],
        QPalette.ColorRole.AlternateBase: c["row-alt"],
        QPalette.ColorRole.ToolTipBase: c["tooltip"],
        QPalette.ColorRole.ToolTipText: c["tooltip-text"],
        QPalette.ColorRole.PlaceholderText: c["text-faint"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.Button: c["surface"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.BrightText: c["danger"],
        QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["on-accent"],
        QPalette.ColorRole.Link: status_colour("link", variant),
        QPalette.ColorRole.LinkVisited: status_colour("link", variant),
        QPalette.ColorRole.Light: c["surface"].lighter(130),
        QPalette.ColorRole.Midlight: c["header"],
        QPalette.ColorRole.Mid: c["border"],
        QPalette.ColorRole.Dark: c["scroll"],
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, value in roles.items():
        pal.setColor(role, value)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, c["text-faint"])
    return pal


def apply(choice: str) -> str:
    """Put the variant for ``choice`` in use on the application (style, palette, stylesheet); returns it.

    Widgets that paint colours themselves read them when they are built: the window is rebuilt after a
    change (``app.DesktopApp.set_appearance``)."""
    global _current
    from PySide6.QtWidgets import QApplication

    _current = resolve(choice)
    app = QCoreApplication.instance()
    if isinstance(app, QApplication):
        if app.style().name().casefold() != "fusion":  # once: re-setting a style under open windows can crash Qt
            QApplication.setStyle("Fusion")  # the same look on every OS; the stylesheet refines it
        # Windows closed a moment ago (a replaced main window and its setup wizard) wait to be deleted;
        # repolishing a closed QWizard crashes Qt, so they go first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.setPalette(palette())
        app.setStyleSheet(stylesheet())
    return _current
