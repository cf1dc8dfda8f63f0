"""The Quotes dock's filter bar: a document attribute and its value (or "(no value)"), the coder, the
review status and the text, and the ``QuoteFilter`` they make together."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.quotes.quote_table_model import REVIEW_LABELS
from app.shell.workspace import Workspace
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import WITHOUT_VALUE, layer_name, no_value
from coding.core.attributes import REGION_KEYS, attribute_label
from coding.core.coder_layers import LAYERS
from coding.quotes.quote_filter import QuoteFilter
from coding.quotes.quote_service import TO_ANSWER, UNREVIEWED
from coding.reviews.review_service import STATUSES

ANY = ""
LAYER_PREFIX = "layer:"  # the coder choices that are layers (mine, other coders, consensus), not names


class QuoteFilterBar(QWidget):
    """The filters above the quote list; ``changed`` when a choice or the text changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.attribute = QComboBox(self)
        self.attribute.setObjectName("quoteAttribute")
        self.attribute.setToolTip(QCoreApplication.translate("QuotesDock", "Filter by a document attribute"))
        self.value = QComboBox(self)
        self.value.setObjectName("quoteAttributeValue")
        self.value.setMinimumContentsLength(12)
        self.coder = QComboBox(self)
        self.coder.setObjectName("quoteCoder")
        self.coder.setToolTip(
            QCoreApplication.translate(
                "QuotesDock",
                "Filter by the coder who coded the quote: mine, other coders', the consensus layer, or one coder",
            )
        )
        self.review = QComboBox(self)
        self.review.setObjectName("quoteReview")
        self.review.setToolTip(
            QCoreApplication.translate("QuotesDock", "Filter by review status (by any reviewer)")
        )
        self.review.addItem(QCoreApplication.translate("QuotesDock", "Any review"), ANY)
        self.review.addItem(QCoreApplication.translate("QuotesDock", "Not reviewed"), UNREVIEWED)
        self.review.addItem(QCoreApplication.translate("QuotesDock", "Questions to answer"), TO_ANSWER)
        for known in STATUSES:
            self.review.addItem(REVIEW_LABELS[known], known)
        self.text = QLineEdit(self)
        self.text.setObjectName("quoteText")
        self.text.setAccessibleName(
            QCoreApplication.translate("QuotesDock", "Filter quotes by text and memo")
        )
        self.text.setPlaceholderText(QCoreApplication.translate("QuotesDock", "Filter text and memos …"))
        self.text.setClearButtonEnabled(True)
        filters = QHBoxLayout(self)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(4)
        filters.addWidget(self.attribute)
        filters.addWidget(QLabel("=", self))
        filters.addWidget(self.value)
        filters.addWidget(self.coder)
        filters.addWidget(self.review)
        filters.addWidget(self.text, 1)

        self.attribute.currentIndexChanged.connect(self._attribute_changed)
        for combo in (self.value, self.coder, self.review):
            combo.currentIndexChanged.connect(self._changed)
        self.text.textChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.changed.emit()

    def set_workspace(self, workspace: Workspace | None) -> None:
        """The project whose attributes are offered (filled by :meth:`fill_attributes`)."""
        self.workspace = workspace

    def fill_attributes(self) -> None:
        assert self.workspace is not None
        keys = self.workspace.project.documents.attribute_keys()
        fill_combo(self.attribute, [(attribute_label(key), key) for key in keys], choose=REGION_KEYS)
        self._attribute_changed()

    def refill_attributes(self) -> None:
        """The attribute keys and the chosen key's values, keeping both choices where they still exist."""
        if self.workspace is None:
            return
        documents = self.workspace.project.documents
        key, value = self.attribute.currentData(), self.value.currentData()
        fill_combo(
            self.attribute,
            [(attribute_label(k), k) for k in documents.attribute_keys()],
            choose=(key, *REGION_KEYS),
        )
        chosen = self.attribute.currentData()
        fill_combo(
            self.value,
            self._values(chosen),
            first=(QCoreApplication.translate("QuotesDock", "(any)"), ANY),
            choose=(value,),
        )
        if (chosen, self.value.currentData()) != (key, value):
            self.changed.emit()

    def _values(self, key: str | None) -> list[tuple[str, str]]:
        """The value choices of attribute ``key``: its values, then "(no value)" when some documents
        have none (as the Documents panel groups them)."""
        if self.workspace is None or not key:
            return []
        documents = self.workspace.project.documents
        values: list[tuple[str, str]] = [(v, v) for v in documents.attribute_values(key) if v]
        if documents.count_without_value(key):
            values.append((no_value(), WITHOUT_VALUE))
        return values

    def _attribute_changed(self, *_args: object) -> None:
        fill_combo(
            self.value,
            self._values(self.attribute.currentData()),
            first=(QCoreApplication.translate("QuotesDock", "(any)"), ANY),
        )
        self.changed.emit()

    def fill_coders(self, coders: list[str]) -> None:
        """The coder choices: any coder, then each coder of the quotes listed; the choice is kept."""
        layers = [(layer_name(key, text), LAYER_PREFIX + key) for key, text in LAYERS.items() if key != "all"]
        fill_combo(
            self.coder,
            [*layers, *[(name, name) for name in coders]],
            first=(QCoreApplication.translate("QuotesDock", "Any coder"), ANY),
            choose=(self.coder.currentData(),),
        )

    def set_attribute_filter(self, key: str, value: str) -> None:
        self.attribute.setCurrentIndex(self.attribute.findData(key))
        self.value.setCurrentIndex(self.value.findData(value))

    def current_filter(self, me: str) -> QuoteFilter:
        """The filter the choices make; ``me``: the project's coder (the "mine" layer)."""
        key = self.attribute.currentData()
        value = self.value.currentData()
        coder = self.coder.currentData() or None
        layer = coder[len(LAYER_PREFIX) :] if coder and coder.startswith(LAYER_PREFIX) else None
        return QuoteFilter(
            where={key: value} if key and value and value != WITHOUT_VALUE else {},
            without=(key,) if key and value == WITHOUT_VALUE else (),
            coder=None if layer else coder,
            layer=layer,
            me=me,
            text=self.text.text(),
            review=self.review.currentData() or None,
        )
