/**
 * The rules of iWmo 3.2 and iJw 3.2 that Regiekamer applies to the provider messages 305, 307 and
 * 323: code, WJ001 return code, the messages the standard uses the rule in (the same numbers in
 * both standards) and the rule in the standard's words. catalogue.test.ts checks every entry
 * against the published WJ001 lists, rule files and condition/constraint tables.
 */
import type { MessageType } from '../standard/message-kinds.js';
import type { RuleDefinition } from './rule.js';

const ALL_SENT: readonly MessageType[] = ['301', '305', '307', '315', '317', '319', '323', '325'];

// Header: rules on the message as a whole, answered with their own code on the header.

export const TR056: RuleDefinition = {
  code: 'TR056',
  returnCode: '9056',
  messages: ALL_SENT,
  description: 'Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.',
};

export const TR135: RuleDefinition = {
  code: 'TR135',
  returnCode: '8848',
  messages: ALL_SENT,
  description: 'Vullen met een bestaande datum die niet in de toekomst ligt.',
};

// Constraints and conditions (CS/CD): within the message, 0001.

export const CS002: RuleDefinition = {
  code: 'CS002',
  returnCode: '0001',
  messages: ['301', '305', '307', '315', '317', '323', '325'],
  description: 'De waarde moet voldoen aan de 11-proef.',
};

export const CS058: RuleDefinition = {
  code: 'CS058',
  returnCode: '0001',
  messages: ['305', '307'],
  description: '1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen.',
};

export const CS100: RuleDefinition = {
  code: 'CS100',
  returnCode: '0001',
  messages: ['323'],
  description: 'Vullen met een datum die groter dan of gelijk is aan 01-01-2021',
};

export const CS340: RuleDefinition = {
  code: 'CS340',
  returnCode: '0001',
  messages: ['323'],
  description: 'De periode is exact gelijk aan 1 hele kalendermaand',
};

export const CS337: RuleDefinition = {
  code: 'CS337',
  returnCode: '0001',
  messages: ['323'],
  description:
    'Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum van de ProductPeriode',
};

export const CS325: RuleDefinition = {
  code: 'CS325',
  returnCode: '0001',
  messages: ['323', '325'],
  description: 'Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).',
};

export const CS339: RuleDefinition = {
  code: 'CS339',
  returnCode: '0001',
  messages: ['323'],
  description:
    'Indien Eenheid de waarde 83 (euro’s) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.',
};

export const CD060: RuleDefinition = {
  code: 'CD060',
  returnCode: '0001',
  messages: ['323', '325'],
  description:
    'Verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.',
};

export const CD087: RuleDefinition = {
  code: 'CD087',
  returnCode: '0001',
  messages: ['323'],
  description: 'Als eenheid ongelijk is aan 83 (euro’s) dan verplicht vullen, anders leeg laten.',
};

// Technical rules checked within the message (XSLT), 0001.

export const TR002: RuleDefinition = {
  code: 'TR002',
  returnCode: '0001',
  messages: ['301', '305', '307', '315'],
  description:
    'Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is.',
};

export const TR018: RuleDefinition = {
  code: 'TR018',
  returnCode: '0001',
  messages: ['307'],
  description: 'Einddatum moet groter dan of gelijk zijn aan Begindatum.',
};

export const TR101: RuleDefinition = {
  code: 'TR101',
  returnCode: '0001',
  messages: ['301', '305', '307', '315', '317', '323', '325'],
  description: 'Binnen een bericht zijn dubbele regels niet toegestaan.',
};

// The allocation message (301): XSLT rules of the municipality's own message, 0001.

export const TR006: RuleDefinition = {
  code: 'TR006',
  returnCode: '0001',
  messages: ['301'],
  description:
    'De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.',
};

export const TR061: RuleDefinition = {
  code: 'TR061',
  returnCode: '0001',
  messages: ['301'],
  description:
    "Bij een Client moet minimaal één Adres voorkomen waarvan Soort de waarde '01' (BRP-adres), '02' (Correspondentie-adres) of '03' (Verblijfadres) heeft.",
};

