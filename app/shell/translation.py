"""The window's language: Codewerk's Dutch translation and Qt's own, chosen in Edit → Preferences.

Our strings go through ``tr``/``QCoreApplication.translate``; their Dutch is kept in
``resources/translations/codewerk_nl.ts`` and compiled to ``codewerk_nl.qm`` with ``pyside6-lrelease``
(``python -m installers.translations``). Qt's standard dialogs (file dialogs, message box buttons)
use ``qtbase_nl.qm`` from PySide6's translations folder (what it lacks is in :data:`QT_GAPS`, translated in
ours, which Qt asks after its own). The choice is stored in QSettings
(``language``: ``nl``/``en``; absent: the system locale's) and also sets the language of exports
(``coding.core.i18n``), so the window, its exports and the CLI speak the same language.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.shell import settings
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core import i18n

_installed: list[QTranslator] = []

# Labels of Qt's own dialogs that PySide6's ``qtbase_nl.qm`` lacks as Qt 6 writes them (it has them
# without the access key), so the file dialog said "Look in:" and "Files of type:" in English.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def system_language() -> i18n.Language:
    if i18n.system_language() == "nl":
        return "nl"
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"


def saved_language() -> i18n.Language | None:
    value = settings.settings().value("language")
    return "nl" if value == "nl" else "en" if value == "en" else None


def chosen_language() -> i18n.Language:
    """``CODEWERK_LANGUAGE``, else the language in the preferences, else the system's."""
    return i18n.environment_language() or saved_language() or system_language()


def save_language(language: str | None) -> None:
    """Remember the language (``None``: follow the system); takes effect when the window is rebuilt."""
    store = settings.settings()
    if language is None:
        store.remove("language")
    else:
        store.setValue("language", language)
    store.sync()


def install(language: str | None = None) -> i18n.Language:
    """Load the translators for ``language`` (default: the chosen one) into the application."""
    app = QCoreApplication.instance()
    chosen = i18n.set_language(language if language in i18n.LANGUAGES else chosen_language())
    if app is None:
        return chosen
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # Numbers in widgets (a spin box's 0,50) as the domain writes them in the same language.
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands) if chosen == "nl" else QLocale.system()
    )
    if chosen == "en":
        return chosen
    ours = QTranslator(app)
    with as_file(files("resources.translations") / f"codewerk_{chosen}.qm") as path:
        if ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{chosen}", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return chosen


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
