"""Codewerk's domain and services: Qt-free, scriptable, testable without a display."""

from coding.changes import Change
from coding.errors import CodewerkError
from coding.project import Project

__all__ = ["Change", "CodewerkError", "Project"]