export const TR302: RuleDefinition = {
  code: 'TR302',
  returnCode: '0001',
  messages: ['301'],
  description:
    'Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen.',
};

export const TR134: RuleDefinition = {
  code: 'TR134',
  returnCode: '0001',
  messages: ['301', '305', '307', '315', '323', '325'],
  description: 'Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.',
};

export const TR137: RuleDefinition = {
  code: 'TR137',
  returnCode: '0001',
  messages: ['323', '325'],
  description:
    'Vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de aangeduide periode én die niet groter is dan de Dagtekening van het bericht.',
};

export const TR335: RuleDefinition = {
  code: 'TR335',
  returnCode: '0001',
  messages: ['323'],
  description: 'Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.',
};

export const TR315: RuleDefinition = {
  code: 'TR315',
  returnCode: '0001',
  messages: ['323'],
  description: 'VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.',
};

export const TR316: RuleDefinition = {
  code: 'TR316',
  returnCode: '0001',
  messages: ['323'],
  description: 'Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.',
};

export const TR358: RuleDefinition = {
  code: 'TR358',
  returnCode: '0001',
  messages: ['323'],
  description:
    'De waarde van TotaalBedrag in TotaalIngediendBedrag moet gelijk zijn aan de SOM van de waarden van Bedrag in Ingediendbedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.',
};

export const TR416: RuleDefinition = {
  code: 'TR416',
  returnCode: '0001',
  messages: ['323'],
  description:
    'Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al een Prestatie met waarde Debet is.',
};

// Rules with their own return code that the message alone decides.

export const TR319: RuleDefinition = {
  code: 'TR319',
  returnCode: '9319',
  messages: ['323'],
  description:
    'Een declaratiebericht bevat alleen prestaties waarvan de ProductPeriode valt binnen de huidige, of een voorgaande declaratieperiode.',
};

export const TR346: RuleDefinition = {
  code: 'TR346',
  returnCode: '9346',
  messages: ['323'],
  description:
    'Indien Eenheid ongelijk is aan waarde 83 (Euro’s), moet IngediendBedrag gelijk zijn aan GeleverdVolume vermenigvuldigd met ProductTarief.',
};

// Start and stop of care (305, 307) across messages.

export const TR019: RuleDefinition = {
  code: 'TR019',
  returnCode: '9019',
  messages: ['305', '307'],
  description:
    'Bij een output- of inspanningsgerichte werkwijze moet de melding van de start of de stop van de ondersteuning gerelateerd zijn aan een toewijzing op basis van het ToewijzingNummer',
};

export const TR063: RuleDefinition = {
  code: 'TR063',
  returnCode: '9063',
  messages: ['305', '307'],
  description:
    'Indien StatusAanlevering de waarde 3 (aanlevering verwijderen) bevat, dan moet voor de betreffende Client een eerdere aanlevering met dezelfde logische sleutel verstuurd zijn.',
};

export const TR071: RuleDefinition = {
  code: 'TR071',
  returnCode: '9071',
  messages: ['305'],
  description:
    "StatusAanlevering mag niet de waarde '3' bevatten als er voor de betreffende melding start zorg al een stop zorg is verstuurd.",
};

export const TR074: RuleDefinition = {
  code: 'TR074',
  returnCode: '9074',
  messages: ['305', '307'],
  description:
    "Indien StatusAanlevering de waarde '1' bevat, dan moet de sleutel van de betreffende aanlevering niet alleen uniek zijn binnen het bericht zelf, maar ook in combinatie met alle reeds ontvangen berichten.",
};

export const TR326: RuleDefinition = {
  code: 'TR326',
  returnCode: '9326',
  messages: ['305'],
  description:
    'Een Startbericht mag pas verstuurd worden als er géén actueel Startbericht bij ToegewezenProduct is.',
};

/** WJ001 lists 9069 under TR069, the rule TR382 replaced; the 3.2 rule text is TR382's. */
export const TR382: RuleDefinition = {
  code: 'TR382',
  returnCode: '9069',
  messages: ['307'],
  description:
    'De sleutelelementen uit het startbericht moeten in het stopbericht, waarin wordt aangegeven dat de betreffende levering (tijdelijk) beeindigd wordt, ongewijzigd worden overgenomen.',
};

