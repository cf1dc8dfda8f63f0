"""Dutch for what the command line prints (its lines and table headers) and for the reasons given with
coding suggestions. See :mod:`coding.core.i18n`."""

from __future__ import annotations

DUTCH: dict[str, str] = {
    "{count} quote(s)": "{count} citaat/citaten",
    "{code_path} for {attribute} {value}: {score}{note}": (
        "{code_path} voor {attribute} {value}: {score}{note}"
    ),
    "Saved query {name}: {description}": "Opgeslagen zoekvraag {name}: {description}",
    "The query holds in {count} {unit}(s) of {documents} document(s).": (
        "De zoekvraag geldt in {count} eenheid/eenheden ({unit}) van {documents} document(en)."
    ),
    "Deleted query {delete}": "Zoekvraag {delete} verwijderd",
    "Codings": "Coderingen",
    'Coded {name} {start}:{end} with {path_text}: "{preview}"': (
        '{name} {start}:{end} gecodeerd met {path_text}: "{preview}"'
    ),
    "Created {path} with {source} ({count} codes)": "{path} gemaakt met {source} ({count} codes)",
    "Attached {count} recording(s) from {media}": "{count} opname(n) gekoppeld uit {media}",
    "codewerk: {unindexed}": "codewerk: {unindexed}",
    "No concept has a judgement yet (codewerk assess PROJECT GROUP CONCEPT SCORE).": (
        "Nog geen enkel concept heeft een oordeel (codewerk assess PROJECT GROEP CONCEPT SCORE)."
    ),
    "Not judged yet: {unjudged}": "Nog niet beoordeeld: {unjudged}",
    "\nJudgements (score, quotes in brackets):": "\nOordelen (score, citaten tussen haakjes):",
    "  {path_text} × {value}: {score}{justification}": "  {path_text} × {value}: {score}{justification}",
    "Wrote the answers to {count} guide question(s) of {count2} interview(s) to {written}": (
        "De antwoorden op {count} vraag/vragen uit de leidraad van {count2} interview(s) "
        "geschreven naar {written}"
    ),
    "{verb}: the turn at {start} in {document} asks {question}": (
        "{verb}: de beurt op {start} in {document} stelt {question}"
    ),
    "Confirmed": "Bevestigd",
    "Cleared": "Gewist",
    "Reset": "Teruggezet",
    "  {ref}  {code}": "  {ref}  {code}",
    "Turn": "Beurt",
    "Hit": "Treffer",
    "Left": "Links",
    "Right": "Rechts",
    "Not searched (not indexed): {unindexed}": "Niet doorzocht (niet geïndexeerd): {unindexed}",
    "Coded {count} passage(s) with {code_with} ({unit}).": (
        "{count} fragment(en) gecodeerd met {code_with} ({unit})."
    ),
    "Exported {out}": "{out} geëxporteerd",
    "Leave-one-document-out over {documents} coded document(s); {OVERLAP_RULE}.": (
        "Telkens één document weggelaten, over {documents} gecodeerde document(en); {OVERLAP_RULE}."
    ),
    "Thresholds stored: each code's lowest score from which {target:.0%} of its suggestions "
    "were right, leave-one-document-out over {documents} coded document(s); '–': too little "
    "coded to tell ({MIN_PASSAGES} passages in {MIN_DOCUMENTS} documents needed).": (
        "Drempels opgeslagen: per code de laagste score vanaf welke {target:.0%} van haar "
        "suggesties juist was, telkens één document weggelaten, over {documents} gecodeerde "
        "document(en); '–': te weinig gecodeerd om het te zeggen ({MIN_PASSAGES} fragmenten in "
        "{MIN_DOCUMENTS} documenten nodig)."
    ),
    "Accepted {count} suggestion(s); {count2} new coding(s).": (
        "{count} suggestie(s) aanvaard; {count2} nieuwe codering(en)."
    ),
    "Rejected {count} suggestion(s); they will not be offered again.": (
        "{count} suggestie(s) afgewezen; ze worden niet opnieuw voorgesteld."
    ),
    "Id": "Id",
    "Reason": "Reden",
    "{count} suggestion(s)": "{count} suggestie(s)",
    "Added {code}: {name}": "{code} toegevoegd: {name}",
    "Removed {values}": "{values} verwijderd",
    "Exported the respondent register to {path} (keep it apart from the analysis)": (
        "Het respondentenregister geëxporteerd naar {path} (bewaar het apart van de analyse)"
    ),
    "The register has {count} respondent(s)": "Het register heeft {count} respondent(en)",
    "Aliases": "Andere namen",
    "Note": "Notitie",
    "The index is up to date ({count} documents).": "De index is bijgewerkt ({count} documenten).",
    "#": "#",
    "Context": "Context",
    "Name": "Naam",
    "Replace by": "Vervangen door",
    "Why": "Waarom",
    "{count} candidate(s); replace them with --apply all or --apply 1,3,5-8": (
        "{count} kandida(a)t(en); vervang ze met --apply all of --apply 1,3,5-8"
    ),
    "Indexed {documents} document(s): {tokens} words, {sentences} sentences in {seconds:.1f} "
    "s ({pipeline})": (
        "{documents} document(en) geïndexeerd: {tokens} woorden, {sentences} zinnen in "
        "{seconds:.1f} s ({pipeline})"
    ),
    "codewerk: interrupted": "codewerk: onderbroken",
    "codewerk: error: {exc}": "codewerk: fout: {exc}",
    "Found {count} moved recording(s) again in {relink}": (
        "{count} verplaatste opname(n) teruggevonden in {relink}"
    ),
    "Attached {name} ({kind}) to {document}": "{name} ({kind}) gekoppeld aan {document}",
    "Upgraded {name}; the previous version is kept as {name2}": (
        "{name} bijgewerkt; de vorige versie is bewaard als {name2}"
    ),
    "Upgraded {location}; the previous version is kept in the schema {backup_schema}": (
        "{location} bijgewerkt; de vorige versie is bewaard in het schema {backup_schema}"
    ),
    "Created {path}": "{path} gemaakt",
    "{reviewer}: {mark} on {name} {start}:{end} ({code_path}){layers}{comment}": (
        "{reviewer}: {mark} bij {name} {start}:{end} ({code_path}){layers}{comment}"
    ),
    " ({count} coders' codings)": " (coderingen van {count} codeurs)",
    " ({count} already had it)": " ({count} hadden het al)",
    "Added {name} as {role}": "{name} toegevoegd als {role}",
    "Copied {rows} rows in {tables} tables to {dest}": (
        "{rows} rijen in {tables} tabellen gekopieerd naar {dest}"
    ),
    "Prepared {location} as a Codewerk team project (you are its owner)": (
        "{location} ingericht als teamproject van Codewerk (u bent de eigenaar)"
    ),
    "Coded {count} turn(s) of {speakers} with {path_text}{already}": (
        "{count} beurt(en) van {speakers} gecodeerd met {path_text}{already}"
    ),
    "“{label}” (as “{forms}”)": "“{label}” (als “{forms}”)",
    "Contains the search terms {terms} of {code}.": "Bevat de zoektermen {terms} van {code}.",
    "Contains the search term {terms} of {code}.": "Bevat de zoekterm {terms} van {code}.",
    "a match the researcher confirmed": "een door de onderzoeker bevestigde overeenkomst",
    "matched with confidence {confidence:.2f}": "gevonden met zekerheid {confidence:.2f}",
    "Answer to guide question {question}{guide_text} ({code}); the interviewer asked “{asked}” ({how}).": (
        "Antwoord op vraag {question} uit de leidraad{guide_text} ({code}); de interviewer vroeg "
        "“{asked}” ({how})."
    ),
    "Answer to the interviewer's question “{asked}”, which matches question {question} of "
    "the interview guide ({code}) on the words {shared} (similarity {similarity:.2f}).": (
        "Antwoord op de vraag van de interviewer “{asked}”, die overeenkomt met vraag {question} "
        "uit de interviewleidraad ({code}) op de woorden {shared} (gelijkenis {similarity:.2f})."
    ),
    "Ranked lower: it resembles the {count} suggestion you rejected for this code "
    "(similarity {similarity:.2f}).": (
        "Lager gerangschikt: het lijkt op de {count} suggestie die u voor deze code afwees "
        "(gelijkenis {similarity:.2f})."
    ),
    "Ranked lower: it resembles the {count} suggestions you rejected for this code "
    "(similarity {similarity:.2f}).": (
        "Lager gerangschikt: het lijkt op de {count} suggesties die u voor deze code afwees "
        "(gelijkenis {similarity:.2f})."
    ),
    "Attributes": "Kenmerken",
    "Characters": "Tekens",
    "Coder": "Codeur",
    "Comment": "Opmerking",
    "Documents": "Documenten",
    "Format": "Formaat",
    "Guide question": "Vraag uit de leidraad",
    "Interviewer": "Interviewer",
    "Lemma": "Lemma",
    "Mark": "Beoordeling",
    "Prompts": "Doorvragen",
    "Query": "Zoekvraag",
    "Reviewer": "Beoordelaar",
    "Speaker": "Spreker",
    "Time": "Tijd",
    "Turns": "Beurten",
    "Unit": "Eenheid",
    "When": "Wanneer",
    "Where": "Waar",
    "Words": "Woorden",
    "{count} passage coded {code}": "het {count} fragment dat met {code} gecodeerd is",
    "{count} passages coded {code}": "de {count} fragmenten die met {code} gecodeerd zijn",
    "Of all codes, this answer resembles the {passages} most (shared words: {words}; "
    "similarity {similarity:.2f}).": (
        "Van alle codes lijkt dit antwoord het meest op {passages} (gedeelde woorden: {words}; "
        "gelijkenis {similarity:.2f})."
    ),
    "This answer resembles the {passages} almost as much as those coded {other} (shared "
    "words: {words}; similarity {similarity:.2f}, against {best:.2f}).": (
        "Dit antwoord lijkt bijna even sterk op {passages} als op de fragmenten die met {other} "
        "gecodeerd zijn (gedeelde woorden: {words}; gelijkenis {similarity:.2f}, tegen "
        "{best:.2f})."
    ),
    "another code": "een andere code",
    "The answer names the concept {code} itself, outside the answers to its own guide questions "
    "(where passages are coded with its indicators).": (
        "Het antwoord noemt het concept {code} zelf, buiten de antwoorden op de eigen vragen uit de "
        "leidraad (waar fragmenten met de indicatoren ervan gecodeerd worden)."
    ),
    "Answer to guide question {question}{guide_text}, which asks about {code} as a whole, "
    "{part} included; the interviewer asked “{asked}” ({how}).": (
        "Antwoord op vraag {question} uit de leidraad{guide_text}, die naar {code} als geheel vraagt, "
        "{part} inbegrepen; de interviewer vroeg “{asked}” ({how})."
    ),
    "The interviewer's question “{asked}” also resembles guide question {question}{guide_text} "
    "({code}; similarity {similarity:.2f}, against {best:.2f} for {first}, which it was matched "
    "to).": (
        "De vraag van de interviewer “{asked}” lijkt ook op vraag {question} uit de leidraad{guide_text} "
        "({code}; gelijkenis {similarity:.2f}, tegen {best:.2f} voor {first}, waarmee ze gevonden is)."
    ),
    "The interviewer's question “{asked}” resembles guide question {question}{guide_text} "
    "({code}; similarity {similarity:.2f}), too little for the guide matcher to place it.": (
        "De vraag van de interviewer “{asked}” lijkt op vraag {question} uit de leidraad{guide_text} "
        "({code}; gelijkenis {similarity:.2f}), te weinig om haar aan de leidraad toe te wijzen."
    ),
    "The interviewer's short turn “{asked}” may follow up guide question {question} ({code}), asked "
    "just before it (“{before}”): the answer after it is offered for {question} too.": (
        "De korte beurt van de interviewer “{asked}” kan doorvragen op vraag {question} uit de leidraad ({code}), "
        "die vlak ervoor gesteld is (“{before}”): het antwoord erna wordt ook voor {question} voorgesteld."
    ),
    "No interviewer turn of this interview is matched to guide question {question}: “{guide}” ({code}). Of its "
    "answers, this passage resembles {passages} most, and of all codes it resembles this one most (shared words: "
    "{shared}; similarity {similarity:.2f}).": (
        "Geen beurt van de interviewer in dit interview is aan vraag {question} uit de leidraad toegewezen: "
        "“{guide}” ({code}). Van de antwoorden lijkt dit fragment het meest op {passages}, en van alle codes lijkt "
        "het het meest op deze (gedeelde woorden: {shared}; gelijkenis {similarity:.2f})."
    ),
    "the passage coded with it": "het fragment dat ermee gecodeerd is",
    "the {count} passages coded with it": "de {count} fragmenten die ermee gecodeerd zijn",
    "Of all codes, the answer resembles {passages} most (similarity {similarity:.2f}).": (
        "Van alle codes lijkt het antwoord het meest op {passages} (gelijkenis {similarity:.2f})."
    ),
    "The answer resembles {passages} more than all but {rank} other codes (similarity {similarity:.2f}).": (
        "Het antwoord lijkt sterker op {passages} dan op alle andere codes op {rank} na (gelijkenis "
        "{similarity:.2f})."
    ),
    # table cells
    "yes": "ja",
    "overall": "totaal",
    "All (each once)": "Alle (elk één keer)",
    "open": "open",
    "{count} hit(s) in {documents} document(s)": "{count} treffer(s) in {documents} document(en)",
    # why a name was found (codewerk anonymise, Extra → Namen anonimiseren)
    "name of respondent {code} in the register": "naam van respondent {code} in het register",
    "looks like the name of an organisation": "lijkt de naam van een organisatie",
    "a name after “{title}”": "een naam na “{title}”",
    "capitalised words that look like a person's name": "woorden met een hoofdletter die op een persoonsnaam lijken",
    "name of a municipality": "naam van een gemeente",
    "named entity ({label}) found by the pipeline": "benoemde entiteit ({label}) gevonden door de taalpijplijn",
    # codewerk speakers, guide, anonymise, agreement
    "Speaker patterns set; turns detected again, {count} document(s) changed": (
        "Sprekerpatronen ingesteld; beurten opnieuw herkend, {count} document(en) gewijzigd"
    ),
    "Renamed {old} to {new}": "{old} hernoemd tot {new}",
    "Renamed {old} to {new} in {document}": "{old} hernoemd tot {new} in {document}",
    "{label} is no speaker; its lines belong to the turn before": (
        "{label} is geen spreker; de regels horen bij de beurt ervoor"
    ),
    "{name} is an interviewer": "{name} is interviewer",
    "{name} is not an interviewer": "{name} is geen interviewer",
    "Turns detected again, {count} document(s) changed": "Beurten opnieuw herkend, {count} document(en) gewijzigd",
    "Could not place {count} question(s), no code has the reference: {references}": (
        "{count} vraag/vragen niet geplaatst, geen code heeft de verwijzing: {references}"
    ),
    "Replaced {count} name(s) in {documents} document(s); every coding kept its passage{merged}": (
        "{count} naam/namen vervangen in {documents} document(en); elke codering hield haar fragment{merged}"
    ),
    " ({count} passage(s) merged)": " ({count} fragment(en) samengevoegd)",
    "{name} of {code}": "{name} van {code}",
    "n/a: {reason} ({where})": "n.v.t.: {reason} ({where})",
}
