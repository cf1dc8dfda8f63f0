"""Words, sentence templates and interviewer questions for the synthetic Dutch transcripts.

Written for the benchmark corpus only: the themes of the Regionale Werkbedrijven study (trust,
urgency, coordination, municipalities, UWV, employers …), with accents, the odd hesitation and,
now and then, an emoji, so that import, offsets and search meet what real transcripts contain.
"""

from __future__ import annotations

REGIONS: tuple[str, ...] = ("Midden-Gelderland", "Zwolle", "Zuidoost-Brabant")

#: The seven roles interviewed in every region.
ROLES: tuple[str, ...] = (
    "secretaris (coördinator)",
    "wethouder centrumgemeente",
    "wethouder regiogemeente",
    "werkgeversvertegenwoordiger",
    "vakbond",
    "UWV",
    "onderwijs",
)

#: Short names for file names, in the same order as ``ROLES``.
ROLE_SLUGS: tuple[str, ...] = (
    "secretaris",
    "wethouder",
    "wethouder-regio",
    "werkgevers",
    "vakbond",
    "uwv",
    "onderwijs",
)

CENTRES = {"Midden-Gelderland": "Arnhem", "Zwolle": "Zwolle", "Zuidoost-Brabant": "Eindhoven"}

MUNICIPALITIES = {
    "Midden-Gelderland": ("Arnhem", "Renkum", "Rheden", "Zevenaar", "Overbetuwe", "Lingewaard"),
    "Zwolle": ("Zwolle", "Kampen", "Dalfsen", "Hattem", "Staphorst", "Raalte"),
    "Zuidoost-Brabant": ("Eindhoven", "Helmond", "Veldhoven", "Best", "Geldrop-Mierlo", "Nuenen"),
}

MONTHS = ("mei", "juni")

#: Always plural: the templates conjugate for it.
PARTIES = (
    "de gemeenten",
    "de UWV-adviseurs",
    "de werkgevers",
    "de vakbonden",
    "de onderwijsinstellingen",
    "de centrumgemeenten",
    "de kleinere gemeenten",
    "de sociale partners",
    "de mbo-scholen",
    "de SW-bedrijven",
    "de ondernemersverenigingen",
    "de accountmanagers",
)

PEOPLE = (
    "de wethouder",
    "de secretaris",
    "de voorzitter",
    "onze directeur",
    "de regiomanager",
    "een collega van UWV",
    "de bestuurder van de vakbond",
    "de accountmanager",
    "iemand van het mbo",
    "de programmamanager",
)

TOPICS = (
    "de banenafspraak",
    "de Participatiewet",
    "de plaatsingscijfers",
    "het regionale werkgeversservicepunt",
    "de doelgroep met een arbeidsbeperking",
    "beschut werk",
    "de no-riskpolis",
    "loonkostensubsidie",
    "de jobcoaching",
    "het marktbewerkingsplan",
    "de scholingsvouchers",
    "de sectorplannen",
    "de inclusieve arbeidsmarkt",
    "de financiële middelen",
    "de ideeën van de werkgevers",
    "de coördinatie van de vacatures",
)

MEETINGS = (
    "het bestuurlijk overleg",
    "de werkgroep",
    "de stuurgroep",
    "het ambtelijk overleg",
    "de kwartaalbijeenkomst",
    "de appgroep",
    "het café na afloop",
    "het werkbezoek",
)

TIMES = (
    "in het begin",
    "het afgelopen jaar",
    "sinds de start",
    "de laatste maanden",
    "vorig najaar",
    "na de verkiezingen",
    "elke week",
    "eens per maand",
    "al jaren",
)

JUDGEMENTS = (
    "heel goed",
    "prima",
    "wisselend",
    "matig",
    "niet optimaal",
    "beter dan verwacht",
    "soms stroef",
    "eigenlijk best soepel",
)

FEELINGS = (
    "vertrouwen",
    "urgentie",
    "wantrouwen",
    "enthousiasme",
    "frustratie",
    "betrokkenheid",
    "twijfel",
    "waardering",
)

#: Interjections before a main clause (so the word order of the template stays right).
OPENERS = (
    "",
    "",
    "",
    "",
    "Kijk, ",
    "Nou, ",
    "Eh… ",
    "Ja, ",
    "Eerlijk gezegd: ",
    "Wat ik merk: ",
    "Ik denk: ",
    "Tja, ",
    "Weet je, ",
    "Nou ja, ",
)

EMOJI = ("🙂", "👍", "😅", "🤝", "📈")

