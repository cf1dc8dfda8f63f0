"""The base of the problems the models layer raises with a reason a user can read."""

from __future__ import annotations


class ReasonedProblem(Exception):
    """Raised with a user-facing reason; the service layer names the file or the project.

    ``reason`` is English with its fields by name (``"the folder {folder} does not exist"``), so that
    the service layer can say it in the user's language (``coding.core.i18n.reason_of``)."""

    def __init__(self, reason: str, /, **fields: object) -> None:
        self.reason = reason
        self.fields = fields
        super().__init__(reason.format(**fields) if fields else reason)
