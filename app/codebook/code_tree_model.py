"""The code tree as a Qt item model over the code service: colours, keys, questions, quote counts.

Rows are codes in codebook order; an index's internal id is its code id. Codings change counts
only (``dataChanged`` on the count column, the tree keeps its state); code changes reset the model.
Renames (F2) and moves (drag) go through the code service, so they are undoable commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from shiboken6 import isValid

from app.shell.deferred_changes import RETRY_MS, DeferredChanges
from app.shell.theme import code_colour
from app.shell.workspace import Workspace
from app.widgets.mime import CODES_MIME, PASSAGE_MIME, Passage, codes_from, codes_mime, passage_from
from app.widgets.translated import QT_TRANSLATE_NOOP, code_kind, count_rule
from coding import Aspect, Change
from coding.core.errors import ServerUnreachableError
from coding.core.ids import CodeId
from coding.core.records import CodeInfo, CodeTree
from coding.core.text import fold

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

NAME, KEY, QUESTION, QUOTES = range(4)
CATEGORY_TIP = QT_TRANSLATE_NOOP(
    "CodeTreeModel", "A category: it groups codes and is not applied itself (choose one of its codes)"
)
HEADERS = (
    QT_TRANSLATE_NOOP("Column", "Code"),
    QT_TRANSLATE_NOOP("Column", "Key"),
    QT_TRANSLATE_NOOP("Column", "Q"),
    QT_TRANSLATE_NOOP("Column", "Quotes"),
)
HEADER_TIPS = (
    QT_TRANSLATE_NOOP(
        "CodeTreeModel",
        "Code name (F2 renames); drag a code to move it, drag a passage onto a code to code it",
    ),
    QT_TRANSLATE_NOOP("CodeTreeModel", "Number key that codes the selection with this favourite code"),
    QT_TRANSLATE_NOOP("CodeTreeModel", "Interview-guide question reference"),
    QT_TRANSLATE_NOOP("CodeTreeModel", "Coded passages of this code and its subcodes: {rule}"),
)

AnyIndex = QModelIndex | QPersistentModelIndex


def tooltip(code: CodeInfo, total: int | None, direct: int) -> str:
    """The code's tooltip; ``total`` None: not counted yet (the counts are left out, not shown as 0)."""
    parts = [f"<b>{code.name}</b>" + (f" — {code.label}" if code.label else "")]
    if code.depth:
        parts.append(f"<span style='color:gray'>{code.path_text}</span>")
    kind = code_kind(code.kind)
    if code.inductive:
        kind += " · " + QCoreApplication.translate("CodeTreeModel", "inductive")
    if code.question:
        kind += " · " + QCoreApplication.translate("CodeTreeModel", "question {question}").format(
            question=code.question
        )
    if code.scale:
        kind += " · " + QCoreApplication.translate("CodeTreeModel", "scale {scale}").format(
            scale=" ".join(code.scale)
        )
    parts.append(f"<i>{kind}</i>")
    if code.description:
        parts.append(code.description)
    if total is None:
        return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"
    parts.append(
        QCoreApplication.translate(
            "CodeTreeModel",
            "{total} coded passage(s) with its subcodes, {direct} coding(s) with this code itself",
        ).format(total=total, direct=direct)
    )
    counting = QCoreApplication.translate("CodeTreeModel", "Counting: {rule} (as in Compare).").format(
        rule=count_rule()
    )
    parts.append(f"<span style='color:gray'>{counting}</span>")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"


