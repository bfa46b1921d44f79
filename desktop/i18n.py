"""Interface language: Chinese by default, English on request, switched live.

Source strings in the code are English (Qt Linguist convention); the Chinese
catalogue is ``resources/i18n/accord_zh_CN.ts``, compiled to ``.qm`` and both
committed. Switching installs or removes the translators; Qt then sends every
widget a LanguageChange event and each widget re-translates itself.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE_NAME = "accord_zh_CN"


def i18n_dir() -> Path:
    """The folder holding the .ts and .qm catalogues."""
    return Path(str(resources.files("chengyu_accord.resources") / "i18n"))


class LanguageSwitcher:
    """Owns the installed translators, so they live exactly as long as the application needs them."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        """Install ``"zh_CN"`` or ``"en"``; widgets re-translate on the LanguageChange event Qt sends."""
        app = QCoreApplication.instance()
        if language == "zh_CN":
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        # The locale is set first: removing or installing a translator sends LanguageChange at once,
        # and widgets read the locale to choose between the Chinese and English names of parties.
        self.remove_translators()
        if language == "zh_CN":
            qt_own = QTranslator(app)
            if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._translators.append(qt_own)  # the standard buttons: 保存, 取消 …
            ours = QTranslator(app)
            if not ours.load(CATALOGUE_NAME, str(i18n_dir())):
                raise FileNotFoundError(f"the Chinese catalogue {CATALOGUE_NAME}.qm is missing from {i18n_dir()}")
            self._translators.append(ours)
        for translator in self._translators:
            app.installTranslator(translator)
        self.language = language

    def remove_translators(self) -> None:
        """Uninstall the translators this switcher installed (the interface falls back to English)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
