"""What an exchange import did: counts of what was added and what was already there, and every
element that was skipped or adjusted, with the reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.refi.elements import Skipped

#: Kinds in the order a report names them: the counter's key, one of them, several.
KINDS = (
    ("coders", marked("1 coder"), marked("{count} coders")),
    ("codes", marked("1 code"), marked("{count} codes")),
    ("code sets", marked("1 code set"), marked("{count} code sets")),
    ("documents", marked("1 document"), marked("{count} documents")),
    ("recordings", marked("1 recording"), marked("{count} recordings")),
    ("attributes", marked("1 attribute"), marked("{count} attributes")),
    ("passages", marked("1 passage"), marked("{count} passages")),
    ("codings", marked("1 coding"), marked("{count} codings")),
    ("reviews", marked("1 review mark"), marked("{count} reviews")),
    ("memos", marked("1 memo"), marked("{count} memos")),
    ("judgements", marked("1 judgement"), marked("{count} judgements")),
)


def _counts(counter: Counter[str]) -> str:
    parts = []
    for kind, one, several in KINDS:
        count = counter.get(kind, 0)
        if count:
            parts.append(say(one) if count == 1 else say(several, count=count))
    return ", ".join(parts) or say("nothing")


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

    def lines(self, *, merged: bool = False) -> list[str]:
        """The report's lines; ``merged``: a coder's project merged in ("Merged from …")."""
        head = marked("Merged from {file}: {counts}") if merged else marked("Imported from {file}: {counts}")
        out = [say(head, file=self.file, counts=_counts(self.added))]
        if sum(self.existing.values()):
            out.append(
                say("Already in the project (kept as they are): {counts}", counts=_counts(self.existing))
            )
        if self.adjusted:
            out.append(say("Adjusted {count}:", count=len(self.adjusted)))
            out.extend(f"  ~ {item.element}: {item.reason}" for item in self.adjusted)
        if self.conflicts:
            out.append(say("Conflicts {count} (the project's version kept):", count=len(self.conflicts)))
            out.extend(f"  ! {item.element}: {item.reason}" for item in self.conflicts)
        if self.skipped:
            out.append(say("Skipped {count} element(s):", count=len(self.skipped)))
            out.extend(f"  - {item.element}: {item.reason}" for item in self.skipped)
        return out