export const TR413: RuleDefinition = {
  code: 'TR413',
  returnCode: '9413',
  messages: ['307'],
  description:
    'Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer, Begindatum en met RedenBeeindiging waarde 20 is, dan moet RedenBeeindiging <> aan waarde 20 zijn, indien StatusAanlevering waarde 1 of 2 heeft.',
};

export const TR414: RuleDefinition = {
  code: 'TR414',
  returnCode: '9414',
  messages: ['307'],
  description:
    'Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer en Begindatum is, dan moet Einddatum >= zijn aan Einddatum uit actuele StopProduct.',
};

export const TR415: RuleDefinition = {
  code: 'TR415',
  returnCode: '9415',
  messages: ['307'],
  description:
    'Er mag geen StopProduct zijn met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20, indien StatusAanlevering waarde 1 of 2 heeft',
};

// Claim (323) across messages.

export const TR333: RuleDefinition = {
  code: 'TR333',
  returnCode: '9333',
  messages: ['323'],
  description:
    'DeclaratieNummer van de Declaratie moet uniek zijn voor de aanbieder binnen het wettelijk domein waarop de Declaratie betrekking heeft.',
};

export const TR338: RuleDefinition = {
  code: 'TR338',
  returnCode: '9338',
  messages: ['323'],
  description: 'De Prestatie is gerelateerd aan een ToegewezenProduct op basis van het Toewijzingnummer.',
};

export const TR304: RuleDefinition = {
  code: 'TR304',
  returnCode: '8187',
  messages: ['317', '323', '325'],
  description: 'Bsn moet overeenkomen met Bsn van een Client.',
};

export const TR339: RuleDefinition = {
  code: 'TR339',
  returnCode: '9339',
  messages: ['323'],
  description:
    'ProductCategorie in Prestatie moet gelijk zijn aan ProductCategorie in het ToegewezenProduct indien deze opgenomen is.',
};

export const TR340: RuleDefinition = {
  code: 'TR340',
  returnCode: '9340',
  messages: ['323'],
  description:
    'ProductCode in Prestatie moet gelijk zijn aan ProductCode in het ToegewezenProduct, indien deze opgenomen is.',
};

export const TR341: RuleDefinition = {
  code: 'TR341',
  returnCode: '9341',
  messages: ['323'],
  description: 'Eenheid in Prestatie moet passen bij Eenheid in het ToegewezenProduct.',
};

export const TR307: RuleDefinition = {
  code: 'TR307',
  returnCode: '9307',
  messages: ['323'],
  description:
    'Begindatum in ProductPeriode in Prestatie moet groter dan of gelijk zijn aan Ingangsdatum in ToegewezenProduct.',
};

export const TR308: RuleDefinition = {
  code: 'TR308',
  returnCode: '9308',
  messages: ['323'],
  description:
    'Einddatum in ProductPeriode in Prestatie moet kleiner dan of gelijk zijn aan Einddatum in ToegewezenProduct, indien die gevuld is.',
};

export const TR321: RuleDefinition = {
  code: 'TR321',
  returnCode: '9321',
  messages: ['323'],
  description:
    'Indien in het ToegewezenProduct een Omvang is meegegeven, moet GeleverdVolume in de Prestatie passen binnen Volume in het ToegewezenProduct.',
};

export const TR322: RuleDefinition = {
  code: 'TR322',
  returnCode: '9322',
  messages: ['323'],
  description:
    'Indien in het ToegewezenProduct een Omvang is meegegeven, moet de som van GeleverdVolume in alle ingediende Prestaties die betrekking hebben op dat ToegewezenProduct passen binnen de toegewezen Omvang.',
};

export const TR323: RuleDefinition = {
  code: 'TR323',
  returnCode: '8017',
  messages: ['323'],
  description:
    'Een credit Prestatie moet gerelateerd zijn aan een eerder verzonden (goedgekeurde) debet Prestatie op basis van sleutelvelden.',
};

