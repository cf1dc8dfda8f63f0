<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AgreementWindow</name>
    <message>
        <source>Coded segment</source>
        <translation>Gecodeerd segment</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Zin</translation>
    </message>
    <message>
        <source>Speaker turn</source>
        <translation>Sprekersbeurt</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Teken</translation>
    </message>
    <message>
        <source>Intercoder agreement — {name}</source>
        <translation>Intercoderbetrouwbaarheid — {name}</translation>
    </message>
    <message>
        <source>Segments match when they overlap by this share of the shorter one; a sentence or turn counts as coded when passages cover this share of it</source>
        <translation>Segmenten komen overeen als ze voor dit deel van het kortste segment overlappen; een zin of beurt telt als gecodeerd als fragmenten dit deel ervan bedekken</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporteren naar Excel…</translation>
    </message>
    <message>
        <source>Coder A</source>
        <translation>Codeur A</translation>
    </message>
    <message>
        <source>Coder B</source>
        <translation>Codeur B</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Overlap</translation>
    </message>
    <message>
        <source>Keep A</source>
        <translation>A behouden</translation>
    </message>
    <message>
        <source>Keep B</source>
        <translation>B behouden</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Beide behouden</translation>
    </message>
    <message>
        <source>Keep neither</source>
        <translation>Geen van beide</translation>
    </message>
    <message>
        <source>{keep}: the consensus layer gets these codes on the unit (Ctrl+Z undoes)</source>
        <translation>{keep}: de consensuslaag krijgt deze codes op de eenheid (Ctrl+Z maakt ongedaan)</translation>
    </message>
    <message>
        <source>Choose two different coders: at least two people must have coded in this project.</source>
        <translation>Kies twee verschillende codeurs: er moeten minstens twee mensen in dit project gecodeerd hebben.</translation>
    </message>
    <message>
        <source>{count} disagreement(s): double-click one to see it in its transcript</source>
        <translation>Verschillen: {count} — dubbelklik op een verschil om het in zijn transcript te zien</translation>
    </message>
    <message>
        <source>Select a disagreement first</source>
        <translation>Selecteer eerst een verschil</translation>
    </message>
    <message>
        <source>Resolved: the consensus layer keeps {keep}</source>
        <translation>Opgelost: de consensuslaag behoudt {keep}</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>geen van beide</translation>
    </message>
    <message>
        <source>Nothing to export yet: choose two coders</source>
        <translation>Nog niets te exporteren: kies twee codeurs</translation>
    </message>
    <message>
        <source>Export agreement</source>
        <translation>Overeenstemming exporteren</translation>
    </message>
    <message>
        <source>agreement.xlsx</source>
        <translation>overeenstemming.xlsx</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>{name} geëxporteerd</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <source>Analysis — {name}</source>
        <translation>Analyse — {name}</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Samen voorkomen</translation>
    </message>
    <message>
        <source>Code × case matrix</source>
        <translation>Code × casus-matrix</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <source>respondent</source>
        <translation>respondent</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <source>place</source>
        <translation>plaats</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <source>Anonymise transcripts</source>
        <translation>Transcripten anonimiseren</translation>
    </message>
    <message>
        <source>Names register</source>
        <translation>Namenregister</translation>
    </message>
    <message>
        <source>Replacement code</source>
        <translation>Vervangende code</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <source>Other spellings; separated by ;</source>
        <translation>Andere schrijfwijzen; gescheiden door ;</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Andere schrijfwijzen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Export register…</source>
        <translation>Register exporteren…</translation>
    </message>
    <message>
        <source>Keep this file apart from the analysis: it links codes to names</source>
        <translation>Bewaar dit bestand apart van de analyse: het koppelt codes aan namen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Find names</source>
        <translation>Namen zoeken</translation>
    </message>
    <message>
        <source>Mentions found</source>
        <translation>Gevonden vermeldingen</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>Alles aanvinken</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>Niets aanvinken</translation>
    </message>
    <message>
        <source>Replace checked names</source>
        <translation>Aangevinkte namen vervangen</translation>
    </message>
    <message>
        <source>Names are only replaced after you check them and press Replace.</source>
        <translation>Namen worden pas vervangen nadat je ze hebt aangevinkt en op Vervangen hebt gedrukt.</translation>
    </message>
    <message>
        <source>Respondent register</source>
        <translation>Respondentenregister</translation>
    </message>
    <message>
        <source>Names found</source>
        <translation>Gevonden namen</translation>
    </message>
    <message>
        <source>Added {code}. Find names again to see where {name} occurs.</source>
        <translation>{code} toegevoegd. Zoek opnieuw naar namen om te zien waar {name} voorkomt.</translation>
    </message>
    <message>
        <source>Exported the register to {name}. Keep it apart from the analysis.</source>
        <translation>Register geëxporteerd naar {name}. Bewaar het apart van de analyse.</translation>
    </message>
    <message>
        <source>Export respondent register</source>
        <translation>Respondentenregister exporteren</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>{count} possible name(s) in {documents} document(s). Uncheck what is not a name, edit a replacement if needed, then replace.</source>
        <translation>Mogelijke namen: {count}, in {documents} document(en). Vink uit wat geen naam is, pas zo nodig een vervanging aan en vervang dan.</translation>
    </message>
    <message>
        <source>Nothing is checked.</source>
        <translation>Er is niets aangevinkt.</translation>
    </message>
    <message>
        <source>; {count} coded passage(s) merged</source>
        <translation>; gecodeerde fragmenten samengevoegd: {count}</translation>
    </message>
    <message>
        <source>Replaced {count} name(s) in {documents} document(s); every coding kept its passage{merged}. Undo restores the names.</source>
        <translation>Namen vervangen: {count}, in {documents} document(en); elke codering hield haar fragment{merged}. Ongedaan maken zet de namen terug.</translation>
    </message>
</context>
<context>
    <name>AttributeRowsModel</name>
    <message>
        <source>new attribute…</source>
        <translation>nieuw kenmerk…</translation>
    </message>
</context>
<context>
    <name>AttributeTableModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Attribute “{name}”: double-click or type to change (empty removes it)</source>
        <translation>Kenmerk “{name}”: dubbelklik of typ om te wijzigen (leeg verwijdert het)</translation>
    </message>
</context>
<context>
    <name>AttributeTableWindow</name>
    <message>
        <source>Documents × attributes — {name}</source>
        <translation>Documenten × kenmerken — {name}</translation>
    </message>
    <message>
        <source>Add attribute…</source>
        <translation>Kenmerk toevoegen…</translation>
    </message>
    <message>
        <source>Type over a cell and press Enter; Delete empties it. Each change is one undo step.</source>
        <translation>Typ over een cel heen en druk op Enter; Delete maakt hem leeg. Elke wijziging is één stap om ongedaan te maken.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Kenmerk toevoegen</translation>
    </message>
    <message>
        <source>Name of the new attribute:</source>
        <translation>Naam van het nieuwe kenmerk:</translation>
    </message>
</context>
<context>
    <name>CellPassagesModel</name>
    <message>
        <source>Memo: {memo}</source>
        <translation>Memo: {memo}</translation>
    </message>
    <message>
        <source>Check to link this quote as evidence for the judgement</source>
        <translation>Vink aan om dit citaat als bewijs aan het oordeel te koppelen</translation>
    </message>
</context>
<context>
    <name>CodeKinds</name>
    <message>
        <source>concept</source>
        <extracomment>The kinds of codes in a codebook file (``coding.codebook.codebook_file.KINDS``) marked for translation.</extracomment>
        <translation>concept</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>dimensie</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>indicator</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <source>Code the selection with…</source>
        <translation>De selectie coderen met…</translation>
    </message>
    <message>
        <source>Type to find a code: name, label, question (4a) …</source>
        <translation>Typ om een code te zoeken: naam, label, vraag (4a) …</translation>
    </message>
    <message>
        <source>Find a code</source>
        <translation>Code zoeken</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Create a code with the typed name and code with it</source>
        <translation>Een code met de getypte naam maken en daarmee coderen</translation>
    </message>
    <message>
        <source>Enter codes with the highlighted code · Esc cancels</source>
        <translation>Enter codeert met de gemarkeerde code · Esc annuleert</translation>
    </message>
    <message>
        <source>Create code “{name}” and code with it</source>
        <translation>Code “{name}” maken en ermee coderen</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <source>A category: it groups codes and is not applied itself (choose one of its codes)</source>
        <translation>Een categorie: die groepeert codes en wordt zelf niet toegekend (kies een van haar codes)</translation>
    </message>
    <message>
        <source>Code name (F2 renames); drag a code to move it, drag a passage onto a code to code it</source>
        <translation>Naam van de code (F2 wijzigt de naam); sleep een code om haar te verplaatsen, sleep een fragment naar een code om het te coderen</translation>
    </message>
    <message>
        <source>Number key that codes the selection with this favourite code</source>
        <translation>Cijfertoets die de selectie codeert met deze favoriete code</translation>
    </message>
    <message>
        <source>Interview-guide question reference</source>
        <translation>Verwijzing naar de vraag in de interviewleidraad</translation>
    </message>
    <message>
        <source>Coded passages of this code and its subcodes: {rule}</source>
        <translation>Gecodeerde fragmenten van deze code en haar subcodes: {rule}</translation>
    </message>
    <message>
        <source>inductive</source>
        <translation>inductief</translation>
    </message>
    <message>
        <source>question {question}</source>
        <translation>vraag {question}</translation>
    </message>
    <message>
        <source>scale {scale}</source>
        <translation>schaal {scale}</translation>
    </message>
    <message>
        <source>{total} coded passage(s) with its subcodes, {direct} coding(s) with this code itself</source>
        <translation>Gecodeerde fragmenten met de subcodes: {total}; coderingen met deze code zelf: {direct}</translation>
    </message>
    <message>
        <source>Counting: {rule} (as in Compare).</source>
        <translation>Telling: {rule} (zoals in Vergelijken).</translation>
    </message>
    <message>
        <source>Press {key} in the transcript to code the selection with {code}</source>
        <extracomment>Coded passages per code with its subcodes; None until :meth:`load_totals` (``totals_later``). A count under way in a worker (:meth:`count_in_worker`), and whether a change of the codes or codings arrived since it began (then it counts again: it may have read before).</extracomment>
        <translation>Druk in het transcript op {key} om de selectie te coderen met {code}</translation>
    </message>
</context>
<context>
    <name>CodeTreeView</name>
    <message>
        <source>Codebook</source>
        <translation>Codeboek</translation>
    </message>
</context>
<context>
    <name>CodebookDock</name>
    <message>
        <source>Codebook</source>
        <translation>Codeboek</translation>
    </message>
    <message>
        <source>Filter codes</source>
        <translation>Codes filteren</translation>
    </message>
    <message>
        <source>Filter codes: name, label, question …</source>
        <translation>Codes filteren: naam, label, vraag …</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <source>Subcode</source>
        <translation>Subcode</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Samenvoegen…</translation>
    </message>
    <message>
        <source>More code actions</source>
        <translation>Meer acties voor codes</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Nieuwe code…</translation>
    </message>
    <message>
        <source>Create a top-level code</source>
        <translation>Een code op het hoogste niveau maken</translation>
    </message>
    <message>
        <source>New subcode…</source>
        <translation>Nieuwe subcode…</translation>
    </message>
    <message>
        <source>Create a subcode of the current code</source>
        <translation>Een subcode van de huidige code maken</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Naam wijzigen</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Kleur…</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favoriet</translation>
    </message>
    <message>
        <source>Add or remove the current code from the favourites on keys 1–9</source>
        <translation>De huidige code toevoegen aan of verwijderen uit de favorieten op de toetsen 1–9</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Samenvoegen met…</translation>
    </message>
    <message>
        <source>Move all quotes and subcodes of this code into another code</source>
        <translation>Alle citaten en subcodes van deze code naar een andere code verplaatsen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Delete the current code with its subcodes and codings</source>
        <translation>De huidige code verwijderen met haar subcodes en coderingen</translation>
    </message>
    <message>
        <source>Remove from favourites (key {key})</source>
        <translation>Uit de favorieten halen (toets {key})</translation>
    </message>
    <message>
        <source>★ Add to favourites</source>
        <translation>★ Aan de favorieten toevoegen</translation>
    </message>
    <message>
        <source>Name of the new code under “{parent}”:</source>
        <translation>Naam van de nieuwe code onder “{parent}”:</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Naam van de nieuwe code:</translation>
    </message>
    <message>
        <source>Created code “{code}”</source>
        <translation>Code “{code}” gemaakt</translation>
    </message>
    <message>
        <source>“{code}” is a favourite: press {key} in the transcript to code with it</source>
        <translation>“{code}” is een favoriet: druk in het transcript op {key} om ermee te coderen</translation>
    </message>
    <message>
        <source>“{code}” is a favourite (only the first nine have number keys)</source>
        <translation>“{code}” is een favoriet (alleen de eerste negen hebben een cijfertoets)</translation>
    </message>
    <message>
        <source>“{code}” is no longer a favourite</source>
        <translation>“{code}” is geen favoriet meer</translation>
    </message>
    <message>
        <source>Merge “{code}” into…</source>
        <translation>“{code}” samenvoegen met…</translation>
    </message>
    <message>
        <source>Merge “{code}” into “{target}”?

Its {count} coding(s) and {children} subcode(s) move to “{target_name}” and “{name}” is deleted. Edit → Undo takes it back.</source>
        <translation>“{code}” samenvoegen met “{target}”?

De coderingen ({count}) en subcodes ({children}) gaan naar “{target_name}” en “{name}” wordt verwijderd. Bewerken → Ongedaan maken draait het terug.</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Codes samenvoegen</translation>
    </message>
    <message>
        <source>Merge “{code}” into “{target}”</source>
        <translation>“{code}” samenvoegen met “{target}”</translation>
    </message>
    <message>
        <source>{count} subcode(s)</source>
        <translation>{count} subcode(s)</translation>
    </message>
    <message>
        <source>{count} coding(s)</source>
        <translation>{count} codering(en)</translation>
    </message>
    <message>
        <source> with its {parts}</source>
        <translation> met zijn {parts}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> en </translation>
    </message>
    <message>
        <source>Delete the code “{code}”{also}?

Edit → Undo brings everything back.</source>
        <translation>De code “{code}”{also} verwijderen?

Bewerken → Ongedaan maken brengt alles terug.</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Code verwijderen</translation>
    </message>
    <message>
        <source>Delete “{code}”</source>
        <translation>“{code}” verwijderen</translation>
    </message>
