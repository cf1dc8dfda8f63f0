"""The Codebook dock: the code tree with a filter box, and creating, renaming, moving, merging codes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPoint,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.codebook.code_picker import CodePicker
from app.codebook.code_tree_model import CODE_ID_ROLE, FILTER_ROLE, KEY, NAME, QUESTION, QUOTES, CodeTreeModel
from app.shell.workspace import Workspace
from app.widgets.after_paint import after_first_paint
from app.widgets.mime import passage_from
from app.widgets.worker_write import write_in_worker
from coding.core.ids import CodeId
from coding.core.records import CodeInfo
from coding.core.text import fold


class CodeTreeView(QTreeView):
    """The tree; a transcript passage dropped on a code is handed on as ``passageDropped``."""

    passageDropped = Signal(object, object)  # Passage, CodeId

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeTree")
        self.setAccessibleName(QCoreApplication.translate("CodeTreeView", "Codebook"))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if passage_from(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if passage_from(event.mimeData()) is not None:
            super().dragMoveEvent(event)
            if self.indexAt(event.position().toPoint()).isValid():
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
            else:
                event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        passage = passage_from(event.mimeData())
        if passage is None:
            super().dropEvent(event)
            return
        index = self.indexAt(event.position().toPoint())
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if not index.isValid():
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.passageDropped.emit(passage, index.data(CODE_ID_ROLE))


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    )
    return answer == QMessageBox.StandardButton.Yes


def _ask_new_code(parent: QWidget, label: str, colour: str) -> tuple[str, str] | None:
    from app.codebook.new_code_dialog import ask_new_code  # loaded when first used

    return ask_new_code(parent, label, colour)


def _ask_colour(parent: QWidget, current: str) -> str | None:
    colour = QColorDialog.getColor(
        QColor(current), parent, QCoreApplication.translate("codebook_dock", "Code colour")
    )
    return colour.name() if colour.isValid() else None


class CodebookDock(QDockWidget):
    codesSelected = Signal(list)  # list[CodeId]
    codeClicked = Signal(object)  # CodeId
    passageDropped = Signal(object, object)  # Passage, CodeId

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CodebookDock", "Codebook"), parent)
        self.setObjectName("codebookDock")
        self.workspace: Workspace | None = None
        self.model: CodeTreeModel | None = None
        self.confirm: Callable[[QWidget, str, str], bool] = _confirm
        self.ask_colour: Callable[[QWidget, str], str | None] = _ask_colour
        self.ask_new_code: Callable[[QWidget, str, str], tuple[str, str] | None] = _ask_new_code
        self.pick_code: Callable[[CodePicker], None] = lambda picker: picker.open()
        self._expanded: set[CodeId] = set()
        self._first_load = True
        self._widths: dict[int, str] = {}

        body = QWidget(self)
        self.filter = QLineEdit(body)
        self.filter.setObjectName("codeFilter")
        self.filter.setAccessibleName(QCoreApplication.translate("CodebookDock", "Filter codes"))
        self.filter.setPlaceholderText(
            QCoreApplication.translate("CodebookDock", "Filter codes: name, label, question …")
        )
        self.filter.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.tree = CodeTreeView(body)
        self.tree.setModel(self.proxy)
        self._make_actions()
        # A tool bar, not a row of buttons: when the dock is narrow the last ones move behind »,
        # so the buttons never make the dock (and the window) wider.
        self.buttons = QToolBar(body)
        self.buttons.setObjectName("codebookButtons")
        self.buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons.setIconSize(QSize(1, 1))
        for action, short in (
            (self.new_code_action, QCoreApplication.translate("CodebookDock", "New code")),
            (self.new_subcode_action, QCoreApplication.translate("CodebookDock", "Subcode")),
            (self.merge_action, QCoreApplication.translate("CodebookDock", "Merge…")),
            (self.delete_action, "Delete…"),
        ):
            action.setIconText(short)  # the button's label; menus keep the full text
        self.buttons.setStyleSheet(
            "QToolBar { spacing: 0px; padding: 0px; } QToolButton { padding: 1px 3px; }"
        )
        more = self.buttons.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # the style's arrow is faint: say it
            more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            more.setText("»")
            more.setToolTip(QCoreApplication.translate("CodebookDock", "More code actions"))
        self.buttons.addActions(
            [
                self.new_code_action,
                self.new_subcode_action,
                self.favourite_action,
                self.merge_action,
                self.delete_action,
            ]
        )
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.setWidget(body)

        self.filter.textChanged.connect(self._filter)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.passageDropped.connect(self.passageDropped)
        self._enable(False)

    # -- actions --------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(
            text: str,
            slot: Callable[[], object],
            shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
            tip: str = "",
        ) -> QAction:
            item = QAction(text, self)
            if shortcut is not None:
                item.setShortcut(QKeySequence(shortcut))
                item.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            item.setToolTip(tip or text)
            item.triggered.connect(slot)
            self.tree.addAction(item)
            return item

        self.new_code_action = action(
            QCoreApplication.translate("CodebookDock", "New code…"),
            self.new_code,
            "Ctrl+Shift+N",
            QCoreApplication.translate("CodebookDock", "Create a top-level code"),
        )
        self.new_subcode_action = action(
            QCoreApplication.translate("CodebookDock", "New subcode…"),
            self.new_subcode,
            "Ctrl+Alt+N",
            QCoreApplication.translate("CodebookDock", "Create a subcode of the current code"),
        )
        self.rename_action = action(QCoreApplication.translate("CodebookDock", "Rename"), self.rename, "F2")
        self.colour_action = action(QCoreApplication.translate("CodebookDock", "Colour…"), self.change_colour)
        self.favourite_action = action(
            QCoreApplication.translate("CodebookDock", "★ Favourite"),
            self.toggle_favourite,
            "Ctrl+D",
            QCoreApplication.translate(
                "CodebookDock", "Add or remove the current code from the favourites on keys 1–9"
            ),
        )
        self.merge_action = action(
            QCoreApplication.translate("CodebookDock", "Merge into…"),
            self.merge,
            tip=QCoreApplication.translate(
                "CodebookDock", "Move all quotes and subcodes of this code into another code"
            ),
        )
        self.delete_action = action(
            QCoreApplication.translate("CodebookDock", "Delete…"),
            self.delete,
            QKeySequence.StandardKey.Delete,
            QCoreApplication.translate(
                "CodebookDock", "Delete the current code with its subcodes and codings"
            ),
        )

    def _enable(self, enabled: bool) -> None:
        for item in (
            self.new_code_action,
            self.new_subcode_action,
            self.rename_action,
            self.colour_action,
            self.favourite_action,
            self.merge_action,
            self.delete_action,
        ):
            item.setEnabled(enabled)
        self.filter.setEnabled(enabled)

    # -- project --------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        old = self.model
        self.workspace = workspace
        # The passage counts follow the first paint: the window shows without waiting for them.
        self.model = CodeTreeModel(workspace, self, totals_later=True) if workspace is not None else None
        self.proxy.setSourceModel(self.model)  # type: ignore[arg-type]  # stubs omit None; Qt takes it (no source)
        if old is not None:
            old.workspace.changed.disconnect(old.on_change)
            old.deleteLater()
        self._enable(workspace is not None)
        if self.model is not None:
            self.model.passageDropped.connect(self.passageDropped)
            self.model.modelAboutToBeReset.connect(self._remember_expanded)
            self.model.modelReset.connect(self._restore_expanded)
            self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
            # Sized to their widest text, not to their contents: Qt would measure every shown row's
            # cells again after each change of one count (a coding).
            for column in (KEY, QUESTION, QUOTES):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self._widths = {}
            for signal in (self.model.modelReset, self.model.dataChanged, self.model.layoutChanged):
                signal.connect(self._fit_columns)
            self._fit_columns()
            self.tree.expandToDepth(0)
            model = self.model
            after_first_paint(self.tree.viewport(), lambda: self._load_totals(model))

    def _fit_columns(self, *_args: object) -> None:
        """Widen the key, question and count columns to their widest text (when that changed)."""
        if self.model is None:
            return
        widths = self.model.widest_texts()
        if widths == self._widths:
            return
        self._widths = widths
        header = self.tree.header()
        metrics = QFontMetrics(self.tree.font())
        for column, text in widths.items():
            width = metrics.horizontalAdvance(text) + 16 if text else 0
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    def _load_totals(self, model: CodeTreeModel) -> None:
        """The passage counts the first listing left for after the paint, counted in a worker."""
        if model is self.model:
            model.count_in_worker()

    def _remember_expanded(self) -> None:
        self._expanded = set()
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    self._expanded.add(index.data(CODE_ID_ROLE))
                    stack.append(index)

    def _restore_expanded(self) -> None:
        for code_id in self._expanded:
            index = self.proxy_index(code_id)
            if index.isValid():
                self.tree.setExpanded(index, True)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(fold(text))
        if text.strip():
            self.tree.expandAll()

    # -- current code and selection -------------------------------------------------------
    def proxy_index(self, code_id: CodeId) -> QModelIndex:
        if self.model is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index_of(code_id))

    def current_code(self) -> CodeInfo | None:
        if self.model is None:
            return None
        index = self.tree.currentIndex()
        return self.model.code_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def selected_codes(self) -> list[CodeId]:
        return [index.data(CODE_ID_ROLE) for index in self.tree.selectionModel().selectedRows(0)]

    def select_code(self, code_id: CodeId) -> None:
        index = self.proxy_index(code_id)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)

    def select_code_later(self, code_id: CodeId) -> None:
        """Select a code after the current event, once the tree has taken in the change that created
        or moved it."""

        def select() -> None:
            if self.model is not None:
                self.model.flush()
            self.select_code(code_id)

        QTimer.singleShot(0, select)

    def _selection_changed(self, *_args: object) -> None:
        self.codesSelected.emit(self.selected_codes())

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.codeClicked.emit(index.data(CODE_ID_ROLE))

    def _context_menu(self, point: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        code = self.current_code()
        menu.addAction(self.new_code_action)
        if code is not None:
            menu.addAction(self.new_subcode_action)
            menu.addSeparator()
            menu.addAction(self.rename_action)
            menu.addAction(self.colour_action)
            key = self.workspace.favourites.key_of(code.id) if self.workspace else None
            favourite = menu.addAction(  # its own text here: the button's label stays put
                (
                    QCoreApplication.translate("CodebookDock", "Remove from favourites (key {key})").format(
                        key=key
                    )
                    if key
                    else QCoreApplication.translate("CodebookDock", "★ Add to favourites")
                )
                + "\tCtrl+D"
            )
            favourite.triggered.connect(self.toggle_favourite)
            menu.addSeparator()
            menu.addAction(self.merge_action)
            menu.addAction(self.delete_action)
        return menu

    # -- editing the code tree ------------------------------------------------------------
    def new_code(self) -> CodeInfo | None:
        return self._create(None)

    def new_subcode(self) -> CodeInfo | None:
        parent = self.current_code()
        return self._create(parent.id if parent else None)

    def _create(self, parent_id: CodeId | None) -> CodeInfo | None:
        if self.workspace is None:
            return None
        workspace = self.workspace
        question = (
            QCoreApplication.translate("CodebookDock", "Name of the new code under “{parent}”:").format(
                parent=workspace.project.codes.get(parent_id).name
            )
            if parent_id is not None
            else QCoreApplication.translate("CodebookDock", "Name of the new code:")
        )
        codes = workspace.project.codes
        suggested = codes.get(parent_id).colour if parent_id is not None else codes.next_colour()
        answer = self.ask_new_code(self, question, suggested)
        if answer is None:
            return None
        name, colour = answer
        code = workspace.attempt(lambda: codes.create(name, parent_id, colour=colour))
        if code is not None:
            self.select_code_later(code.id)
            workspace.tell(
                QCoreApplication.translate("CodebookDock", "Created code “{code}”").format(code=code.name)
            )
        return code

    def rename(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(NAME))

    def change_colour(self) -> None:
        code = self.current_code()
        if code is None or self.workspace is None:
            return
        colour = self.ask_colour(self, code.colour)
        workspace = self.workspace
        if colour:
            workspace.perform(lambda: workspace.project.codes.update(code.id, colour=colour))

    def toggle_favourite(self) -> None:
        code = self.current_code()
        if code is None or self.workspace is None:
            return
        workspace = self.workspace
        now = workspace.attempt(lambda: workspace.favourites.toggle(code.id))
        key = workspace.favourites.key_of(code.id)
        if now and key:
            workspace.tell(
                QCoreApplication.translate(
                    "CodebookDock", "“{code}” is a favourite: press {key} in the transcript to code with it"
                ).format(code=code.name, key=key)
            )
        elif now:
            workspace.tell(
                QCoreApplication.translate(
                    "CodebookDock", "“{code}” is a favourite (only the first nine have number keys)"
                ).format(code=code.name)
            )
        else:
            workspace.tell(
                QCoreApplication.translate("CodebookDock", "“{code}” is no longer a favourite").format(
                    code=code.name
                )
            )

    def merge(self) -> None:
        code = self.current_code()
        if code is None or self.workspace is None or self.model is None:
            return
        exclude = {code.id, *(c.id for c in self.model.tree.descendants(code.id))}
        picker = CodePicker(
            self.model.tree,
            self,
            title=QCoreApplication.translate("CodebookDock", "Merge “{code}” into…").format(code=code.name),
            exclude=exclude,
            allow_create=False,
        )
        picker.picked.connect(lambda target: self._merge_into(code, target))
        self.pick_code(picker)

    def _merge_into(self, code: CodeInfo, target_id: CodeId) -> None:
        if self.workspace is None:
            return
        workspace = self.workspace
        target = workspace.project.codes.get(target_id)
        count = workspace.project.codes.counts().get(code.id, 0)
        children = len(workspace.project.codes.tree().children(code.id))
        text = QCoreApplication.translate(
            "CodebookDock",
            "Merge “{code}” into “{target}”?\n\nIts {count} coding(s) and {children} subcode(s) move to "
            "“{target_name}” and “{name}” is deleted. Edit → Undo takes it back.",
        ).format(
            code=code.path_text,
            target=target.path_text,
            count=count,
            children=children,
            target_name=target.name,
            name=code.name,
        )
        merge = workspace.project.codes.merge
        if self.confirm(self, QCoreApplication.translate("CodebookDock", "Merge codes"), text):
            # In a worker thread: moving thousands of codings (and undoing it) froze the window.
            write_in_worker(
                self,
                workspace.project,
                lambda _progress: merge(code.id, target_id),
                title=QCoreApplication.translate("CodebookDock", "Merge “{code}” into “{target}”").format(
                    code=code.name, target=target.name
                ),
                success=lambda _none: self.select_code_later(target_id),
                show="status",
                cancellable=True,
            )

    def delete(self) -> None:
        code = self.current_code()
        if code is None or self.workspace is None or self.model is None:
            return
        workspace = self.workspace
        subcodes = len(self.model.tree.descendants(code.id))
        codings = workspace.project.codes.counts(include_subcodes=True).get(code.id, 0)
        parts = []
        if subcodes:
            parts.append(
                QCoreApplication.translate("CodebookDock", "{count} subcode(s)").format(count=subcodes)
            )
        if codings:
            parts.append(
                QCoreApplication.translate("CodebookDock", "{count} coding(s)").format(count=codings)
            )
        also = (
            QCoreApplication.translate("CodebookDock", " with its {parts}").format(
                parts=QCoreApplication.translate("CodebookDock", " and ").join(parts)
            )
            if parts
            else ""
        )
        text = QCoreApplication.translate(
            "CodebookDock", "Delete the code “{code}”{also}?\n\nEdit → Undo brings everything back."
        ).format(code=code.path_text, also=also)
        if self.confirm(self, QCoreApplication.translate("CodebookDock", "Delete code"), text):
            # In a worker thread: the cascade of thousands of codings is captured for undo first.
            delete = workspace.project.codes.delete
            write_in_worker(
                self,
                workspace.project,
                lambda _progress: delete(code.id),
                title=QCoreApplication.translate("CodebookDock", "Delete “{code}”").format(code=code.name),
                show="status",
                cancellable=True,
            )