export const TR314: RuleDefinition = {
  code: 'TR314',
  returnCode: '8021',
  messages: ['323'],
  description:
    'ReferentieNummer van de Prestatie moet uniek zijn voor de aanbieder binnen het wettelijk domein waarop de Prestatie betrekking heeft, zowel binnen één bericht als berichtoverstijgend.',
};

export const TR387: RuleDefinition = {
  code: 'TR387',
  returnCode: '9387',
  messages: ['323'],
  description:
    'De Begindatum van een ProductPeriode is altijd de eerste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Ingangsdatum van de toewijzing later in de betreffende maand ligt.',
};

export const TR388: RuleDefinition = {
  code: 'TR388',
  returnCode: '9388',
  messages: ['323'],
  description:
    'De Einddatum van een ProductPeriode is altijd de laatste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Einddatum van de toewijzing eerder in de betreffende maand ligt.',
};

export const TR389: RuleDefinition = {
  code: 'TR389',
  returnCode: '9389',
  messages: ['323'],
  description:
    'Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al eerder een debetprestatie is verzonden.',
};

export const TR390: RuleDefinition = {
  code: 'TR390',
  returnCode: '9390',
  messages: ['323'],
  description:
    'DebetCredit mag alleen waarde Credit hebben indien voor Prestatie met gelijk ProductReferentie niet een Prestatie met Credit bestaat',
};

export const TR418: RuleDefinition = {
  code: 'TR418',
  returnCode: '0611',
  messages: ['323'],
  description:
    'ProductTarief in Prestatie dient overeen te komen met het contractuele tarief van ProductCode.',
};

// Requests (315, 317): rules across messages, each failing its own berichtklasse.

export const TR347: RuleDefinition = {
  code: 'TR347',
  returnCode: '9347',
  messages: ['315', '317'],
  description: 'ReferentieAanbieder is uniek voor de aanbieder binnen het wettelijk domein.',
};

export const TR374: RuleDefinition = {
  code: 'TR374',
  returnCode: '9374',
  messages: ['315', '317'],
  description:
    'Een verzoek mag alleen worden verstuurd als er geen onderhanden verzoek is voor de betreffende client van dezelfde aanbieder.',
};

export const TR349: RuleDefinition = {
  code: 'TR349',
  returnCode: '9349',
  messages: ['317'],
  description: 'Het verzoek om wijziging bericht bevat alle actuele ToegewezenProducten van de client.',
};

export const TR350: RuleDefinition = {
  code: 'TR350',
  returnCode: '9350',
  messages: ['317'],
  description:
    'Ieder OngewijzigdProduct in een verzoek om wijziging bericht is gerelateerd aan een actueel toegewezen product op basis van het ToewijzingNummer.',
};

export const TR351: RuleDefinition = {
  code: 'TR351',
  returnCode: '9351',
  messages: ['317'],
  description:
    'Ieder TeWijzigenProduct in een verzoek om wijziging is gerelateerd aan een actueel ToegewezenProduct op basis van ToewijzingNummer.',
};

export const RULES: readonly RuleDefinition[] = [
  TR056,
  TR135,
  CS002,
  CS058,
  CS100,
  CS340,
  CS337,
  CS325,
  CS339,
  CD060,
  CD087,
  TR002,
  TR006,
  TR018,
  TR061,
  TR302,
  TR347,
  TR349,
  TR350,
  TR351,
  TR374,
  TR101,
  TR134,
  TR137,
  TR335,
  TR315,
  TR316,
  TR358,
  TR416,
  TR319,
  TR346,
  TR019,
  TR063,
  TR071,
  TR074,
  TR326,
  TR382,
  TR413,
  TR414,
  TR415,
  TR333,
  TR338,
  TR304,
  TR339,
  TR340,
  TR341,
  TR307,
  TR308,
  TR321,
  TR322,
  TR323,
  TR314,
  TR387,
  TR388,
  TR389,
  TR390,
  TR418,
];

export const RULES_BY_CODE: ReadonlyMap<string, RuleDefinition> = new Map(
  RULES.map((rule) => [rule.code, rule]),
);
