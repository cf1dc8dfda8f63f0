"""The method of an agreement report in words, ready to quote in a methods chapter."""

from __future__ import annotations

from coding.agreement.statistics import BOOTSTRAP_SEED
from coding.core.i18n import marked, text
from coding.core.numbers import number


def _percent(fraction: float) -> str:
    """``50%``, ``62.5%`` (Dutch ``62,5%``): as many decimals as the fraction has."""
    return number(fraction * 100, "g") + "%"


def _unit_rule(unit: str, overlap: float, sentence_sources: tuple[int, int]) -> str:
    share = _percent(overlap)
    if unit == "document":
        return text(
            "The unit of analysis was the document: a code counted as present in a document for a coder "
            "when that coder had applied it anywhere in the document."
        )
    if unit == "segment":
        return text(
            "The unit of analysis was the coded segment: for each code, the two coders' passages were "
            "matched one to one when they overlapped by at least {share} of the shorter passage (largest "
            "overlaps first). A matched pair counted as agreement, a passage without a match as a "
            "disagreement. At this level no unit is left uncoded by both coders, so the chance-corrected "
            "coefficients are conservative.",
            share=share,
        )
    if unit == "sentence":
        indexed, by_rule = sentence_sources
        parts = []
        if indexed:
            parts.append(
                text("{count} document(s) split into sentences by the text index (spaCy)", count=indexed)
            )
        if by_rule:
            parts.append(
                text("{count} document(s) split at sentence-ending punctuation and line ends", count=by_rule)
            )
        sources = f" ({'; '.join(parts)})" if parts else ""
        return text(
            "The unit of analysis was the sentence{sources}: a code counted as present in a sentence for a "
            "coder when that coder's passages with the code covered at least {share} of its characters.",
            sources=sources,
            share=share,
        )
    if unit == "turn":
        return text(
            "The unit of analysis was the speaker turn (its spoken text, without the speaker label): a code "
            "counted as present in a turn for a coder when that coder's passages with the code covered at "
            "least {share} of its characters.",
            share=share,
        )
    return text(
        "The unit of analysis was the character: every character of the documents was a unit, coded with a "
        "code when one of the coder's passages with that code contained it (α over characters, not "
        "Krippendorff's unitizing αu)."
    )


def describe(
    coder_a: str,
    coder_b: str,
    unit: str,
    overlap: float,
    *,
    documents: int,
    codes: int,
    chosen_documents: bool,
    sentence_sources: tuple[int, int],
    draws: int,
) -> str:
    over = (
        marked(
            "Intercoder agreement between {coder_a} (A) and {coder_b} (B) was computed in Codewerk over "
            "{documents} document(s) chosen and {codes} code(s), each coded independently."
        )
        if chosen_documents
        else marked(
            "Intercoder agreement between {coder_a} (A) and {coder_b} (B) was computed in Codewerk over "
            "{documents} document(s) that both coders coded and {codes} code(s), each coded independently."
        )
    )
    return " ".join(
        [
            text(over, coder_a=coder_a, coder_b=coder_b, documents=documents, codes=codes),
            _unit_rule(unit, overlap, sentence_sources),
            text(
                "Per code we report the number of units, percent agreement, Cohen's κ (chance agreement from "
                "each coder's own distribution), Brennan and Prediger's κ (chance agreement fixed at 1/k with "
                "k = 2: present or absent) and Krippendorff's α for nominal data."
            ),
            text(
                "95% confidence intervals for κ and α are the 2.5th and 97.5th percentiles of {draws} bootstrap "
                "resamples of the units (seed {seed}).",
                draws=draws,
                seed=BOOTSTRAP_SEED,
            ),
            text("The overall row (*) pools the decisions of all codes, one per unit and code."),
            text(
                "κ and α are reported as n/a, with the reason, when they are undefined because the coders "
                "showed no variation."
            ),
        ]
    )