</context>
<context>
    <name>CodingController</name>
    <message>
        <source>Select a passage in the transcript first, then choose a code</source>
        <extracomment>While a create-and-apply group is built: what to show once it is committed.</extracomment>
        <translation>Selecteer eerst een fragment in het transcript en kies dan een code</translation>
    </message>
    <message>
        <source>Coded “{text}” with {code}  (Ctrl+Z undoes)</source>
        <translation>“{text}” gecodeerd met {code}  (Ctrl+Z maakt ongedaan)</translation>
    </message>
    <message>
        <source>No favourite code on key {key}: select a code in the Codebook and press Ctrl+D</source>
        <translation>Geen favoriete code op toets {key}: selecteer een code in het Codeboek en druk op Ctrl+D</translation>
    </message>
    <message>
        <source>Select the words to use as the new code&apos;s name first</source>
        <translation>Selecteer eerst de woorden die de naam van de nieuwe code worden</translation>
    </message>
    <message>
        <source>In-vivo code “{code}” created and applied</source>
        <translation>In-vivocode “{code}” gemaakt en toegekend</translation>
    </message>
    <message>
        <source>Select a passage in the transcript first</source>
        <translation>Selecteer eerst een fragment in het transcript</translation>
    </message>
    <message>
        <source>code passage</source>
        <translation>fragment coderen</translation>
    </message>
    <message>
        <source>Create code {name} and {what}</source>
        <translation>Code {name} maken en {what}</translation>
    </message>
    <message>
        <source>Put the cursor in a speaker&apos;s turn first (a line that starts with R5: or the like)</source>
        <translation>Zet de cursor eerst in een beurt van een spreker (een regel die begint met R5: of iets dergelijks)</translation>
    </message>
    <message>
        <source>in all documents</source>
        <translation>in alle documenten</translation>
    </message>
    <message>
        <source>in this document</source>
        <translation>in dit document</translation>
    </message>
    <message>
        <source>Code all turns of {speaker} {where} with…</source>
        <translation>Alle beurten van {speaker} {where} coderen met…</translation>
    </message>
    <message>
        <source>code all turns of {speaker}</source>
        <translation>alle beurten van {speaker} coderen</translation>
    </message>
    <message>
        <source>turn(s) of {speaker}</source>
        <translation>beurt(en) van {speaker}</translation>
    </message>
    <message>
        <source>Code all turns of {speaker} with {code}</source>
        <translation>Alle beurten van {speaker} coderen met {code}</translation>
    </message>
    <message>
        <source>Code the respondent&apos;s words in the selection with…</source>
        <translation>De woorden van de respondent in de selectie coderen met…</translation>
    </message>
    <message>
        <source>code the respondent&apos;s words</source>
        <translation>de woorden van de respondent coderen</translation>
    </message>
    <message>
        <source>respondent part(s)</source>
        <translation>respondentdeel/-delen</translation>
    </message>
    <message>
        <source>Passage now {start}–{end}  (Ctrl+Z undoes)</source>
        <translation>Fragment nu {start}–{end}  (Ctrl+Z maakt ongedaan)</translation>
    </message>
    <message>
        <source>Click a coded passage or its stripe first</source>
        <translation>Klik eerst op een gecodeerd fragment of zijn streep</translation>
    </message>
    <message>
        <source>Click a coded passage first, then select its new extent and press Ctrl+B</source>
        <translation>Klik eerst op een gecodeerd fragment, selecteer dan de nieuwe omvang en druk op Ctrl+B</translation>
    </message>
    <message>
        <source>Coding removed  (Ctrl+Z undoes)</source>
        <translation>Codering verwijderd  (Ctrl+Z maakt ongedaan)</translation>
    </message>
    <message>
        <source>Code with favourite</source>
        <translation>Coderen met favoriet</translation>
    </message>
    <message>
        <source>Code all turns of {speaker} in this document with…</source>
        <translation>Alle beurten van {speaker} in dit document coderen met…</translation>
    </message>
    <message>
        <source>Code all turns of {speaker} in all documents with…</source>
        <translation>Alle beurten van {speaker} in alle documenten coderen met…</translation>
    </message>
    <message>
        <source>Select passage “{label}”</source>
        <translation>Fragment “{label}” selecteren</translation>
    </message>
    <message>
        <source>Remove coding “{label}”</source>
        <translation>Codering “{label}” verwijderen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Nothing to do: all {count} {what} already have {code}</source>
        <translation>Niets te doen: alle {count} {what} hebben {code} al</translation>
    </message>
    <message>
        <source> ({count} already had it)</source>
        <translation> ({count} hadden die al)</translation>
    </message>
    <message>
        <source>Coded {count} {what} with {code}{already}  (Ctrl+Z undoes)</source>
        <translation>{count} {what} gecodeerd met {code}{already}  (Ctrl+Z maakt ongedaan)</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>n/a</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <source>Code</source>
        <extracomment>the ``GridCell`` (value columns)</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <source>All codes (*)</source>
        <translation>Alle codes (*)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Eenheden</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Overeenstemming</translation>
    </message>
    <message>
        <source>Cohen κ</source>
        <translation>Cohens κ</translation>
    </message>
    <message>
        <source>κ 95% CI</source>
        <translation>κ 95%-BI</translation>
    </message>
    <message>
        <source>B–P κ</source>
        <translation>B–P κ</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>α 95% CI</source>
        <translation>α 95%-BI</translation>
    </message>
    <message>
        <source>Document</source>
        <extracomment>A change moving the counts of more documents than this adjusts them all at once and announces every row once (row by row, each announcement made the dock measure the largest count again: coding the answers to one guide question in 2,000 interviews took 21 s of GUI CPU).
----------
Lines a sort may build on the GUI thread (≈ 25 µs each).</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Kenmerken</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Attribute</source>
        <extracomment>A new attribute&apos;s name was entered: its value (this row) is to be typed next.</extracomment>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Also written as</source>
        <translation>Ook geschreven als</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <source>Replace by</source>
        <translation>Vervangen door</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Resp.</source>
        <translation>Resp.</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>Context links</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Right context</source>
        <translation>Context rechts</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Positie</translation>
    </message>
    <message>
        <source>Score</source>
        <extracomment>Characters of the document shown before and after a suggestion&apos;s passage in its details. How many rows the columns sized to their contents look at (those in view first).</extracomment>
        <translation>Score</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Fragment</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citaat</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Beurten</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Woorden</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Toets</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Citaten</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>Interviewer turn</source>
        <translation>Beurt van de interviewer</translation>
    </message>
</context>
<context>
    <name>CompareDock</name>
    <message>
        <source>Compare regions</source>
        <translation>Regio&apos;s vergelijken</translation>
    </message>
    <message>
        <source>Open in its own window</source>
        <translation>In een eigen venster openen</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Coder:</source>
        <translation>Codeur:</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>Count every coder&apos;s codings, or only one coder&apos;s (or the consensus layer&apos;s)</source>
        <translation>Tel de coderingen van alle codeurs, of van één codeur (of van de consensuslaag)</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>Judgements</source>
        <translation>Oordelen</translation>
    </message>
    <message>
        <source>Judgements and scores chart</source>
        <translation>Oordelen en grafiek van de oordelen</translation>
    </message>
    <message>
        <source>Quotes (heat map)</source>
        <translation>Citaten (heatmap)</translation>
    </message>
    <message>
        <source>Documents (heat map)</source>
        <translation>Documenten (heatmap)</translation>
    </message>
    <message>
        <source>The attribute whose values form the columns</source>
        <translation>Het kenmerk waarvan de waarden de kolommen vormen</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>Grafiek opslaan…</translation>
    </message>
    <message>
        <source>Judgement grid: concepts by group</source>
        <translation>Oordelentabel: concepten per groep</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Kolommen:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <source>Counting the grid …</source>
        <extracomment>Modes whose grid shows the judgements (the others show counts as a heat map). What the comparison shows: quotes per code and group, judgements with their evidence and reviews. What a refresh reads: the grid, the frequency table of the heat map modes, the judgements&apos; discussions.</extracomment>
        <translation>Het overzicht tellen …</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Grafiek opslaan</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-afbeelding (*.png);;SVG-tekening (*.svg)</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare — {name}</source>
        <extracomment>The first size, made smaller on a smaller screen.</extracomment>
        <translation>Vergelijken — {name}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Dock in the main window</source>
        <translation>In het hoofdvenster vastzetten</translation>
    </message>
    <message>
        <source>Show Compare regions as a panel of the main window instead</source>
        <translation>Regio&apos;s vergelijken als paneel van het hoofdvenster tonen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergelijken</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>⚠ The team server cannot be reached. Everything you did before is saved on it; an action now is not applied (never half-written). Codewerk keeps trying…</source>
        <translation>⚠ De teamserver is niet bereikbaar. Alles wat je eerder deed staat erop; een handeling nu wordt niet uitgevoerd (nooit half weggeschreven). Codewerk blijft het proberen…</translation>
    </message>
</context>
<context>
    <name>CooccurrenceView</name>
    <message>
        <source>Overlapping passages</source>
        <translation>Overlappende fragmenten</translation>
    </message>
    <message>
        <source>Same sentence</source>
        <translation>Dezelfde zin</translation>
    </message>
    <message>
        <source>Same speaker turn</source>
        <translation>Dezelfde sprekersbeurt</translation>
    </message>
    <message>
        <source>Same document</source>
        <translation>Hetzelfde document</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>c-coefficient</source>
        <translation>c-coëfficiënt</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle codes</translation>
    </message>
    <message>
        <source>Where two codes count as applying together</source>
        <translation>Waar twee codes als samen voorkomend tellen</translation>
    </message>
    <message>
        <source>The codes compared (each with its subcodes)</source>
        <translation>De vergeleken codes (elk met zijn subcodes)</translation>
    </message>
    <message>
        <source>Count of units, or n12/(n1+n2−n12)</source>
        <translation>Aantal eenheden, of n12/(n1+n2−n12)</translation>
    </message>
    <message>
        <source>All documents, or one value of an attribute</source>
        <translation>Alle documenten, of één waarde van een kenmerk</translation>
    </message>
    <message>
        <source>With subcodes</source>
        <translation>Met subcodes</translation>
    </message>
    <message>
        <source>A code applies where it or one of its subcodes is coded</source>
        <translation>Een code geldt waar hij of een van zijn subcodes gecodeerd is</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Eenheid:</translation>
    </message>
    <message>
        <source>Codes:</source>
        <translation>Codes:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documenten:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source> in documents with {key} = {value}</source>
        <translation> in documenten met {key} = {value}</translation>
    </message>
    <message>
        <source>Each cell: in how many units ({unit}) both codes apply{where}; the diagonal (in brackets): in how many the code applies.</source>
        <translation>Elke cel: in hoeveel eenheden ({unit}) beide codes voorkomen{where}; de diagonaal (tussen haakjes): in hoeveel de code voorkomt.</translation>
    </message>
</context>
<context>
    <name>Counting</name>
    <message>
        <source>a passage counts once per code with its subcodes, however many of their codes it carries</source>
        <extracomment>``coding.core.counting.COUNT_RULE`` marked for translation (shown in the Codebook&apos;s and Compare&apos;s tips); tests/app/shell/test_dutch.py checks the two stay the same text.</extracomment>
        <translation>een fragment telt één keer per code met haar subcodes, hoeveel van hun codes het ook draagt</translation>
    </message>
</context>
<context>
    <name>DetailsDock</name>
    <message>
        <source>OpenDocument text (.odt)</source>
        <extracomment>How the import formats are named to the user.</extracomment>
        <translation>OpenDocument-tekst (.odt)</translation>
    </message>
    <message>
        <source>Plain text (.txt)</source>
        <translation>Platte tekst (.txt)</translation>
    </message>
    <message>
        <source>WebVTT subtitles (.vtt)</source>
        <translation>WebVTT-ondertitels (.vtt)</translation>
    </message>
    <message>
        <source>SubRip subtitles (.srt)</source>
        <translation>SubRip-ondertitels (.srt)</translation>
    </message>
    <message>
        <source>UTF-8 with byte-order mark</source>
        <extracomment>The encodings a text import chooses between, as the user knows them.</extracomment>
        <translation>UTF-8 met byte-order mark</translation>
    </message>
    <message>
        <source>UTF-16 (byte-order mark)</source>
        <translation>UTF-16 (byte-order mark)</translation>
    </message>
    <message>
        <source>Windows-1252 (legacy, no UTF-8)</source>
        <translation>Windows-1252 (verouderd, geen UTF-8)</translation>
    </message>
    <message>
        <source>Memo and details</source>
        <extracomment>What the details of a document show: its name, text and pages, attributes, speakers; its codings.</extracomment>
        <translation>Memo en details</translation>
    </message>
    <message>
        <source>Attributes · double-click to change, add or rename</source>
        <translation>Kenmerken · dubbelklik om te wijzigen, toe te voegen of te hernoemen</translation>
    </message>
    <message>
        <source>Document attributes</source>
        <translation>Kenmerken van het document</translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation>Kenmerk verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected attribute from this document</source>
        <translation>Het geselecteerde kenmerk van dit document verwijderen</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Kenmerk toevoegen</translation>
    </message>
    <message>
        <source>Give this document another attribute: its name, then its value</source>
        <translation>Dit document een kenmerk erbij geven: eerst de naam, dan de waarde</translation>
    </message>
    <message>
        <source>Codings of the passage</source>
        <translation>Coderingen van het fragment</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Write a memo … (saved when you leave the field or press Ctrl+Return)</source>
        <translation>Schrijf een memo … (opgeslagen zodra je het veld verlaat of op Ctrl+Return drukt)</translation>
    </message>
    <message>
        <source>Save memo</source>
        <translation>Memo opslaan</translation>
    </message>
    <message>
        <source>Remove this coding</source>
        <translation>Deze codering verwijderen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Click the attribute to remove first</source>
        <translation>Klik eerst op het kenmerk dat weg moet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Niets geselecteerd&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a passage in the transcript and code it: drag the selection onto a code, press a favourite&apos;s number key or right-click for the code picker (or click a code, in click-to-code mode). Click a coded passage or its stripe to see its codes and memo here.</source>
        <translation>Selecteer een fragment in het transcript en codeer het: sleep de selectie naar een code, druk op het cijfer van een favoriet of klik met rechts voor de codekiezer (of klik op een code, in de klik-om-te-coderen-modus). Klik op een gecodeerd fragment of zijn streep om hier de codes en het memo te zien.</translation>
    </message>
    <message>
        <source>Memo on the coding with “{code}”</source>
        <translation>Memo bij de codering met “{code}”</translation>
    </message>
    <message>
        <source>Coded passage</source>
        <translation>Gecodeerd fragment</translation>
    </message>
    <message>
        <source>{count} quote(s)</source>
        <translation>Citaten: {count}</translation>
    </message>
    <message>
        <source>Code memo</source>
        <translation>Codememo</translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation>Documentmemo</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Tekenset</translation>
    </message>
    <message>
        <source>{name} — chosen at import</source>
        <translation>{name} — gekozen bij het importeren</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Tekens</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> en nog {count}</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Beurten</translation>
    </message>
    <message>
        <source>{turns} · {count} speaker(s): {names}</source>
        <translation>{turns} · sprekers ({count}): {names}</translation>
    </message>
    <message>
        <source>{name} — missing</source>
        <translation>{name} — ontbreekt</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <source>Memo saved</source>
        <translation>Memo opgeslagen</translation>
    </message>
