"""Codewerk's domain and services: Qt-free, scriptable, testable without a display."""

from coding.core.changes import Aspect, Change
from coding.core.errors import CodewerkError
from coding.project import Project

__all__ = ["Aspect", "Change", "CodewerkError", "Project"]
