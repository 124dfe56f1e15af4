"""The explanation sheet of the import template: how each column is read and what it becomes."""

EXPLANATION = [
    "Importsjabloon register beschut werk",
    "Vul de bladen Taakstelling, Werkgevers, Personen en Plaatsingen, één regel per gegeven, "
    "en lees het bestand in met Bestand → Importeren (of: beschut-desktop import BESTAND.xlsx). "
    "U kunt ook uw eigen Excel-lijst gebruiken: de bladnamen en kolomkoppen moeten dan precies "
    "zo heten als hier. De tekst tussen haakjes in een kolomkop mag weg. De kolommen mogen in "
    "elke volgorde staan; andere kolommen en andere bladen worden overgeslagen.",
    "Alles of niets:",
    "Het programma leest eerst het hele bestand en meldt dan alle problemen tegelijk, met blad, "
    "rij, kolom en wat er mis is. Is er één probleem, dan wordt niets ingelezen en blijft het "
    "register zoals het was. Een regel die het beleid niet haalt (bijvoorbeeld een contract van "
    "10 uur per week of van 5 maanden) is geen fout: die wordt ingelezen en daarna als signaal "
    "getoond.",
    "Opnieuw inlezen:",
    "Personen worden herkend aan het BSN, werkgevers aan de naam, plaatsingen aan BSN + werkgever "
    "+ startdatum, taakstellingen aan het jaar. Hetzelfde bestand twee keer inlezen verandert "
    "niets. Een gewijzigde regel werkt het gegeven in het register bij (dat komt in de "
    "wijzigingsgeschiedenis). Een lege cel wist nooit wat het register al weet.",
    "Schrijfwijze:",
    "Datums: een Excel-datum of tekst als 6-9-2022 (dd-mm-jjjj). Getallen: een Excel-getal of "
    "Nederlandse tekst, zoals 19,5 of 8.100 (= 8100). BSN: als getal of als tekst, "
    "punten en spaties mogen (1234.56.782); een voorloopnul die Excel heeft weggelaten wordt "
    "teruggezet; het BSN moet de elfproef halen. Woorden als ja/nee, tijdelijk/vast en de soort "
    "werkgever mogen in hoofd- of kleine letters.",
    "Blad Taakstelling:",
    "Jaar; Taakstelling (het aantal plekken dat de minister voor dat jaar vaststelde); Bedrag per "
    "plek (in euro's per jaar, bijvoorbeeld 8.100); Uren per week per plek (leeg: 31).",
    "Blad Werkgevers:",
    "Naam; Soort: SW-bedrijf, Gemeente of Particulier (verplicht voor een nieuwe werkgever); "
    "KvK-nummer; Cao: Cao Aan de Slag, geen, of de naam van de eigen cao van de bedrijfstak "
    "(leeg: Cao Aan de Slag). Staat dezelfde naam twee keer in het register, vul dan het "
    "KvK-nummer in.",
    "Blad Personen:",
    "BSN; Voornaam; Achternaam; Geboortedatum. "
    "Datum advies UWV: wordt vastgelegd als een positief advies van UWV. Wie het advies heeft "
    "aangevraagd staat niet in het sjabloon; het programma noteert 'Gemeente'. Vroeg de inwoner "
    "of een werkgever het aan, pas dat dan in het programma aan bij de persoon. "
    "Datum beschikking: wordt vastgelegd als een positieve beschikking (indicatie beschut werk); "
    "deze datum is de vaststellingsdatum die de volgorde van de wachtlijst bepaalt. De grondslag "
    "(doelgroep of uitkering) vult u daarna in het programma in. "
    "Voorziening tot start: arbeidsmatige dagbesteding, vrijwilligerswerk, of een andere "
    "omschrijving (die wordt vastgelegd als 'anders' met uw tekst); de voorziening begint op de "
    "Datum beschikking.",
    "Blad Plaatsingen:",
    "BSN (de persoon moet op het blad Personen of al in het register staan); Werkgever (de naam, "
    "zoals op het blad Werkgevers of in het register); Startdatum; Einddatum (leeg: een contract "
    "voor onbepaalde tijd); Uren per week; Proefplaatsing vooraf: ja of nee (ook j/n, "
    "waar/onwaar; leeg: nee); Contract: tijdelijk of vast (ook bepaalde/onbepaalde tijd; leeg: "
    "tijdelijk als er een einddatum is, anders vast). "
    "Een plaatsing waarvan de einddatum vóór de dag van inlezen ligt, krijgt de uitkomst "
    "'beëindigd (import)'. Begint bij dezelfde werkgever binnen een week na de einddatum een "
    "volgend contract, dan geldt dat als verlenging (of omzetting naar vast) van het eerdere.",
    "Privacy:",
    "Dit bestand bevat, eenmaal ingevuld, BSN's en andere persoonsgegevens. Bewaar het op een "
    "beveiligde plek en verwijder het na het inlezen.",
]
