"""Dutch for the reports a user reads after an action: what an import stored and skipped, what a
merge of a REFI-QDA project or a review brought in, and the suggestion queue's words on how far to
trust a code's suggestions. See :mod:`coding.core.i18n`."""

from __future__ import annotations

DUTCH: dict[str, str] = {
    # Why an agreement figure is n/a (the agreement window, its workbook, codewerk agreement)
    "no unit was seen by both coders": "geen eenheid is door beide codeurs gezien",
    "no variation: both coders put every unit in the same category": (
        "geen variatie: beide codeurs plaatsten elke eenheid in dezelfde categorie"
    ),
    "only one category occurs, so chance agreement is complete": (
        "er komt maar één categorie voor, dus de toevalsovereenstemming is volledig"
    ),
    # How far to trust suggestions (the suggestion queue, codewerk suggest calibrate)
    "1 passage": "1 fragment",
    "{count} passages": "{count} fragmenten",
    "1 document": "1 document",
    "{count} documents": "{count} documenten",
    "Too little coded to tell how far to trust these: {passages} in {documents} (needs {least} in "
    "{spread}).": (
        "Te weinig gecodeerd om te zeggen hoe betrouwbaar deze zijn: {passages} in {documents} "
        "(nodig: {least} in {spread})."
    ),
    "Measured: none of the {coded} coded passages would have been suggested.": (
        "Gemeten: geen van de {coded} gecodeerde fragmenten zou zijn voorgesteld."
    ),
    "Measured precision {precision:.0%}: {right} of {suggested} suggestions right, {found} of "
    "{coded} coded passages found (leave-one-document-out, from score {threshold:.2f}).": (
        "Gemeten precisie {precision:.0%}: {right} van de {suggested} suggesties juist, {found} van de "
        "{coded} gecodeerde fragmenten gevonden (telkens één document weggelaten, vanaf score "
        "{threshold:.2f})."
    ),
    "Within the answer, this sentence resembles the {passages} most of all codes (shared words: "
    "{shared}; similarity {similarity:.2f}, ahead of the next code by {lead:.2f}).": (
        "Binnen het antwoord lijkt deze zin van alle codes het meest op {passages} (gedeelde woorden: "
        "{shared}; gelijkenis {similarity:.2f}, {lead:.2f} voor op de volgende code)."
    ),
    "Within the answer, these {sentences} sentences resemble the {passages} most of all codes "
    "(shared words: {shared}; similarity {similarity:.2f}, ahead of the next code by {lead:.2f}).": (
        "Binnen het antwoord lijken deze {sentences} zinnen van alle codes het meest op {passages} "
        "(gedeelde woorden: {shared}; gelijkenis {similarity:.2f}, {lead:.2f} voor op de volgende code)."
    ),
    # The import report (codewerk import)
    "Imported {count} document(s)": "Geïmporteerd: {count} document(en)",
    ", replaced {count}": ", vervangen: {count}",
    "  + {name} ({format}{encoding}, {length} characters)": "  + {name} ({format}{encoding}, {length} tekens)",
    "{count} coded passage(s) could not be kept": "{count} gecodeerd(e) fragment(en) niet behouden",
    "all codings kept": "alle coderingen behouden",
    "  ~ {name}: text replaced, {kept}": "  ~ {name}: tekst vervangen, {kept}",
    '      lost {start}:{end} [{codes}] "{text}"': '      verloren {start}:{end} [{codes}] "{text}"',
    "Note: {file}: {reason}": "Let op: {file}: {reason}",
    "Metadata rows for files that were not imported: {names}": (
        "Rijen in het metadatablad voor bestanden die niet zijn geïmporteerd: {names}"
    ),
    "Imported files without a metadata row: {names}": (
        "Geïmporteerde bestanden zonder rij in het metadatablad: {names}"
    ),
    "Import cancelled; the files before the cancel were imported.": (
        "Importeren geannuleerd; de bestanden van vóór het annuleren zijn geïmporteerd."
    ),
    "Skipped {count} file(s):": "Overgeslagen bestanden ({count}):",
    "speakers: ": "sprekers: ",
    "{speaker} (1 turn)": "{speaker} (1 beurt)",
    "{speaker} ({count} turns)": "{speaker} ({count} beurten)",
    "… and {count} others ({turns} turns)": "… en {count} andere ({turns} beurten)",
    # The report of a REFI-QDA import or merge (codewerk import-qdpx, File → Import project)
    "Imported from {file}: {counts}": "Geïmporteerd uit {file}: {counts}",
    "Already in the project (kept as they are): {counts}": "Al in het project (ongewijzigd gelaten): {counts}",
    "Adjusted {count}:": "Aangepast ({count}):",
    "Conflicts {count} (the project's version kept):": "Conflicten ({count}, de versie van het project aangehouden):",
    "Skipped {count} element(s):": "Overgeslagen elementen ({count}):",
    "nothing": "niets",
    "1 coder": "1 codeur",
    "{count} coders": "{count} codeurs",
    "1 code": "1 code",
    "{count} codes": "{count} codes",
    "1 code set": "1 codeset",
    "{count} code sets": "{count} codesets",
    "1 recording": "1 opname",
    "{count} recordings": "{count} opnamen",
    "1 attribute": "1 kenmerk",
    "{count} attributes": "{count} kenmerken",
    "1 coding": "1 codering",
    "{count} codings": "{count} coderingen",
    "1 review mark": "1 beoordeling",
    "{count} reviews": "{count} beoordelingen",
    "1 memo": "1 memo",
    "{count} memos": "{count} memo's",
    "1 judgement": "1 oordeel",
    "{count} judgements": "{count} oordelen",
    "GUID '{guid}' is malformed; a new one was given": "GUID '{guid}' is ongeldig; er is een nieuwe gegeven",
    "GUID {guid} is used twice; a new one was given": "GUID {guid} komt twee keer voor; er is een nieuwe gegeven",
    "colour '{colour}' is not #RRGGBB; not used": "kleur '{colour}' is geen #RRGGBB; niet gebruikt",
    "Note '{name}'": "Notitie '{name}'",
    "belongs to a source that was not imported": "hoort bij een bron die niet is geïmporteerd",
    "refers to no code ({guid})": "verwijst naar geen enkele code ({guid})",
    "score '{score}' is not on the code's scale ({scale})": "score '{score}' staat niet op de schaal van de code ({scale})",
    "Code '{name}'": "Code '{name}'",
    "imported as '{name}'": "geïmporteerd als '{name}'",
    "question reference '{question}' is taken by another code; left out": (
        "vraagverwijzing '{question}' hoort al bij een andere code; weggelaten"
    ),
    "MemberCode of Set '{name}'": "MemberCode van set '{name}'",
    "NoteRef in {where}": "NoteRef in {where}",
    "refers to no note ({guid})": "verwijst naar geen enkele notitie ({guid})",
    "attribute name '{name}…' is too long; not used": "kenmerknaam '{name}…' is te lang; niet gebruikt",
    "'{name}' already has {key} = '{current}'; '{value}' was not used": (
        "'{name}' heeft al {key} = '{current}'; '{value}' is niet gebruikt"
    ),
    "the project's document with this GUID has another text; its codings were not merged": (
        "het document met deze GUID in het project heeft een andere tekst; de coderingen zijn niet samengevoegd"
    ),
    "a different document has this name; imported as '{name}'": (
        "een ander document heeft deze naam; geïmporteerd als '{name}'"
    ),
    "its stored speaker turns do not fit the text; detected again": (
        "de opgeslagen sprekersbeurten passen niet bij de tekst; opnieuw herkend"
    ),
    "the project has {key} = '{current}'; '{value}' was not used": (
        "het project heeft {key} = '{current}'; '{value}' is niet gebruikt"
    ),
    "codings of the whole source became codings of its whole text": (
        "coderingen van de hele bron zijn coderingen van de hele tekst geworden"
    ),
    "Coding of {where}": "Codering van {where}",
    "not coded; Codewerk keeps coded passages": "niet gecodeerd; Codewerk bewaart gecodeerde fragmenten",
    "{element} in {where}": "{element} in {where}",
    "does not name two sync points of its transcript": "noemt geen twee synchronisatiepunten van het transcript",
    "recording of '{name}'": "opname van '{name}'",
    "is inside the .qdpx; Codewerk links recordings instead of copying them (attach it with codewerk media)": (
        "zit in het .qdpx-bestand; Codewerk koppelt opnamen in plaats van ze te kopiëren (koppel haar met "
        "codewerk media)"
    ),
    "its path {path} is not a file on this computer": "het pad {path} is geen bestand op deze computer",
    "{location} was not found; attach it with codewerk media": (
        "{location} is niet gevonden; koppel haar met codewerk media"
    ),
    "{location} was not found; attached anyway, find it with Relink (--relink DIR)": (
        "{location} is niet gevonden; toch gekoppeld, zoek haar op met Opnieuw koppelen (--relink DIR)"
    ),
    "is called '{other}' in {file}; kept '{name}'": "heet '{other}' in {file}; '{name}' aangehouden",
    "Judgement of '{name}' for {attribute} {value}": "Oordeel over '{name}' voor {attribute} {value}",
    "'{score}' in {file}, '{here}' here; kept '{here}'": "'{score}' in {file}, '{here}' hier; '{here}' aangehouden",
    "Passage {start}–{end} of '{name}' in {file}": "Fragment {start}–{end} van '{name}' in {file}",
    "its text was changed since; it could not be re-anchored: “{text}”": (
        "de tekst is sindsdien gewijzigd; het fragment kon niet opnieuw worden verankerd: “{text}”"
    ),
    "is a picture; Codewerk imports text": "is een afbeelding; Codewerk importeert tekst",
    "is an audio file without a transcript; Codewerk imports text": (
        "is een audiobestand zonder transcript; Codewerk importeert tekst"
    ),
    "is a video without a transcript; Codewerk imports text": "is een video zonder transcript; Codewerk importeert tekst",
    "sets of notes are not imported ({count})": "sets van notities worden niet geïmporteerd ({count})",
    "Codewerk has no links": "Codewerk kent geen koppelingen",
    "Codewerk has no graphs": "Codewerk kent geen grafen",
    "Description of {element}": "Beschrijving van {element}",
    "attributes have no description in Codewerk": "kenmerken hebben in Codewerk geen beschrijving",
    "a variable without a name is not imported": "een variabele zonder naam wordt niet geïmporteerd",
    "VariableValue of {element}": "VariableValue van {element}",
    "refers to no known variable": "verwijst naar geen bekende variabele",
    "links only selections, not whole sources; its values are not imported": (
        "koppelt alleen selecties, geen hele bronnen; de waarden worden niet geïmporteerd"
    ),
    "Codewerk does not code cases ({count} not imported)": "Codewerk codeert geen cases ({count} niet geïmporteerd)",
    "has only rich text (no plain text); export it with plain text": (
        "heeft alleen opgemaakte tekst (geen platte tekst); exporteer het met platte tekst"
    ),
    "has no text (neither PlainTextContent nor plainTextPath)": (
        "heeft geen tekst (PlainTextContent noch plainTextPath)"
    ),
    "refers to a file outside the project ({path}); only internal:// sources can be imported": (
        "verwijst naar een bestand buiten het project ({path}); alleen internal://-bronnen kunnen worden "
        "geïmporteerd"
    ),
    "its file {path} is not in the archive": "het bestand {path} zit niet in het archief",
    "a second transcript; Codewerk keeps the first": "een tweede transcript; Codewerk houdt het eerste aan",
    "a stretch of the recording, not a passage of its transcript": (
        "een stuk van de opname, geen fragment van het transcript"
    ),
    "a PDF without a text representation; Codewerk imports text": (
        "een pdf zonder tekstweergave; Codewerk importeert tekst"
    ),
    "a region of a PDF page, not a passage": "een gebied op een pdf-pagina, geen fragment",
    "has no text": "heeft geen tekst",
    "has no CodeRef": "heeft geen CodeRef",
    "start or end is not a number": "begin of eind is geen getal",
    "positions were counted in {counting} (detected from the selections' text)": (
        "posities waren geteld in {counting} (herkend aan de tekst van de selecties)"
    ),
    "positions {start}–{end} are not a passage of the text ({length} characters)": (
        "posities {start}–{end} vormen geen fragment van de tekst ({length} tekens)"
    ),
    "not a passage": "geen fragment",
    "codes a note ({count} coding(s)); Codewerk codes documents": (
        "codeert een notitie ({count} codering(en)); Codewerk codeert documenten"
    ),
    "another source has the same name; imported as '{name}'": (
        "een andere bron heeft dezelfde naam; geïmporteerd als '{name}'"
    ),
    "Merged from {file}: {counts}": "Samengevoegd uit {file}: {counts}",
    "Packaged {documents} document(s) and {codes} codes for {coder}: {file} (no codings, memos or "
    "judgements)": (
        "{documents} document(en) en {codes} codes verpakt voor {coder}: {file} (zonder coderingen, memo's "
        "of oordelen)"
    ),
    # The report of a review read back (codewerk review import, File → Import review)
    "{place}: a comment without a mark is taken as a question": (
        "{place}: een opmerking zonder beoordeling is als vraag opgevat"
    ),
    "{count} quote row(s) of the export are not in the file (deleted there?); their marks are left as "
    "they were": (
        "{count} citaatrij(en) uit de export staan niet in het bestand (daar verwijderd?); hun beoordelingen "
        "zijn gebleven zoals ze waren"
    ),
    "{count} judgement row(s) of the export are not in the file (deleted there?); their marks are left "
    "as they were": (
        "{count} oordeelrij(en) uit de export staan niet in het bestand (daar verwijderd?); hun "
        "beoordelingen zijn gebleven zoals ze waren"
    ),
}
