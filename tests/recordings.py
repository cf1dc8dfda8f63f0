"""Short recordings for tests, generated with the standard library (no audio files in the tree)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path


def write_wav(path: Path, seconds: float = 3.0, *, frequency: float = 440.0, rate: int = 8000) -> Path:
    """A mono 16-bit tone of ``seconds`` at ``frequency`` Hz."""
    frames = int(seconds * rate)
    samples = (int(8000 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(frames))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path
