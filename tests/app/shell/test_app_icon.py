"""The window carries Codewerk's icon (task bar, window switcher), read through importlib.resources."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.shell.app_icon import SIZES, app_icon


def test_the_icon_has_every_rendered_size(qapp: QApplication) -> None:
    assert {size.width() for size in app_icon().availableSizes()} == set(SIZES)


def test_the_application_shows_it_and_names_its_desktop_file(qapp: QApplication) -> None:
    from app.shell.application import application

    app = application()
    assert {size.width() for size in app.windowIcon().availableSizes()} >= {16, 32, 48, 256}
    assert app.desktopFileName() == "codewerk"
