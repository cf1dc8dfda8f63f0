"""What an exchange import did: counts of what was added and what was already there, and every
element that was skipped or adjusted, with the reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from coding.refi.elements import Skipped

#: Kinds in the order a report names them.
KINDS = (
    ("coders", "coder"),
    ("codes", "code"),
    ("code sets", "code set"),
    ("documents", "document"),
    ("recordings", "recording"),
    ("attributes", "attribute"),
    ("passages", "passage"),
    ("codings", "coding"),
    ("reviews", "review mark"),
    ("memos", "memo"),
    ("judgements", "judgement"),
)


def _counts(counter: Counter[str]) -> str:
    parts = []
    for kind, singular in KINDS:
        count = counter.get(kind, 0)
        if count:
            parts.append(f"{count} {singular if count == 1 else kind}")
    return ", ".join(parts) or "nothing"


@dataclass
class ExchangeReport:
    file: str
    added: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    adjusted: list[Skipped] = field(default_factory=list)
    #: Things both sides changed differently (a merge of a coder's project): the project's kept.
    conflicts: list[Skipped] = field(default_factory=list)
    created_project: bool = False

    @property
    def complete(self) -> bool:
        """Everything in the file was imported (possibly adjusted)."""
        return not self.skipped

    def lines(self) -> list[str]:
        out = [f"Imported from {self.file}: {_counts(self.added)}"]
        if sum(self.existing.values()):
            out.append(f"Already in the project (kept as they are): {_counts(self.existing)}")
        if self.adjusted:
            out.append(f"Adjusted {len(self.adjusted)}:")
            out.extend(f"  ~ {item.element}: {item.reason}" for item in self.adjusted)
        if self.conflicts:
            out.append(f"Conflicts {len(self.conflicts)} (the project's version kept):")
            out.extend(f"  ! {item.element}: {item.reason}" for item in self.conflicts)
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)} element(s):")
            out.extend(f"  - {item.element}: {item.reason}" for item in self.skipped)
        return out