</context>
<context>
    <name>DiscussionPanel</name>
    <message>
        <source>agreed</source>
        <translation>akkoord</translation>
    </message>
    <message>
        <source>question</source>
        <translation>vraag</translation>
    </message>
    <message>
        <source>disagree</source>
        <translation>oneens</translation>
    </message>
    <message>
        <source>No review or conversation yet.</source>
        <translation>Nog geen beoordeling of gesprek.</translation>
    </message>
    <message>
        <source>Waiting for your answer.</source>
        <translation>Wacht op je antwoord.</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Review discussion</source>
        <translation>Gesprek over de beoordeling</translation>
    </message>
    <message>
        <source>Reply to the discussion</source>
        <translation>Antwoorden in het gesprek</translation>
    </message>
    <message>
        <source>Reply to the reviewer (Enter sends; it travels in the next review file)</source>
        <translation>Antwoord aan de beoordelaar (Enter verstuurt; het gaat mee in het volgende beoordelingsbestand)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Discussion — {title}</source>
        <translation>Gesprek — {title}</translation>
    </message>
    <message>
        <source>Choose a quote to see its review.</source>
        <translation>Kies een citaat om de beoordeling ervan te zien.</translation>
    </message>
    <message>
        <source>Reply saved (undoable); it travels in the next review file</source>
        <translation>Antwoord opgeslagen (ongedaan te maken); het gaat mee in het volgende beoordelingsbestand</translation>
    </message>
</context>
<context>
    <name>DocumentAttributesModel</name>
    <message>
        <source>New attribute…</source>
        <translation>Nieuw kenmerk…</translation>
    </message>
    <message>
        <source>Double-click to add an attribute to this document: its name, then its value</source>
        <translation>Dubbelklik om een kenmerk aan dit document toe te voegen: eerst de naam, dan de waarde</translation>
    </message>
    <message>
        <source>Type the value: the attribute is stored once it has one</source>
        <translation>Typ de waarde: het kenmerk wordt bewaard zodra het er een heeft</translation>
    </message>
    <message>
        <source>Double-click to rename the attribute in this document</source>
        <translation>Dubbelklik om de naam van het kenmerk in dit document te wijzigen</translation>
    </message>
    <message>
        <source>Double-click to change; an empty value removes the attribute</source>
        <translation>Dubbelklik om te wijzigen; een lege waarde verwijdert het kenmerk</translation>
    </message>
    <message>
        <source>this document already has the attribute &apos;{key}&apos;</source>
        <translation>dit document heeft het kenmerk &apos;{key}&apos; al</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>{characters} characters · {codings} coding(s)</source>
        <extracomment>What the list shows: documents grouped by their attributes, with their number of codings. Every row&apos;s flags, combined once: the view asks for each of 2,000 rows as it lays them out, and combining Qt&apos;s flags in Python makes a new enum value each time. Per document, its name and attributes and the folded text the filter matches: the filter asks every row again on each keystroke (folding 2,000 documents&apos; texts each time was most of it). Whether the documents carry their coding counts (False until :meth:`load_counts`). A count under way in a worker (:meth:`count_in_worker`), and whether a change of the documents or codings arrived since it began (then it counts again: it may have read before).</extracomment>
        <translation>{characters} tekens · {codings} codering(en)</translation>
    </message>
    <message>
        <source>{key} = {value}: {count} document(s)</source>
        <translation>{key} = {value}: documenten: {count}</translation>
    </message>
</context>
<context>
    <name>DocumentsDock</name>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Documenten filteren</translation>
    </message>
    <message>
        <source>Filter: name or attribute …</source>
        <translation>Filter: naam of kenmerk …</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Groeperen op</translation>
    </message>
    <message>
        <source>(no grouping)</source>
        <translation>(geen groepering)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel workbook: overview, quotes per group, frequencies</source>
        <translation>Excel-werkmap: overzicht, citaten per groep, frequenties</translation>
    </message>
    <message>
        <source>Word: quotes per concept</source>
        <translation>Word: citaten per concept</translation>
    </message>
    <message>
        <source>Word: coded transcript of one document</source>
        <translation>Word: gecodeerd transcript van één document</translation>
    </message>
    <message>
        <source>CSV: quotes per group in one file</source>
        <translation>CSV: citaten per groep in één bestand</translation>
    </message>
    <message>
        <source>Review workbook for a supervisor (Excel)</source>
        <translation>Beoordelingswerkmap voor een begeleider (Excel)</translation>
    </message>
    <message>
        <source>Review document for a supervisor (Word)</source>
        <translation>Beoordelingsdocument voor een begeleider (Word)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Semicolon ; (Dutch Excel)</source>
        <translation>Puntkomma ; (Nederlandse Excel)</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <source>The supervisor&apos;s name</source>
        <translation>De naam van de begeleider</translation>
    </message>
    <message>
        <source>Whose review this is: the marks and comments in the file become this reviewer&apos;s marks when you import it back (File → Import supervisor&apos;s review…)</source>
        <translation>Van wie deze beoordeling is: de beoordelingen en opmerkingen in het bestand worden die van deze beoordelaar wanneer je het terug inleest (Bestand → Beoordeling van begeleider importeren…)</translation>
    </message>
    <message>
        <source>Include review marks and comments</source>
        <translation>Beoordelingen en opmerkingen meenemen</translation>
    </message>
    <message>
        <source>Include the code and document memos</source>
        <translation>De code- en documentmemo&apos;s meenemen</translation>
    </message>
    <message>
        <source>Put &apos; before cells a spreadsheet would read as a formula (=…, -2+3)</source>
        <translation>Zet &apos; voor cellen die een rekenblad als formule zou lezen (=…, -2+3)</translation>
    </message>
    <message>
        <source>Keeps Excel from evaluating a quote such as =HYPERLINK(…); -/- or +31 are never changed. Calc shows the &apos; ; leave this off for a file read by a program</source>
        <translation>Voorkomt dat Excel een citaat als =HYPERLINK(…) uitrekent; -/- of +31 blijven altijd ongewijzigd. Calc toont de &apos; ; laat dit uit voor een bestand dat een programma inleest</translation>
    </message>
    <message>
        <source>Quote the respondents&apos; words only (leave out the interviewer)</source>
        <translation>Alleen de woorden van de respondenten citeren (de interviewer weglaten)</translation>
    </message>
    <message>
        <source>Cuts the interviewer&apos;s turns out of every quote ([…] marks the cut) and drops speaker labels; a quote of only the interviewer&apos;s words is left out</source>
        <translation>Knipt de beurten van de interviewer uit elk citaat ([…] markeert de knip) en laat sprekerlabels weg; een citaat met alleen woorden van de interviewer valt weg</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>Exporteren naar bestand</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Groeperen op</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Scheidingsteken</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Beoordelaar</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>coded</source>
        <comment>a file name: R5-coded.docx</comment>
        <translation>gecodeerd</translation>
    </message>
    <message>
        <source>quotes</source>
        <comment>a file name: studie-region-quotes</comment>
        <translation>citaten</translation>
    </message>
    <message>
        <source>review</source>
        <comment>a file name: studie-review.xlsx</comment>
        <translation>beoordeling</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Bestand vervangen?</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}.
Do you want to replace it?</source>
        <translation>{name} bestaat al in {folder}.
Wilt u het vervangen?</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Kies een bestand om naar te exporteren.</translation>
    </message>
    <message>
        <source>Choose at least one concept.</source>
        <translation>Kies ten minste één concept.</translation>
    </message>
    <message>
        <source>Choose at least one group.</source>
        <translation>Kies ten minste één groep.</translation>
    </message>
    <message>
        <source>Name the supervisor who reviews (Reviewer).</source>
        <translation>Geef de naam van de begeleider die beoordeelt (Beoordelaar).</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Geëxporteerd naar {path}</translation>
    </message>
    <message>
        <source>Export to {name}</source>
        <translation>Exporteren naar {name}</translation>
    </message>
