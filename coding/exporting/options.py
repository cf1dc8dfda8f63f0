"""Checks shared by the exporters: options a format does not take are an error, not silently ignored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coding.core.errors import InvalidInputError
from coding.core.i18n import text


def reject_unknown(format_name: str, options: Mapping[str, Any]) -> None:
    """Refuse options a writer does not understand (``None`` means "not given" and is fine)."""
    unknown = sorted(key for key, value in options.items() if value is not None)
    if unknown:
        raise InvalidInputError(
            text(
                "the {format_name} export has no option {unknown}",
                format_name=format_name,
                unknown=", ".join(unknown),
            )
        )
