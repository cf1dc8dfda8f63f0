"""The main window's actions, start screen and panels connected to what they do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.guide.guide_marks import GuideMarks
from app.shell import extra_windows, project_files, settings

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow


def guide_window(window: MainWindow) -> None:
    """Analysis → Interview guide… (loaded when first used)."""
    from app.guide.guide_window import show_guide

    show_guide(window)


def import_guide(window: MainWindow) -> None:
    """File → Import interview guide…: a guide document's questions attached to the codes."""
    if window.workspace is None:
        return
    from app.guide.guide_import import import_guide_file  # loaded when first used

    import_guide_file(window, window.workspace)


def connect(window: MainWindow) -> None:
    a = window.window_actions
    a.new_project.triggered.connect(lambda: project_files.ask_new_project(window))
    a.open_project.triggered.connect(lambda: project_files.ask_open_project(window))
    a.open_demo.triggered.connect(lambda: window.open_demo())
    a.import_files.triggered.connect(window.import_files)
    a.export.triggered.connect(window.export)
    a.save_copy.triggered.connect(lambda: project_files.save_copy(window))
    a.attribute_table.triggered.connect(window.show_attribute_table)
    a.memos.triggered.connect(window.show_memos)
    a.import_review.triggered.connect(window.import_review)
    a.close_project.triggered.connect(window.close_project)
    a.quit.triggered.connect(window.close)
    a.find.triggered.connect(window.panel.find_bar.open_bar)
    a.find_next.triggered.connect(window.panel.find_bar.next)
    a.find_previous.triggered.connect(window.panel.find_bar.previous)
    a.coder_name.triggered.connect(lambda: project_files.ask_coder_name(window))
    a.preferences.triggered.connect(window.show_preferences)
    a.layer_group.triggered.connect(lambda action: window.view.set_layer(action.data()))
    a.agreement.triggered.connect(window.show_agreement)
    a.guide.triggered.connect(lambda: guide_window(window))
    a.import_guide.triggered.connect(lambda: import_guide(window))
    GuideMarks(window.view)  # the guide reference beside each matched question in the margin
    a.prepare_package.triggered.connect(lambda: extra_windows.second_coder(window, "prepare_package"))
    a.merge_coder.triggered.connect(lambda: extra_windows.second_coder(window, "merge_coder"))
    a.undo.triggered.connect(lambda: window.workspace.undo() if window.workspace is not None else None)
    a.redo.triggered.connect(lambda: window.workspace.redo() if window.workspace is not None else None)
    a.pick.triggered.connect(window.controller.open_picker)
    a.in_vivo.triggered.connect(window.controller.code_in_vivo)
    a.respondent_words.triggered.connect(window.controller.open_respondent_picker)
    a.speaker_turns.triggered.connect(lambda: window.controller.open_turns_picker())
    a.speaker_turns_everywhere.triggered.connect(
        lambda: window.controller.open_turns_picker(all_documents=True)
    )
    a.click_to_code.toggled.connect(settings.set_click_to_code)
    a.paragraph_numbers.setChecked(settings.flag("transcript/numbers", True))
    window.view.margin.set_numbers(a.paragraph_numbers.isChecked())
    a.paragraph_numbers.toggled.connect(window.view.margin.set_numbers)
    a.paragraph_numbers.toggled.connect(lambda shown: settings.set_flag("transcript/numbers", shown))
    a.click_to_code.toggled.connect(window.mode_label.setVisible)
    a.snap_sentence.triggered.connect(window.controller.snap_to_sentence)
    a.snap_turn.triggered.connect(window.controller.snap_to_turn)
    a.start_earlier.triggered.connect(lambda: window.controller.nudge("start", later=False))
    a.start_later.triggered.connect(lambda: window.controller.nudge("start", later=True))
    a.end_earlier.triggered.connect(lambda: window.controller.nudge("end", later=False))
    a.end_later.triggered.connect(lambda: window.controller.nudge("end", later=True))
    a.span_to_selection.triggered.connect(window.controller.span_to_selection)
    a.edit_memo.triggered.connect(window.edit_memo)
    a.uncode.triggered.connect(lambda: window.controller.uncode())
    for key, action in enumerate(a.favourite_keys, start=1):
        action.triggered.connect(lambda _checked=False, k=key: window.controller.code_with_key(k))
    a.compare.triggered.connect(window.compare)
    a.cooccurrence.triggered.connect(lambda: window.analyse("cooccurrence"))
    a.code_matrix.triggered.connect(lambda: window.analyse("matrix"))
    a.search.triggered.connect(window.search)
    a.reset_layout.triggered.connect(window.reset_layout)
    a.speakers.triggered.connect(lambda: extra_windows.show_speakers(window))
    a.anonymise.triggered.connect(lambda: extra_windows.anonymise(window))
    a.shortcuts.triggered.connect(window.show_shortcuts)
    a.about.triggered.connect(window.show_about)
    window.recent_menu.aboutToShow.connect(lambda: project_files.fill_recent_menu(window))

    window.documents_dock.documentActivated.connect(window.open_document)
    window.codebook_dock.codesSelected.connect(window._codes_selected)
    window.codebook_dock.codeClicked.connect(window._code_clicked)
    window.codebook_dock.passageDropped.connect(window.controller.code_passage)
    window.quotes_dock.jumpRequested.connect(window.jump_to_quote)
    window.quotes_dock.jumpRequested.connect(window.player_dock.play_quote)  # after the jump: its document
    window.details_dock.codingChosen.connect(window.view.set_current_coding)
    window.details_dock.uncodeRequested.connect(window.controller.uncode)
    window.view.currentCodingChanged.connect(window._current_coding_changed)
    window.view.documentChanged.connect(window._document_changed)
    window.view.turnClicked.connect(window.player_dock.play_turn)
    window.player_dock.playingTurnChanged.connect(
        lambda turn: window.view.set_playing_turn(turn, follow=window.player_dock.follow.isChecked())
    )
    window.view.selectionChanged.connect(window._selection_changed)


def connect_start(window: MainWindow) -> None:
    """The start screen's buttons, once it is built (``MainWindow.start``)."""
    start = window.start
    start.newRequested.connect(lambda: project_files.ask_new_project(window))
    start.openRequested.connect(lambda: project_files.ask_open_project(window))
    start.demoRequested.connect(lambda: window.open_demo())
    start.connectRequested.connect(lambda: project_files.connect_team(window))
    start.recentRequested.connect(window.open_project)
