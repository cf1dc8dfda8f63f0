"""Dutch for the domain's messages: refusals and bad input (analysis, codebook, documents, exports, guide,
the project file and its server, the command line's own checks). See :mod:`coding.core.i18n`."""

from __future__ import annotations

DUTCH: dict[str, str] = {
    "unit '{unit}' is not one of {UNIT_LEVELS}": "eenheid '{unit}' is niet een van {UNIT_LEVELS}",
    "overlap {overlap} is not a fraction above 0 and at most 1": (
        "overlap {overlap} is geen fractie groter dan 0 en hoogstens 1"
    ),
    "agreement compares two different coders": "overeenstemming vergelijkt twee verschillende codeurs",
    "no coder named '{name}' has coded in this project (coders: {known})": (
        "geen codeur met de naam '{name}' heeft in dit project gecodeerd (codeurs: {known})"
    ),
    "{name}: already exists (choose another name or allow overwriting)": (
        "{name}: bestaat al (kies een andere naam of sta overschrijven toe)"
    ),
    "'{keep}' is not one of {KEEP_CHOICES}": "'{keep}' is niet een van {KEEP_CHOICES}",
    "unit must be one of {UNITS}, not '{unit}'": "de eenheid moet een van {UNITS} zijn, niet '{unit}'",
    "no document has the attribute '{by}' (attributes: {known})": (
        "geen enkel document heeft het kenmerk '{by}' (kenmerken: {known})"
    ),
    "name a value of '{by}' ({groups})": "noem een waarde van '{by}' ({groups})",
    "no document has {by} = '{group}' (known: {groups})": (
        "geen enkel document heeft {by} = '{group}' (bekend: {groups})"
    ),
    "no column '{column}' in the matrix by {columns}": "geen kolom '{column}' in de matrix per {columns}",
    "a query's unit must be one of {QUERY_UNITS}, not '{unit}'": (
        "de eenheid van een zoekvraag moet een van {QUERY_UNITS} zijn, niet '{unit}'"
    ),
    "no document matches {where}": "geen enkel document voldoet aan {where}",
    "the query is empty": "de zoekvraag is leeg",
    "this ')' closes no '('": "deze ')' sluit geen '(' af",
    "an operator ({OPERATORS}) expected": "een operator ({OPERATORS}) verwacht",
    "NEAR needs a number of units (NEAR 2)": "NEAR heeft een aantal eenheden nodig (NEAR 2)",
    "the end": "het einde",
    "a code name expected, not {what}": "een codenaam verwacht, niet {what}",
    "')' expected": "')' verwacht",
    "an empty code name": "een lege codenaam",
    "no turn of speaker '{speaker}' in these documents": (
        "geen beurt van spreker '{speaker}' in deze documenten"
    ),
    "{shown} and {count} more": "{shown} en nog {count}",
    "sentence units need the text index, and {shown} is not indexed: run `codewerk index` first": (
        "zinnen als eenheid hebben de tekstindex nodig, en {shown} is niet geïndexeerd: voer "
        "eerst `codewerk index` uit"
    ),
    "sentence units need the text index, and {shown} are not indexed: run `codewerk index` first": (
        "zinnen als eenheid hebben de tekstindex nodig, en {shown} zijn niet geïndexeerd: voer "
        "eerst `codewerk index` uit"
    ),
    "no units for '{unit}'": "geen eenheden voor '{unit}'",
    "no saved query '{name}' (saved: {known})": ("geen opgeslagen zoekvraag '{name}' (opgeslagen: {known})"),
    "a saved query needs a name": "een opgeslagen zoekvraag heeft een naam nodig",
    "query name '{name}…' is too long": "de naam van de zoekvraag '{name}…' is te lang",
    "saved query {query_id} does not exist": "opgeslagen zoekvraag {query_id} bestaat niet",
    "saved query {replaces} does not exist": "opgeslagen zoekvraag {replaces} bestaat niet",
    "{option} expects KEY=VALUE, got '{pair}'": "{option} verwacht SLEUTEL=WAARDE, kreeg '{pair}'",
    "--span expects START:END (code points, end exclusive), got '{text}'": (
        "--span verwacht BEGIN:EIND (codepunten, eind niet inbegrepen), kreeg '{text}'"
    ),
    "give a QUERY or --saved NAME (one of them)": "geef een ZOEKVRAAG of --saved NAAM (een van beide)",
    "is not a folder (--media names the folder of the recordings)": (
        "is geen map (--media noemt de map met de opnamen)"
    ),
    "name one guide question (e.g. 4a) or --all, not both": (
        "noem één vraag uit de leidraad (bijv. 4a) of --all, niet beide"
    ),
    "name a guide question (e.g. 4a), or --all with --output FILE.xlsx|.docx": (
        "noem een vraag uit de leidraad (bijv. 4a), of --all met --output BESTAND.xlsx|.docx"
    ),
    "--all writes a file: add --output FILE.xlsx or FILE.docx": (
        "--all schrijft een bestand: voeg --output BESTAND.xlsx of BESTAND.docx toe"
    ),
    "no guide question {question} (guide questions: {known})": (
        "geen vraag {question} in de leidraad (vragen in de leidraad: {known})"
    ),
    "choose one of --word, --lemma, --stem, --phrase, --regex": (
        "kies een van --word, --lemma, --stem, --phrase, --regex"
    ),
    "--codes goes with --evaluate or --calibrate (use --code to list one code's suggestions)": (
        "--codes hoort bij --evaluate of --calibrate (gebruik --code om de suggesties van één code te tonen)"
    ),
    "--calibrate prints --format table or json": "--calibrate drukt --format table of json af",
    "{option} prints --format table or json": "{option} drukt --format table of json af",
    "--evaluate prints --format table or json": "--evaluate drukt --format table of json af",
    'register add expects CODE NAME, e.g. R5 "Jan de Vries"': (
        'register add verwacht CODE NAAM, bijv. R5 "Jan de Vries"'
    ),
    "--apply expects 'all' or numbers such as 1,3,5-8, got '{part}'": (
        "--apply verwacht 'all' of nummers zoals 1,3,5-8, kreeg '{part}'"
    ),
    "--apply: there is no candidate {number} (1–{count})": (
        "--apply: er is geen kandidaat {number} (1–{count})"
    ),
    "register export expects OUT.csv": "register export verwacht UIT.csv",
    "register import expects FILE.csv": "register import verwacht BESTAND.csv",
    "the window is not available from here; run `python main.py`": (
        "het venster is hier niet beschikbaar; start `python main.py`"
    ),
    "name the DOCUMENT the recording belongs to": "noem het DOCUMENT waar de opname bij hoort",
    "--mark is one of {MARKS}, not '{mark}'": "--mark is een van {MARKS}, niet '{mark}'",
    "{name} {start}:{end} is not coded with {code}": "{name} {start}:{end} is niet gecodeerd met {code}",
    "{url}: not a server address (postgresql://user@host/database)": (
        "{url}: geen serveradres (postgresql://gebruiker@host/database)"
    ),
    "an empty password; nothing was changed": "een leeg wachtwoord; er is niets gewijzigd",
    "the two passwords differ; nothing was changed": (
        "de twee wachtwoorden verschillen; er is niets gewijzigd"
    ),
    "{url}: {message}": "{url}: {message}",
    "--rename works on one document or on all; name at most one DOCUMENT": (
        "--rename werkt op één document of op alle; noem hoogstens één DOCUMENT"
    ),
    "cannot be read ({error})": "kan niet worden gelezen ({error})",
    "a code needs a name": "een code heeft een naam nodig",
    "code name '{cleaned}' cannot contain '/' (it separates code paths)": (
        "codenaam '{cleaned}' mag geen '/' bevatten (die scheidt codepaden)"
    ),
    "a code name can have at most 200 characters": "een codenaam mag hoogstens 200 tekens hebben",
    "unknown code field(s): {unknown}": "onbekend(e) codeveld(en): {unknown}",
    "codable is true or false": "codable is true of false",
    "kind must be one of {KINDS}": "de soort moet een van {KINDS} zijn",
    "code {code_id} does not exist": "code {code_id} bestaat niet",
    "there is already a code '{existing}' at that place": ("er staat al een code '{existing}' op die plaats"),
    "colour '{colour}' is not of the form #RRGGBB": "kleur '{colour}' heeft niet de vorm #RRGGBB",
    "a scale is a list of distinct, non-empty values": (
        "een schaal is een lijst van verschillende, niet-lege waarden"
    ),
    "{source}: the project already has a top-level code '{clashes}'": (
        "{source}: het project heeft al een code '{clashes}' op het hoogste niveau"
    ),
    "a code cannot be merged into itself": "een code kan niet met zichzelf worden samengevoegd",
    "cannot merge '{name}' into one of its own subcodes": (
        "kan '{name}' niet samenvoegen met een van haar eigen subcodes"
    ),
    "a code cannot be moved under itself or one of its subcodes": (
        "een code kan niet onder zichzelf of een van haar subcodes worden geplaatst"
    ),
    "cannot merge: both codes have a subcode '{child_name}'; merge those first": (
        "kan niet samenvoegen: beide codes hebben een subcode '{child_name}'; voeg die eerst samen"
    ),
    "unknown code '{reference}'{hint}": "onbekende code '{reference}'{hint}",
    " (did you mean '{name}'?)": " (bedoelde u '{name}'?)",
    "no code given": "geen code opgegeven",
    "code '{reference}' is ambiguous: {listed} (give the path)": (
        "code '{reference}' is niet eenduidig: {listed} (geef het pad)"
    ),
    "code {ref} does not exist": "code {ref} bestaat niet",
    "a code set needs a name": "een codeset heeft een naam nodig",
    "a code set name can have at most 200 characters": (
        "de naam van een codeset mag hoogstens 200 tekens hebben"
    ),
    "code set {set_id} does not exist": "codeset {set_id} bestaat niet",
    "code {missing} does not exist": "code {missing} bestaat niet",
    "there is already a code set '{name}'": "er is al een codeset '{name}'",
    "unknown code set '{ref}'": "onbekende codeset '{ref}'",
    "code set '{ref}' is ambiguous": "codeset '{ref}' is niet eenduidig",
    "{source} line {line}": "{source} regel {line}",
    "{where}: {message}": "{where}: {message}",
    "{name}: no such codebook file or built-in codebook (built in: {builtin})": (
        "{name}: geen codeboekbestand of ingebouwd codeboek met die naam (ingebouwd: {builtin})"
    ),
    "{name}: unsupported codebook file type (supported: {known})": (
        "{name}: soort codeboekbestand wordt niet ondersteund (ondersteund: {known})"
    ),
    "{context}: '{key}' must be text": "{context}: '{key}' moet tekst zijn",
    "not a codebook (expected a mapping with 'format' and 'codes')": (
        "geen codeboek (verwacht een mapping met 'format' en 'codes')"
    ),
    "unknown key '{unknown}' (allowed: {TOP_KEYS})": (
        "onbekende sleutel '{unknown}' (toegestaan: {TOP_KEYS})"
    ),
    "'format' must be '{FORMAT}'": "'format' moet '{FORMAT}' zijn",
    "'favourites' must be a list of code names": "'favourites' moet een lijst met codenamen zijn",
    "'favourites' names at most {count} codes (keys 1–9)": (
        "'favourites' noemt hoogstens {count} codes (toetsen 1–9)"
    ),
    "favourite '{name}' is not a code of this codebook": "favoriet '{name}' is geen code van dit codeboek",
    "favourite '{name}' names several codes: give its path": (
        "favoriet '{name}' noemt meerdere codes: geef het pad"
    ),
    "'codes' must be a non-empty list": "'codes' moet een niet-lege lijst zijn",
    "'scales' must map scale names to lists of values": (
        "'scales' moet schaalnamen koppelen aan lijsten van waarden"
    ),
    "{context}: a scale must be a non-empty list of values": (
        "{context}: een schaal moet een niet-lege lijst van waarden zijn"
    ),
    "{context}: a scale value is empty": "{context}: een schaalwaarde is leeg",
    "{context}: a scale value is listed twice": "{context}: een schaalwaarde staat er twee keer in",
    "{parent}: 'children' must be a list of codes": "{parent}: 'children' moet een lijst van codes zijn",
    "{parent}: codes are nested more than {MAX_DEPTH} levels deep": (
        "{parent}: codes zijn meer dan {MAX_DEPTH} niveaus diep genest"
    ),
    "{parent}: every code must be a mapping with at least a 'name'": (
        "{parent}: elke code moet een mapping zijn met ten minste een 'name'"
    ),
    "a code under {parent} has an empty name": "een code onder {parent} heeft een lege naam",
    "{context}: names cannot contain '/' (it separates code paths)": (
        "{context}: namen mogen geen '/' bevatten (die scheidt codepaden)"
    ),
    "{context}: unknown key '{unknown}' (allowed: {CODE_KEYS})": (
        "{context}: onbekende sleutel '{unknown}' (toegestaan: {CODE_KEYS})"
    ),
    "{context}: kind '{kind}' is not one of {KINDS}": "{context}: soort '{kind}' is niet een van {KINDS}",
    "{context}: colour '{colour}' is not of the form #RRGGBB": (
        "{context}: kleur '{colour}' heeft niet de vorm #RRGGBB"
    ),
    "{context}: 'terms' must be a list of words or phrases": (
        "{context}: 'terms' moet een lijst van woorden of woordgroepen zijn"
    ),
    "{context}: 'codable' is true or false": "{context}: 'codable' is true of false",
    "{context}: 'guide' is a question text or a mapping with 'question' and 'prompts'": (
        "{context}: 'guide' is een vraagtekst of een mapping met 'question' en 'prompts'"
    ),
    "{context}: unknown key '{unknown}' in 'guide' (allowed: prompts, question)": (
        "{context}: onbekende sleutel '{unknown}' in 'guide' (toegestaan: prompts, question)"
    ),
    "{context}: the guide question is empty": "{context}: de vraag uit de leidraad is leeg",
    "{context}: guide 'prompts' must be a list of texts": (
        "{context}: 'prompts' van de leidraad moet een lijst van teksten zijn"
    ),
    "{source}: nested too deeply to be a codebook": "{source}: te diep genest voor een codeboek",
    "{where}: not valid YAML ({problem})": "{where}: geen geldige YAML ({problem})",
    "{name}: cannot be read ({value})": "{name}: kan niet worden gelezen ({value})",
    "{name}: not UTF-8 text": "{name}: geen UTF-8-tekst",
    "{name}: nested too deeply to be a codebook": "{name}: te diep genest voor een codeboek",
    "{context}: '{key}' is missing": "{context}: '{key}' ontbreekt",
    "code '{name}' appears twice under {parent}": "code '{name}' komt twee keer voor onder {parent}",
    "{context}: question '{question}' is also used by '{questions}'": (
        "{context}: vraag '{question}' wordt ook gebruikt door '{questions}'"
    ),
    "{context}: unknown scale '{raw}' (known: {known}, or 'open')": (
        "{context}: onbekende schaal '{raw}' (bekend: {known}, of 'open')"
    ),
    "an attribute needs a name": "een kenmerk heeft een naam nodig",
    "attribute name '{cleaned}…' is too long": "de naam van het kenmerk '{cleaned}…' is te lang",
    "a coder needs a name": "een codeur heeft een naam nodig",
    "{location}: {message}": "{location}: {message}",
    "{location}: the server refused the user name or password": (
        "{location}: de server weigerde de gebruikersnaam of het wachtwoord"
    ),
    "{location}: the server asks for a password (give it when asked, or in PGPASSWORD or "
    "~/.pgpass for scripts)": (
        "{location}: de server vraagt om een wachtwoord (geef het wanneer erom gevraagd wordt, "
        "of in PGPASSWORD of ~/.pgpass voor scripts)"
    ),
    "{location}: the server has no such database": ("{location}: de server heeft geen database met die naam"),
    "{location}: the server cannot be reached ({message})": (
        "{location}: de server is niet bereikbaar ({message})"
    ),
    "{name}: others kept changing the same part of the project; nothing was changed, try again in a moment": (
        "{name}: anderen bleven hetzelfde deel van het project wijzigen; er is niets gewijzigd, "
        "probeer het zo nog eens"
    ),
    "{name}: the server cannot be reached; your last action was not saved (nothing "
    "half-written), try again when it is back": (
        "{name}: de server is niet bereikbaar; uw laatste handeling is niet opgeslagen (niets "
        "half geschreven), probeer het opnieuw zodra hij terug is"
    ),
    "{location}: {exc}": "{location}: {exc}",
    "{name}: the server cannot be reached; Codewerk keeps trying": (
        "{name}: de server is niet bereikbaar; Codewerk blijft het proberen"
    ),
    "nothing was changed": "er is niets gewijzigd",
    "{name}: not enough space on the disk of {parent}; {what}": (
        "{name}: niet genoeg ruimte op de schijf van {parent}; {what}"
    ),
    "{name}: the project is busy (another program kept writing to it for about {waited} s); "
    "nothing was changed, try again in a moment": (
        "{name}: het project is bezet (een ander programma bleef er ongeveer {waited} s naar "
        "schrijven); er is niets gewijzigd, probeer het zo nog eens"
    ),
    "{name}: “{what}” is still being written; nothing else was changed, try again when it is done": (
        "{name}: “{what}” wordt nog weggeschreven; er is verder niets gewijzigd, probeer het opnieuw "
        "als dat klaar is"
    ),
    "cancelled; nothing was changed": "geannuleerd; er is niets gewijzigd",
    "{name}: the project is read-only; nothing was changed": (
        "{name}: het project is alleen-lezen; er is niets gewijzigd"
    ),
    "the demo transcripts did not import: {lines}": "de demotranscripten zijn niet geïmporteerd: {lines}",
    "document {document_id} does not exist": "document {document_id} bestaat niet",
    "a document needs a name": "een document heeft een naam nodig",
    "a document name can have at most 255 characters": "een documentnaam mag hoogstens 255 tekens hebben",
    "a document named '{name}' already exists": "er bestaat al een document met de naam '{name}'",
    "the document has no attribute '{key}'": "het document heeft geen kenmerk '{key}'",
    "this document already has the attribute '{key}'": "dit document heeft het kenmerk '{key}' al",
    "document text must be normalised (NFC, \\n line endings)": (
        "de tekst van een document moet genormaliseerd zijn (NFC, \\n als regeleinde)"
    ),
    "unknown document '{reference}' (documents: {names})": (
        "onbekend document '{reference}' (documenten: {names})"
    ),
    "the passage to find is empty": "het fragment om te zoeken is leeg",
    "passage not found in '{name}': \"{short}\"": "fragment niet gevonden in '{name}': \"{short}\"",
    "passage occurs {count} times in '{name}' (at {places}); give a longer passage or --span START:END": (
        "het fragment komt {count} keer voor in '{name}' (op {places}); geef een langer fragment "
        "of --span BEGIN:EIND"
    ),
    "document '{reference}' is ambiguous: {items}": "document '{reference}' is niet eenduidig: {items}",
    "the document was changed meanwhile; its corrections were not saved": (
        "het document is intussen gewijzigd; de correcties zijn niet opgeslagen"
    ),
    "{name}: cannot export to '{value}' (supported: {known})": (
        "{name}: kan niet exporteren naar '{value}' (ondersteund: {known})"
    ),
    "{name}: is a folder; choose a file name inside it": ("{name}: is een map; kies een bestandsnaam daarin"),
    "{name}: already exists; choose another name or allow overwriting": (
        "{name}: bestaat al; kies een andere naam of sta overschrijven toe"
    ),
    "{name}: the folder {parent} does not exist": "{name}: de map {parent} bestaat niet",
    "{name}: a review file is a workbook or a Word document (supported: {known})": (
        "{name}: een beoordelingsbestand is een werkmap of een Word-document (ondersteund: {known})"
    ),
    "{name}: not enough space on the disk of {parent}; nothing was written": (
        "{name}: niet genoeg ruimte op de schijf van {parent}; er is niets geschreven"
    ),
    "the CSV delimiter must be ',', ';' or a tab": ("het CSV-scheidingsteken moet ',', ';' of een tab zijn"),
    "the CSV guard must be one of {CSV_GUARDS} (not '{guard}')": (
        "de CSV-beveiliging moet een van {CSV_GUARDS} zijn (niet '{guard}')"
    ),
    "{name}: a Word export is one of {WORD_KINDS}, not '{kind}'": (
        "{name}: een Word-export is een van {WORD_KINDS}, niet '{kind}'"
    ),
    "a coded transcript needs the document to export (document=NAME)": (
        "een gecodeerd transcript heeft het te exporteren document nodig (document=NAAM)"
    ),
    "{name}: the answers per guide question are written to .xlsx or .docx, not '{value}'": (
        "{name}: de antwoorden per vraag uit de leidraad worden naar .xlsx of .docx geschreven, "
        "niet naar '{value}'"
    ),
    "the project has no guide: import a guide document first": (
        "het project heeft geen leidraad: importeer eerst een leidraad"
    ),
    "{name}: a matrix is written to .xlsx or .csv, not '{value}'": (
        "{name}: een matrix wordt naar .xlsx of .csv geschreven, niet naar '{value}'"
    ),
    "measure must be count or c, not '{measure}'": "de maat moet count of c zijn, niet '{measure}'",
    "measure must be count or presence, not '{measure}'": (
        "de maat moet count of presence zijn, niet '{measure}'"
    ),
    "the {format_name} export has no option {unknown}": (
        "de {format_name}-export heeft geen optie {unknown}"
    ),
    "a review file is for one reviewer: give the reviewer's name (--reviewer NAME)": (
        "een beoordelingsbestand is voor één beoordelaar: geef de naam van de beoordelaar (--reviewer NAAM)"
    ),
    "review files are in {LANGUAGES}, not '{language}'": (
        "beoordelingsbestanden zijn in {LANGUAGES}, niet in '{language}'"
    ),
    "status must be one of {GUIDE_MATCH_STATUSES}": "de status moet een van {GUIDE_MATCH_STATUSES} zijn",
    "has no numbered questions (expected lines such as '1a. …', 'Vraag 3: …' or '3.c …')": (
        "heeft geen genummerde vragen (verwacht regels zoals '1a. …', 'Vraag 3: …' of '3.c …')"
    ),
    "unsupported guide file type (supported: {SUFFIXES})": (
        "soort leidraadbestand wordt niet ondersteund (ondersteund: {SUFFIXES})"
    ),
    "no such file": "bestand bestaat niet",
    "is empty": "is leeg",
    "question {ref} on line {number} has no text": "vraag {ref} op regel {number} heeft geen tekst",
    "cannot be read ({value})": "kan niet worden gelezen ({value})",
    "is not UTF-8 text": "is geen UTF-8-tekst",
    "is not a Word document (.docx)": "is geen Word-document (.docx)",
    "question {ref} appears twice (lines {first_line} and {number})": (
        "vraag {ref} komt twee keer voor (regels {first_line} en {number})"
    ),
    "question {ref} (line {number}): no code has reference {ref}": (
        "vraag {ref} (regel {number}): geen code heeft verwijzing {ref}"
    ),
    "no interviewer turn starts at {start} in {name}": (
        "er begint geen beurt van de interviewer op {start} in {name}"
    ),
    "no guide question {question}": "geen vraag {question} in de leidraad",
    "none of its questions ({unplaced}) is the reference of a code in this project": (
        "geen van de vragen ({unplaced}) is de verwijzing van een code in dit project"
    ),
    "no confirmed answer to {ref} to code: confirm its matches first": (
        "geen bevestigd antwoord op {ref} om te coderen: bevestig eerst de gevonden antwoorden"
    ),
    "no answer to {ref} to code": "geen antwoord op {ref} om te coderen",
    "question {ref}: no code has reference {ref}": "vraag {ref}: geen code heeft verwijzing {ref}",
    "the database is empty, not a Codewerk project yet; prepare it with `codewerk server "
    "init URL` or create a project in it": (
        "de database is leeg, nog geen Codewerk-project; richt haar in met `codewerk server init "
        "URL` of maak er een project in"
    ),
    "the database already holds a Codewerk project; open it instead": (
        "de database bevat al een Codewerk-project; open dat"
    ),
    "was written by a newer Codewerk (schema {revision}); update Codewerk to open it": (
        "is geschreven door een nieuwere Codewerk (schema {revision}); werk Codewerk bij om het te openen"
    ),
    "is a folder, not a project file": "is een map, geen projectbestand",
    "the file is empty, not a Codewerk project": "het bestand is leeg, geen Codewerk-project",
    "not a Codewerk project (the file is not an SQLite database)": (
        "geen Codewerk-project (het bestand is geen SQLite-database)"
    ),
    "not a Codewerk project (an SQLite database of another program)": (
        "geen Codewerk-project (een SQLite-database van een ander programma)"
    ),
    "the project file is damaged ({problem})": "het projectbestand is beschadigd ({problem})",
    "the project file has no schema version; it is damaged": (
        "het projectbestand heeft geen schemaversie; het is beschadigd"
    ),
    "the project file is damaged ({problem}{more}); open a backup copy": (
        "het projectbestand is beschadigd ({problem}{more}); open een reservekopie"
    ),
    "foreign key check failed after migration: {problems}": (
        "controle van de verwijzingen mislukt na de migratie: {problems}"
    ),
    "already exists; choose another name or open it": "bestaat al; kies een andere naam of open het",
    "the folder {folder} does not exist": "de map {folder} bestaat niet",
    "the project is read-only and was written by an older Codewerk; copy it to a folder you "
    "can write to and open the copy": (
        "het project is alleen-lezen en is geschreven door een oudere Codewerk; kopieer het naar "
        "een map waarin u kunt schrijven en open de kopie"
    ),
    "the database is not a Codewerk project (it holds other tables)": (
        "de database is geen Codewerk-project (ze bevat andere tabellen)"
    ),
    "the database has no Codewerk schema version; it is damaged": (
        "de database heeft geen schemaversie van Codewerk; ze is beschadigd"
    ),
    "unknown role {role!r}; choose owner, coder or reviewer": (
        "onbekende rol {role!r}; kies owner, coder of reviewer"
    ),
    "not a valid server address ({problem})": "geen geldig serveradres ({problem})",
    "the address names no database (postgresql://user@host/DATABASE)": (
        "het adres noemt geen database (postgresql://gebruiker@host/DATABASE)"
    ),
}
