"""The rules R1–R20 in the words of their sources, for the screens that explain a signal.

One place for the Dutch text of every rule: the overview's rule column shows it as a tooltip,
Help → Regels lists them all. The wording is taken from the policy rule "Beschut werk onder de
Participatiewet" of Staphorst (in force from 3 January 2023), article 10b Participatiewet and
article 8 of Staphorst's Re-integratieverordening; where the program adds a reading of its own
(counting, the queue order) that is said. No Qt here: plain data any screen or document uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleText:
    rule: str  # "R1"
    title: str  # short Dutch name
    text: str  # the policy's words
    source: str  # where the words come from


RULES: tuple[RuleText, ...] = (
    RuleText(
        "R1",
        "Wie in aanmerking komt",
        "Het college biedt de voorziening beschut werk aan een persoon aan van wie is "
        "vastgesteld dat deze alleen in een beschutte omgeving onder aangepaste omstandigheden "
        "mogelijkheden tot arbeidsparticipatie heeft en die behoort tot de doelgroep of aan wie "
        "het UWV een uitkering verstrekt. Voorwaarde is een positieve beschikking van de "
        "gemeente op basis van een advies van UWV. Een adviesaanvraag kan zowel door de inwoner "
        "zelf, door een werkgever als door de gemeente worden gedaan.",
        "Art. 10b Participatiewet; art. 8 lid 1 Re-integratieverordening; beleidsregel",
    ),
    RuleText(
        "R2",
        "De gronden van het UWV-advies",
        "Het UWV beziet of de inwoner met arbeidsvermogen technische of organisatorische "
        "aanpassingen nodig heeft die niet binnen redelijke grenzen door een werkgever kunnen "
        "worden gerealiseerd, of permanent toezicht of intensieve begeleiding nodig heeft die "
        "niet binnen redelijke grenzen door een werkgever kan worden aangeboden.",
        "Beleidsregel, Doelgroep / indicering",
    ),
    RuleText(
        "R3",
        "Periodieke controle van de indicatie",
        "Het aanvragen van een herindicatie (door werknemer of gemeente) bij het UWV is te "
        "allen tijde mogelijk. In elk geval zal de gemeente periodiek bezien of de indicatie "
        "beschut werk (nog) passend is. Het streven is en blijft om ieder zoveel als mogelijk "
        "in het reguliere bedrijfsleven op te nemen; men kan het beschut werk ontgroeien.",
        "Beleidsregel, Doelgroep / indicering",
    ),
    RuleText(
        "R4",
        "Taakstelling",
        "De minister stelt jaarlijks een taakstelling vast van ten minste te realiseren "
        "dienstbetrekkingen. Het gaat om een cumulatief aantal plaatsen vanaf de invoering van "
        "de Participatiewet per 1 januari 2015. Voor 2022 geldt voor Staphorst een taakstelling "
        "van zes (6). De verplichting geldt niet bovenop de taakstelling.",
        "Art. 10b lid 4–6 Participatiewet; beleidsregel, Aantal",
    ),
    RuleText(
        "R5",
        "Wachtlijst en voorrang",
        "Wanneer meer beschikkingen zijn afgegeven dan de taakstelling hoog is, wordt er een "
        "wachtlijst gevormd. Wie al eerder is geïndiceerd en voor wie een andere voorziening "
        "niet passend is, krijgt voorrang op personen van wie later is vastgesteld dat zij "
        "alleen in een beschutte omgeving kunnen werken.",
        "Art. 8 lid 2 Re-integratieverordening; beleidsregel, Aantal",
    ),
    RuleText(
        "R6",
        "Voorziening tot de dienstbetrekking begint",
        "Het college biedt tot het moment dat de dienstbetrekking beschut werk aanvangt: "
        "arbeidsmatige dagbesteding, vrijwilligerswerk, of andere vormen van maatschappelijke "
        "participatie of werk.",
        "Art. 8 lid 4 Re-integratieverordening",
    ),
    RuleText(
        "R7",
        "Begeleidingsbudget",
        "Voor de begeleiding stelt het Rijk middelen beschikbaar, gerelateerd aan de "
        "taakstelling. In 2022 gaat het om € 8.100 per beschutte werkplek, gebaseerd op een "
        "werkweek van 31 uur. Per 1 januari 2022 zijn er voor 186 uur middelen beschikbaar "
        "(totaal € 48.600). Het bedrag fluctueert jaarlijks, opwaarts en neerwaarts.",
        "Beleidsregel, Middelen — Begeleiding",
    ),
    RuleText(
        "R8",
        "Loonkostensubsidie en loonwaarde",
        "Voor iedereen in het doelgroepenregister heeft de werkgever recht op "
        "loonkostensubsidie. Jaarlijks, of zoveel vaker als in de beschikking wordt vastgelegd, "
        "wordt een nieuwe loonwaardemeting uitgevoerd. Zolang nog geen loonwaarde is bepaald "
        "kan een forfaitaire loonkostensubsidie van 50 % van het wettelijk minimumloon worden "
        "gebruikt, gedurende maximaal 4 maanden. Het wettelijk minimumloon blijft het ijkpunt.",
        "Art. 10b lid 9 en 10d Participatiewet; beleidsregel, Loonkostensubsidie",
    ),
    RuleText(
        "R9",
        "Waar de dienstbetrekking is",
        "De dienstbetrekking kan bij het sociaal werkbedrijf Reestmond, bij de gemeente of bij "
        "particuliere werkgevers zijn, al dan niet met een speciale opdracht (social firm): "
        "bedrijven die in hoofdzaak met deze doelgroep werken, of waar het in dienst hebben "
        "van iemand uit deze groep een uitzondering is.",
        "Beleidsregel, Invulling van de dienstbetrekking; Begeleiding",
    ),
    RuleText(
        "R10",
        "Het aanbod is een besluit",
        "De gemeente wijst een beschutte werkplek toe. Wanneer de inwoner de plek weigert is "
        "bezwaar en beroep daarop mogelijk; wordt de inwoner in het gelijk gesteld, dan doet de "
        "gemeente een nieuw aanbod. De aangeboden werkplek moet passen bij de mogelijkheden van "
        "de klant; daarin ligt ook de motivatie.",
        "Beleidsregel, Invulling van de dienstbetrekking",
    ),
    RuleText(
        "R11",
        "Ondersteunende voorzieningen",
        "Fysieke aanpassingen van de werkplek of de werkomgeving, uitsplitsing van taken of "
        "aanpassingen in de wijze van werkbegeleiding, werktempo of arbeidsduur.",
        "Art. 8 lid 3 Re-integratieverordening",
    ),
    RuleText(
        "R12",
        "Contractduur en -omvang",
        "De contractduur is minimaal 6 maanden en de omvang minimaal 12 uur per week. Wanneer "
        "enige vorm van proefperiode aan dit dienstverband vooraf is gegaan, is de contractduur "
        "minimaal 12 maanden.",
        "Beleidsregel, Contractduur en -omvang",
    ),
    RuleText(
        "R13",
        "Cao Aan de Slag",
        "Voor gemeenten en sociaal werkbedrijven is de Cao Aan de Slag verplicht. Particuliere "
        "werkgevers passen minimaal de voorwaarden van de Cao Aan de Slag toe, tenzij de cao "
        "van de eigen bedrijfstak gunstiger is voor de medewerker.",
        "Beleidsregel, Arbeidsvoorwaarden — Cao",
    ),
    RuleText(
        "R14",
        "Ontslag",
        "In geval van ontslag gelden de regels van het burgerlijk recht. Ontslag betekent niet "
        "dat de indicatie beschut werk vervalt. De gemeente zal degene die is ontslagen opnieuw "
        "een beschut werkplek moeten aanbieden.",
        "Beleidsregel, Contractduur en -omvang",
    ),
    RuleText(
        "R15",
        "De interne begeleider",
        "De interne begeleider kan (kort) meewerken als de werknemer dat vereist; is voor de "
        "begeleidingsuren zoveel mogelijk vrijgesteld van andere taken; heeft achtervang bij "
        "ziekte of verlof; heeft oog voor hoe collega's met de werknemer omgaan; vormt zich een "
        "integraal beeld op alle levensgebieden; kent de lokale en regionale sociale kaart; "
        "staat niet in een hiërarchische verhouding tot de werknemer; heeft een diploma of "
        "certificaat jobcoach en kan dit overleggen; houdt kennis en vaardigheden actueel.",
        "Beleidsregel, Begeleiding — Voorwaarden",
    ),
    RuleText(
        "R16",
        "Functieomschrijving en ontwikkelplan",
        "Er is een omschrijving van de functie en het takenpakket van de werknemer beschikbaar; "
        "bij het aangaan van de arbeidsovereenkomst stelt de werkgever een ontwikkelplan op "
        "waarin staat welke ontwikkeldoelen worden nagestreefd.",
        "Beleidsregel, Overige voorwaarden",
    ),
    RuleText(
        "R17",
        "Maatwerkafspraak",
        "Wordt in al beschikte situaties nog niet aan de voorwaarden voldaan, dan wordt een "
        "maatwerkafspraak gemaakt met de werkgever, met het concrete vooruitzicht dat aan de "
        "voorwaarden wordt voldaan; continuïteit voor de werknemer speelt een grote rol. Bij "
        "verhuizing naar Staphorst of een dienstverband vanuit een stageplek (VSO/PRO) wordt "
        "binnen een jaar aan de voorwaarden voldaan, met expliciete bevestiging.",
        "Beleidsregel, Uitzonderingen",
    ),
    RuleText(
        "R18",
        "Voortgangsgesprek",
        "Gedurende de eerste twee jaar van het dienstverband worden twee keer per jaar, of "
        "vaker als dat nodig is, het functioneren, de situatie en het perspectief van de "
        "werknemer besproken tussen werkgever en werknemer, en wordt de voortgang van het "
        "ontwikkelplan met de gemeente besproken. Daarna minimaal eens per jaar.",
        "Beleidsregel, Overige voorwaarden",
    ),
    RuleText(
        "R19",
        "Terugkoppeling over de begeleiding",
        "In de periodieke terugkoppeling is er, naast aandacht voor de persoonlijke "
        "ontwikkeling van de werknemer, aandacht voor de fysieke en sociale veiligheid op de "
        "werkplek, de kwaliteit en continuïteit van de begeleiding, de helderheid van de "
        "communicatie, privacy en het methodische werken. Duidelijke verslaglegging is een "
        "vereiste.",
        "Beleidsregel, Begeleiding — Voorwaarden",
    ),
    RuleText(
        "R20",
        "Duurzaamheid van het contract",
        "Tijdelijke contracten met kandidaten met een advies beschut werk worden niet altijd "
        "verlengd, en zeker niet altijd omgezet in een vast contract. Duurzaamheid van de "
        "plaatsing lijkt een heikel punt. Het register volgt daarom einddatum, verlenging en "
        "omzetting van elk contract en waarschuwt ruim voordat een contract afloopt.",
        "Onderzoek Kenniscentrum beschut werk; lezing van het register",
    ),
)

AWB = RuleText(
    "Awb",
    "Bezwaar en beslistermijn",
    "Een bezwaarschrift wordt ingediend binnen zes weken, te rekenen vanaf de dag na die "
    "waarop het besluit is bekendgemaakt. Het bestuursorgaan beslist binnen zes weken, of "
    "twaalf weken met een adviescommissie, en kan de beslissing ten hoogste zes weken "
    "verdagen.",
    "Algemene wet bestuursrecht, art. 6:7, 6:8 en 7:10",
)

_BY_ID = {text.rule: text for text in (*RULES, AWB)}


def rule_text(rule: str) -> RuleText | None:
    """The text of one rule id ("R12"), or None for an id the program does not know."""
    return _BY_ID.get(rule.strip())


def rules_in(label: str) -> list[str]:
    """The rule ids a signal's rule label names, in order: "R12, R15" → ["R12", "R15"]."""
    return [found for found in re.findall(r"R\d+|Awb", label) if found in _BY_ID]


def explain(label: str) -> str:
    """The texts of the rules a label names, one paragraph each (for a tooltip)."""
    return "\n\n".join(
        f"{text.rule} {text.title}: {text.text}"
        for text in map(_BY_ID.__getitem__, rules_in(label))
    )