class CodeTreeModel(QAbstractItemModel):
    passageDropped = Signal(object, object)  # Passage, CodeId

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, *, totals_later: bool = False
    ) -> None:
        """With ``totals_later`` the first listing leaves the counts (passages and codings per code)
        to :meth:`load_totals` (a view calls it after its first paint: ≈ 0.15 s over 200,000 codings)."""
        super().__init__(parent)
        self.workspace = workspace
        self._tree: CodeTree = CodeTree.build([])
        self._rows: dict[CodeId, int] = {}
        #: Coded passages per code with its subcodes; None until :meth:`load_totals` (``totals_later``).
        self._totals: dict[CodeId, int] | None = {}
        self._totals_later = totals_later
        self._direct: dict[CodeId, int] = {}
        #: A count under way in a worker (:meth:`count_in_worker`), and whether a change of the
        #: codes or codings arrived since it began (then it counts again: it may have read before).
        self._counting = False
        self._stale = False
        self._keys: dict[CodeId, int] = {}
        self._pending = DeferredChanges(self._apply, self)
        self.reload()
        workspace.changed.connect(self.on_change)

    # -- data from the services -------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._load_tree()
        self._load_counts()
        self._load_keys()
        self.endResetModel()

    def _load_tree(self) -> None:
        self._tree = self.workspace.project.codes.tree()
        rows: dict[CodeId, int] = {}
        for parent in [None, *(c.id for c in self._tree)]:
            for row, child in enumerate(self._tree.children(parent)):
                rows[child.id] = row
        self._rows = rows

    def _load_counts(self) -> None:
        codes = self.workspace.project.codes
        if self._totals_later:  # the first listing: both counted after the view's first paint
            self._totals_later = False
            self._direct, self._totals = {}, None
            return
        self._direct = codes.counts()
        self._totals = codes.passage_counts()  # each passage once per subtree, as Compare counts

    def load_totals(self) -> None:
        """Count the coded passages now if the first listing left them for later; the column follows.
        Changes waiting are taken in first: the count includes them, so they are not added again."""
        self._pending.flush()
        if self._totals is not None:
            return
        codes = self.workspace.project.codes
        self._direct = codes.counts()  # the codings per code (tooltips), 15 ms over 200,000 codings
        self._totals = codes.passage_counts()
        self._cells_changed(set(self._rows), QUOTES)

    @property
    def counted(self) -> bool:
        """Whether the Quotes column shows the counts yet (see ``totals_later``)."""
        return self._totals is not None

    def count_in_worker(self) -> None:
        """Count what the first listing left for later in a worker thread; the GUI thread takes in
        the counts (≈ 0.2–0.4 s over 200,000 codings, which froze the window right after its first
        paint). A change of the codes or codings meanwhile makes it count again; a team server away:
        again a second later. Nothing to do once counted (:meth:`load_totals` counts at once)."""
        if self._totals is not None or self._counting:
            return
        self._counting, self._stale = True, False
        codes = self.workspace.project.codes

        def read() -> tuple[dict[CodeId, int], dict[CodeId, int]] | None:
            try:
                return codes.counts(), codes.passage_counts()
            except ServerUnreachableError:
                return None

        def arrived(counted: tuple[dict[CodeId, int], dict[CodeId, int]] | None) -> None:
            if not isValid(self):
                return
            self._counting = False
            if self._totals is not None:
                return  # counted at once meanwhile
            if counted is None:
                QTimer.singleShot(RETRY_MS, self, self.count_in_worker)
            elif self._stale:
                self.count_in_worker()
            else:
                self._direct, self._totals = counted
                self._cells_changed(set(self._rows), QUOTES)

        self.workspace.read_in_worker(read, arrived, title="Counting the codebook's passages")

    def _load_keys(self) -> None:
        favourites = self.workspace.favourites.list()[:9]
        self._keys = {code_id: key for key, code_id in enumerate(favourites, start=1)}

    def on_change(self, change: Change) -> None:
        """Take in a change after the current event: the transcript paints first, and a rename
        arriving from inside setData (an open editor) or a move from a drop finishes cleanly."""
        if not change.touches(Aspect.CODES, Aspect.CODINGS, Aspect.SETTINGS):
            return
        if self._counting and change.touches(Aspect.CODES, Aspect.CODINGS):
            self._stale = True
        self._pending.add(change)

    def flush(self) -> None:
        self._pending.flush()

    def _apply(self, change: Change) -> None:
        if change.touches(Aspect.CODES):
            self.reload()
            return
        if change.touches(Aspect.CODINGS):  # the number of quotes per code
            self._cells_changed(self._count_change(change), QUOTES)
        if change.touches(Aspect.SETTINGS):  # the favourites' number keys
            before_keys = dict(self._keys)
            self._load_keys()
            self._cells_changed({c for c in self._rows if before_keys.get(c) != self._keys.get(c)}, KEY)

    def _count_change(self, change: Change) -> set[CodeId]:
        """Adjust the counts by the codings the change lists (reading the touched passages only);
        count afresh when it does not list them. Returns the codes whose counts moved."""
        coded = change.coding_delta()
        if coded is None:
            before = (self._direct, self._totals)
            self._load_counts()
            return {
                code_id
                for code_id in self._rows
                if before[0].get(code_id) != self._direct.get(code_id)
                or (before[1] or {}).get(code_id) != (self._totals or {}).get(code_id)
            }
        if not coded:
            return set()
        direct, totals = self.workspace.project.codes.count_delta(coded)
        for counts, moved in ((self._direct, direct), (self._totals, totals)):
            if counts is None:  # not counted yet: the count, when made, includes the change
                continue
            for code_id, by in moved.items():
                counts[code_id] = counts.get(code_id, 0) + by
        return (direct.keys() | totals.keys()) & self._rows.keys()

    def _cells_changed(self, code_ids: set[CodeId], column: int) -> None:
        """Announce new values in one column for these codes (display roles only: no re-filtering):
        one range per parent, from its first changed child to its last (every code, as after the
        first count, is one announcement per category instead of one per code)."""
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole]
        spans: dict[CodeId | None, tuple[int, int, CodeId, CodeId]] = {}
        for code_id in code_ids:
            if code_id not in self._tree:
                continue
            parent, row = self._tree.get(code_id).parent_id, self._rows[code_id]
            first, last, first_id, last_id = spans.get(parent, (row, row, code_id, code_id))
            if row <= first:
                first, first_id = row, code_id
            if row >= last:
                last, last_id = row, code_id
            spans[parent] = (first, last, first_id, last_id)
        for first, last, first_id, last_id in spans.values():
            self.dataChanged.emit(
                self.createIndex(first, column, int(first_id)),
                self.createIndex(last, column, int(last_id)),
                roles,
            )

    def widest_texts(self) -> dict[int, str]:
        """Per narrow column (key, question, count), a text as wide as its widest cell: the dock
        sizes those columns by it instead of measuring every row after each change."""
        questions = [code.question for code in self._tree.codes if code.question]
        largest = max((self._totals or {}).values(), default=0)
        return {
            KEY: "8" if self._keys else "",
            QUESTION: max(questions, key=len, default=""),
            QUOTES: "8" * len(str(largest)),
        }

    @property
    def tree(self) -> CodeTree:
        return self._tree

    def total(self, code_id: CodeId) -> int:
        """The coded passages of a code with its subcodes, as the Quotes column shows (changes taken in first)."""
        self.flush()
        self.load_totals()
        return (self._totals or {}).get(code_id, 0)

    # -- structure ------------------------------------------------------------------------
    def code_at(self, index: AnyIndex) -> CodeInfo | None:
        if not index.isValid():
            return None
        code_id = CodeId(index.internalId())
        return self._tree.get(code_id) if code_id in self._tree else None

    def index_of(self, code_id: CodeId, column: int = NAME) -> QModelIndex:
        if code_id not in self._tree:
            return QModelIndex()
        return self.createIndex(self._rows[code_id], column, int(code_id))

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_code = self.code_at(parent)
        children = self._tree.children(parent_code.id if parent_code else None)
        if not (0 <= row < len(children) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, int(children[row].id))

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008  (the stubs overload parent() of QObject)
        code = self.code_at(index)
        if code is None or code.parent_id is None:
            return QModelIndex()
        return self.index_of(code.parent_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != NAME:
            return 0
        code = self.code_at(parent)
        return len(self._tree.children(code.id if code else None))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    # -- data -----------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        code = self.code_at(index)
        if code is None:
            return None
        column = index.column()
        if role == CODE_ID_ROLE:
            return code.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return code.name
            if column == KEY:
                key = self._keys.get(code.id)
                return str(key) if key else ""
            if column == QUESTION:
                return code.question or ""
            return "" if self._totals is None else str(self._totals.get(code.id, 0))
        if role == Qt.ItemDataRole.EditRole and column == NAME:
            return code.name
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return code_colour(code.colour)
        if role == FILTER_ROLE:
            return fold(" ".join((code.name, code.label, code.question or "", *code.search_terms)))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == KEY and code.id in self._keys:
                return QCoreApplication.translate(
                    "CodeTreeModel", "Press {key} in the transcript to code the selection with {code}"
                ).format(key=self._keys[code.id], code=code.name)
            tip = tooltip(
                code,
                None if self._totals is None else self._totals.get(code.id, 0),
                self._direct.get(code.id, 0),
            )
            return (
                tip if code.codable else f"{QCoreApplication.translate('CodeTreeModel', CATEGORY_TIP)}\n{tip}"
            )
        if (
            role == Qt.ItemDataRole.FontRole
            and column == NAME
            and (code.parent_id is None or not code.codable)
        ):
            font = QFont()
            font.setBold(code.parent_id is None)
            font.setItalic(not code.codable)  # a category: groups codes, is never applied
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column in (QUESTION, QUOTES):
            if column == QUOTES and self._totals is not None and self._totals.get(code.id, 0) == 0:
                return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (KEY, QUESTION, QUOTES):
            if column == QUOTES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Column", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("CodeTreeModel", HEADER_TIPS[section]).format(rule=count_rule())
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        code = self.code_at(index)
        if code is None or role != Qt.ItemDataRole.EditRole or index.column() != NAME:
            return False
        name = " ".join(str(value).split())
        if not name or name == code.name:
            return False
        codes = self.workspace.project.codes
        return self.workspace.typed.save(  # kept while an action is written in a worker, never dropped
            ("code name", code.id), name, lambda: codes.rename(code.id, name), where=self.workspace.window
        )

    # -- drag and drop --------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [CODES_MIME, PASSAGE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[CodeId] = []
        for index in indexes:
            code = self.code_at(index)
            if code is not None and code.id not in ids:
                ids.append(code.id)
        return codes_mime(ids)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if passage_from(data) is not None:
            return parent.isValid() and row == -1
        return bool(codes_from(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """A passage dropped on a code codes it; codes dropped in the tree move there.

        Moves are done here and ``False`` is returned, so the view does not also remove rows.
        """
        target = self.code_at(parent)
        passage: Passage | None = passage_from(data)
        if passage is not None:
            if target is not None and row == -1:
                self.passageDropped.emit(passage, target.id)
                return True
            return False
        for code_id in codes_from(data):
            if code_id not in self._tree:
                continue
            self.move_code(code_id, target.id if target else None, row)
        return False

    def move_code(self, code_id: CodeId, parent_id: CodeId | None, row: int = -1) -> None:
        """Move a code under ``parent_id`` before the child now at ``row`` (-1: at the end)."""
        code = self._tree.get(code_id)
        position: int | None = None if row < 0 else row
        if code.parent_id == parent_id:
            current = self._rows[code_id]
            if position is not None and current < position:
                position -= 1  # the code leaves its old place first
            last = len(self._tree.children(parent_id)) - 1
            if (last if position is None else position) == current:
                return
        self.workspace.perform(lambda: self.workspace.project.codes.move(code_id, parent_id, position))
