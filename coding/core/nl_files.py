"""Dutch for the domain's messages about files and data: imports, REFI-QDA, recordings, the register,
search, reviews, speakers, codings and undo. See :mod:`coding.core.i18n`."""

from __future__ import annotations

DUTCH: dict[str, str] = {
    "already imported as '{name}' (same content)": "al geïmporteerd als '{name}' (dezelfde inhoud)",
    "file": "bestand",
    "files": "bestanden",
    "the import stopped while storing {file}. Nothing was imported and the project is as it "
    "was ({count} {files} not imported: {names})": (
        "de import stopte bij het opslaan van {file}. Er is niets geïmporteerd en het project is "
        "zoals het was ({count} {files} niet geïmporteerd: {names})"
    ),
    "the import stopped. Nothing was imported and the project is as it was ({count} {files} "
    "not imported: {names})": (
        "de import stopte. Er is niets geïmporteerd en het project is zoals het was ({count} "
        "{files} niet geïmporteerd: {names})"
    ),
    "is a folder with no files Codewerk can import": (
        "is een map zonder bestanden die Codewerk kan importeren"
    ),
    "could not be read ({error}: {exc})": "kon niet worden gelezen ({error}: {exc})",
    "{reason}; use replace to update its text (codings are kept where their passage is unchanged)": (
        "{reason}; gebruik vervangen om de tekst bij te werken (coderingen blijven waar hun "
        "fragment ongewijzigd is)"
    ),
    "could not be read": "kon niet worden gelezen",
    "{reason}; not replaced": "{reason}; niet vervangen",
    "the metadata sheet is empty": "het metadatablad is leeg",
    "the metadata sheet needs a 'file' column (found: {value})": (
        "het metadatablad heeft een kolom 'file' nodig (gevonden: {value})"
    ),
    "is not a text CSV file (neither UTF-8 nor Windows-1252)": (
        "is geen tekstbestand in CSV (UTF-8 noch Windows-1252)"
    ),
    "is not a text CSV file": "is geen tekstbestand in CSV",
    "the metadata sheet is too large": "het metadatablad is te groot",
    "the metadata sheet has the column '{name}' twice": (
        "het metadatablad heeft de kolom '{name}' twee keer"
    ),
    "row {line} has no file name": "rij {line} heeft geen bestandsnaam",
    "'{file_name}' is listed twice (rows {seen} and {line})": (
        "'{file_name}' staat er twee keer in (rijen {seen} en {line})"
    ),
    "not a readable Excel workbook ({error})": "geen leesbare Excel-werkmap ({error})",
    "a metadata sheet must be .csv or .xlsx": "een metadatablad moet .csv of .xlsx zijn",
    "contains no text": "bevat geen tekst",
    "unsupported file type '{shown}' (supported: {supported})": (
        "soort bestand '{shown}' wordt niet ondersteund (ondersteund: {supported})"
    ),
    "not a valid OpenDocument text (the file is damaged or not really .odt)": (
        "geen geldige OpenDocument-tekst (het bestand is beschadigd of niet echt .odt)"
    ),
    "not an OpenDocument text (no text body)": "geen OpenDocument-tekst (geen tekstgedeelte)",
    "contains unsafe XML (entities or a DTD); not imported": (
        "bevat onveilige XML (entiteiten of een DTD); niet geïmporteerd"
    ),
    "password-protected; save it without a password": (
        "beveiligd met een wachtwoord; sla het op zonder wachtwoord"
    ),
    "not an OpenDocument text (its type is {mimetype})": ("geen OpenDocument-tekst (het type is {mimetype})"),
    "no text layer (scanned PDF?); run OCR first": "geen tekstlaag (gescande pdf?); voer eerst OCR uit",
    "not a valid PDF (the file is damaged or incomplete)": (
        "geen geldige pdf (het bestand is beschadigd of onvolledig)"
    ),
    "not a PDF (the file is damaged or not really .pdf)": (
        "geen pdf (het bestand is beschadigd of niet echt .pdf)"
    ),
    "contains no pages": "bevat geen pagina's",
    "not a PDF (it looks like {described})": "geen pdf (het lijkt op {described})",
    "password-protected; save a copy without a password and import that": (
        "beveiligd met een wachtwoord; sla een kopie op zonder wachtwoord en importeer die"
    ),
    "encrypted in a way Codewerk cannot read; save an unprotected copy first": (
        "versleuteld op een manier die Codewerk niet kan lezen; sla eerst een onbeveiligde kopie op"
    ),
    "looks like a decompression bomb; not imported": "lijkt op een decompressiebom; niet geïmporteerd",
    "not a valid {label} (the file is damaged or not really {ext})": (
        "geen geldig {label} (het bestand is beschadigd of niet echt {ext})"
    ),
    "a PDF": "een pdf",
    "an old-format (97-2003) or password-protected Office file": (
        "een Office-bestand in het oude formaat (97-2003) of met een wachtwoord"
    ),
    "a zip archive or Office document": "een zip-archief of Office-document",
    "a zip archive": "een zip-archief",
    "a PNG image": "een PNG-afbeelding",
    "a JPEG image": "een JPEG-afbeelding",
    "a GIF image": "een GIF-afbeelding",
    "an RTF document": "een RTF-document",
    "a gzip archive": "een gzip-archief",
    "Word document": "Word-document",
    "OpenDocument text": "OpenDocument-tekstbestand",
    "a Word document; rename it to .docx": "een Word-document; hernoem het naar .docx",
    "an OpenDocument file; rename it to .odt": "een OpenDocument-bestand; hernoem het naar .odt",
    "an Excel workbook": "een Excel-werkmap",
    "a PowerPoint presentation": "een PowerPoint-presentatie",
    "is a folder, not a file": "is een map, geen bestand",
    "is not a regular file": "is geen gewoon bestand",
    "the file is empty": "het bestand is leeg",
    "file is too large ({size_text}; the limit is {value} MB)": (
        "het bestand is te groot ({size_text}; de grens is {value} MB)"
    ),
    "not a text file (it looks like {described})": "geen tekstbestand (het lijkt op {described})",
    "not a text file (it contains binary data)": "geen tekstbestand (het bevat binaire gegevens)",
    "not {a_label} (it is password-protected or an old 97-2003 Office file)": (
        "geen {label} (het is beveiligd met een wachtwoord of een oud Office-bestand uit 97-2003)"
    ),
    "looks like a zip bomb ({count} files inside)": "lijkt op een zip-bom ({count} bestanden erin)",
    "looks like a zip bomb (it would unpack to {size_text}; the limit is {value} MB)": (
        "lijkt op een zip-bom (uitgepakt zou het {size_text} worden; de grens is {value} MB)"
    ),
    "file not found": "bestand niet gevonden",
    "not a text file Codewerk can read (it looks like UTF-16 text without a byte-order "
    "mark); save it as UTF-8": (
        "geen tekstbestand dat Codewerk kan lezen (het lijkt op UTF-16-tekst zonder byte-order "
        "mark); sla het op als UTF-8"
    ),
    "password-protected or in the old Word 97-2003 format; save it as .docx without a password": (
        "beveiligd met een wachtwoord of in het oude formaat van Word 97-2003; sla het op als "
        ".docx zonder wachtwoord"
    ),
    "not {a_label} (it looks like {described})": "geen {label} (het lijkt op {described})",
    "not {a_label} (it looks like {looks_like})": "geen {label} (het lijkt op {looks_like})",
    "looks like a zip bomb ('{filename}' would unpack to {size_text}, {ratio} times its packed size)": (
        "lijkt op een zip-bom ('{filename}' zou uitgepakt {size_text} worden, {ratio} keer de "
        "ingepakte grootte)"
    ),
    "contains no subtitle cues": "bevat geen ondertitels",
    "a macro-enabled Word document; save it as .docx": (
        "een Word-document met macro's; sla het op als .docx"
    ),
    "not a valid Word document (the file is damaged or not really .docx)": (
        "geen geldig Word-document (het bestand is beschadigd of niet echt .docx)"
    ),
    "a Word template; save it as .docx": "een Word-sjabloon; sla het op als .docx",
    "code {code_id} is not in this comparison": "code {code_id} hoort niet bij deze vergelijking",
    "'{value}' is not a value of {attribute}": "'{value}' is geen waarde van {attribute}",
    "measure must be one of {MEASURES}, not '{measure}'": (
        "de maat moet een van {MEASURES} zijn, niet '{measure}'"
    ),
    "no document has {key} = '{group}' (known: {known})": (
        "geen enkel document heeft {key} = '{group}' (bekend: {known})"
    ),
    "'{score}' is not on the scale of '{name}' (allowed: {scale})": (
        "'{score}' staat niet op de schaal van '{name}' (toegestaan: {scale})"
    ),
    "passage {missing} does not exist": "fragment {missing} bestaat niet",
    "judgement {judgement_id} does not exist": "oordeel {judgement_id} bestaat niet",
    "no document has {key} = '{value}' (known: {listed})": (
        "geen enkel document heeft {key} = '{value}' (bekend: {listed})"
    ),
    "kinds are {KINDS}": "soorten zijn {KINDS}",
    "{name}: {start}:{end} is not a passage of the text": (
        "{name}: {start}:{end} is geen fragment van de tekst"
    ),
    "{name}: the text at {start}:{end} is no longer “{original}”; list the names again": (
        "{name}: de tekst op {start}:{end} is niet meer “{original}”; zoek de namen opnieuw"
    ),
    "{name}: a name cannot be replaced by nothing": ("{name}: een naam kan niet door niets worden vervangen"),
    "{name}: the names at {start} and {start2} overlap": (
        "{name}: de namen op {start} en {start2} overlappen"
    ),
    "unit must be one of {CODING_UNITS}": "de eenheid moet een van {CODING_UNITS} zijn",
    "unknown search mode '{mode}' (choose from {modes})": ("onbekende zoekwijze '{mode}' (kies uit {modes})"),
    "language '{language}' is not supported by spaCy": (
        "taal '{language}' wordt niet ondersteund door spaCy"
    ),
    "a respondent needs a code such as R5": "een respondent heeft een code nodig, zoals R5",
    "'{code}' cannot be a respondent code (at most 40 characters, no brackets)": (
        "'{code}' kan geen respondentcode zijn (hoogstens 40 tekens, geen haken)"
    ),
    "respondent {code} needs a name": "respondent {code} heeft een naam nodig",
    "respondent {code} is not in the register": "respondent {code} staat niet in het register",
    "respondent {code} is already in the register": "respondent {code} staat al in het register",
    "{name}: a register needs the columns code and name": (
        "{name}: een register heeft de kolommen code en name nodig"
    ),
    "{name}: cannot read the register ({exc})": "{name}: kan het register niet lezen ({exc})",
    "{name}, line {number}: {exc}": "{name}, regel {number}: {exc}",
    "type something to search for": "typ iets om naar te zoeken",
    "'{text}' has no words to search for": "'{text}' bevat geen woorden om naar te zoeken",
    "'{pattern}' is not a valid regular expression: {exc}": (
        "'{pattern}' is geen geldige reguliere expressie: {exc}"
    ),
    "suggestion {suggestion_id} does not exist": "suggestie {suggestion_id} bestaat niet",
    "suggestion {suggestion_id} was already {status}": "suggestie {suggestion_id} was al {status}",
    "unknown suggestion source(s) {unknown}": "onbekende bron(nen) van suggesties {unknown}",
    "status must be one of {SUGGESTION_STATUSES}": "de status moet een van {SUGGESTION_STATUSES} zijn",
    "document {document_id} has no recording": "document {document_id} heeft geen opname",
    "is not a supported recording (use {supported})": "is geen ondersteunde opname (gebruik {supported})",
    "does not exist": "bestaat niet",
    "is a folder, not a recording": "is een map, geen opname",
    "is not a folder": "is geen map",
    "this document has no recording attached": "aan dit document is geen opname gekoppeld",
    "is missing (moved or deleted); relink it from the folder it is in now": (
        "ontbreekt (verplaatst of verwijderd); koppel het opnieuw vanuit de map waarin het nu staat"
    ),
    "a memo belongs to the project, one document or one code": (
        "een memo hoort bij het project, één document of één code"
    ),
    "memo {memo_id} does not exist": "memo {memo_id} bestaat niet",
    "{name}: the passage {span}:{span2} is already coded with '{code_names}' by {coder}": (
        "{name}: het fragment {span}:{span2} is al gecodeerd met '{code_names}' door {coder}"
    ),
    "{name}: {exc}": "{name}: {exc}",
    "'{name}' is a category: it groups codes and is not applied itself; choose one of its codes": (
        "'{name}' is een categorie: die groepeert codes en wordt zelf niet toegekend; kies een van haar codes"
    ),
    "span {start}:{end} is not a passage of this document (valid: 0 ≤ start < end ≤ {count})": (
        "{start}:{end} is geen fragment van dit document (geldig: 0 ≤ begin < eind ≤ {count})"
    ),
    "the selected passage is only whitespace": "het gekozen fragment bestaat alleen uit witruimte",
    "coding {coding_id} does not exist": "codering {coding_id} bestaat niet",
    "passage {passage_id} does not exist": "fragment {passage_id} bestaat niet",
    "another coded passage already has exactly these boundaries": (
        "een ander gecodeerd fragment heeft al precies deze grenzen"
    ),
    "this passage is already coded with '{code_name}' by {coder} (another coder may code it "
    "too, in their own layer)": (
        "dit fragment is al gecodeerd met '{code_name}' door {coder} (een andere codeur mag het "
        "ook coderen, in een eigen laag)"
    ),
    "{name}: not enough space on the disk of {parent}; no project was created": (
        "{name}: niet genoeg ruimte op de schijf van {parent}; er is geen project gemaakt"
    ),
    "{name}: search, suggestions and the word index work on project files only for now; save a "
    "copy as a file (File → Save a copy…, or codewerk copy) and use them there": (
        "{name}: zoeken, suggesties en de woordindex werken voorlopig alleen op "
        "projectbestanden; sla een kopie op als bestand (Bestand → Kopie opslaan…, of codewerk "
        "copy) en gebruik ze daar"
    ),
    "{name}: that is this project's own file; choose another name": (
        "{name}: dat is het eigen bestand van dit project; kies een andere naam"
    ),
    "{path}: the file exists; choose another name or allow replacing it": (
        "{path}: het bestand bestaat al; kies een andere naam of sta vervangen toe"
    ),
    "{parent}: no such folder": "{parent}: map bestaat niet",
    "give start and end, or the passage text": "geef begin en eind, of de tekst van het fragment",
    "give either start and end or text, not both": "geef óf begin en eind óf tekst, niet beide",
    "not a REFI-QDA project: the archive has no project.qde": (
        "geen REFI-QDA-project: het archief heeft geen project.qde"
    ),
    "looks like a zip bomb ({count} entries)": "lijkt op een zip-bom ({count} onderdelen)",
    "looks like a zip bomb (its text would unpack to {value} MB)": (
        "lijkt op een zip-bom (de tekst zou uitgepakt {value} MB worden)"
    ),
    "not a REFI-QDA project: several .qde files ({names}) and no project.qde": (
        "geen REFI-QDA-project: meerdere .qde-bestanden ({names}) en geen project.qde"
    ),
    "the archive has no {name}": "het archief heeft geen {name}",
    "not a REFI-QDA project (not a zip archive, which a .qdpx is)": (
        "geen REFI-QDA-project (geen zip-archief, wat een .qdpx wel is)"
    ),
    "refused: the entry '{filename}' points outside the archive (unsafe path)": (
        "geweigerd: het onderdeel '{filename}' wijst buiten het archief (onveilig pad)"
    ),
    "the archive is encrypted; export it again without a password": (
        "het archief is versleuteld; exporteer het opnieuw zonder wachtwoord"
    ),
    "looks like a zip bomb ('{filename}' would unpack to {value} MB from {value2} KB)": (
        "lijkt op een zip-bom ('{filename}' zou uitgepakt {value} MB worden uit {value2} KB)"
    ),
    "the archive is damaged ('{filename}': {exc})": "het archief is beschadigd ('{filename}': {exc})",
    "the project has no codes; a codebook needs at least one": (
        "het project heeft geen codes; een codeboek heeft er ten minste één nodig"
    ),
    "not a REFI-QDA codebook (the root element is {local!r})": (
        "geen REFI-QDA-codeboek (het hoofdelement is {local!r})"
    ),
    "{name}: too large for a codebook ({value} MB)": "{name}: te groot voor een codeboek ({value} MB)",
    "{name}: the codebook has no codes": "{name}: het codeboek heeft geen codes",
    "{name}: the exported codebook is not valid: {errors}": (
        "{name}: het geëxporteerde codeboek is niet geldig: {errors}"
    ),
    "refused: {exc}": "geweigerd: {exc}",
    "{part} declares XML entities or external references, which Codewerk refuses ({exc})": (
        "{part} declareert XML-entiteiten of externe verwijzingen, die Codewerk weigert ({exc})"
    ),
    "{part} is not well-formed XML ({exc})": "{part} is geen goedgevormde XML ({exc})",
    "{part} is nested too deeply": "{part} is te diep genest",
    "not a REFI-QDA file (expected .qdpx for a project or .qdc for a codebook)": (
        "geen REFI-QDA-bestand (verwacht .qdpx voor een project of .qdc voor een codeboek)"
    ),
    "{where}: unknown format; Codewerk's extra data was not read": (
        "{where}: onbekend formaat; de extra gegevens van Codewerk zijn niet gelezen"
    ),
    "{where}: {section} entry '{guid}' is malformed": (
        "{where}: onderdeel '{guid}' van {section} is misvormd"
    ),
    "{where}: not valid JSON; Codewerk's extra data was not read": (
        "{where}: geen geldige JSON; de extra gegevens van Codewerk zijn niet gelezen"
    ),
    "{where}: judgement {value} is malformed": "{where}: oordeel {value} is misvormd",
    "{name}: this is the open project itself": "{name}: dit is het geopende project zelf",
    "{file_name}: its codebook shares no code with this project's (another codebook); nothing was merged": (
        "{file_name}: het codeboek heeft geen enkele code gemeen met dat van dit project (een "
        "ander codeboek); er is niets samengevoegd"
    ),
    "a package needs the name of the coder it is for (--coder NAME)": (
        "een pakket heeft de naam nodig van de codeur voor wie het is (--coder NAAM)"
    ),
    "{name}: already exists; choose another name (a package never overwrites)": (
        "{name}: bestaat al; kies een andere naam (een pakket overschrijft nooit)"
    ),
    "too large for a codebook": "te groot voor een codeboek",
    "not a REFI-QDA project (project.qde has the root element {local_name!r})": (
        "geen REFI-QDA-project (project.qde heeft het hoofdelement {local_name!r})"
    ),
    "project.qde is empty": "project.qde is leeg",
    "{name}: the exported project.qde is not valid: {errors}": (
        "{name}: het geëxporteerde project.qde is niet geldig: {errors}"
    ),
    "review status must be one of {REVIEW_STATUSES}": (
        "de status van een beoordeling moet een van {REVIEW_STATUSES} zijn"
    ),
    "coding {target} does not exist": "codering {target} bestaat niet",
    "judgement {target} does not exist": "oordeel {target} bestaat niet",
    "{kind} {missing} does not exist": "{kind} {missing} bestaat niet",
    "coding": "codering",
    "judgement": "oordeel",
    "accepted": "geaccepteerd",
    "rejected": "afgewezen",
    "a reply belongs to one quote or one judgement": "een reactie hoort bij één citaat of één oordeel",
    "a reply needs some text": "een reactie heeft tekst nodig",
    "{name}: no such file": "{name}: bestand bestaat niet",
    "{name}: a review file is a workbook (.xlsx) or a Word document (.docx)": (
        "{name}: een beoordelingsbestand is een werkmap (.xlsx) of een Word-document (.docx)"
    ),
    "{name}: not a {suffix} file (it is not a zip package); is it damaged?": (
        "{name}: geen {suffix}-bestand (het is geen zip-pakket); is het beschadigd?"
    ),
    "{name}: not a Codewerk review file (no project identity in it)": (
        "{name}: geen beoordelingsbestand van Codewerk (er staat geen projectidentiteit in)"
    ),
    "{name}: cannot read it as a {suffix} file ({exc})": (
        "{name}: kan het niet lezen als {suffix}-bestand ({exc})"
    ),
    "{name}: not a Codewerk review workbook (its hidden sheet '{IDENTITY_SHEET}' is missing)": (
        "{name}: geen beoordelingswerkmap van Codewerk (het verborgen blad '{IDENTITY_SHEET}' ontbreekt)"
    ),
    "{name}: this review file belongs to the project {other}, not to '{project_name}'": (
        "{name}: dit beoordelingsbestand hoort bij het project {other}, niet bij '{project_name}'"
    ),
    "no turns of speaker {missing} found": "geen beurten van spreker {missing} gevonden",
    "the selection holds only the interviewer's words": (
        "de selectie bevat alleen woorden van de interviewer"
    ),
    "there is no speaker '{old}' in {where}": "er is geen spreker '{old}' in {where}",
    "'{name}' counts as an interviewer because of its role; rename the speaker or unmark the role": (
        "'{name}' telt als interviewer vanwege de rol; hernoem de spreker of haal de rol weg"
    ),
    "a speaker needs a name": "een spreker heeft een naam nodig",
    "a speaker name can have at most {MAX_NAME_LENGTH} characters": (
        "een sprekersnaam mag hoogstens {MAX_NAME_LENGTH} tekens hebben"
    ),
    "give at least one speaker pattern (or go back to the default patterns)": (
        "geef ten minste één sprekerspatroon (of ga terug naar de standaardpatronen)"
    ),
    "speaker pattern {number} has no (?P<speaker>…) group": (
        "sprekerspatroon {number} heeft geen groep (?P<speaker>…)"
    ),
    "speaker pattern {number} is not a valid regular expression: {exc}": (
        "sprekerspatroon {number} is geen geldige reguliere expressie: {exc}"
    ),
    "settings": "instellingen",
    "coders": "codeurs",
    "documents": "documenten",
    "document attributes": "documentkenmerken",
    "turns": "beurten",
    "pages": "pagina's",
    "saved queries": "opgeslagen zoekvragen",
    "text index entries": "regels van de tekstindex",
    "sentences": "zinnen",
    "terms": "termen",
    "tokens": "tokens",
    "suggestions": "suggesties",
    "respondents": "respondenten",
    "recordings": "opnamen",
    "passages": "fragmenten",
    "codings": "coderingen",
    "reviews": "beoordelingen",
    "guide matches": "antwoorden op de leidraad",
    "codes": "codes",
    "code sets": "codesets",
    "code set members": "leden van codesets",
    "memos": "memo's",
    "judgements": "oordelen",
    "judgement reviews": "beoordelingen van oordelen",
    "review replies": "reacties op beoordelingen",
    "judgement evidence": "bewijs bij oordelen",
    "cannot redo “{text}”: someone else has changed the same {rows} since; their work is "
    "kept and nothing was changed": (
        "kan “{text}” niet opnieuw doen: iemand anders heeft sindsdien dezelfde {rows} "
        "gewijzigd; dat werk blijft bewaard en er is niets gewijzigd"
    ),
    "cannot undo “{text}”: someone else has changed the same {rows} since; their work is "
    "kept and nothing was changed": (
        "kan “{text}” niet ongedaan maken: iemand anders heeft sindsdien dezelfde {rows} "
        "gewijzigd; dat werk blijft bewaard en er is niets gewijzigd"
    ),
    "rows": "rijen",
}
