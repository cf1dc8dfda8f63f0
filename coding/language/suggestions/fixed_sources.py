"""The sources of suggestions that do not look at the codings (search terms, the interview guide, the questions an
interview never asks) and the guide's answers they share, kept between finds while what they are found from stays
the same."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from coding.core.context import ProjectContext
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.core.text import fold
from coding.language.suggestions.candidates import Candidate

if TYPE_CHECKING:
    from coding.guide.answer_spans import AnswerSpan
    from coding.guide.guide_service import GuideService
    from coding.language.assistant import LanguageAssistant
    from coding.language.guide_matches import TurnMatches
    from coding.language.suggestions.data import CorpusData, IntArray
    from coding.language.suggestions.resemblance import Profiles
    from coding.language.suggestions.terms import TermSentences
    from coding.language.suggestions.vectors import FloatArray

#: The candidates of the sources that do not look at the codings (:meth:`FixedSources.candidates`).
#: Read from the project, the candidates are ``candidate_columns.RankedColumns``, each made when first read.
Fixed = tuple["TermSentences | None", Sequence[Candidate]]


class FixedSources:
    """The search terms' and the guide's candidates of a project's suggestions, and the guide's answers.

    ``corpus_data`` gives the corpus's words as the suggestions read them, ``corpus_key`` what they were read from
    (``None`` before the first read)."""

    def __init__(
        self,
        context: ProjectContext,
        assistant: LanguageAssistant,
        guide: GuideService | None,
        corpus_data: Callable[[], CorpusData],
        corpus_key: Callable[[], object | None],
    ) -> None:
        self._context = context
        self._assistant = assistant
        #: The interview guide in the project: its matched questions are the guide source when it has any.
        self._guide = guide
        self._corpus_data = corpus_data
        self._corpus_key = corpus_key
        #: The answers to the matched guide questions and the matcher's findings per document, with what they
        #: were found from.
        #: were found from (read from the project, they are made when looked at: ``stored_answers.AnswerTable``).
        self.answers: tuple[object, Sequence[AnswerSpan], Mapping[DocumentId, TurnMatches]] | None = None
        #: The interviewer turns whose guide matches the researcher decided on (read with the answers).
        self.decided_turns: frozenset[tuple[DocumentId, int]] = frozenset()
        #: The stamp the answers are stored under (:mod:`.stored_state`; ``None``: not stored).
        self.answers_stamp: str | None = None

    def kept(self, codes: Sequence[CodeInfo], sources: Sequence[str], data: CorpusData) -> Fixed:
        """:meth:`candidates`, kept with the corpus's words (``data``) for the next find while what they are found
        from stays the same: every code as it is (its search terms, guide question, name, place), the codes asked
        for, the sources, and the guide's answers with the researcher's decisions on its matches (their key,
        :meth:`guide_answers`). The codings are not part of it: these sources never look at them. Stored for the
        next session under the same (:mod:`.stored_fixed`), with the corpus's stamp, the answers' and the
        language the reasons are written in."""
        self.guide_answers(data)  # read or kept first: their key is part of the stamp
        tree = tuple(self._context.resolve.code_tree())
        stamp = (
            tree,
            tuple(code.id for code in codes),
            tuple(sources),
            self.answers[0] if self.answers is not None else None,
        )
        fixed: Fixed = data.derive_for("fixed", stamp, lambda: self._recall(codes, sources, data, tree))
        return fixed

    def _recall(
        self, codes: Sequence[CodeInfo], sources: Sequence[str], data: CorpusData, tree: tuple[CodeInfo, ...]
    ) -> Fixed:
        """:meth:`candidates` as stored for this corpus, guide, codebook and scope, else found (and stored)."""
        from coding.core.i18n import language
        from coding.language.suggestions import stored_fixed, stored_state

        stamp = None
        if data.stamp is not None and (self._guide is None or self.answers_stamp is not None):
            stamp = stored_state.stamp_of(
                data.stamp,
                self.answers_stamp,
                tree,
                tuple(code.id for code in codes),
                tuple(sources),
                self._assistant.pipeline_key(),  # without loading spaCy where its name tells
                language(),
            )
        found: Fixed = stored_state.recall(
            data,
            stored_fixed.NAME,
            stamp,
            lambda: self.candidates(codes, sources),
            stored_fixed.pack,
            lambda arrays: stored_fixed.unpack(arrays, tree),
            by_array=True,  # the arrays the candidates are made from let go once they are made
        )
        return found

    def candidates(self, codes: Sequence[CodeInfo], sources: Sequence[str]) -> Fixed:
        """The candidates of the sources that do not look at the codings: the search terms' sentences (as
        arrays: most are never built, see ``TermSentences.alone_apart``) and the interview guide's."""
        tree = self._context.resolve.code_tree()
        from coding.language.suggestions.questions import question_candidates  # numpy on first use
        from coding.language.suggestions.terms import term_sentences

        corpus = self._assistant.corpus()
        data = self._corpus_data()
        pipeline = self._assistant.pipeline
        found: list[Candidate] = []
        sentences = None
        # made once for the sources below when read from the project (each looks at all of them), let go after
        answers = list(self.guide_answers(data))
        if "terms" in sources:
            sentences = term_sentences([c for c in codes if c.search_terms], data, corpus, pipeline)
            from coding.language.suggestions.named import named_candidates
            from coding.language.suggestions.similar import sentence_vectors

            found += named_candidates(
                list(tree),
                {code.id for code in codes},
                data,
                sentence_vectors(data),
                answers,
            )
        if "question" in sources:
            scope = {code.id for code in codes}
            if answers:
                from coding.language.suggestions.guide_answers import guide_candidates, neighbour_candidates

                found += guide_candidates(answers, list(tree), scope, data, corpus)
                if self._guide is not None:
                    found += neighbour_candidates(
                        answers,
                        self._guide.matcher(),
                        list(tree),
                        scope,
                        data,
                        corpus,
                        self.decided_turns,
                        self.answers[2] if self.answers is not None else None,
                    )
                from coding.language.suggestions.followups import followup_candidates

                found += followup_candidates(answers, list(tree), scope, data, corpus, self.decided_turns)
            elif not any(
                code.guide_question for code in tree
            ):  # no guide in the project: by the code's words
                found += question_candidates(list(tree), scope, data, corpus, pipeline)
        return sentences, found

    def guide_answers(self, data: CorpusData) -> Sequence[AnswerSpan]:
        """The answers to the matched guide questions, kept until the corpus, the guide or the researcher's
        decisions on the matches change (matching every interviewer turn is the slow part)."""
        if self._guide is None:
            return []
        from models import GuideMatch

        tree = self._context.resolve.code_tree()
        guide = tuple(
            (c.id, c.question, c.guide_question, c.guide_prompts, c.name, c.description, c.search_terms)
            for c in tree
            if c.question and c.guide_question
        )
        with self._context.store.read() as session:
            decisions = tuple(
                session.execute(
                    select(
                        GuideMatch.document_id, GuideMatch.start, GuideMatch.question, GuideMatch.status
                    ).order_by(GuideMatch.document_id, GuideMatch.start, GuideMatch.question)
                ).all()
            )
        corpus_key = self._corpus_key()
        self.decided_turns = frozenset((DocumentId(d), start) for d, start, _, _ in decisions)
        key = (corpus_key, guide, decisions)
        kept = self.answers
        if kept is not None and kept[0] == key and corpus_key is not None:
            return kept[1]
        from coding.language.guide_matches import guide_key
        from coding.language.suggestions import stored_answers, stored_state
        from coding.language.suggestions.guide_answers import stored_answer_spans

        self.answers = None  # let the old ones go before finding the new ones
        self.answers_stamp = None
        guide_service = self._guide
        # stored for the next session under what they are found from: the corpus's words, the matcher, the guide
        # and the researcher's decisions
        stamp = (
            None
            if data.stamp is None
            else stored_state.stamp_of(data.stamp, guide_key(guide_service.matcher()), guide, decisions)
        )
        answers, found = stored_state.recall(
            data,
            "guide_answers",
            stamp,
            lambda: stored_answer_spans(guide_service, self._assistant.corpus(), data),
            stored_answers.pack,
            stored_answers.unpack,
            by_array=True,
        )
        self.answers = (key, answers, found)
        self.answers_stamp = stamp
        return answers

    def unasked(
        self,
        codes: Sequence[CodeInfo],
        data: CorpusData,
        coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
        profiles: Profiles,
        closest: tuple[IntArray, FloatArray, FloatArray] | None,
    ) -> list[Candidate]:
        """The passages about the guide questions an interview never asks
        (:mod:`~coding.language.suggestions.unasked`); these look at the codings."""
        asked: dict[DocumentId, set[CodeId]] = defaultdict(set)
        by_ref = {fold(c.question): c.id for c in self._context.resolve.code_tree() if c.question}
        folded = functools.cache(
            fold
        )  # the few questions' references, folded once each (not once per answer)
        from coding.language.suggestions.stored_answers import asked_questions

        for document_id, question in asked_questions(self.guide_answers(data)):
            code_id = by_ref.get(folded(question))
            if code_id is not None:
                asked[document_id].add(code_id)
        if not asked:
            return []
        from coding.language.suggestions.kept import kept_closest_codes
        from coding.language.suggestions.similar import sentence_vectors
        from coding.language.suggestions.unasked import unasked_candidates

        vectors = sentence_vectors(data)
        best = (closest if closest is not None else kept_closest_codes(data, profiles))[0]
        tree = list(self._context.resolve.code_tree())
        return unasked_candidates(tree, {c.id for c in codes}, data, coded, profiles, vectors, best, asked)
