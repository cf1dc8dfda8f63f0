"""The Player dock: play the open document's recording; the transcript follows it.

QtMultimedia (``QMediaPlayer`` with the FFmpeg backend PySide6 ships) is imported when the first
recording is loaded, so the window starts without it. Clicking a turn's label or timestamp in the
transcript plays from that turn (the window connects ``TranscriptView.turnClicked`` to
:meth:`PlayerDock.play_turn`); while playing, ``playingTurnChanged`` names the turn being spoken.
A missing or unplayable file is one line in the dock; the transcript keeps working.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.media.position_bar import PositionBar
from app.media.timeline import Timeline, clock
from app.widgets import file_dialogs, operations
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core.changes import Aspect, Change
from coding.core.errors import NotFoundError
from coding.core.ids import DocumentId
from coding.core.records import Quote, TurnInfo

if TYPE_CHECKING:
    from app.shell.workspace import Workspace
    from coding.media.media_service import MediaInfo

#: Playback speeds offered (the issue asks for 0.5–2×).
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
#: How far the back and forward buttons jump, in milliseconds.
SKIP_MS = 5000
FILTER = QT_TRANSLATE_NOOP("PlayerDock", "Recordings (*.mp3 *.m4a *.wav *.ogg *.mp4 *.webm)")


class PlayerDock(QDockWidget):
    playingTurnChanged = Signal(object)  # TurnInfo | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PlayerDock", "Player"), parent)
        self.setObjectName("playerDock")
        self.setAccessibleName(QCoreApplication.translate("PlayerDock", "Player"))
        self.workspace: Workspace | None = None
        self.document_id: DocumentId | None = None
        self.media: MediaInfo | None = None
        self.timeline = Timeline(())
        self.player: Any = None  # QMediaPlayer, made on first use
        self._audio: Any = None
        self._pending_ms: int | None = None
        self._turn: TurnInfo | None = None
        self._problem: str | None = None  # why the loaded file does not play
        #: Milliseconds to jump back on every pause (2000 while the transcript is being corrected).
        self.rewind_on_pause = 0
        self._build()

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(QCoreApplication.translate("PlayerDock", "Player status"))
        self.attach_button = QPushButton(QCoreApplication.translate("PlayerDock", "Attach recording…"), body)
        self.attach_button.clicked.connect(self.ask_attach)
        self.relink_button = QPushButton(
            QCoreApplication.translate("PlayerDock", "Find moved recording…"), body
        )
        self.relink_button.clicked.connect(self.ask_relink)
        layout.addWidget(self.message)
        files = QHBoxLayout()  # rows, not one long line: the dock must fit beside a laptop's transcript
        files.addWidget(self.attach_button)
        files.addWidget(self.relink_button)
        files.addStretch(1)
        layout.addLayout(files)

        self.back_button = QToolButton(body)
        self.back_button.setText("−5 s")
        self.back_button.setAccessibleName(QCoreApplication.translate("PlayerDock", "Back 5 seconds"))
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.play_button = QPushButton(QCoreApplication.translate("PlayerDock", "Play"), body)
        self.play_button.setToolTip(QCoreApplication.translate("PlayerDock", "Play or pause (Ctrl+Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.forward_button = QToolButton(body)
        self.forward_button.setText("+5 s")
        self.forward_button.setAccessibleName(QCoreApplication.translate("PlayerDock", "Forward 5 seconds"))
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.speed = QComboBox(body)
        self.speed.setAccessibleName(QCoreApplication.translate("PlayerDock", "Playback speed"))
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda _i: self._apply_speed())
        self.follow = QCheckBox(QCoreApplication.translate("PlayerDock", "Follow"), body)
        self.follow.setToolTip(
            QCoreApplication.translate("PlayerDock", "Scroll the transcript to the turn being played")
        )
        self.follow.setChecked(True)
        self.time_label = QLabel("0:00 / 0:00", body)
        self.time_label.setAccessibleName(QCoreApplication.translate("PlayerDock", "Time"))
        transport = QHBoxLayout()
        for widget in (self.back_button, self.play_button, self.forward_button, self.speed):
            transport.addWidget(widget)
        transport.addStretch(1)
        layout.addLayout(transport)
        controls = QHBoxLayout()
        controls.addWidget(self.follow)
        controls.addWidget(self.time_label)
        controls.addStretch(1)
        self.controls = controls  # the transcript's edit mode adds its button here
        layout.addLayout(controls)
        self.bar = PositionBar(body)
        self.bar.sliderMoved.connect(self.seek)
        self.bar.actionTriggered.connect(lambda _a: self.seek(self.bar.sliderPosition()))
        layout.addWidget(self.bar)
        self.setWidget(body)

        self.play_action = QAction(QCoreApplication.translate("PlayerDock", "Play/Pause recording"), self)
        self.play_action.setShortcut(QKeySequence("Ctrl+Space"))
        self.play_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.play_action.triggered.connect(self.toggle)
        if self.parentWidget() is not None:
            self.parentWidget().addAction(self.play_action)  # type: ignore[union-attr]
        self._show_state()

    # -- project and document -------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.show_document(None)
        if workspace is not None:
            workspace.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        touched = change.touches(Aspect.DOCUMENTS) or change.touches(Aspect.SPEAKERS)
        if touched and self.document_id is not None and change.spans(self.document_id) != ():
            self.show_document(self.document_id)

    def show_document(self, document_id: DocumentId | None) -> None:
        """Load the recording of the document now in the transcript (or clear the player)."""
        same = document_id == self.document_id  # the same document again: keep playing where it is
        position = self.position() if same else 0
        self.document_id = document_id
        media: MediaInfo | None = None
        turns: list[TurnInfo] = []
        if self.workspace is not None and document_id is not None:
            project = self.workspace.project
            try:
                media = project.media.get(document_id)
                # the turns' times matter only with a recording to play (a 3M-character
                # transcript without one has 12,000 turns to sort for nothing)
                turns = project.documents.turns(document_id) if media is not None else []
            except NotFoundError:
                media = None
        self.timeline = Timeline(turns)
        self.bar.set_marks(self.timeline.times)
        previous, self.media = self.media, media
        if not (same and previous is not None and media is not None and previous.location == media.location):
            self._load(position if same else 0)
        self._set_turn(None)
        self._show_state()

    def _load(self, position: int) -> None:
        if self.player is not None:
            self.player.stop()
            self.player.setSource(_url(None))
        self._pending_ms = None
        self._problem = None
        if self.media is None or not self.media.found:
            return
        player = self._ensure_player()
        self._pending_ms = position or None
        player.setSource(_url(self.media.location))

    def _ensure_player(self) -> Any:
        if self.player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self.player = QMediaPlayer(self)
            self._audio = QAudioOutput(self)
            settle_overrides(self.player, self._audio)
            self.player.setAudioOutput(self._audio)
            self.player.positionChanged.connect(self._position_changed)
            self.player.durationChanged.connect(self._duration_changed)
            self.player.playbackStateChanged.connect(lambda _s: self._show_state())
            self.player.mediaStatusChanged.connect(self._status_changed)
            self.player.errorOccurred.connect(self._error)
            self._apply_speed()
        return self.player

    # -- playing --------------------------------------------------------------------------
    def is_playing(self) -> bool:
        if self.player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def position(self) -> int:
        """Where the recording is, in milliseconds."""
        if self._pending_ms is not None:
            return self._pending_ms
        return int(self.player.position()) if self.player is not None else 0

    def toggle(self) -> None:
        """Play or pause (Ctrl+Space)."""
        if not self._playable():
            self._show_state()  # say why (a file deleted since it was loaded shows as missing)
            return
        if self.is_playing():
            self.player.pause()
            if self.rewind_on_pause:
                self.skip(-self.rewind_on_pause)
        else:
            self.player.play()

    def play(self) -> None:
        if self._playable():
            self.player.play()

    def seek(self, milliseconds: int) -> None:
        if not self._playable():
            return
        target = max(0, milliseconds)
        duration = int(self.player.duration())
        if duration > 0:
            target = min(target, duration)
        if self._loading():
            self._pending_ms = target
        else:
            self.player.setPosition(target)
        self._position_changed(target)

    def skip(self, milliseconds: int) -> None:
        self.seek(self.position() + milliseconds)

    def play_turn(self, turn: TurnInfo) -> None:
        """Play from a turn's time (a click on its label or timestamp in the transcript)."""
        if turn.timestamp is None or not self._playable():
            return
        self.seek(round(turn.timestamp * 1000))
        self.play()

    def play_quote(self, quote: Quote) -> None:
        """Play from the start of a quote's turn (a double click in the Quotes dock), when the
        quote's document is the one loaded and its turn has a time."""
        if quote.time is None or quote.document_id != self.document_id or not self._playable():
            return
        self.seek(round(quote.time * 1000))
        self.play()

    def _playable(self) -> bool:
        return (
            self.player is not None and self.media is not None and self.media.found and self._problem is None
        )

    def _loading(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(
            self.player.mediaStatus()
            in (QMediaPlayer.MediaStatus.LoadingMedia, QMediaPlayer.MediaStatus.NoMedia)
        )

    def _apply_speed(self) -> None:
        if self.player is not None:
            self.player.setPlaybackRate(float(self.speed.currentData()))

    # -- following the player -------------------------------------------------------------
    def _status_changed(self, status: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_ms is not None:
            target, self._pending_ms = self._pending_ms, None
            self.player.setPosition(target)
        self._show_state()

    def _duration_changed(self, duration: int) -> None:
        self.bar.setRange(0, max(0, int(duration)))
        self._show_time()

    def _position_changed(self, position: int) -> None:
        if not self.bar.isSliderDown():
            self.bar.blockSignals(True)
            self.bar.setValue(int(position))
            self.bar.blockSignals(False)
        self._show_time()
        self._set_turn(self.timeline.turn_at(position / 1000) if self.timeline else None)

    def _set_turn(self, turn: TurnInfo | None) -> None:
        if turn != self._turn:
            self._turn = turn
            self.playingTurnChanged.emit(turn)

    @property
    def problem(self) -> str | None:
        """Why the loaded recording does not play (QtMultimedia's reason), else None."""
        return self._problem

    @property
    def current_turn(self) -> TurnInfo | None:
        return self._turn

    def _error(self, error: Any, text: str) -> None:
        name = (
            self.media.location.name
            if self.media is not None
            else QCoreApplication.translate("PlayerDock", "the recording")
        )
        self._problem = f"{name}: {problem_reason(error, text)}"
        if self.player is not None:  # also once play() has returned (a codec fails while it starts)
            self.player.stop()
            QTimer.singleShot(0, self.player.stop)
        self._show_state()

    # -- showing ---------------------------------------------------------------------------
    def _show_time(self) -> None:
        duration = int(self.player.duration()) if self.player is not None else 0
        self.time_label.setText(f"{clock(self.position())} / {clock(duration)}")

    def _show_state(self) -> None:
        media = self.media
        has_document = self.workspace is not None and self.document_id is not None
        playable = media is not None and media.found and self._problem is None
        if not has_document:
            text = QCoreApplication.translate("PlayerDock", "Open a document to play its recording.")
        elif media is None:
            text = QCoreApplication.translate("PlayerDock", "This document has no recording.")
        elif not media.found:
            text = QCoreApplication.translate(
                "PlayerDock", "{name}: missing (moved or deleted) — find it again in its new folder."
            ).format(name=media.location.name)
        else:
            text = self._problem or f"{media.location.name} ({media.kind})"
        self.message.setText(text)
        self.attach_button.setVisible(has_document)
        self.attach_button.setText(
            QCoreApplication.translate("PlayerDock", "Replace recording…")
            if media is not None
            else QCoreApplication.translate("PlayerDock", "Attach recording…")
        )
        self.relink_button.setVisible(media is not None and not media.found)
        for widget in (self.back_button, self.play_button, self.forward_button, self.bar):
            widget.setEnabled(playable)
        self.play_button.setText(
            QCoreApplication.translate("PlayerDock", "Pause")
            if self.is_playing()
            else QCoreApplication.translate("PlayerDock", "Play")
        )
        self._show_time()

    # -- asking the user ------------------------------------------------------------------
    def ask_attach(self) -> None:
        if self.workspace is None or self.document_id is None:
            return
        start = str(self.workspace.project.path.parent)
        name, _ = file_dialogs.open_file_name(
            self,
            QCoreApplication.translate("PlayerDock", "Attach recording"),
            start,
            QCoreApplication.translate("PlayerDock", FILTER),
        )
        if name:
            self.attach(Path(name))

    def attach(self, file: Path) -> bool:
        """Attach ``file`` to the open document (one undoable action); refusals are reported."""
        workspace, document_id = self.workspace, self.document_id
        if workspace is None or document_id is None:
            return False
        return operations.perform(
            self,
            lambda: workspace.project.media.attach(document_id, file),
            title=QCoreApplication.translate("PlayerDock", "Attach recording"),
        )

    def ask_relink(self) -> None:
        if self.workspace is None:
            return
        folder = file_dialogs.existing_directory(
            self, QCoreApplication.translate("PlayerDock", "Where are the recordings now?")
        )
        if folder:
            self.relink(Path(folder))

    def relink(self, folder: Path) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        found = operations.attempt(
            self,
            lambda: workspace.project.media.relink(folder),
            title=QCoreApplication.translate("PlayerDock", "Find recordings"),
        )
        if found is not None:
            workspace.tell(
                QCoreApplication.translate(
                    "PlayerDock", "Found {count} moved recording(s) again in {folder}"
                ).format(count=len(found), folder=folder)
            )


def problem_reason(error: Any, text: str) -> str:
    """Why a recording does not play, in words a researcher can act on (QtMultimedia's own words in
    brackets): a codec the player has no decoder for, a file that cannot be read, or one that is
    damaged or no recording at all."""
    from PySide6.QtMultimedia import QMediaPlayer

    detail = f" ({text})" if text else ""
    lowered = text.lower()
    if "codec" in lowered or "decoder" in lowered:
        return QCoreApplication.translate(
            "PlayerDock",
            "cannot be played: it is in a format (codec) this player cannot decode{detail}; "
            "convert it to mp3, m4a or wav",
        ).format(detail=detail)
    if error in (QMediaPlayer.Error.FormatError, QMediaPlayer.Error.ResourceError):
        return QCoreApplication.translate(
            "PlayerDock", "cannot be played: the file is damaged or not a recording{detail}"
        ).format(detail=detail)
    return QCoreApplication.translate("PlayerDock", "cannot be played{detail}").format(
        detail=detail or QCoreApplication.translate("PlayerDock", " (unknown error)")
    )


def settle_overrides(*objects: QObject) -> None:
    """Let PySide find out now, on this thread with the GIL held, that ``disconnectNotify`` has no
    Python override on these objects, so that it never has to look again from a Qt thread.

    Without it the player and the app can hang for good (a lock-order inversion): stopping or
    unloading a recording (``stop()``/``setSource()``, e.g. when the project closes) runs FFmpeg's
    teardown on this thread, which keeps the GIL while it waits for Qt's signal-slot mutex in
    ``QObject::disconnect``; meanwhile the FFmpeg audio renderer, deleted in its own thread, holds
    that mutex in ``~QObject`` and calls ``disconnectNotify`` on the QAudioOutput it listened to.
    That QAudioOutput was made from Python, so its ``disconnectNotify`` asks for the GIL to look for
    a Python override: each waits for the other. PySide remembers a missing override per object
    (shiboken's method cache), so one disconnect made here, with the GIL, settles it: afterwards the
    renderer's thread calls the C++ method without the GIL. ``tests/app/media/player_stress.py``
    reproduces the hang (1 run in 20–70 without this) and shows it gone.
    """
    for item in objects:
        item.destroyed.connect(_nothing)
        item.destroyed.disconnect(_nothing)


def _nothing() -> None:
    """A slot that does nothing (see :func:`settle_overrides`)."""


def _url(path: Path | None) -> Any:
    from PySide6.QtCore import QUrl

    return QUrl.fromLocalFile(str(path)) if path is not None else QUrl()
