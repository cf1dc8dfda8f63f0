"""A small codebook file of the user's own, shared by the tests that read one (coding: the file's checks;
app: File → New project from it): two levels, a scale, a colour and a question number."""

from __future__ import annotations

#: Eerste (scale s, #112233) with the dimension Kind (question 1a). Ends inside ``codes:``, so that a
#: test may append codes (``"  - name: Tweede\n"``) and then top-level keys (``"favourites: …\n"``).
MINI_CODEBOOK = """\
format: codewerk-codebook/1
id: mini
scales:
  s: [laag, hoog]
codes:
  - name: Eerste
    colour: "#112233"
    scale: s
    children:
      - name: Kind
        question: 1a
"""
