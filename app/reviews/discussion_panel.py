"""The conversation about the current quote (or judgement): each reviewer's mark and comment, earlier
comments and the student's replies in time order, and a field to reply. The reply is one undoable
step and travels in the next review file, so the supervisor sees it beside the quote."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.shell.deferred_changes import DeferredChanges
from app.shell.project_bridge import ProjectBridge
from app.shell.workspace import Workspace
from app.widgets import operations
from app.widgets.elided_label import ElidedLabel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Aspect, Change
from coding.core.ids import CodingId, JudgementId
from coding.core.records import Discussion

MARK_COLOURS = {"agreed": "#2e8b57", "question": "#c88a00", "disagree": "#c0392b"}
MARK_WORDS = {
    "agreed": QT_TRANSLATE_NOOP("DiscussionPanel", "agreed"),
    "question": QT_TRANSLATE_NOOP("DiscussionPanel", "question"),
    "disagree": QT_TRANSLATE_NOOP("DiscussionPanel", "disagree"),
}


def thread_html(discussion: Discussion) -> str:
    """The conversation as rich text: ``Anna · 2026-12-05 · question — bron?`` one entry a line."""
    if not discussion.marks and not discussion.messages:
        return "<span style='color:gray'>{}</span>".format(
            QCoreApplication.translate("DiscussionPanel", "No review or conversation yet.")
        )
    lines = []
    marks = {(m.updated_at, m.reviewer): m for m in discussion.marks}
    for when, who, text in discussion.entries():
        mark = marks.get((when, who))
        head = f"<b>{html.escape(who)}</b> <span style='color:gray'>{when:%Y-%m-%d %H:%M}</span>"
        if mark is not None:
            colour = MARK_COLOURS.get(mark.status, "black")
            word = QCoreApplication.translate("DiscussionPanel", MARK_WORDS.get(mark.status, mark.status))
            body = f"<span style='color:{colour}'>{html.escape(word)}</span>"
            if mark.comment:
                body += f" — {html.escape(mark.comment)}"
        else:
            body = html.escape(text)
        lines.append(f"{head} · <span style='white-space:pre-wrap'>{body}</span>")
    if discussion.open_question():
        lines.append(
            "<i style='color:#c88a00'>{}</i>".format(
                QCoreApplication.translate("DiscussionPanel", "Waiting for your answer.")
            )
        )
    return "<br>".join(lines)


class DiscussionPanel(QWidget):
    """Shows one quote's or judgement's conversation and sends replies."""

    replied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discussionPanel")
        self.source: Workspace | ProjectBridge | None = None
        self.coding_id: CodingId | None = None
        self.judgement_id: JudgementId | None = None
        # the quote or judgement named in one line, cut with "…" (a long one widened the dock)
        self.title = ElidedLabel(QCoreApplication.translate("DiscussionPanel", "Discussion"), self)
        self.title.setObjectName("discussionTitle")
        self.conversation = QTextBrowser(self)
        self.conversation.setObjectName("discussionThread")
        self.conversation.setAccessibleName(
            QCoreApplication.translate("DiscussionPanel", "Review discussion")
        )
        self.conversation.setOpenLinks(False)
        lines = self.conversation.fontMetrics().lineSpacing()
        frame = 2 * self.conversation.frameWidth() + 2 * int(self.conversation.document().documentMargin())
        self.conversation.setMinimumHeight(3 * lines + frame)  # three lines of the conversation at least
        self.conversation.setMaximumHeight(8 * lines + frame)
        self.reply = QLineEdit(self)
        self.reply.setObjectName("discussionReply")
        self.reply.setAccessibleName(QCoreApplication.translate("DiscussionPanel", "Reply to the discussion"))
        self.reply.setPlaceholderText(
            QCoreApplication.translate(
                "DiscussionPanel", "Reply to the reviewer (Enter sends; it travels in the next review file)"
            )
        )
        self.send = QPushButton(QCoreApplication.translate("DiscussionPanel", "Reply"), self)
        self.send.setObjectName("discussionSend")
        row = QHBoxLayout()
        row.addWidget(self.reply, 1)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.conversation)
        layout.addLayout(row)
        self.reply.returnPressed.connect(self.send_reply)
        self.send.clicked.connect(self.send_reply)
        self.reply.textChanged.connect(lambda _text: self._enable())
        self._changes = DeferredChanges(self._on_change, self)
        self.show_target()

    def set_source(self, source: Workspace | ProjectBridge | None) -> None:
        """The open project (the window's workspace, or a Compare window's bridge), or ``None``."""
        if self.source is not None:
            self.source.changed.disconnect(self._changes.add)
        self.source = source
        if source is not None:
            source.changed.connect(self._changes.add)
        self.show_target()

    def show_target(
        self, *, coding_id: CodingId | None = None, judgement_id: JudgementId | None = None, title: str = ""
    ) -> None:
        """Show the conversation about a quote (``coding_id``) or a judgement; neither clears the panel."""
        self.coding_id, self.judgement_id = coding_id, judgement_id
        self.title.setText(
            QCoreApplication.translate("DiscussionPanel", "Discussion — {title}").format(title=title)
            if title
            else QCoreApplication.translate("DiscussionPanel", "Discussion")
        )
        self._refresh()

    def _on_change(self, change: Change) -> None:
        if not change.touches(Aspect.REVIEWS, Aspect.CODINGS, Aspect.JUDGEMENTS):
            return
        if self.coding_id is None and self.judgement_id is None:
            return  # the hint shown since show_target stays as it is
        named = change.quotes_changed()
        if self.judgement_id is None and named is not None and self.coding_id not in named:
            return  # a coding elsewhere (its conversation is the coding's own)
        self._refresh()

    def _refresh(self) -> None:
        target = self.coding_id is not None or self.judgement_id is not None
        if self.source is None or not target:
            self.conversation.setHtml(
                "<span style='color:gray'>{}</span>".format(
                    QCoreApplication.translate("DiscussionPanel", "Choose a quote to see its review.")
                )
            )
        else:
            discussion = self.source.project.reviews.discussion(
                coding_id=self.coding_id, judgement_id=self.judgement_id
            )
            self.conversation.setHtml(thread_html(discussion))
        self._enable()

    def _enable(self) -> None:
        target = self.coding_id is not None or self.judgement_id is not None
        self.reply.setEnabled(self.source is not None and target)
        self.send.setEnabled(self.reply.isEnabled() and bool(self.reply.text().strip()))

    def send_reply(self) -> None:
        text = self.reply.text().strip()
        source = self.source
        if source is None or not text or (self.coding_id is None and self.judgement_id is None):
            return
        coding_id, judgement_id = self.coding_id, self.judgement_id
        reviews = source.project.reviews
        done = operations.perform(
            self, lambda: reviews.reply(text, coding_id=coding_id, judgement_id=judgement_id), initiator=self
        )
        if done:
            self.reply.clear()
            self._changes.flush()
            self._refresh()
            self.replied.emit()
            operations.tell(
                self,
                QCoreApplication.translate(
                    "DiscussionPanel", "Reply saved (undoable); it travels in the next review file"
                ),
            )
