"""Damage one member of a zip package (.qdpx, .xlsx, .docx) as a disk or a broken download can: its compressed
data starts with a deflate block of the reserved type, so unpacking it fails in zlib ("invalid block type")
while the archive's headers and directory stay intact."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path


def damage_member(path: Path, member: str) -> None:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    assert info.compress_type == zipfile.ZIP_DEFLATED, f"{member} is stored, not deflated"
    data = bytearray(path.read_bytes())
    at = info.header_offset
    name_length, extra_length = struct.unpack("<HH", data[at + 26 : at + 30])
    data[at + 30 + name_length + extra_length] = 0xFF  # BTYPE 11: reserved
    path.write_bytes(bytes(data))