</context>
<context>
    <name>ExportTable</name>
    <message>
        <source>nothing to export yet</source>
        <translation>nog niets om te exporteren</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation>Zoeken in transcript</translation>
    </message>
    <message>
        <source>Previous (Shift+Enter, Shift+F3)</source>
        <translation>Vorige (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorige treffer</translation>
    </message>
    <message>
        <source>Next (Enter, F3)</source>
        <translation>Volgende (Enter, F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Volgende treffer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Sluiten (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>De zoekbalk sluiten</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>geen treffer</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} van {count}</translation>
    </message>
</context>
<context>
    <name>FrequencyChart</name>
    <message>
        <source>Quotes per concept chart</source>
        <extracomment>Distinguishable colours for the groups (Paul Tol&apos;s bright scheme), in column order.</extracomment>
        <translation>Grafiek van de citaten per concept</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Documents per concept and {attribute}</source>
        <translation>Documenten per concept en {attribute}</translation>
    </message>
    <message>
        <source>Coded passages</source>
        <translation>Gecodeerde fragmenten</translation>
    </message>
    <message>
        <source>Coded passages per concept and {attribute}</source>
        <translation>Gecodeerde fragmenten per concept en {attribute}</translation>
    </message>
    <message>
        <source>{name}: save the chart as .png or .svg</source>
        <translation>{name}: sla de grafiek op als .png of .svg</translation>
    </message>
    <message>
        <source>{name}: could not be written</source>
        <translation>{name}: kon niet worden geschreven</translation>
    </message>
</context>
<context>
    <name>FrequencyView</name>
    <message>
        <source>{share} per 1,000 words in {group}</source>
        <translation>{share} per 1.000 woorden in {group}</translation>
    </message>
    <message>
        <source>Frequencies by</source>
        <extracomment>The count under way in a worker thread, if any.</extracomment>
        <translation>Frequenties per</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Tellen</translation>
    </message>
    <message>
        <source>Lemmas</source>
        <translation>Lemma&apos;s</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Woorden</translation>
    </message>
    <message>
        <source>Number of words shown</source>
        <translation>Aantal getoonde woorden</translation>
    </message>
    <message>
        <source>Answers only</source>
        <translation>Alleen antwoorden</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>Word frequencies</source>
        <translation>Woordfrequenties</translation>
    </message>
    <message>
        <source>Word frequencies chart</source>
        <translation>Grafiek van de woordfrequenties</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>Counting words</source>
        <translation>Woorden tellen</translation>
    </message>
    <message>
        <source>Words counted (stop words left out) — {words}. The chart shows occurrences per 1,000 words.</source>
        <translation>Getelde woorden (zonder stopwoorden) — {words}. De grafiek toont het aantal keer per 1.000 woorden.</translation>
    </message>
    <message>
        <source>per 1,000 words</source>
        <translation>per 1.000 woorden</translation>
    </message>
    <message>
        <source>Most frequent {unit} per {by}</source>
        <translation>Meest voorkomende {unit} per {by}</translation>
    </message>
    <message>
        <source>lemmas</source>
        <translation>lemma&apos;s</translation>
    </message>
    <message>
        <source>words</source>
        <translation>woorden</translation>
    </message>
    <message>
        <source>Exported {name}.</source>
        <translation>{name} geëxporteerd.</translation>
    </message>
    <message>
        <source>Export frequencies</source>
        <translation>Frequenties exporteren</translation>
    </message>
    <message>
        <source>frequencies.csv</source>
        <translation>frequenties.csv</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>(no value)</source>
        <extracomment>The group of the documents without a value for an attribute, wherever the window shows one (the Documents panel&apos;s groups, the Quotes dock&apos;s value filter, Compare&apos;s columns): one text, one translation.</extracomment>
        <translation>(geen waarde)</translation>
    </message>
</context>
<context>
    <name>GuideTableModel</name>
    <message>
        <source>confirmed</source>
        <extracomment>The first words of the cells shown so far, by (row, column).</extracomment>
        <translation>bevestigd</translation>
    </message>
    <message>
        <source>found, confidence {confidence}</source>
        <translation>gevonden, zekerheid {confidence}</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Interview guide — {name}</source>
        <translation>Interviewleidraad — {name}</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Antwoorden</translation>
    </message>
    <message>
        <source>&amp;Matches</source>
        <translation>&amp;Koppelingen</translation>
    </message>
    <message>
        <source>&amp;Group interviews by:</source>
        <translation>Interviews &amp;groeperen op:</translation>
    </message>
    <message>
        <source>&amp;Code confirmed answers</source>
        <translation>Bevestigde antwoorden &amp;coderen</translation>
    </message>
    <message>
        <source>Code every confirmed answer to the current question with its code (Ctrl+Z undoes)</source>
        <translation>Elk bevestigd antwoord op de huidige vraag coderen met de code van die vraag (Ctrl+Z maakt ongedaan)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>&amp;Import guide…</source>
        <translation>Leidraad &amp;importeren…</translation>
    </message>
    <message>
        <source>Attach the numbered questions of a guide document (.docx, .txt) to the codes with those references</source>
        <translation>Koppel de genummerde vragen van een leidraaddocument (.docx, .txt) aan de codes met die vraagnummers</translation>
    </message>
    <message>
        <source>Click a cell to read the whole answer</source>
        <translation>Klik op een cel om het hele antwoord te lezen</translation>
    </message>
    <message>
        <source>This project has no interview guide yet. Import the guide document (Word or text) with numbered questions such as 1a, 4b or Vraag 3: each question is attached to the code with that reference.</source>
        <translation>Dit project heeft nog geen interviewleidraad. Importeer het leidraaddocument (Word of tekst) met genummerde vragen zoals 1a, 4b of Vraag 3: elke vraag wordt gekoppeld aan de code met dat vraagnummer.</translation>
    </message>
    <message>
        <source>Import guide…</source>
        <translation>Leidraad importeren…</translation>
    </message>
    <message>
        <source>Matching the guide …</source>
        <extracomment>The open document&apos;s matching under way in a worker (``None`` with no project).</extracomment>
        <translation>De leidraad koppelen …</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Niet groeperen</translation>
    </message>
    <message>
        <source>{questions} guide questions × {interviews} interviews: {found} answers found, {confirmed} confirmed</source>
        <translation>{questions} vragen uit de leidraad × {interviews} interviews: {found} antwoorden gevonden, {confirmed} bevestigd</translation>
    </message>
    <message>
        <source>The project has no guide: import a guide document with Import guide…</source>
        <translation>Het project heeft geen leidraad: importeer een leidraaddocument met Leidraad importeren…</translation>
    </message>
    <message>
        <source>Confirmed match</source>
        <translation>Bevestigde koppeling</translation>
    </message>
    <message>
        <source>Found by the matcher, confidence {confidence}</source>
        <translation>Automatisch gevonden, zekerheid {confidence}</translation>
    </message>
    <message>
        <source>Click a cell of the question whose answers to code first</source>
        <translation>Klik eerst op een cel van de vraag waarvan je de antwoorden wilt coderen</translation>
    </message>
    <message>
        <source>Coded {count} passage(s) of the confirmed answers to {ref}; {already} had the code already</source>
        <translation>{count} fragment(en) van de bevestigde antwoorden op {ref} gecodeerd; {already} had(den) de code al</translation>
    </message>
    <message>
        <source>Code the confirmed answers to {ref}</source>
        <translation>De bevestigde antwoorden op {ref} coderen</translation>
    </message>
    <message>
        <source>Export the answers per guide question</source>
        <translation>De antwoorden per vraag uit de leidraad exporteren</translation>
    </message>
    <message>
        <source>guide-answers.xlsx</source>
        <translation>antwoorden-leidraad.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;Word (*.docx)</source>
        <translation>Excel (*.xlsx);;Word (*.docx)</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} geschreven</translation>
    </message>
</context>
<context>
    <name>HeatTable</name>
    <message>
        <source>overlap</source>
        <extracomment>Heat steps for fractional values (the c-coefficient). The co-occurrence units as the tooltips name them.</extracomment>
        <translation>overlap</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>zin</translation>
    </message>
    <message>
        <source>turn</source>
        <translation>beurt</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>{code}: applies in {count} {unit} unit(s)</source>
        <translation>{code}: komt voor in {count} eenheden (per {unit})</translation>
    </message>
    <message>
        <source>{a} × {b}
{count} {unit} unit(s) with both (of {n_a} and {n_b}); c = {c}
Click to list the quotes</source>
        <translation>{a} × {b}
{count} eenheden (per {unit}) met beide (van {n_a} en {n_b}); c = {c}
Klik om de citaten te tonen</translation>
    </message>
    <message>
        <source>{code} × {column}: {count} coded passage(s)
Click to list the quotes</source>
        <translation>{code} × {column}: gecodeerde fragmenten: {count}
Klik om de citaten te tonen</translation>
    </message>
</context>
<context>
    <name>HeatView</name>
    <message>
        <source>Click a cell to list its quotes; double-click a quote to open it</source>
        <translation>Klik op een cel om de citaten ervan te tonen; dubbelklik op een citaat om het te openen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Save the table as an Excel workbook (with the heat map) or as CSV</source>
        <translation>De tabel opslaan als Excel-werkmap (met de heatmap) of als CSV</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codeur:</translation>
    </message>
    <message>
        <source>Count every coder&apos;s codings, or only one coder&apos;s (or the consensus layer&apos;s)</source>
        <translation>Tel de coderingen van alle codeurs, of van één codeur (of van de consensuslaag)</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>analysis.xlsx</source>
        <extracomment>The file name the export dialog proposes (translated when proposed).</extracomment>
        <translation>analyse.xlsx</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabel exporteren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-werkmap (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>{name} geëxporteerd</translation>
    </message>
    <message>
        <source>Counting …</source>
        <extracomment>The last export of the table (written in a worker thread), if any.</extracomment>
        <translation>Tellen …</translation>
    </message>
    <message>
        <source>{title}: {count} quote(s)</source>
        <translation>{title} — citaten: {count}</translation>
    </message>
    <message>
        <source>co-occurrence.xlsx</source>
        <translation>samen-voorkomen.xlsx</translation>
    </message>
    <message>
        <source>code-matrix.xlsx</source>
        <translation>code-casus-matrix.xlsx</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Transcripts ({patterns});;All files (*)</source>
        <extracomment>What to do with a document already in the project (the policy box&apos;s data). The file dialogs&apos; filters, translated where they are shown (``{patterns}``: *.docx *.txt …).</extracomment>
        <translation>Transcripten ({patterns});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Metadata sheets (*.csv *.xlsx);;All files (*)</source>
        <translation>Metadatabladen (*.csv *.xlsx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Import documents</source>
        <extracomment>Files the worker prepares ahead of what has been stored.</extracomment>
        <translation>Documenten importeren</translation>
    </message>
    <message>
        <source>Word, OpenDocument, text, Markdown, PDF and subtitle files (WebVTT, SubRip). Add files or a whole folder, or drop them here.</source>
        <translation>Word-, OpenDocument-, tekst-, Markdown-, PDF- en ondertitelbestanden (WebVTT, SubRip). Voeg bestanden of een hele map toe, of sleep ze hierheen.</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Te importeren bestanden</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Bestanden toevoegen…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Map toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leegmaken</translation>
    </message>
    <message>
        <source>Metadata sheet (optional): a &apos;file&apos; (or &apos;bestand&apos;) column and one column per attribute</source>
        <translation>Metadatablad (optioneel): een kolom &apos;bestand&apos; (of &apos;file&apos;) en één kolom per kenmerk</translation>
    </message>
    <message>
        <source>no sheet: .csv (comma or semicolon) or .xlsx</source>
        <translation>geen blad: .csv (komma of puntkomma) of .xlsx</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>No sheet</source>
        <translation>Geen blad</translation>
    </message>
    <message>
        <source>Attributes for all files (they win over the sheet)</source>
        <translation>Kenmerken voor alle bestanden (die gaan voor het blad)</translation>
    </message>
    <message>
        <source>Ask for each file</source>
        <translation>Per bestand vragen</translation>
    </message>
    <message>
        <source>Replace the text (codings are kept where the text is unchanged)</source>
        <translation>De tekst vervangen (coderingen blijven waar de tekst ongewijzigd is)</translation>
    </message>
    <message>
        <source>Skip the file</source>
        <translation>Het bestand overslaan</translation>
    </message>
    <message>
        <source>When a document is already in the project:</source>
        <translation>Als een document al in het project zit:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Preparing …</source>
        <translation>Voorbereiden …</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Voortgang van het importeren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Samenvatting van het importeren</translation>
    </message>
    <message>
        <source>Speakers…</source>
        <translation>Sprekers…</translation>
    </message>
    <message>
        <source>Check the detected speakers: rename them, mark the interviewers</source>
        <translation>Controleer de gevonden sprekers: hernoem ze, markeer de interviewers</translation>
    </message>
    <message>
        <source>Import more…</source>
        <translation>Meer importeren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Add transcripts</source>
        <translation>Transcripten toevoegen</translation>
    </message>
    <message>
        <source>Add all transcripts in a folder</source>
        <translation>Alle transcripten in een map toevoegen</translation>
    </message>
    <message>
        <source>Metadata sheet</source>
        <translation>Metadatablad</translation>
    </message>
    <message>
        <source>{rows} row(s); {matched} of {files} file(s) have a row.</source>
        <translation>Rijen: {rows}; {matched} van de {files} bestanden hebben een rij.</translation>
    </message>
    <message>
        <source>Rows without a file: {names}.</source>
        <translation>Rijen zonder bestand: {names}.</translation>
    </message>
    <message>
        <source>Files without a row: {names}.</source>
        <translation>Bestanden zonder rij: {names}.</translation>
    </message>
    <message>
        <source>Importing {count} file(s) …</source>
        <translation>Bestanden importeren: {count} …</translation>
    </message>
    <message>
        <source>could not be stored ({error})</source>
        <translation>kon niet worden opgeslagen ({error})</translation>
    </message>
    <message>
        <source>replaced; {count} coded passage(s) lost</source>
        <translation>vervangen; gecodeerde fragmenten verloren: {count}</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>vervangen</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>Cancelling after the current file …</source>
        <translation>Stopt na het huidige bestand …</translation>
    </message>
    <message>
        <source>{name} is already in the project: replace it?</source>
        <translation>{name} zit al in het project: vervangen?</translation>
    </message>
    <message>
        <source>Imported {done} of {total}: {name}</source>
        <translation>{done} van {total} geïmporteerd: {name}</translation>
    </message>
    <message>
        <source>Document already in the project</source>
        <translation>Document zit al in het project</translation>
    </message>
    <message>
        <source>Replace the text of &apos;{name}&apos;? Its {count} coding(s) are kept where their passage is unchanged; the summary lists any that cannot be kept.</source>
        <translation>De tekst van ‘{name}’ vervangen? De coderingen ({count}) blijven behouden waar hun fragment ongewijzigd is; het overzicht noemt de coderingen die niet behouden kunnen worden.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alles vervangen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Overslaan</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Alles overslaan</translation>
    </message>
    <message>
        <source>cannot import &apos;{suffix}&apos; files; will be skipped</source>
        <translation>&apos;{suffix}&apos;-bestanden kunnen niet worden geïmporteerd; wordt overgeslagen</translation>
    </message>
    <message>
        <source>cannot import files without an extension; will be skipped</source>
        <translation>bestanden zonder extensie kunnen niet worden geïmporteerd; wordt overgeslagen</translation>
    </message>
    <message>
        <source>already in the project as &apos;{name}&apos;</source>
        <translation>zit al in het project als &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>no row in the metadata sheet</source>
        <translation>geen rij in het metadatablad</translation>
    </message>
    <message>
        <source>metadata row {line}</source>
        <translation>metadatarij {line}</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>no speakers found</source>
        <translation>geen sprekers gevonden</translation>
    </message>
    <message>
        <source>… and {count} others ({turns} turns)</source>
        <translation>… en {count} andere ({turns} beurten)</translation>
    </message>
    <message>
        <source>{count} imported</source>
        <translation>{count} geïmporteerd</translation>
    </message>
    <message>
        <source>{count} replaced</source>
        <translation>{count} vervangen</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>{count} overgeslagen</translation>
    </message>
    <message>
        <source>Import cancelled: {summary}</source>
        <translation>Importeren afgebroken: {summary}</translation>
    </message>
    <message>
        <source>Import finished: {summary}</source>
        <translation>Importeren voltooid: {summary}</translation>
    </message>
    <message>
        <source>The import was cancelled; the files before the cancel were imported.</source>
        <translation>Het importeren is afgebroken; de bestanden van vóór het afbreken zijn geïmporteerd.</translation>
    </message>
    <message>
        <source>Imported ({count})</source>
        <translation>Geïmporteerd ({count})</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Tekenset</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Tekens</translation>
    </message>
    <message>
        <source>Speakers (turns)</source>
        <translation>Sprekers (beurten)</translation>
    </message>
    <message>
        <source>Replaced ({count})</source>
        <translation>Vervangen ({count})</translation>
    </message>
    <message>
        <source>{count} coded passage(s) could not be kept:</source>
        <translation>gecodeerde fragmenten die niet behouden konden worden: {count}</translation>
    </message>
    <message>
        <source>text replaced;</source>
        <translation>tekst vervangen;</translation>
    </message>
    <message>
        <source>text replaced; all codings kept</source>
        <translation>tekst vervangen; alle coderingen behouden</translation>
    </message>
    <message>
        <source>Skipped ({count})</source>
        <translation>Overgeslagen ({count})</translation>
    </message>
    <message>
        <source>Metadata sheet</source>
        <translation>Metadatablad</translation>
    </message>
    <message>
        <source>Rows for files that were not imported: {names}</source>
        <translation>Regels voor bestanden die niet zijn geïmporteerd: {names}</translation>
    </message>
    <message>
        <source>Imported files without a row (no attributes from the sheet): {names}</source>
        <translation>Geïmporteerde bestanden zonder regel (geen kenmerken uit het blad): {names}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Opmerkingen</translation>
    </message>
</context>
<context>
    <name>Indexing</name>
    <message>
        <source>Indexing for search</source>
        <translation>Zoekindex opbouwen</translation>
    </message>
</context>
<context>
    <name>JudgementEditor</name>
    <message>
        <source>(no score)</source>
        <translation>(geen oordeel)</translation>
    </message>
    <message>
        <source>Click a cell of the grid to see its quotes and judge it.</source>
        <extracomment>Whose codings the cell&apos;s quotes are (the Compare view&apos;s Coder choice; ``None``: every coder&apos;s).</extracomment>
        <translation>Klik op een cel van de tabel om de citaten te zien en een oordeel te geven.</translation>
    </message>
    <message>
        <source>Quotes of this cell</source>
        <translation>Citaten van deze cel</translation>
    </message>
    <message>
        <source>Score</source>
        <extracomment>Why the cell cannot be judged (a note on the cell; what saving did goes the one way, ``app.widgets.operations``).</extracomment>
        <translation>Oordeel</translation>
    </message>
    <message>
        <source>Open code: describe in a few words</source>
        <translation>Open code: beschrijf in een paar woorden</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Onderbouwing</translation>
    </message>
    <message>
        <source>Justification: one or two lines that explain the score</source>
        <translation>Onderbouwing: een of twee regels die het oordeel uitleggen</translation>
    </message>
    <message>
        <source>Save judgement</source>
        <translation>Oordeel opslaan</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leegmaken</translation>
    </message>
    <message>
        <source>Remove this judgement (undoable)</source>
        <translation>Dit oordeel verwijderen (ongedaan te maken)</translation>
    </message>
    <message>
        <source>Quotes — check those that support the judgement:</source>
        <translation>Citaten — vink aan welke het oordeel onderbouwen:</translation>
    </message>
    <message>
        <source>{code} × {value}: {quotes} quote(s) in {documents} document(s)</source>
        <extracomment>The supervisors&apos; marks on this judgement and the conversation about it.</extracomment>
        <translation>{code} × {value}: citaten: {quotes}, in {documents} document(en)</translation>
    </message>
    <message>
        <source>Quotes without a value for {attribute} cannot be judged.</source>
        <translation>Over citaten zonder waarde voor {attribute} kan geen oordeel worden gegeven.</translation>
    </message>
    <message>
        <source>{score} (not on the scale)</source>
        <translation>{score} (niet op de schaal)</translation>
    </message>
</context>
<context>
    <name>JudgementGridModel</name>
    <message>
        <source>Counting: {rule} (as in the Codebook)</source>
        <translation>Telling: {rule} (zoals in het Codeboek)</translation>
    </message>
    <message>
        <source>{quotes} quote(s) in {documents} document(s)</source>
        <translation>citaten: {quotes}, in {documents} document(en)</translation>
    </message>
    <message>
        <source>Judgement: {score}</source>
        <translation>Oordeel: {score}</translation>
    </message>
    <message>
        <source>{count} quote(s) as evidence</source>
        <translation>citaten als bewijs: {count}</translation>
    </message>
    <message>
        <source>A reviewer asks: answer in the Discussion below the judgement</source>
        <translation>Een beoordelaar stelt een vraag: antwoord in het Gesprek onder het oordeel</translation>
    </message>
    <message>
        <source>Click to judge</source>
        <translation>Klik om te beoordelen</translation>
    </message>
</context>
<context>
    <name>LanguageWindow</name>
    <message>
        <source>Search and suggestions — {name}</source>
        <translation>Zoeken en suggesties — {name}</translation>
    </message>
    <message>
        <source>Search, suggestions and frequencies</source>
        <translation>Zoeken, suggesties en frequenties</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggesties</translation>
    </message>
    <message>
        <source>Frequencies</source>
        <translation>Frequenties</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>All coders</source>
        <extracomment>The coder layers&apos; names (``coding.core.coder_layers.LAYERS``) marked for translation.</extracomment>
        <translation>Alle codeurs</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Van mij</translation>
    </message>
    <message>
        <source>Other coders</source>
        <translation>Andere codeurs</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensus</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Click-to-code mode</source>
        <extracomment>The window&apos;s least first size: a screen without room for it (and a frame) gets a maximised window. The share of a larger screen&apos;s available area a first start takes (the rest shows the desktop). The screen width from which the default layout runs Memo and details down the whole right side. The document a project just opened shows right after the window&apos;s first paint, until then.</extracomment>
        <translation>Klik-om-te-coderen-modus</translation>
    </message>
    <message>
        <source>Clicking a code codes the selected passage (Code → Click-to-code mode)</source>
        <translation>Klikken op een code codeert het geselecteerde fragment (Coderen → Klik-om-te-coderen-modus)</translation>
    </message>
    <message>
        <source>Codebook panel</source>
        <translation>Paneel Codeboek</translation>
    </message>
    <message>
        <source>Quotes panel</source>
        <translation>Paneel Citaten</translation>
    </message>
    <message>
        <source>About Codewerk</source>
        <translation>Over Codewerk</translation>
    </message>
    <message>
        <source>A workbench for qualitative coding of interview transcripts.</source>
        <translation>Een werkbank voor het kwalitatief coderen van interviewtranscripten.</translation>
    </message>
    <message>
        <source>Your project is one SQLite file on this computer; Codewerk never uses the network.</source>
        <translation>Je project is één SQLite-bestand op deze computer; Codewerk gebruikt nooit het netwerk.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Project openen</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Demo project</source>
        <translation>Demoproject</translation>
    </message>
    <message>
        <source>Search index ready</source>
        <translation>Zoekindex klaar</translation>
    </message>
    <message>
        <source>Codewerk — {name} (team project, {role})</source>
        <translation>Codewerk — {name} (teamproject, {role})</translation>
    </message>
    <message>
        <source>Opened {location} — every action is saved at once</source>
        <translation>{location} geopend — elke handeling wordt meteen opgeslagen</translation>
    </message>
    <message>
        <source>Checking the project file</source>
        <translation>Projectbestand controleren</translation>
    </message>
    <message>
        <source>Codewerk projects (*{suffix})</source>
        <translation>Codewerk-projecten (*{suffix})</translation>
    </message>
    <message>
        <source>Regionale Werkbedrijven (built-in codebook “rwb”)</source>
        <translation>Regionale Werkbedrijven (ingebouwd codeboek “rwb”)</translation>
    </message>
    <message>
        <source>Empty code tree</source>
        <translation>Lege codeboom</translation>
    </message>
    <message>
        <source>A codebook file (.yaml, .qdc)…</source>
        <translation>Een codeboekbestand (.yaml, .qdc)…</translation>
    </message>
    <message>
        <source>Start with:</source>
        <translation>Beginnen met:</translation>
    </message>
    <message>
        <source>Choose a codebook</source>
        <translation>Een codeboek kiezen</translation>
    </message>
    <message>
        <source>Codebooks (*.yaml *.yml *.qdc)</source>
        <translation>Codeboeken (*.yaml *.yml *.qdc)</translation>
    </message>
    <message>
        <source>Codewerk projects (*{suffix});;All files (*)</source>
        <translation>Codewerk-projecten (*{suffix});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Je naam</translation>
    </message>
    <message>
        <source>Name stored with your codings and reviews:</source>
        <translation>Naam die bij je coderingen en beoordelingen wordt bewaard:</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Geen recente projecten</translation>
    </message>
    <message>
        <source>Open or create a project first, then import into it</source>
        <translation>Open of maak eerst een project en importeer daarin</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> en nog {count}</translation>
    </message>
    <message>
        <source>Selection {start}–{end} ({count} characters)</source>
        <translation>Selectie {start}–{end} ({count} tekens)</translation>
    </message>
    <message>
        <source>Click a coded passage or its stripe first</source>
        <translation>Klik eerst op een gecodeerd fragment of zijn streep</translation>
    </message>
    <message>
        <source>Preparing search</source>
        <extracomment>What the Search and suggestions window needs besides the window&apos;s own modules: numpy and the language services (0.3–0.7 s of imports on the GUI thread at its first opening, whatever the project&apos;s size). :func:`prepare_search` imports them in a worker a while after a project file opened; the window&apos;s longest gap meanwhile stays under 50 ms (the imports let the GUI thread run between their steps). How long after the project&apos;s first paint :func:`prepare_search` begins: the docks&apos; first reads go first.</extracomment>
        <translation>Zoeken voorbereiden</translation>
    </message>
</context>
<context>
    <name>MatchReview</name>
    <message>
        <source>Space or Enter confirms the match, Delete clears it, Backspace lets the matcher decide again; type another reference in the Question column (F2) to move it. Each is one undo step.</source>
        <translation>Spatie of Enter bevestigt de koppeling, Delete wist haar, Backspace laat de koppeling weer automatisch bepalen; typ een ander vraagnummer in de kolom Vraag (F2) om haar te verplaatsen. Elk is één stap om ongedaan te maken.</translation>
    </message>
    <message>
        <source>Matching the interviewer turns …</source>
        <translation>De beurten van de interviewer koppelen …</translation>
    </message>
    <message>
        <source>{matches} matches ({confirmed} confirmed), {unmatched} interviewer turns ask no guide question</source>
        <translation>{matches} koppelingen ({confirmed} bevestigd), {unmatched} beurten van de interviewer stellen geen vraag uit de leidraad</translation>
    </message>
    <message>
        <source>This turn asks no guide question: type one in the Question column (F2)</source>
        <translation>Deze beurt stelt geen vraag uit de leidraad: typ er een in de kolom Vraag (F2)</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Coded passages</source>
        <translation>Gecodeerde fragmenten</translation>
    </message>
    <message>
        <source>Presence (0/1)</source>
        <translation>Aanwezigheid (0/1)</translation>
    </message>
    <message>
        <source>The columns: one per document, or one per value of an attribute</source>
        <translation>De kolommen: één per document, of één per waarde van een kenmerk</translation>
    </message>
    <message>
        <source>With subcodes</source>
        <translation>Met subcodes</translation>
    </message>
    <message>
        <source>A code&apos;s row counts its subcodes&apos; passages too</source>
        <translation>De rij van een code telt ook de fragmenten van zijn subcodes</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Kolommen:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Each cell: the coded passages of the code (and its subcodes) in the column&apos;s documents.</source>
        <translation>Elke cel: de gecodeerde fragmenten van de code (en zijn subcodes) in de documenten van de kolom.</translation>
    </message>
</context>
<context>
    <name>MemoListWindow</name>
    <message>
        <source>Memos — {name}</source>
        <extracomment>The memo&apos;s own text: the column that takes the width the others leave.</extracomment>
        <translation>Memo&apos;s — {name}</translation>
    </message>
    <message>
        <source>The project memo: aims, decisions, what to do next …</source>
        <translation>Het projectmemo: doelen, beslissingen, wat er nog moet gebeuren …</translation>
    </message>
    <message>
        <source>Save project memo</source>
        <translation>Projectmemo opslaan</translation>
    </message>
    <message>
        <source>Filter memos: words, document, code, author …</source>
        <translation>Memo&apos;s filteren: woorden, document, code, auteur …</translation>
    </message>
    <message>
        <source>Project memo</source>
        <translation>Projectmemo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>het project</translation>
    </message>
    <message>
        <source>Reading the memos …</source>
        <translation>De memo&apos;s lezen …</translation>
    </message>
    <message>
        <source>Project memo saved</source>
        <translation>Projectmemo opgeslagen</translation>
    </message>
</context>
<context>
    <name>MemoTableModel</name>
    <message>
        <source>Project</source>
        <extracomment>The project memo, as a save kept while an action is written (``TypedSaves``).</extracomment>
        <translation>Project</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Codering</translation>
    </message>
</context>
<context>
    <name>NewCodeDialog</name>
    <message>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Kleur:</translation>
    </message>
    <message>
        <source>Code colour</source>
        <translation>Kleur van de code</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>{title} refused</source>
        <extracomment>The property of a window that holds the last refusal shown there (the smoke run, tests).</extracomment>
        <translation>{title} geweigerd</translation>
    </message>
    <message>
        <source>The action</source>
        <translation>De handeling</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} mislukt: {error}</translation>
    </message>
    <message>
        <source>{title} failed</source>
        <translation>{title} mislukt</translation>
    </message>
    <message>
        <source>It was not carried out. The details below help to report the problem.</source>
        <translation>Ze is niet uitgevoerd. De details hieronder helpen om het probleem te melden.</translation>
    </message>
    <message>
        <source>{title}: cancelling …</source>
        <extracomment>How progress shows: a progress dialog over the window, a bar in the status line, or (``none``) only through :attr:`LongOperation.progressed`, for a caller that shows it itself. Operations under way: kept alive until they end, whoever holds them.</extracomment>
        <translation>{title}: wordt afgebroken …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>PlayerDock</name>
    <message>
        <source>Recordings (*.mp3 *.m4a *.wav *.ogg *.mp4 *.webm)</source>
        <extracomment>Playback speeds offered (the issue asks for 0.5–2×). How far the back and forward buttons jump, in milliseconds.</extracomment>
        <translation>Opnamen (*.mp3 *.m4a *.wav *.ogg *.mp4 *.webm)</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Speler</translation>
    </message>
    <message>
        <source>Player status</source>
        <extracomment>Milliseconds to jump back on every pause (2000 while the transcript is being corrected).</extracomment>
        <translation>Status van de speler</translation>
    </message>
    <message>
        <source>Attach recording…</source>
        <translation>Opname koppelen…</translation>
    </message>
    <message>
        <source>Find moved recording…</source>
        <translation>Verplaatste opname zoeken…</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>5 seconden terug</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <source>Play or pause (Ctrl+Space)</source>
        <translation>Afspelen of pauzeren (Ctrl+Spatie)</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>5 seconden vooruit</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Afspeelsnelheid</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Volgen</translation>
    </message>
    <message>
        <source>Scroll the transcript to the turn being played</source>
        <translation>Het transcript meescrollen naar de beurt die speelt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Play/Pause recording</source>
        <translation>Opname afspelen/pauzeren</translation>
    </message>
    <message>
        <source>the recording</source>
        <translation>de opname</translation>
    </message>
    <message>
        <source>cannot be played: it is in a format (codec) this player cannot decode{detail}; convert it to mp3, m4a or wav</source>
        <translation>kan niet worden afgespeeld: het staat in een formaat (codec) dat deze speler niet kan decoderen{detail}; zet het om naar mp3, m4a of wav</translation>
    </message>
    <message>
        <source>cannot be played: the file is damaged or not a recording{detail}</source>
        <translation>kan niet worden afgespeeld: het bestand is beschadigd of geen opname{detail}</translation>
    </message>
    <message>
        <source>cannot be played{detail}</source>
        <translation>kan niet worden afgespeeld{detail}</translation>
    </message>
    <message>
        <source> (unknown error)</source>
        <translation> (onbekende fout)</translation>
    </message>
    <message>
        <source>Open a document to play its recording.</source>
        <translation>Open een document om de opname ervan af te spelen.</translation>
    </message>
    <message>
        <source>This document has no recording.</source>
        <translation>Dit document heeft geen opname.</translation>
    </message>
    <message>
        <source>{name}: missing (moved or deleted) — find it again in its new folder.</source>
        <translation>{name}: ontbreekt (verplaatst of verwijderd) — zoek het opnieuw in de nieuwe map.</translation>
    </message>
    <message>
        <source>Replace recording…</source>
        <translation>Opname vervangen…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <source>Attach recording</source>
        <translation>Opname koppelen</translation>
    </message>
    <message>
        <source>Where are the recordings now?</source>
        <translation>Waar staan de opnamen nu?</translation>
    </message>
    <message>
        <source>Find recordings</source>
        <translation>Opnamen zoeken</translation>
    </message>
    <message>
        <source>Found {count} moved recording(s) again in {folder}</source>
        <translation>Verplaatste opnamen teruggevonden in {folder}: {count}</translation>
    </message>
</context>
<context>
    <name>PositionBar</name>
    <message>
        <source>Position in the recording</source>
        <translation>Positie in de opname</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Taal van het systeem</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Exports use the new language at once; the window after Codewerk is started again.</source>
        <translation>Exports gebruiken de nieuwe taal meteen; het venster nadat Codewerk opnieuw is gestart.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
<context>
    <name>QueryBar</name>
    <message>
        <source>in one turn</source>
        <extracomment>How soon the saved queries are asked for again while a team server is away.</extracomment>
        <translation>in één beurt</translation>
    </message>
    <message>
        <source>in one sentence</source>
        <translation>in één zin</translation>
    </message>
    <message>
        <source>in one document</source>
        <translation>in één document</translation>
    </message>
    <message>
        <source>Quote query</source>
        <extracomment>The codebook now (read when the field takes focus, so renamed codes complete as renamed).</extracomment>
        <translation>Zoekvraag voor citaten</translation>
    </message>
    <message>
        <source>Code query: Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef</source>
        <translation>Codezoekvraag: Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef</translation>
    </message>
    <message>
        <source>Quotes where codes apply together: AND, OR, NOT, NEAR n (units apart), FOLLOWS [n], brackets; Enter runs it, an empty query lists the chosen codes&apos; quotes again</source>
        <translation>Citaten waar codes samen voorkomen: AND, OR, NOT, NEAR n (eenheden uit elkaar), FOLLOWS [n], haakjes; Enter voert uit, een lege zoekvraag toont weer de citaten van de gekozen codes</translation>
    </message>
    <message>
        <source>Where the codes of the query must meet</source>
        <translation>Waar de codes van de zoekvraag samen moeten komen</translation>
    </message>
    <message>
        <source>Run a saved query again on what is coded now</source>
        <translation>Een opgeslagen zoekvraag opnieuw uitvoeren op wat nu gecodeerd is</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Save this query under a name, to run again later (undoable)</source>
        <translation>Deze zoekvraag onder een naam opslaan, om later opnieuw uit te voeren (ongedaan te maken)</translation>
    </message>
    <message>
        <source>Saved queries</source>
        <extracomment>The saved queries read in a worker after the bar&apos;s first paint (``None`` with no project).</extracomment>
        <translation>Opgeslagen zoekvragen</translation>
    </message>
    <message>
        <source>Type a query first, then save it</source>
        <translation>Typ eerst een zoekvraag en sla die dan op</translation>
    </message>
    <message>
        <source>Save query</source>
        <translation>Zoekvraag opslaan</translation>
    </message>
    <message>
        <source>Name of the query:</source>
        <translation>Naam van de zoekvraag:</translation>
    </message>
    <message>
        <source>Saved query {name}</source>
        <translation>Zoekvraag {name} bewaard</translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message>
        <source>✓ agreed</source>
        <translation>✓ akkoord</translation>
    </message>
    <message>
        <source>? question</source>
        <translation>? vraag</translation>
    </message>
    <message>
        <source>✗ disagree</source>
        <translation>✗ oneens</translation>
    </message>
    <message>
        <source>Your review ({reviewer}); double-click to change it</source>
        <translation>Jouw beoordeling ({reviewer}); dubbelklik om die te wijzigen</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Nog niet beoordeeld</translation>
    </message>
    <message>
        <source>Review {count} quotes</source>
        <translation>{count} citaten beoordelen</translation>
    </message>
    <message>
        <source>Clear {count} reviews</source>
        <translation>{count} beoordelingen wissen</translation>
    </message>
</context>
<context>
    <name>QuotesDock</name>
    <message>
        <source>Quotes</source>
        <translation>Citaten</translation>
    </message>
    <message>
        <source>all codes</source>
        <translation>alle codes</translation>
    </message>
    <message>
        <source>Filter by a document attribute</source>
        <translation>Filteren op een kenmerk van het document</translation>
    </message>
    <message>
        <source>Filter by the coder who coded the quote: mine, other coders&apos;, the consensus layer, or one coder</source>
        <translation>Filteren op de codeur van het citaat: de mijne, die van andere codeurs, de consensuslaag of één codeur</translation>
    </message>
    <message>
        <source>Filter by review status (by any reviewer)</source>
        <translation>Filteren op beoordeling (door wie dan ook)</translation>
    </message>
    <message>
        <source>Any review</source>
        <translation>Elke beoordeling</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Niet beoordeeld</translation>
    </message>
    <message>
        <source>Questions to answer</source>
        <translation>Te beantwoorden vragen</translation>
    </message>
    <message>
        <source>Filter quotes by text and memo</source>
        <translation>Citaten filteren op tekst en memo</translation>
    </message>
    <message>
        <source>Filter text and memos …</source>
        <translation>Tekst en memo&apos;s filteren …</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Opmerking bij de beoordeling</translation>
    </message>
    <message>
        <source>Review comment on the current quote (Enter saves)</source>
        <translation>Opmerking bij het huidige citaat (Enter slaat op)</translation>
    </message>
    <message>
        <source>Your comment on the current quote: Enter or leaving the field saves it (a quote without your mark gets the mark “question”)</source>
        <translation>Je opmerking bij het huidige citaat: Enter of het veld verlaten slaat hem op (een citaat zonder jouw beoordeling krijgt de beoordeling “vraag”)</translation>
    </message>
    <message>
        <source>Your review:</source>
        <translation>Jouw beoordeling:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leegmaken</translation>
    </message>
    <message>
        <source>Mark the selected quotes: {mark} ({key})</source>
        <translation>De geselecteerde citaten markeren: {mark} ({key})</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Show the conversation about the current quote (every reviewer&apos;s mark and comment, your replies) and reply</source>
        <translation>Het gesprek over het huidige citaat tonen (de beoordeling en opmerking van elke beoordelaar, jouw antwoorden) en antwoorden</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>Any coder</source>
        <translation>Elke codeur</translation>
    </message>
    <message>
        <source>Quotes — {codes}</source>
        <translation>Citaten — {codes}</translation>
    </message>
    <message>
        <source>Quotes — {query} ({unit})</source>
        <translation>Citaten — {query} ({unit})</translation>
    </message>
    <message>
        <source>Listing quotes …</source>
        <translation>Citaten ophalen …</translation>
    </message>
    <message>
        <source>{count} quote(s)</source>
        <translation>Citaten: {count}</translation>
    </message>
    <message>
        <source>{count} of {total} quote(s)</source>
        <translation>Citaten: {count} van {total}</translation>
    </message>
    <message>
        <source>Choose a quote first: the comment is kept in the field until then</source>
        <translation>Kies eerst een citaat: de opmerking blijft tot dan in het veld staan</translation>
    </message>
    <message>
        <source>Comment saved with your mark “{mark}”</source>
        <translation>Opmerking opgeslagen met je beoordeling “{mark}”</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>niet beoordeeld</translation>
    </message>
    <message>
        <source>Marked {count} quote(s) {mark} as {reviewer}</source>
        <translation>Citaten gemarkeerd: {count}, {mark}, als {reviewer}</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Letting go of the rows listed before</source>
        <extracomment>Rows replaced by a new listing are let go in a worker, a step at a time, when there are more of them than this: freeing the 255,136 suggestions of a Find for all codes at once held the window 0.18 s. Text alignments as ``TextAlignmentRole`` answers them. The role that answers the row&apos;s record itself (``None``: none does).</extracomment>
        <translation>De eerder getoonde rijen vrijgeven</translation>
    </message>
</context>
<context>
    <name>RecordingOffer</name>
    <message>
        <source>Attach {count} recording(s)</source>
        <translation>{count} opname(s) koppelen</translation>
    </message>
    <message>
        <source>Recordings with the same names lie beside the files: {names}</source>
        <translation>Opnamen met dezelfde namen staan naast de bestanden: {names}</translation>
    </message>
    <message>
        <source>Attach recordings</source>
        <translation>Opnamen koppelen</translation>
    </message>
    <message>
        <source>{count} recording(s) attached</source>
        <translation>{count} opname(s) gekoppeld</translation>
    </message>
</context>
<context>
    <name>RefiActions</name>
    <message>
        <source>Import a REFI-QDA project or codebook (.qdpx, .qdc)…</source>
        <translation>REFI-QDA-project of -codeboek importeren (.qdpx, .qdc)…</translation>
    </message>
    <message>
        <source>Export as a REFI-QDA project (.qdpx)…</source>
        <translation>Exporteren als REFI-QDA-project (.qdpx)…</translation>
    </message>
    <message>
        <source>Export the codebook as REFI-QDA (.qdc)…</source>
        <translation>Codeboek exporteren als REFI-QDA (.qdc)…</translation>
    </message>
</context>
<context>
    <name>ReviewDelegate</name>
    <message>
        <source>— not reviewed</source>
        <translation>— niet beoordeeld</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>owner</source>
        <extracomment>The data of a value filter&apos;s &quot;(no value)&quot; choice (the Quotes dock&apos;s, the Search panel&apos;s, Co-occurrence&apos;s): the documents without a value for the chosen attribute; never an attribute&apos;s value. A team project&apos;s roles (``coding.core.server_store``) marked for translation: the window&apos;s title names the user&apos;s (&quot;Codewerk — studie (teamproject, eigenaar)&quot;).</extracomment>
        <translation>eigenaar</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>beoordelaar</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <source>Spider chart</source>
        <extracomment>The chart kinds and their names (translated where they are shown, in the &quot;ScoreChart&quot; context).</extracomment>
        <translation>Spingrafiek</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>Staafgrafiek</translation>
    </message>
    <message>
        <source>Scores per group, radar chart</source>
        <extracomment>Characters of names on a line under the scores chart&apos;s title (bold and larger: with &quot;(not judged yet: &quot; about 480 pixels).</extracomment>
        <translation>Oordelen per groep, spingrafiek</translation>
    </message>
    <message>
        <source>Scores per group, bar chart</source>
        <translation>Oordelen per groep, staafgrafiek</translation>
    </message>
    <message>
        <source>A spider chart needs at least three judged concepts: shown as bars until then.</source>
        <translation>Een spingrafiek heeft minstens drie beoordeelde concepten nodig: tot dan staan ze als staven.</translation>
    </message>
    <message>
        <source>Judgements per concept and {attribute}</source>
        <translation>Oordelen per concept en {attribute}</translation>
    </message>
    <message>
        <source> — none yet: judge concepts in the grid</source>
        <translation> — nog geen: beoordeel concepten in de tabel</translation>
    </message>
    <message>
        <source> (not judged yet: {concepts})</source>
        <translation> (nog niet beoordeeld: {concepts})</translation>
    </message>
    <message>
        <source>Judgement</source>
        <translation>Oordeel</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Lemma (all forms)</source>
        <translation>Lemma (alle vormen)</translation>
    </message>
    <message>
        <source>Word (* wildcard)</source>
        <translation>Woord (* als joker)</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Woordgroep</translation>
    </message>
    <message>
        <source>Stem (broad)</source>
        <translation>Stam (ruim)</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Reguliere expressie</translation>
    </message>
    <message>
        <source>the hit</source>
        <translation>de treffer</translation>
    </message>
    <message>
        <source>the sentence</source>
        <translation>de zin</translation>
    </message>
    <message>
        <source>the speaker turn</source>
        <translation>de sprekersbeurt</translation>
    </message>
    <message>
        <source>Search, e.g. vertrouwen</source>
        <translation>Zoeken, bijv. vertrouwen</translation>
    </message>
    <message>
        <source>Search all transcripts</source>
        <translation>Alle transcripten doorzoeken</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Zoekwijze</translation>
    </message>
    <message>
        <source>Limit to attribute</source>
        <translation>Beperken tot kenmerk</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Waarde van het kenmerk</translation>
    </message>
    <message>
        <source>Answers only</source>
        <translation>Alleen antwoorden</translation>
    </message>
    <message>
        <source>Leave out the interviewer&apos;s turns</source>
        <translation>De beurten van de interviewer weglaten</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search hits in context</source>
        <translation>Zoektreffers in hun context</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>Indexeren %p%</translation>
    </message>
    <message>
        <source>Context unit</source>
        <translation>Eenheid van de context</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Coderen</translation>
    </message>
    <message>
        <source>Code the selected lines (or all lines when none is selected)</source>
        <translation>De geselecteerde regels coderen (of alle regels als er geen geselecteerd is)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>where</source>
        <translation>waar</translation>
    </message>
    <message>
        <source>with</source>
        <translation>met</translation>
    </message>
    <message>
        <source>all documents</source>
        <translation>alle documenten</translation>
    </message>
    <message>
        <source>Type a word, a phrase or a pattern.</source>
        <translation>Typ een woord, een woordgroep of een patroon.</translation>
    </message>
    <message>
        <source>hits.csv</source>
        <translation>treffers.csv</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Building the lines in context</source>
        <translation>De regels in hun context opbouwen</translation>
    </message>
    <message>
        <source>Sorting the hits</source>
        <translation>De treffers sorteren</translation>
    </message>
    <message>
        <source>{hits} hit(s) in {documents} of {searched} document(s)</source>
        <translation>treffers: {hits}, in {documents} van {searched} document(en)</translation>
    </message>
    <message>
        <source>forms: {forms}</source>
        <translation>vormen: {forms}</translation>
    </message>
    <message>
        <source>{count} document(s) are being indexed; results follow</source>
        <translation>document(en) worden geïndexeerd: {count}; resultaten volgen</translation>
    </message>
    <message>
        <source>only the first hits are shown</source>
        <translation>alleen de eerste treffers worden getoond</translation>
    </message>
    <message>
        <source>Indexing %p% {name}</source>
        <translation>Indexeren %p% {name}</translation>
    </message>
    <message>
        <source>Choose a code and search first.</source>
        <translation>Kies eerst een code en zoek.</translation>
    </message>
    <message>
        <source> ({count} already coded)</source>
        <translation> ({count} al gecodeerd)</translation>
    </message>
    <message>
        <source>Coded {count} passage(s) ({unit}) with {code}{note}.</source>
        <translation>Fragmenten gecodeerd: {count} ({unit}) met {code}{note}.</translation>
    </message>
    <message>
        <source>Exported {count} line(s) to {name}.</source>
        <translation>Regels geëxporteerd naar {name}: {count}.</translation>
    </message>
    <message>
        <source>Export hits</source>
        <translation>Treffers exporteren</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>in the transcript: unselect the clicked coding; in the find bar: close it</source>
        <translation>in het transcript: de aangeklikte codering deselecteren; in de zoekbalk: die sluiten</translation>
    </message>
    <message>
        <source>in the find bar: next / previous hit</source>
        <translation>in de zoekbalk: volgende / vorige treffer</translation>
    </message>
    <message>
        <source>in the memo: save it (leaving the field saves too)</source>
        <translation>in het memo: opslaan (het veld verlaten slaat ook op)</translation>
    </message>
    <message>
        <source>in the review comment: save it with your mark (leaving the field saves too)</source>
        <translation>in de opmerking bij de beoordeling: opslaan met je oordeel (het veld verlaten slaat ook op)</translation>
    </message>
    <message>
        <source>Drag the selection onto a code</source>
        <extracomment>What the mouse does (no key to list, but the first thing people look for).</extracomment>
        <translation>De selectie naar een code slepen</translation>
    </message>
    <message>
        <source>code it</source>
        <translation>coderen</translation>
    </message>
    <message>
        <source>Click a code</source>
        <translation>Op een code klikken</translation>
    </message>
    <message>
        <source>select it and list its quotes (Code → Click-to-code mode: code the selection)</source>
        <translation>de code selecteren en de citaten tonen (Coderen → Klik-om-te-coderen-modus: de selectie coderen)</translation>
    </message>
    <message>
        <source>Right-click in the transcript</source>
        <translation>Rechtsklikken in het transcript</translation>
    </message>
    <message>
        <source>code with a searchable picker, or code all turns of a speaker</source>
        <translation>coderen met een doorzoekbare keuzelijst, of alle beurten van een spreker coderen</translation>
    </message>
    <message>
        <source>Click a passage or its stripe</source>
        <translation>Op een fragment of zijn streep klikken</translation>
    </message>
    <message>
        <source>select its coding (details and memo in the side panel)</source>
        <translation>de codering selecteren (details en memo in het zijpaneel)</translation>
    </message>
    <message>
        <source>Drag a stripe&apos;s end or a passage&apos;s edge</source>
        <translation>Het eind van een streep of de rand van een fragment slepen</translation>
    </message>
    <message>
        <source>move that boundary</source>
        <translation>die grens verplaatsen</translation>
    </message>
    <message>
        <source>Double-click a quote</source>
        <translation>Dubbelklikken op een citaat</translation>
    </message>
    <message>
        <source>show it in its transcript</source>
        <translation>het citaat in zijn transcript tonen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> of </translation>
    </message>
    <message>
        <source>In a field</source>
        <translation>In een veld</translation>
    </message>
    <message>
        <source>With the mouse</source>
        <translation>Met de muis</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <source>Not a speaker</source>
        <translation>Geen spreker</translation>
    </message>
    <message>
        <source>The label (e.g. &apos;Toelichting:&apos;) is no speaker: its lines join the turn before</source>
        <translation>Het label (bijv. &apos;Toelichting:&apos;) is geen spreker: de regels horen bij de beurt ervoor</translation>
    </message>
    <message>
        <source>Code all turns…</source>
        <translation>Alle beurten coderen…</translation>
    </message>
    <message>
        <source>Code the words of every turn of the selected speaker(s) with one code, in the documents chosen above (labels and timestamps are left out)</source>
        <translation>De woorden van elke beurt van de geselecteerde spreker(s) coderen met één code, in de hierboven gekozen documenten (labels en tijdcodes blijven erbuiten)</translation>
    </message>
    <message>
        <source>Speaker label patterns (regular expressions with a (?P&lt;speaker&gt;…) group)</source>
        <extracomment>How a code picker is shown (tests replace it to drive the picker themselves).</extracomment>
        <translation>Patronen voor sprekerslabels (reguliere expressies met een (?P&lt;speaker&gt;…)-groep)</translation>
    </message>
    <message>
        <source>Your own patterns, one regular expression per line, matched at the start of a line, e.g.</source>
        <translation>Je eigen patronen, één reguliere expressie per regel, vergeleken met het begin van een regel, bijv.</translation>
    </message>
    <message>
        <source>Apply and detect again</source>
        <translation>Toepassen en opnieuw herkennen</translation>
    </message>
    <message>
        <source>Default patterns</source>
        <translation>Standaardpatronen</translation>
    </message>
    <message>
        <source>Speakers of</source>
        <translation>Sprekers van</translation>
    </message>
    <message>
        <source>Double-click a name to rename it; the name of another speaker merges the two.</source>
        <translation>Dubbelklik op een naam om die te wijzigen; de naam van een andere spreker voegt de twee samen.</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>The imported documents</source>
        <translation>De geïmporteerde documenten</translation>
    </message>
    <message>
        <source>Reading the speakers …</source>
        <translation>De sprekers lezen …</translation>
    </message>
    <message>
        <source>Renames apply in every document of the project.</source>
        <translation>Naamswijzigingen gelden in elk document van het project.</translation>
    </message>
    <message>
        <source>Renames apply in &apos;{name}&apos; only.</source>
        <translation>Naamswijzigingen gelden alleen in &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>In use: the default patterns. A turn starts at a line that begins with a label such as &lt;b&gt;I:&lt;/b&gt;, &lt;b&gt;R5:&lt;/b&gt;, &lt;b&gt;Interviewer:&lt;/b&gt;, &lt;b&gt;Respondent A:&lt;/b&gt; or &lt;b&gt;Jan de Vries:&lt;/b&gt;, with or without a timestamp such as [00:12:31], (12:31) or 00:12:31 before or after it.</source>
        <translation>In gebruik: de standaardpatronen. Een beurt begint bij een regel die begint met een label zoals &lt;b&gt;I:&lt;/b&gt;, &lt;b&gt;R5:&lt;/b&gt;, &lt;b&gt;Interviewer:&lt;/b&gt;, &lt;b&gt;Respondent A:&lt;/b&gt; of &lt;b&gt;Jan de Vries:&lt;/b&gt;, met of zonder tijdcode zoals [00:12:31], (12:31) of 00:12:31 ervoor of erna.</translation>
    </message>
    <message>
        <source>In use: the project&apos;s own patterns below.</source>
        <translation>In gebruik: de eigen patronen van het project hieronder.</translation>
    </message>
    <message>
        <source>Select a speaker in the table first.</source>
        <translation>Selecteer eerst een spreker in de tabel.</translation>
    </message>
    <message>
        <source>{names}: no speaker; the lines belong to the turn before (undo with Ctrl+Z)</source>
        <translation>{names}: geen spreker; de regels horen bij de beurt ervoor (ongedaan maken met Ctrl+Z)</translation>
    </message>
    <message>
        <source>Code all turns of {names} ({where}) with…</source>
        <translation>Alle beurten van {names} ({where}) coderen met…</translation>
    </message>
    <message>
        <source>All {count} turn(s) of {names} already have {code}.</source>
        <translation>Alle {count} beurt(en) van {names} hebben {code} al.</translation>
    </message>
    <message>
        <source> ({count} already had it)</source>
        <translation> ({count} hadden die al)</translation>
    </message>
    <message>
        <source>Coded {count} turn(s) of {names} with {code}{already} (undo with Ctrl+Z).</source>
        <translation>{count} beurt(en) van {names} gecodeerd met {code}{already} (ongedaan maken met Ctrl+Z).</translation>
    </message>
    <message>
        <source>Code all turns of {names} with {code}</source>
        <translation>Alle beurten van {names} coderen met {code}</translation>
    </message>
    <message>
        <source>Turns detected again; {count} document(s) changed.</source>
        <translation>Beurten opnieuw herkend; gewijzigde documenten: {count}.</translation>
    </message>
    <message>
        <source>Default patterns; {count} document(s) changed.</source>
        <translation>Standaardpatronen; gewijzigde documenten: {count}.</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Code interview transcripts with your codebook, retrieve quotes per concept and region,
and judge every concept per region. Everything stays on this computer, in one project file.</source>
        <translation>Codeer interviewtranscripten met je codeboek, haal citaten op per concept en regio
en geef per regio een oordeel over elk concept. Alles blijft op deze computer, in één projectbestand.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nieuw project…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Openen…</translation>
    </message>
    <message>
        <source>Open demo project</source>
        <translation>Demoproject openen</translation>
    </message>
    <message>
        <source>Six short synthetic Dutch interviews in three regions, partly coded</source>
        <translation>Zes korte verzonnen Nederlandse interviews in drie regio&apos;s, deels gecodeerd</translation>
    </message>
    <message>
        <source>Connect to a team project…</source>
        <translation>Verbinden met een teamproject…</translation>
    </message>
    <message>
        <source>A project on a PostgreSQL server that several coders use at once</source>
        <translation>Een project op een PostgreSQL-server dat meerdere codeurs tegelijk gebruiken</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Recente projecten</translation>
    </message>
</context>
<context>
    <name>SuggestionQueue</name>
    <message>
        <source>terms</source>
        <translation>termen</translation>
    </message>
    <message>
        <source>guide question</source>
        <translation>vraag uit de leidraad</translation>
    </message>
    <message>
        <source>similar passages</source>
        <translation>vergelijkbare fragmenten</translation>
    </message>
    <message>
        <source>Indexing for suggestions {percent}% {name}</source>
        <extracomment>The status line while indexing (its start also recognises it).</extracomment>
        <translation>Indexeren voor suggesties {percent}% {name}</translation>
    </message>
    <message>
        <source>Listing the suggestions …</source>
        <translation>De suggesties worden opgehaald …</translation>
    </message>
    <message>
        <source>Listing the documents …</source>
        <translation>De documenten worden opgehaald …</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Alle codes</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Find suggestions</source>
        <translation>Suggesties zoeken</translation>
    </message>
    <message>
        <source>Measure precision</source>
        <translation>Precisie meten</translation>
    </message>
    <message>
        <source>Score the suggestions against what is coded, each document as if it were not coded yet, and set each code&apos;s threshold from it</source>
        <translation>De suggesties toetsen aan wat gecodeerd is, elk document alsof het nog niet gecodeerd was, en daarmee de drempel van elke code instellen</translation>
    </message>
    <message>
        <source>How far to trust these suggestions</source>
        <translation>Hoeveel vertrouwen deze suggesties verdienen</translation>
    </message>
    <message>
        <source>Suggested codings</source>
        <translation>Voorgestelde coderingen</translation>
    </message>
    <message>
        <source>Suggestion details</source>
        <translation>Details van de suggestie</translation>
    </message>
    <message>
        <source>Passage start</source>
        <translation>Begin van het fragment</translation>
    </message>
    <message>
        <source>Passage end</source>
        <translation>Eind van het fragment</translation>
    </message>
    <message>
        <source>Set span</source>
        <translation>Omvang instellen</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accepteren</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>Af&amp;wijzen</translation>
    </message>
    <message>
        <source>Accept all for this code</source>
        <translation>Alle accepteren voor deze code</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Omvang</translation>
    </message>
    <message>
        <source>All documents</source>
        <extracomment>What a find computed being stored for the next session, after its suggestions are shown (:meth:`_keep`). Suggestions are being found (after indexing): Find stays disabled until they are stored.</extracomment>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>Finding suggestions …</source>
        <translation>Suggesties zoeken …</translation>
    </message>
    <message>
        <source>Finding suggestions</source>
        <translation>Suggesties zoeken</translation>
    </message>
    <message>
        <source>{count} open suggestion(s). Nothing is coded until you accept.</source>
        <translation>Openstaande suggesties: {count}. Er wordt niets gecodeerd tot je accepteert.</translation>
    </message>
    <message>
        <source>Measuring how far to trust the suggestions …</source>
        <translation>Meten hoeveel vertrouwen de suggesties verdienen …</translation>
    </message>
    <message>
        <source>Measured {measured} code(s) over {documents} coded document(s); {unmeasured} with too little coded to tell.</source>
        <translation>Gemeten: {measured} code(s) over {documents} gecodeerd(e) document(en); bij {unmeasured} is te weinig gecodeerd om iets te zeggen.</translation>
    </message>
    <message>
        <source>Measuring suggestions</source>
        <translation>Suggesties meten</translation>
    </message>
    <message>
        <source>Not measured yet: “Measure precision” scores the suggestions against what you coded (each document as if it were not coded yet).</source>
        <translation>Nog niet gemeten: “Precisie meten” toetst de suggesties aan wat je gecodeerd hebt (elk document alsof het nog niet gecodeerd was).</translation>
    </message>
    <message>
        <source>Too little coded to tell for every code: code a few more passages, then measure again.</source>
        <translation>Bij elke code is te weinig gecodeerd om iets te zeggen: codeer nog een paar fragmenten en meet dan opnieuw.</translation>
    </message>
    <message>
        <source>Measured precision per code {low}–{high} ({count} codes); {unmeasured} with too little coded to tell. Choose a code for its figures.</source>
        <translation>Gemeten precisie per code {low}–{high} ({count} codes); bij {unmeasured} is te weinig gecodeerd om iets te zeggen. Kies een code voor haar cijfers.</translation>
    </message>
    <message>
        <source>{code}: not measured (nothing was coded with it when measured last).</source>
        <translation>{code}: niet gemeten (er was niets mee gecodeerd bij de laatste meting).</translation>
    </message>
    <message>
        <source>No suggestion selected.</source>
        <translation>Geen suggestie geselecteerd.</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>Accepted {count} suggestion(s): {new} new coding(s).</source>
        <translation>Suggesties geaccepteerd: {count}; nieuwe coderingen: {new}.</translation>
    </message>
    <message>
        <source>Rejected {count} suggestion(s); they will not be offered again.</source>
        <translation>Suggesties afgewezen: {count}; ze worden niet opnieuw aangeboden.</translation>
    </message>
    <message>
        <source>Span adjusted; accept to code it.</source>
        <translation>Omvang aangepast; accepteer om te coderen.</translation>
    </message>
    <message>
        <source>Choose a code first: accept all works per code.</source>
        <translation>Kies eerst een code: alles accepteren werkt per code.</translation>
    </message>
    <message>
        <source>Accepted every open suggestion for {code}: {new} new coding(s).</source>
        <translation>Alle openstaande suggesties voor {code} geaccepteerd; nieuwe coderingen: {new}.</translation>
    </message>
    <message>
        <source>Accept all suggestions for {code}</source>
        <translation>Alle suggesties voor {code} accepteren</translation>
    </message>
</context>
<context>
    <name>TeamConnectDialog</name>
    <message>
        <source>Connect to a team project</source>
        <translation>Verbinden met een teamproject</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>Het wachtwoord bewaren in de sleutelhanger van het systeem</translation>
    </message>
    <message>
        <source>Install the &apos;keyring&apos; package to keep passwords in the system keyring</source>
        <translation>Installeer het pakket &apos;keyring&apos; om wachtwoorden in de sleutelhanger van het systeem te bewaren</translation>
    </message>
    <message>
        <source>Server (host or socket folder)</source>
        <translation>Server (host of socketmap)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Poort</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>The password is asked each time unless it is kept in the keyring.</source>
        <translation>Het wachtwoord wordt elke keer gevraagd, tenzij het in de sleutelhanger bewaard wordt.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <source>Correct transcript</source>
        <translation>Transcript corrigeren</translation>
    </message>
    <message>
        <source>Type corrections in the transcript while listening; F8 types the current time, every pause jumps back 2 s ({shortcut})</source>
        <translation>Typ correcties in het transcript terwijl je luistert; F8 typt de huidige tijd, elke pauze springt 2 s terug ({shortcut})</translation>
    </message>
    <message>
        <source>Correcting the transcript: type, F8 types the time, Ctrl+Space plays and pauses (2 s back); {shortcut} again saves</source>
        <translation>Transcript corrigeren: typ, F8 typt de tijd, Ctrl+Spatie speelt en pauzeert (2 s terug); {shortcut} nogmaals slaat op</translation>
    </message>
    <message>
        <source>Correct transcript {name}</source>
        <translation>Transcript {name} corrigeren</translation>
    </message>
    <message>
        <source>Deleted with their words: {count} coded passage(s): {removed}</source>
        <translation>Met hun woorden verwijderd: gecodeerde fragmenten ({count}): {removed}</translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message>
        <source>No documents yet: File → Import documents…, or drop transcripts on Documents.</source>
        <extracomment>The attributes the header names after the document, in this order.</extracomment>
        <translation>Nog geen documenten: Bestand → Documenten importeren…, of sleep ze op Documenten.</translation>
    </message>
    <message>
        <source>Choose a document in the Documents panel to read and code it.</source>
        <translation>Kies een document in het paneel Documenten om het te lezen en te coderen.</translation>
    </message>
    <message>
        <source>{count} coding(s)</source>
        <translation>{count} codering(en)</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript</source>
        <extracomment>What the transcript paints: the document&apos;s text, its coded passages and their codes&apos; colours. More places than this in one change: the whole document is read again at once.</extracomment>
        <translation>Transcript</translation>
    </message>
</context>
<context>
    <name>TypedSaves</name>
    <message>
        <source>Kept what you typed: saved as soon as “{action}” is written</source>
        <translation>Wat u typte is bewaard: het wordt opgeslagen zodra “{action}” is geschreven</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nieuw project…</translation>
    </message>
    <message>
        <source>Create a new project file</source>
        <translation>Een nieuw projectbestand maken</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <source>Open a project file</source>
        <translation>Een projectbestand openen</translation>
    </message>
    <message>
        <source>Open &amp;demo project</source>
        <translation>&amp;Demoproject openen</translation>
    </message>
    <message>
        <source>Open the bundled demo project (six Dutch interviews)</source>
        <translation>Het meegeleverde demoproject openen (zes Nederlandse interviews)</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>Documenten &amp;importeren…</translation>
    </message>
    <message>
        <source>Import transcripts with their metadata</source>
        <translation>Transcripten met hun metadata importeren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Export quotes and judgements</source>
        <translation>Citaten en oordelen exporteren</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>&amp;Kopie opslaan…</translation>
    </message>
    <message>
        <source>Copy the project file (a backup; you go on working in this one)</source>
        <translation>Het projectbestand kopiëren (een reservekopie; je werkt verder in dit bestand)</translation>
    </message>
    <message>
        <source>Import supervisor&apos;s &amp;review…</source>
        <translation>&amp;Beoordeling van begeleider importeren…</translation>
    </message>
    <message>
        <source>Read a review workbook or Word document back: the supervisor&apos;s marks and comments</source>
        <translation>Een beoordelingswerkmap of Word-document terug inlezen: de beoordelingen en opmerkingen van de begeleider</translation>
    </message>
    <message>
        <source>Import interview &amp;guide…</source>
        <translation>Interview&amp;leidraad importeren…</translation>
    </message>
    <message>
        <source>Attach the numbered questions of a guide document (.docx, .txt) to the codes with those references</source>
        <translation>Koppel de genummerde vragen van een leidraaddocument (.docx, .txt) aan de codes met die vraagnummers</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Project &amp;sluiten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>&amp;Find in transcript…</source>
        <translation>&amp;Zoeken in transcript…</translation>
    </message>
    <message>
        <source>Find words in the open transcript</source>
        <translation>Woorden zoeken in het open transcript</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Volgende zoeken</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>V&amp;orige zoeken</translation>
    </message>
    <message>
        <source>Your &amp;name as coder…</source>
        <translation>Je &amp;naam als codeur…</translation>
    </message>
    <message>
        <source>The name stored with your codings and reviews</source>
        <translation>De naam die bij je coderingen en beoordelingen wordt bewaard</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <source>The language of the window and of exports</source>
        <translation>De taal van het venster en van exports</translation>
    </message>
    <message>
        <source>&amp;Code with…</source>
        <translation>&amp;Coderen met…</translation>
    </message>
    <message>
        <source>Code the selection: search the codebook (Ctrl+K)</source>
        <translation>De selectie coderen: zoeken in het codeboek (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;In-vivo code</source>
        <translation>&amp;In-vivocode</translation>
    </message>
    <message>
        <source>Code the selection with a new code named after its words</source>
        <translation>De selectie coderen met een nieuwe code die naar haar woorden heet</translation>
    </message>
    <message>
        <source>Code &amp;respondent&apos;s words only…</source>
        <translation>Alleen woorden van de &amp;respondent coderen…</translation>
    </message>
    <message>
        <source>Code the selection without the interviewer&apos;s turns in it (each answer its own passage)</source>
        <translation>De selectie coderen zonder de beurten van de interviewer (elk antwoord een eigen fragment)</translation>
    </message>
    <message>
        <source>Code all turns of this &amp;speaker…</source>
        <translation>Alle beurten van deze &amp;spreker coderen…</translation>
    </message>
    <message>
        <source>Code every turn of the speaker at the cursor, in this document, with one code</source>
        <translation>Elke beurt van de spreker bij de cursor, in dit document, met één code coderen</translation>
    </message>
    <message>
        <source>Code all turns of this speaker in all &amp;documents…</source>
        <translation>Alle beurten van deze spreker in alle &amp;documenten coderen…</translation>
    </message>
    <message>
        <source>Code every turn of the speaker at the cursor, in every document, with one code</source>
        <translation>Elke beurt van de spreker bij de cursor, in elk document, met één code coderen</translation>
    </message>
    <message>
        <source>Click-to-code &amp;mode</source>
        <translation>Klik-om-te-coderen-&amp;modus</translation>
    </message>
    <message>
        <source>While on, clicking a code in the Codebook codes the selected passage (off: clicking a code only shows its quotes)</source>
        <translation>Zolang dit aan staat, codeert een klik op een code in het Codeboek het geselecteerde fragment (uit: een klik op een code toont alleen de citaten)</translation>
    </message>
    <message>
        <source>Snap to &amp;sentence</source>
        <translation>Uitbreiden tot &amp;zin</translation>
    </message>
    <message>
        <source>Extend the selection to whole sentences</source>
        <translation>De selectie uitbreiden tot hele zinnen</translation>
    </message>
    <message>
        <source>Snap to speaker &amp;turn</source>
        <translation>Uitbreiden tot spreker&amp;beurt</translation>
    </message>
    <message>
        <source>Extend the selection to whole speaker turns</source>
        <translation>De selectie uitbreiden tot hele sprekersbeurten</translation>
    </message>
    <message>
        <source>Passage start one word earlier</source>
        <translation>Begin van het fragment een woord eerder</translation>
    </message>
    <message>
        <source>Passage start one word later</source>
        <translation>Begin van het fragment een woord later</translation>
    </message>
    <message>
        <source>Passage end one word earlier</source>
        <translation>Eind van het fragment een woord eerder</translation>
    </message>
    <message>
        <source>Passage end one word later</source>
        <translation>Eind van het fragment een woord later</translation>
    </message>
    <message>
        <source>Passage &amp;boundaries to selection</source>
        <translation>&amp;Grenzen van het fragment naar selectie</translation>
    </message>
    <message>
        <source>Give the clicked passage the selected extent</source>
        <translation>Het aangeklikte fragment de geselecteerde omvang geven</translation>
    </message>
    <message>
        <source>Edit &amp;memo</source>
        <translation>&amp;Memo bewerken</translation>
    </message>
    <message>
        <source>Write a memo on the clicked coding</source>
        <translation>Een memo schrijven bij de aangeklikte codering</translation>
    </message>
    <message>
        <source>&amp;Remove coding</source>
        <translation>Codering &amp;verwijderen</translation>
    </message>
    <message>
        <source>Remove the clicked coding</source>
        <translation>De aangeklikte codering verwijderen</translation>
    </message>
    <message>
        <source>Code with favourite {key}</source>
        <translation>Coderen met favoriet {key}</translation>
    </message>
    <message>
        <source>&amp;Compare regions…</source>
        <translation>Regio&apos;s &amp;vergelijken…</translation>
    </message>
    <message>
        <source>Judge every concept per region</source>
        <translation>Per regio een oordeel geven over elk concept</translation>
    </message>
    <message>
        <source>&amp;Co-occurrence…</source>
        <translation>&amp;Samen voorkomen…</translation>
    </message>
    <message>
        <source>Which codes apply together: codes × codes per passage, sentence, turn or document</source>
        <translation>Welke codes samen voorkomen: codes × codes per fragment, zin, beurt of document</translation>
    </message>
    <message>
        <source>Code × case &amp;matrix…</source>
        <translation>Code × casus-&amp;matrix…</translation>
    </message>
    <message>
        <source>Codes × documents or attribute values, as counts or presence (0/1)</source>
        <translation>Codes × documenten of kenmerkwaarden, als aantallen of aanwezigheid (0/1)</translation>
    </message>
    <message>
        <source>&amp;Search and suggestions…</source>
        <translation>&amp;Zoeken en suggesties…</translation>
    </message>
    <message>
        <source>Search all transcripts and get coding suggestions</source>
        <translation>In alle transcripten zoeken en coderingssuggesties krijgen</translation>
    </message>
    <message>
        <source>&amp;Paragraph numbers</source>
        <translation>&amp;Alineanummers</translation>
    </message>
    <message>
        <source>Number the transcript&apos;s paragraphs in the margin, for citing (R12 ¶14)</source>
        <translation>De alinea&apos;s van het transcript in de marge nummeren, om te citeren (R12 ¶14)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>&amp;Indeling herstellen</translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation>De panelen terugzetten waar ze begonnen</translation>
    </message>
    <message>
        <source>The transcript shows the codings of: {layer}</source>
        <translation>Het transcript toont de coderingen van: {layer}</translation>
    </message>
    <message>
        <source>Intercoder &amp;agreement…</source>
        <translation>&amp;Intercoderbetrouwbaarheid…</translation>
    </message>
    <message>
        <source>Compare two coders: κ, α and percent agreement per code, and every disagreement to resolve</source>
        <translation>Twee codeurs vergelijken: κ, α en percentage overeenstemming per code, en elk verschil om op te lossen</translation>
    </message>
    <message>
        <source>Interview &amp;guide…</source>
        <translation>Interview&amp;leidraad…</translation>
    </message>
    <message>
        <source>Every answer under its guide question, per interview; review the matched questions</source>
        <translation>Elk antwoord onder zijn vraag uit de leidraad, per interview; de gekoppelde vragen nakijken</translation>
    </message>
    <message>
        <source>&amp;Prepare package…</source>
        <translation>&amp;Pakket klaarmaken…</translation>
    </message>
    <message>
        <source>A project file for a second coder: the documents and codebook, no codings</source>
        <translation>Een projectbestand voor een tweede codeur: de documenten en het codeboek, zonder coderingen</translation>
    </message>
    <message>
        <source>&amp;Merge a coder&apos;s project…</source>
        <translation>Project van een codeur &amp;samenvoegen…</translation>
    </message>
    <message>
        <source>Bring a second coder&apos;s codings, memos and judgements in as theirs</source>
        <translation>De coderingen, memo&apos;s en oordelen van een tweede codeur als de hunne binnenhalen</translation>
    </message>
    <message>
        <source>&amp;Speakers…</source>
        <translation>&amp;Sprekers…</translation>
    </message>
    <message>
        <source>Detected speakers: rename, mark interviewers, label patterns</source>
        <translation>Gevonden sprekers: hernoemen, interviewers markeren, labelpatronen</translation>
    </message>
    <message>
        <source>&amp;Anonymise names…</source>
        <translation>Namen &amp;anonimiseren…</translation>
    </message>
    <message>
        <source>Replace names of people, places and organisations</source>
        <translation>Namen van personen, plaatsen en organisaties vervangen</translation>
    </message>
    <message>
        <source>&amp;Memos…</source>
        <translation>&amp;Memo&apos;s…</translation>
    </message>
    <message>
        <source>Every memo of the project, filterable, and the project memo</source>
        <translation>Alle memo&apos;s van het project, te filteren, en het projectmemo</translation>
    </message>
    <message>
        <source>Documents × a&amp;ttributes…</source>
        <translation>Documenten × &amp;kenmerken…</translation>
    </message>
    <message>
        <source>Every document&apos;s attributes in one table, edited like a spreadsheet</source>
        <translation>De kenmerken van alle documenten in één tabel, te bewerken als een rekenblad</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Codewerk</source>
        <translation>&amp;Over Codewerk</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>{step} &amp;ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>{step} opnieuw &amp;doen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <source>E&amp;xchange with other QDA tools (REFI-QDA)</source>
        <translation>&amp;Uitwisselen met andere QDA-programma&apos;s (REFI-QDA)</translation>
    </message>
    <message>
        <source>&amp;Second coder</source>
        <translation>&amp;Tweede codeur</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Coderen</translation>
    </message>
    <message>
        <source>Code with &amp;favourite</source>
        <translation>Coderen met &amp;favoriet</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>Coder &amp;layer</source>
        <translation>Codeur&amp;laag</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Undone: {step}</source>
        <extracomment>How often the window looks whether other programs changed the project (ms). After the last change, how long the user pauses before the project file is brought up to date. A team project&apos;s server stopped (False) or started again (True) answering. Saves of typed text (memos, justifications, comments), kept while an action writes in a worker. Reads under way in a worker thread for a view (see :meth:`read_in_worker`).</extracomment>
        <translation>Ongedaan gemaakt: {step}</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>Opnieuw gedaan: {step}</translation>
    </message>
    <message>
        <source>Undo {step}</source>
        <translation>{step} ongedaan maken</translation>
    </message>
    <message>
        <source>Redo {step}</source>
        <translation>{step} opnieuw doen</translation>
    </message>
</context>
<context>
    <name>codebook_dock</name>
    <message>
        <source>Code colour</source>
        <translation>Kleur van de code</translation>
    </message>
</context>
<context>
    <name>export_dialog</name>
    <message>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
    <message>
        <source>Exported to
{path}</source>
        <translation>Geëxporteerd naar
{path}</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Bestand openen</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Map tonen</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>{suffix}-bestand</translation>
    </message>
</context>
<context>
    <name>guide_import</name>
    <message>
        <source>Import interview guide</source>
        <translation>Interviewleidraad importeren</translation>
    </message>
    <message>
        <source>Interview guide (*.docx *.txt)</source>
        <translation>Interviewleidraad (*.docx *.txt)</translation>
    </message>
    <message>
        <source>Attached {count} guide question(s) from {source}</source>
        <translation>{count} leidraadvraag/-vragen gekoppeld uit {source}</translation>
    </message>
    <message>
        <source>; could not place {count} question(s), no code has the reference: {refs}</source>
        <translation>; {count} vraag/vragen niet geplaatst, geen code heeft het vraagnummer: {refs}</translation>
    </message>
</context>
<context>
    <name>project_copy</name>
    <message>
        <source>Save a copy of the project</source>
        <translation>Een kopie van het project opslaan</translation>
    </message>
    <message>
        <source>Codewerk projects (*{suffix})</source>
        <translation>Codewerk-projecten (*{suffix})</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Kopie opslaan</translation>
    </message>
    <message>
        <source>Saved a copy to {target} — you go on working in {name}</source>
        <translation>Kopie opgeslagen als {target} — je werkt verder in {name}</translation>
    </message>
</context>
<context>
    <name>refi_actions</name>
    <message>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>REFI-QDA-project (*.qdpx)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-codeboek (*.qdc)</translation>
    </message>
    <message>
        <source>REFI-QDA project or codebook (*.qdpx *.qdc)</source>
        <translation>REFI-QDA-project of -codeboek (*.qdpx *.qdc)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Show Details lists each element and the reason.</source>
        <translation>Details tonen geeft elk element met de reden.</translation>
    </message>
    <message>
        <source>… and {count} more (use `codewerk import-qdpx` for the full list)</source>
        <translation>… en nog {count} (gebruik `codewerk import-qdpx` voor de volledige lijst)</translation>
    </message>
    <message>
        <source>Export REFI-QDA project</source>
        <translation>REFI-QDA-project exporteren</translation>
    </message>
    <message>
        <source>Export REFI-QDA codebook</source>
        <translation>REFI-QDA-codeboek exporteren</translation>
    </message>
    <message>
        <source>Export to {name} cancelled; nothing was written</source>
        <translation>Export naar {name} afgebroken; er is niets geschreven</translation>
    </message>
    <message>
        <source>Export to {name}</source>
        <translation>Exporteren naar {name}</translation>
    </message>
    <message>
        <source>writing into the project</source>
        <translation>wegschrijven in het project</translation>
    </message>
    <message>
        <source>Import of {name} cancelled; nothing was changed</source>
        <translation>Importeren van {name} afgebroken; er is niets veranderd</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>{name} geëxporteerd</translation>
    </message>
    <message>
        <source>Import REFI-QDA file</source>
        <translation>REFI-QDA-bestand importeren</translation>
    </message>
</context>
<context>
    <name>review_actions</name>
    <message>
        <source>Supervisor&apos;s review (*.xlsx *.docx)</source>
        <translation>Beoordeling van de begeleider (*.xlsx *.docx)</translation>
    </message>
    <message>
        <source>Import supervisor&apos;s review</source>
        <translation>Beoordeling van de begeleider importeren</translation>
    </message>
    <message>
        <source>… and {count} more (`codewerk import-review` lists them all)</source>
        <translation>… en nog {count} (`codewerk import-review` toont ze allemaal)</translation>
    </message>
    <message>
        <source>Import review by {name}</source>
        <translation>Beoordeling van {name} importeren</translation>
    </message>
</context>
<context>
    <name>second_coder</name>
    <message>
        <source>Codewerk projects (*.codewerk);;All files (*)</source>
        <translation>Codewerk-projecten (*.codewerk);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Prepare package</source>
        <extracomment>Where the last package was saved or merged from (settings): a coder&apos;s project comes back there, often days later, after the window was closed and opened again.</extracomment>
        <translation>Pakket klaarmaken</translation>
    </message>
    <message>
        <source>Name of the second coder:</source>
        <translation>Naam van de tweede codeur:</translation>
    </message>
    <message>
        <source>Package for a second coder</source>
        <translation>Pakket voor een tweede codeur</translation>
    </message>
    <message>
        <source>Merge a coder&apos;s project</source>
        <translation>Project van een codeur samenvoegen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Merge of {name} cancelled; nothing was changed</source>
        <translation>Samenvoegen van {name} afgebroken; er is niets veranderd</translation>
    </message>
</context>
</TS>
