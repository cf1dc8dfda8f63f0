"""Dutch for the command line's help (``codewerk --language nl … --help``): each command's and option's
help, and argparse's own words (``usage:``, ``options``, its errors), which :mod:`coding.cli.parser`
says through :data:`ARGPARSE`. See :mod:`coding.core.i18n`."""

from __future__ import annotations

DUTCH: dict[str, str] = {
    # agreement
    "intercoder agreement of two coders: percent agreement, Cohen's and Brennan–Prediger κ, Krippendorff's α, "
    "per code and overall": (
        "intercoderbetrouwbaarheid van twee codeurs: percentage overeenstemming, Cohens en Brennan–Prediger-κ, "
        "Krippendorffs α, per code en in totaal"
    ),
    "the two coders": "de twee codeurs",
    "only these codes (default: all used)": "alleen deze codes (standaard: alle gebruikte)",
    "only these documents (default: those both coders coded)": (
        "alleen deze documenten (standaard: die beide codeurs codeerden)"
    ),
    "what is compared: a document, a coded segment (default), a sentence, a speaker turn, a character": (
        "wat vergeleken wordt: een document, een gecodeerd segment (standaard), een zin, een sprekersbeurt, "
        "een teken"
    ),
    "segments match when they overlap by this share of the shorter one; a sentence or turn is coded when "
    "passages cover this share of it (default 0.5)": (
        "segmenten komen overeen als ze dit deel van het kortste overlappen; een zin of beurt is gecodeerd "
        "als fragmenten dit deel ervan bedekken (standaard 0.5)"
    ),
    "also list every disagreement (unit, codes, text)": "noem ook elk verschil (eenheid, codes, tekst)",
    # quotes, assess, export
    "list coded quotes (a code's quotes include its subcodes')": (
        "toon gecodeerde citaten (de citaten van een code omvatten die van haar subcodes)"
    ),
    "repeat for several codes": "herhaal voor meerdere codes",
    "attribute filters": "filters op kenmerken",
    "only quotes (or memos) containing this text": "alleen citaten (of memo's) met deze tekst",
    "only this coder's layer: the quotes NAME coded (`consensus` for the resolved layer)": (
        "alleen de laag van deze codeur: de citaten die NAME codeerde (`consensus` voor de opgeloste laag)"
    ),
    "the code itself, without its subcodes": "de code zelf, zonder haar subcodes",
    "quote only the respondents' words: cut the interviewer's turns ([…]) and speaker labels": (
        "citeer alleen de woorden van respondenten: laat de beurten van de interviewer ([…]) en "
        "sprekerslabels weg"
    ),
    "judge a code for one group (e.g. a region) on its scale": (
        "geef een oordeel over een code voor één groep (bijv. een regio) op haar schaal"
    ),
    "e.g. Zwolle": "bijv. Zwolle",
    "a value of the code's scale, e.g. -/- - +/- + +/+": "een waarde op de schaal van de code, bijv. -/- - +/- + +/+",
    "grouping attribute (default: region)": "kenmerk om op te groeperen (standaard: region)",
    "one-line justification": "onderbouwing in één regel",
    "export quotes and judgements (.xlsx, .docx, .csv …)": "exporteer citaten en oordelen (.xlsx, .docx, .csv …)",
    "CSV separator (';' for Dutch Excel)": "scheidingsteken in CSV (';' voor Nederlandse Excel)",
    "only these codes (with their subcodes)": "alleen deze codes (met hun subcodes)",
    "only these group values": "alleen deze groepswaarden",
    "add the supervisor's review marks and comments": "voeg de beoordelingen en opmerkingen van de begeleider toe",
    "Word: the code memos under each concept and the document memos at the end (a transcript: the "
    "document's memos)": (
        "Word: de codememo's onder elk concept en de documentmemo's aan het eind (een transcript: de memo's "
        "van het document)"
    ),
    "Word: a last section with the concepts' co-occurrence (per speaker turn), the concepts × groups "
    "matrix and every saved query's quotes": (
        "Word: een laatste deel met het samen voorkomen van de concepten (per sprekersbeurt), de matrix "
        "concepten × groepen en de citaten van elke opgeslagen zoekvraag"
    ),
    "Word: quotes per concept (default) or one coded transcript (with --document); review: a workbook or "
    "Word document a supervisor marks (with --reviewer)": (
        "Word: citaten per concept (standaard) of één gecodeerd transcript (met --document); review: een "
        "werkmap of Word-document dat een begeleider beoordeelt (met --reviewer)"
    ),
    "review file: the supervisor who reviews": "beoordelingsbestand: de begeleider die beoordeelt",
    "Word transcript: the document to export": "Word-transcript: het document dat geëxporteerd wordt",
    "overwrite OUT if it exists": "overschrijf OUT als het al bestaat",
    # co-occurrence, matrix, queries
    "write it to FILE.xlsx (heat-map fills, unit and measure above) or FILE.csv": (
        "schrijf het naar FILE.xlsx (kleuren als warmtekaart, eenheid en maat erboven) of FILE.csv"
    ),
    "overwrite FILE if it exists": "overschrijf FILE als het al bestaat",
    "each code by itself, without its subcodes": "elke code op zichzelf, zonder haar subcodes",
    "only this coder's codings": "alleen de coderingen van deze codeur",
    "codes × codes: in how many units two codes apply together (count or c-coefficient)": (
        "codes × codes: in hoeveel eenheden twee codes samen voorkomen (aantal of c-coëfficiënt)"
    ),
    "overlap: the passages overlap; sentence/turn: the same indexed sentence / speaker turn; document: the "
    "same document (default: overlap)": (
        "overlap: de fragmenten overlappen; sentence/turn: dezelfde geïndexeerde zin / sprekersbeurt; "
        "document: hetzelfde document (standaard: overlap)"
    ),
    "one table per value of this attribute (e.g. region)": "één tabel per waarde van dit kenmerk (bijv. region)",
    "codes × documents or attribute values: counts or presence (0/1)": (
        "codes × documenten of kenmerkwaarden: aantallen of aanwezigheid (0/1)"
    ),
    "the rows: codes": "de rijen: codes",
    "documents (default) or an attribute": "documenten (standaard) of een kenmerk",
    "quotes where codes apply together: AND, OR, NOT, NEAR n, FOLLOWS [n], parentheses": (
        "citaten waar codes samen voorkomen: AND, OR, NOT, NEAR n, FOLLOWS [n], haakjes"
    ),
    'e.g. "Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef"; quote names with spaces only '
    "when they contain an operator": (
        'bijv. "Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef"; zet namen met spaties '
        "alleen tussen aanhalingstekens als er een operator in staat"
    ),
    "where the codes must meet (default: turn)": "waar de codes elkaar moeten treffen (standaard: turn)",
    "only in this speaker's turns (e.g. R5)": "alleen in de beurten van deze spreker (bijv. R5)",
    "save the query under this name (replacing one of it)": (
        "sla de zoekvraag onder deze naam op (een zoekvraag met die naam wordt vervangen)"
    ),
    "run the query saved under this name": "voer de zoekvraag uit die onder deze naam is opgeslagen",
    "list the saved code queries (or delete one)": "toon de opgeslagen zoekvragen (of verwijder er een)",
    "delete the query saved under this name": "verwijder de zoekvraag die onder deze naam is opgeslagen",
    # second coder
    "make a blind package for a second coder: the documents and the codebook, without anyone's codings, "
    "memos or judgements, the coder's name preset": (
        "maak een blind pakket voor een tweede codeur: de documenten en het codeboek, zonder coderingen, "
        "memo's of oordelen van wie dan ook, met de naam van de codeur al ingevuld"
    ),
    "the new project file (never overwritten)": "het nieuwe projectbestand (nooit overschreven)",
    "the second coder's name": "de naam van de tweede codeur",
    "only these documents (default: all)": "alleen deze documenten (standaard: alle)",
    "no documents, only the codebook": "geen documenten, alleen het codeboek",
    "merge a coder's project file: every coding, memo, review mark and judgement comes in as that coder's "
    "(matched by GUID; merging twice adds nothing; one undoable step)": (
        "voeg het projectbestand van een codeur samen: elke codering, memo, beoordeling en elk oordeel komt "
        "binnen als dat van die codeur (gekoppeld op GUID; twee keer samenvoegen voegt niets toe; één stap "
        "die ongedaan kan worden gemaakt)"
    ),
    # project, import, documents, coding
    "create a project file with a codebook": "maak een projectbestand met een codeboek",
    "your name as coder (default: $CODEWERK_CODER or your login)": (
        "uw naam als codeur (standaard: $CODEWERK_CODER of uw inlognaam)"
    ),
    "import transcripts (files or folders)": "importeer transcripten (bestanden of mappen)",
    "files or folders to import": "bestanden of mappen om te importeren",
    "sheet with a 'file' column and one column per attribute": "blad met een kolom 'file' en één kolom per kenmerk",
    "attributes for every imported file": "kenmerken voor elk geïmporteerd bestand",
    "replace the text of documents already in the project": "vervang de tekst van documenten die al in het project staan",
    "folder of recordings: each one with the same name as a transcript (R1.txt, R1.mp3) is attached": (
        "map met opnamen: elke opname met dezelfde naam als een transcript (R1.txt, R1.mp3) wordt gekoppeld"
    ),
    "list the documents": "toon de documenten",
    "show the code tree": "toon de codeboom",
    "print a document's stored text (all offsets refer to it)": (
        "druk de opgeslagen tekst van een document af (alle posities verwijzen ernaar)"
    ),
    "code a passage of a document": "codeer een fragment van een document",
    "the passage, found whitespace-insensitively; must occur once": (
        "het fragment, gezocht zonder op witruimte te letten; moet één keer voorkomen"
    ),
    "code points, end exclusive": "codepunten, eind niet inbegrepen",
    "open the window": "open het venster",
    "open the window (same as python main.py)": "open het venster (hetzelfde als python main.py)",
    "open the demo project (built on first use)": "open het demoproject (bij het eerste gebruik gemaakt)",
    "start, render once and exit (for tests and CI)": "start, teken één keer en stop (voor tests en CI)",
    "the .codewerk project file, or a team project's postgresql:// URL": (
        "het .codewerk-projectbestand, of de postgresql://-URL van een teamproject"
    ),
    # compare
    "compare groups: codes × group values with judgements, or quote/document counts": (
        "vergelijk groepen: codes × groepswaarden met oordelen, of aantallen citaten/documenten"
    ),
    "judgements (score and quote count), quotes (coded passages), documents (each counted once) or scores "
    "(the judged concepts' scores as numbers, -/- = 1 … +/+ = 5)": (
        "judgements (oordeel en aantal citaten), quotes (gecodeerde fragmenten), documents (elk één keer "
        "geteld) of scores (de oordelen over de concepten als getallen, -/- = 1 … +/+ = 5)"
    ),
    "only this code and its subcodes; repeat": "alleen deze code en haar subcodes; herhaal",
    "only this group value; repeat": "alleen deze groepswaarde; herhaal",
    "only rows down to this depth (0: concepts)": "alleen rijen tot deze diepte (0: concepten)",
    "count a code's own passages, without its subcodes'": "tel alleen de eigen fragmenten van een code, zonder die van haar subcodes",
    "count only this coder's layer (`consensus` for the resolved layer; judgements are shared)": (
        "tel alleen de laag van deze codeur (`consensus` voor de opgeloste laag; oordelen zijn gedeeld)"
    ),
    # guide
    "the interview guide: show it, import a guide document, find its questions in the transcripts": (
        "de interviewleidraad: toon haar, importeer een leidraad, vind haar vragen in de transcripten"
    ),
    "list the guide questions on the codes": "toon de vragen uit de leidraad bij de codes",
    "attach the numbered questions of a guide document (.docx, .txt) to the codes with that reference": (
        "koppel de genummerde vragen van een leidraad (.docx, .txt) aan de codes met die verwijzing"
    ),
    "refuse the whole guide when a question names no code": "weiger de hele leidraad als een vraag geen code noemt",
    "match every interviewer turn to the guide question it asks, with a confidence": (
        "koppel elke beurt van de interviewer aan de vraag uit de leidraad die zij stelt, met een zekerheid"
    ),
    "only these documents": "alleen deze documenten",
    "the answers to one guide question in every interview (the respondent's turns after it)": (
        "de antwoorden op één vraag uit de leidraad in elk interview (de beurten van de respondent erna)"
    ),
    "a guide question reference, e.g. 4a": "een verwijzing naar een vraag uit de leidraad, bijv. 4a",
    "every guide question (with --output: the whole table)": "elke vraag uit de leidraad (met --output: de hele tabel)",
    "write the answers to Excel (a sheet per theme, a row per question, a column per interview) or Word (per "
    "question, every interview's answer)": (
        "schrijf de antwoorden naar Excel (een blad per thema, een rij per vraag, een kolom per interview) of "
        "Word (per vraag het antwoord uit elk interview)"
    ),
    "--output: order the interviews by this attribute (e.g. region)": (
        "--output: orden de interviews op dit kenmerk (bijv. region)"
    ),
    "--output: overwrite FILE if it exists": "--output: overschrijf FILE als het al bestaat",
    "only documents with these attributes": "alleen documenten met deze kenmerken",
    "the turn's start, as `match` prints it": "het begin van de beurt, zoals `match` het afdrukt",
    # language
    "index the documents for search and suggestions (words, lemmas, sentences)": (
        "indexeer de documenten voor zoeken en suggesties (woorden, lemma's, zinnen)"
    ),
    "search by word, lemma, stem, phrase or regular expression (KWIC)": (
        "zoek op woord, lemma, stam, woordgroep of reguliere expressie (KWIC)"
    ),
    "words (a phrase when several), 'vertrouw*', or a pattern": "woorden (een woordgroep als het er meer zijn), 'vertrouw*', of een patroon",
    "leave out the interviewer's turns": "laat de beurten van de interviewer weg",
    "only turns of this speaker": "alleen beurten van deze spreker",
    "characters of context (default 60)": "tekens context (standaard 60)",
    "also export the hits as CSV": "exporteer de treffers ook als CSV",
    "overwrite OUT.csv": "overschrijf OUT.csv",
    "code every hit (one undoable action)": "codeer elke treffer (één handeling die ongedaan kan worden gemaakt)",
    "what --code-with codes (default: hit)": "wat --code-with codeert (standaard: hit)",
    "most frequent lemmas (or words) per group, stop words left out": (
        "meest voorkomende lemma's (of woorden) per groep, zonder stopwoorden"
    ),
    "count word forms instead of lemmas": "tel woordvormen in plaats van lemma's",
    "find and review suggested codings (nothing is coded unaccepted)": (
        "vind en bekijk voorgestelde coderingen (niets wordt gecodeerd zonder dat u het accepteert)"
    ),
    "only this code and its subcodes": "alleen deze code en haar subcodes",
    "only suggestions in this document": "alleen suggesties in dit document",
    "list the stored suggestions without searching again": "toon de opgeslagen suggesties zonder opnieuw te zoeken",
    "accept suggestions (codes them)": "accepteer suggesties (codeert ze)",
    "reject suggestions for good": "wijs suggesties definitief af",
    "--evaluate: table or json": "--evaluate: tabel of json",
    "--evaluate/--calibrate: only these codes (default: every code coded)": (
        "--evaluate/--calibrate: alleen deze codes (standaard: elke gebruikte code)"
    ),
    "the respondent register (real names behind R-codes)": "het respondentenregister (echte namen achter R-codes)",
    "add: CODE NAME; remove: CODE…; export/import: FILE": "add: CODE NAAM; remove: CODE…; export/import: FILE",
    "another way the name is written": "een andere schrijfwijze van de naam",
    "export: overwrite the file": "export: overschrijf het bestand",
    "list names in the documents and replace the ones you confirm": (
        "toon namen in de documenten en vervang de namen die u bevestigt"
    ),
    "default: all documents": "standaard: alle documenten",
    "only these kinds of names": "alleen deze soorten namen",
    "replace these candidates (numbers as listed)": "vervang deze kandidaten (nummers zoals getoond)",
    # main
    "Codewerk: code interview transcripts, compare regions, export.": (
        "Codewerk: codeer interviewtranscripten, vergelijk regio's, exporteer."
    ),
    "language of the messages and of the labels inside exports (nl: Dutch, en: English; default: the "
    "window's choice, else the system's); may also follow the command": (
        "taal van de meldingen en van de labels in exports (nl: Nederlands, en: Engels; standaard: de keuze "
        "in het venster, anders die van het systeem); mag ook na de opdracht staan"
    ),
    # media, output, refi, reviews
    "attach a recording (mp3, m4a, wav, ogg, mp4, webm) to a document; without FILE, list recordings": (
        "koppel een opname (mp3, m4a, wav, ogg, mp4, webm) aan een document; zonder FILE: toon de opnamen"
    ),
    "the recording; it stays where it is": "de opname; die blijft waar ze is",
    "find recordings that were moved again in DIR (by their content)": (
        "vind verplaatste opnamen terug in DIR (aan hun inhoud)"
    ),
    "CSV cells a spreadsheet would evaluate as a formula (=…, -2+3, @SUM(…)): 'apostrophe' (default) puts ' "
    "before them, 'none' writes them as they are; -/- or +31 are never changed": (
        "CSV-cellen die een spreadsheet als formule zou uitrekenen (=…, -2+3, @SUM(…)): 'apostrophe' "
        "(standaard) zet er ' voor, 'none' schrijft ze zoals ze zijn; -/- of +31 blijven altijd ongewijzigd"
    ),
    "import a REFI-QDA project (.qdpx) or codebook (.qdc); creates PROJECT if it does not exist, else merges "
    "(by GUID: importing twice adds nothing)": (
        "importeer een REFI-QDA-project (.qdpx) of -codeboek (.qdc); maakt PROJECT als het nog niet bestaat, "
        "voegt anders samen (op GUID: twee keer importeren voegt niets toe)"
    ),
    "your name as coder (default: $CODEWERK_CODER or login)": (
        "uw naam als codeur (standaard: $CODEWERK_CODER of inlognaam)"
    ),
    "list the review marks on quotes": "toon de beoordelingen van citaten",
    "only this reviewer's marks": "alleen de beoordelingen van deze beoordelaar",
    "only this mark": "alleen deze beoordeling",
    "mark one coded quote agreed, question or disagree": "beoordeel één gecodeerd citaat als akkoord, vraag of oneens",
    "the coded passage, found whitespace-insensitively": "het gecodeerde fragment, gezocht zonder op witruimte te letten",
    "default: $CODEWERK_CODER or your login": "standaard: $CODEWERK_CODER of uw inlognaam",
    "read a supervisor's review workbook (.xlsx) or Word document (.docx) back: their marks and comments": (
        "lees de beoordelingswerkmap (.xlsx) of het Word-document (.docx) van een begeleider terug: de "
        "beoordelingen en opmerkingen"
    ),
    "whose marks they become (default: the file's reviewer)": (
        "van wie de beoordelingen worden (standaard: de beoordelaar van het bestand)"
    ),
    # team server
    "team projects on a PostgreSQL server": "teamprojecten op een PostgreSQL-server",
    "prepare an empty database as a team project and print the SQL it ran": (
        "richt een lege database in als teamproject en druk de uitgevoerde SQL af"
    ),
    "postgresql://user@host/database (?host=/socket/dir for a socket)": (
        "postgresql://gebruiker@host/database (?host=/socket/map voor een socket)"
    ),
    "codebook to start with, or 'none'": "codeboek om mee te beginnen, of 'none'",
    "your name as coder": "uw naam als codeur",
    "add a colleague as owner, coder or reviewer": "voeg een collega toe als eigenaar, codeur of beoordelaar",
    "their login name on the server": "diens inlognaam op de server",
    "read their password from stdin": "lees diens wachtwoord van stdin",
    "copy a project between a file and a server, losslessly": "kopieer een project tussen een bestand en een server, zonder verlies",
    "copy a project between a file and a server (either way): every table, id and GUID": (
        "kopieer een project tussen een bestand en een server (beide kanten op): elke tabel, id en GUID"
    ),
    "a .codewerk file or a postgresql:// URL": "een .codewerk-bestand of een postgresql://-URL",
    "a new .codewerk file or an empty server database": "een nieuw .codewerk-bestand of een lege serverdatabase",
    # speakers
    "list the detected speakers (of some documents or all); rename them, mark interviewers, set patterns": (
        "toon de herkende sprekers (van enkele documenten of alle); hernoem ze, wijs interviewers aan, "
        "stel patronen in"
    ),
    "show speaker OLD as NEW (merges)": "toon spreker OLD als NEW (voegt samen)",
    "no longer an interviewer": "niet langer interviewer",
    "a detected label that is no speaker": "een herkend label dat geen spreker is",
    "label patterns, one regular expression per line, then detect again": (
        "labelpatronen, één reguliere expressie per regel, daarna opnieuw herkennen"
    ),
    "go back to the built-in patterns": "terug naar de ingebouwde patronen",
    "detect the turns again from the text": "herken de beurten opnieuw uit de tekst",
    "print the label patterns in use": "druk de gebruikte labelpatronen af",
    "code every turn of some speakers with a code (all answers of R5)": (
        "codeer elke beurt van enkele sprekers met een code (alle antwoorden van R5)"
    ),
    "only this document (repeat)": "alleen dit document (herhaal)",
    # python main.py --help (app/shell/application.py)
    "Open the Codewerk window.": "Open het venster van Codewerk.",
    "a .codewerk project file": "een .codewerk-projectbestand",
    # built with their fields
    "only quotes with this review mark ({to_answer}: a reviewer asked and nobody answered yet)": (
        "alleen citaten met deze beoordeling ({to_answer}: een beoordelaar vroeg iets en niemand antwoordde nog)"
    ),
    "the codes to compare (default: {default})": "de codes om te vergelijken (standaard: {default})",
    "the concepts": "de concepten",
    "every code": "elke code",
    "built-in codebook ({codebooks}), a codebook file, or 'none' (default: rwb)": (
        "ingebouwd codeboek ({codebooks}), een codeboekbestand, of 'none' (standaard: rwb)"
    ),
    "{marks} (or akkoord, vraag, oneens)": "{marks} (of akkoord, vraag, oneens)",
    "comma-separated: {sources} (default: all)": "gescheiden door komma's: {sources} (standaard: alle)",
    "score the suggestions against the project's own codings, leave-one-document-out (each coded "
    "document's suggestions found as if its codings did not exist): recall, precision and F1 per code "
    "and overall, with the counts; {rule}. Stores nothing": (
        "beoordeel de suggesties aan de eigen coderingen van het project, telkens één document weggelaten (de "
        "suggesties van elk gecodeerd document gezocht alsof de coderingen ervan niet bestonden): recall, "
        "precisie en F1 per code en in totaal, met de aantallen; {rule}. Slaat niets op"
    ),
    "choose a threshold per code from the leave-one-document-out evaluation (the lowest score from which "
    "{target:.0%} of its suggestions were right) and store it in the project; suggestions below it are "
    "no longer offered, and the suggestion queue shows each code's measured precision": (
        "kies per code een drempel uit de evaluatie met telkens één document weggelaten (de laagste score "
        "vanaf welke {target:.0%} van haar suggesties juist was) en sla die op in het project; suggesties "
        "eronder worden niet meer aangeboden, en de suggestielijst toont per code de gemeten precisie"
    ),
    "a suggestion is right when it overlaps a passage of the same document coded with the same code; "
    "a coded passage is found when a suggestion for its code overlaps it": (
        "een suggestie is juist als ze een fragment van hetzelfde document overlapt dat met dezelfde code "
        "gecodeerd is; een gecodeerd fragment is gevonden als een suggestie voor haar code het overlapt"
    ),
    "word forms (default); * and ? are wildcards": "woordvormen (standaard); * en ? zijn jokertekens",
    "all forms of a word: vertrouwen finds vertrouwde, vertrouwt": (
        "alle vormen van een woord: vertrouwen vindt vertrouwde, vertrouwt"
    ),
    "everything sharing the stem (broader than --lemma)": "alles met dezelfde stam (ruimer dan --lemma)",
    "consecutive words": "opeenvolgende woorden",
    "a regular expression over the texts": "een reguliere expressie over de teksten",
    "confirm that an interviewer turn asks a guide question (stored; undoable)": (
        "bevestig dat een beurt van de interviewer een vraag uit de leidraad stelt (opgeslagen; kan ongedaan "
        "worden gemaakt)"
    ),
    "clear a guide question from an interviewer turn (stored; undoable)": (
        "haal een vraag uit de leidraad weg bij een beurt van de interviewer (opgeslagen; kan ongedaan worden "
        "gemaakt)"
    ),
    "forget a confirmation or clearing: the matcher decides again": (
        "vergeet een bevestiging of weghalen: de koppeling beslist opnieuw"
    ),
    "DOCUMENT is a document's name, with or without its extension. CODE is a path\n"
    "(Vertrouwen/Betrouwbaarheid), a unique name, or a question reference (4a).\n"
    "Offsets are Unicode code points into the text `codewerk show` prints, end exclusive.\n": (
        "DOCUMENT is de naam van een document, met of zonder extensie. CODE is een pad\n"
        "(Vertrouwen/Betrouwbaarheid), een unieke naam of een vraagverwijzing (4a).\n"
        "Posities zijn Unicode-codepunten in de tekst die `codewerk show` afdrukt, eind niet inbegrepen.\n"
    ),
    "argument --language: invalid choice: {chosen} (choose from 'en', 'nl')": (
        "argument --language: ongeldige keuze: {chosen} (kies uit 'en', 'nl')"
    ),
}

#: argparse's own messages (its gettext ids, ``%``-style fields) in Dutch; the ones a programmer meets
#: (a parser built wrongly) stay English.
ARGPARSE: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "positionele argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulptekst en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "expected %s argument": "%s argument verwacht",
    "expected %s arguments": "%s argumenten verwacht",
    "expected at least one argument": "ten minste één argument verwacht",
    "expected at most one argument": "hoogstens één argument verwacht",
    "expected one argument": "één argument verwacht",
    "ignored explicit argument %r": "genegeerd expliciet argument %r",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "the following arguments are required: %s": "de volgende argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (keuzes: %(choices)s)",
    "unexpected option string: %s": "onverwachte optie: %s",
}
