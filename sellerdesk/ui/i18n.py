"""UI language: which one to use, and the translators (ours and Qt's own) that give it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sellerdesk.ui.resources import resource_path

LANGUAGES = ("zh_CN", "en")
# Each language is named in itself, so a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def choose_language(requested: str | None, saved: str, system: str | None = None) -> str:
    """``--lang``, else the saved setting, else the system locale (any Chinese → zh_CN, else en)."""
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    system = system if system is not None else QLocale.system().name()
    return "zh_CN" if system.lower().startswith("zh") else "en"


def install_translators(language: str) -> bool:
    """Replace the installed translators with ``language``'s; False when ours is missing.

    Call before creating windows: widgets translate their text when they are built.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    ours = _load(f"sellerdesk_{language}", str(resource_path("i18n")))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator in (ours, _load(f"qtbase_{language}", qt_dir)):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    return ours is not None


def _load(name: str, folder: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, folder) else None