#: Sentence templates; slots in braces are filled from the lists above.
TEMPLATES: tuple[str, ...] = (
    "het vertrouwen tussen {party} en {party2} is {judgement}.",
    "{party} komen hun afspraken eigenlijk altijd na.",
    "ik heb er vertrouwen in dat {party} zich echt inzetten voor {topic}.",
    "{time} was er weinig vertrouwen, dat moest echt groeien.",
    "je merkt dat {party} niet alles op tafel leggen, en dat wekt wantrouwen.",
    "de informatie over {topic} wordt open gedeeld, ook als het tegenvalt.",
    "we krijgen de cijfers over {topic} vaak pas laat, en dan is het al besloten.",
    "met {person} heb ik een goede klik, dat scheelt enorm.",
    "het persoonlijke contact in {meeting} maakt veel verschil.",
    "de urgentie wordt door {party} niet overal even sterk gevoeld.",
    "zonder regionale samenwerking lukt {topic} gewoon niet, daar is iedereen het over eens.",
    "het moest van Den Haag, dus er kwam een Werkbedrijf, maar de urgentie voelen {party} minder.",
    "er staan nog veel mensen aan de kant, dus de noodzaak is groot.",
    "het gezamenlijke doel is duidelijk: meer mensen met een arbeidsbeperking aan het werk.",
    "over de aanpak van {topic} verschillen {party} en {party2} nogal van mening.",
    "iedereen onderschrijft het doel, maar ieder kijkt toch ook naar het eigen belang.",
    "{party} denken vooral vanuit hun eigen organisatie, niet vanuit de regio.",
    "de coördinatie ligt bij {party}, en dat werkt {judgement}.",
    "de secretaris is onafhankelijk en van niemand, dat helpt bij de coördinatie.",
    "alles wat op de agenda van {meeting} komt, is al voorgekookt door de centrumgemeente.",
    "{person} heeft een ondersteunende rol en trekt niet alles naar zich toe.",
    "de rol van {person} is eerder sturend, soms zelfs dominant.",
    "we bouwen voort op de samenwerking die er {time} al was in {municipality}.",
    "het Werkbedrijf sluit aan bij de bestaande structuren in de arbeidsmarktregio.",
    "de waarden van {party} en {party2} botsen soms, vooral over {topic}.",
    "wij kijken naar de kwaliteit van het werk, {party} tellen vooral aantallen.",
    "die cultuurverschillen belemmeren het werk eigenlijk niet meer.",
    "conflicten bespreken we eerst informeel, en pas daarna in {meeting}.",
    "we zien elkaar {time}, dus de lijnen zijn kort.",
    "we gebruiken elkaars kennis: UWV heeft de arbeidsmarktinformatie, de gemeenten kennen hun klanten.",
    "voor de werkgevers hebben we één loket ingericht, dat was een belangrijke afspraak.",
    "de plaatsingen liggen {judgement} ten opzichte van de doelstelling.",
    "de meerwaarde zit vooral in het netwerk, minder in de aantallen.",
    "er zijn meerjarige afspraken gemaakt over {topic}.",
    "wat er gebeurt als de landelijke financiering stopt, weet eigenlijk niemand.",
    "de regio is groot, met veel gemeenten, en dat maakt afstemming lastig.",
    "met de huidige partijen bereiken we de meeste werkgevers in {municipality}.",
    "{party} vertegenwoordigen hun achterban niet altijd even goed.",
    "de kleinere gemeenten voelen zich soms niet gehoord door {party}.",
    "in {municipality} hebben we een pilot gedraaid met {topic}, en die liep {judgement}.",
    "dat zeg ik niet om iemand af te vallen, maar het is wel zo.",
    "we hebben {time} een appgroep opgezet, en daar wordt veel in gedeeld.",
    "er is veel {feeling}, dat merk je aan de toon van de gesprekken.",
    "of het in de regio echt gevoeld wordt, ik weet het niet.",
    "de coördinatie van de vacatures kost nog steeds te veel tijd.",
    "{person} zei laatst nog: afspraak is afspraak, en zo werkt het hier ook.",
    "het gaat om mensen, niet om cijfers op papier.",
    "het is een kwestie van lange adem, dat beseft iedereen wel.",
    "ik zou willen dat {party} wat vaker aanschuiven bij {meeting}.",
    "de financiële middelen zijn beperkt, dus we moeten keuzes maken.",
)

#: Interviewer questions per question reference of the interview guide.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "1a": ("Bereikt u met de huidige partijen genoeg werkgevers en werkzoekenden?",),
    "1b": ("Belemmert de omvang van het netwerk de afstemming?",),
    "1c": ("Vertegenwoordigen de partijen hun achterban goed?",),
    "2a": ("Hoe belangrijk is het landelijke initiatief voor uw regio?",),
    "2b": ("Vindt u de regionale samenwerking noodzakelijk?",),
    "3a": ("Is er een helder doel of een gezamenlijke visie?",),
    "3b": ("Onderschrijven alle partijen dat doel?",),
    "3c": ("Is men het eens over de manier waarop het doel bereikt wordt?",),
    "3d": ("Hoe verhouden het eigen belang en het gezamenlijke doel zich?",),
    "4a": ("Vertrouwt u erop dat de anderen hun afspraken nakomen?",),
    "4b": ("Wordt informatie open gedeeld tussen de partijen?",),
    "4c": ("Hoe zijn de persoonlijke verhoudingen?",),
    "5a": ("Welke verschillen in waarden merkt u tussen de partijen?",),
    "5b": ("Belemmeren die verschillen de samenwerking?",),
    "6a": ("Wie coördineert het Werkbedrijf?",),
    "6b": ("Hoe onafhankelijk is die coördinatie volgens u?",),
    "6c": ("Heeft de coördinator een ondersteunende of een sturende rol?",),
    "7a": ("Sluit het Werkbedrijf aan bij bestaande regionale structuren?",),
    "7b": ("Bouwt u voort op eerdere samenwerking in de regio?",),
    "8a": ("Hoe gaat u om met conflicten?",),
    "8b": ("Hoe vaak heeft u contact met de andere partijen?",),
    "8c": ("Gebruikt u elkaars kennis?",),
    "9a": ("Welke activiteiten en afspraken zijn er gemaakt?",),
    "9b": ("In welke mate is de beoogde output gerealiseerd?",),
    "10a": ("Zijn er meerjarige afspraken gemaakt?",),
    "10b": ("Wat gebeurt er als de landelijke financiering stopt?",),
}

FOLLOW_UPS: tuple[str, ...] = (
    "Kunt u daar een voorbeeld van geven?",
    "Wat bedoelt u daar precies mee?",
    "En hoe was dat in het begin?",
    "Geldt dat voor alle partijen?",
    "Merkt u daar in de praktijk iets van?",
    "Hoe komt dat, denkt u?",
)
