"""The UI language: English (the source text) or Simplified Chinese, through Qt's translators.

The choice is stored in the settings ("system" follows the system locale). It is installed once, before
any widget exists, because widgets translate their text when they are built: a change in the
View ▸ Language menu takes effect when the app starts again, which the menu says and offers to do.
Engine text (messages, hover derivations, exports' headings) goes through the same translator via
``engine.i18n.set_translator``. Compiled translations live in resources/i18n (scripts/update-translations).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from bpstudio.app.widgets import app_settings
from bpstudio.engine import i18n
from bpstudio.engine.resource_files import resource_dir, translations_dir

SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)  # the languages the UI is written in or translated to
# each language named in itself, as language menus do, so a learner finds theirs whatever is shown
NATIVE_NAMES = {ENGLISH: "English", CHINESE: "中文（简体）"}
LANGUAGE_KEY = "view/language"

_installed: list[QTranslator] = []
_current = ENGLISH


def stored_choice() -> str:
    """``system``, ``en`` or ``zh_CN``, as chosen in the View ▸ Language menu (``system`` by default)."""
    value = app_settings.settings().value(LANGUAGE_KEY, SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def store_choice(choice: str) -> None:
    if choice not in (SYSTEM, *LANGUAGES):
        raise ValueError(f"unknown language {choice!r}")
    app_settings.settings().setValue(LANGUAGE_KEY, choice)


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language a choice means: ``system`` is Chinese for any Chinese locale, else English."""
    if choice in LANGUAGES:
        return choice
    name = (locale or QLocale.system()).name()
    return CHINESE if name.startswith("zh") else ENGLISH


def current_language() -> str:
    """The language installed now (``en`` until ``install_language`` installs another)."""
    return _current


def install_language(language: str) -> str:
    """Install ``language`` for the Qt UI and the engine; English needs no translator. Returns the
    language installed: English when the translation cannot be loaded (a broken install stays usable)."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_translator(None)
    _current = ENGLISH
    if language not in LANGUAGES or language == ENGLISH:
        return ENGLISH
    ours = QTranslator(app)
    if not ours.load(str(translations_dir() / f"bpstudio_{language}.qm")):
        return ENGLISH
    qt_own = QTranslator(app)  # the standard buttons and dialogs (OK, Cancel, file dialogs)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    i18n.set_translator(QCoreApplication.translate)
    _current = language
    return language


def load_bundled_fonts() -> list[str]:
    """Add the fonts a packaged build carries in resources/fonts (a CJK font, so Chinese shows on systems
    without one); Qt falls back to them for any character the UI font lacks. Returns their families."""
    families: list[str] = []
    folder = resource_dir() / "fonts"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                families += QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))
    return families


def engine_translator(language: str) -> i18n.Translator | None:
    """Engine text in ``language`` without installing it for the UI (an exercise sheet in Chinese from an English
    window, or from the command line): None for English, or when the translation cannot be loaded."""
    if language not in LANGUAGES or language == ENGLISH:
        return None
    translator = QTranslator()
    if not translator.load(str(translations_dir() / f"bpstudio_{language}.qm")):
        return None
    return lambda context, text: translator.translate(context, text) or text
