"""The window's frame: application start, main window, workspace, actions, settings, theme, undo stack."""
