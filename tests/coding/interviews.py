"""Two short transcripts with speaker turns: R5 labels the interviewer in full and has a note
that looks like a speaker ("Toelichting:"), R6 uses the one-letter labels I and R."""

from __future__ import annotations

R5 = (
    "Interview R5 – UWV\n"
    "\n"
    "[00:00:05] Interviewer: Hoe is het vertrouwen?\n"
    "[00:00:12] R5: Goed. We vertrouwen elkaar.\n"
    "Toelichting: de respondent lacht.\n"
    "[00:01:40] Interviewer: En de urgentie?\n"
    "[00:01:45] R5: Hoog, één op de vijf staat aan de kant.\n"
)
R6 = "I: Wat is het doel?\nR: Werk voor iedereen.\nI: En de middelen?\nR: Te weinig.\n"
