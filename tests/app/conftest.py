"""Qt tests run offscreen; screenshots go to docs/screenshots/."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
