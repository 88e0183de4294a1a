/**
 * The rules of iWmo/iJw 3.2 that one provider message (305, 307, 323) decides on its own: the
 * constraints and conditions (CS, CD) and the XSLT rules, which reject the whole message with
 * 0001, plus TR319 and TR346, which need nothing but the message and fail one Prestatie with
 * their own code.
 */
import { isValidBsn } from '../../../shared/identifiers.js';
import type {
  CareStartLine,
  CareStartMessage,
  CareStopLine,
  CareStopMessage,
  ClaimedService,
  ClaimMessage,
  DebitCredit,
  DecodedClient,
  ProviderMessage,
} from '../codec/provider-messages.js';
import { signedCents } from '../codec/provider-messages.js';
import {
  CD060,
  CD087,
  CS002,
  CS058,
  CS100,
  CS325,
  CS337,
  CS339,
  CS340,
  TR002,
  TR018,
  TR101,
  TR134,
  TR137,
  TR315,
  TR316,
  TR319,
  TR335,
  TR346,
  TR358,
  TR416,
} from './catalogue.js';
import { finding, HEADER_PATH, type RuleFinding } from './rule.js';

type Maybe = RuleFinding | undefined;

/** The client of a start or stop: BSN, and a birth date that is possible on the message's date. */
function clientRules(message: CareStartMessage | CareStopMessage): Maybe[] {
  return [
    cs002(message.client),
    tr002(message.client, message.header.datedOn),
    tr134(
      `${message.client.path}/Geboortedatum/Datum`,
      'Geboortedatum',
      message.client.dateOfBirth,
      message.header.datedOn,
    ),
  ];
}

export function checkMessageRules(message: ProviderMessage): RuleFinding[] {
  switch (message.type) {
    case '305':
      return present([
        ...clientRules(message),
        ...message.lines.flatMap((line) => [
          tr134(`${line.path}/Begindatum`, 'Begindatum', line.startDate, message.header.datedOn),
          cs058(line),
        ]),
        ...tr101(message.lines, startKey),
      ]);
    case '307':
      return present([
        ...clientRules(message),
        ...message.lines.flatMap((line) => [
          tr134(`${line.path}/Begindatum`, 'Begindatum', line.startDate, message.header.datedOn),
          tr134(`${line.path}/Einddatum`, 'Einddatum', line.endDate, message.header.datedOn),
          cs058(line),
          tr018(line),
        ]),
        ...tr101(message.lines, stopKey),
      ]);
    case '323':
      return checkClaim(message);
  }
}

function checkClaim(message: ClaimMessage): RuleFinding[] {
  const datedOn = message.header.datedOn;
  return present([
    ...message.clients.map(cs002),
    ...tr101(message.clients, (client) => client.bsn),
    ...message.clients.flatMap((client) =>
      tr101(
        message.services.filter((service) => service.clientPath === client.path),
        (service) => JSON.stringify([service.referenceNumber, service.previousReferenceNumber ?? null]),
      ),
    ),
    tr134(DECLARATION_PERIOD_START, 'Begindatum van de DeclaratiePeriode', message.periodStart, datedOn),
    tr134('Bericht/Declaratie/DeclaratieDagtekening', 'DeclaratieDagtekening', message.claimDatedOn, datedOn),
    tr137(
      'Bericht/Declaratie/DeclaratiePeriode/Einddatum',
      'DeclaratiePeriode',
      message.periodStart,
      message.periodEnd,
      datedOn,
    ),
    cs100(
      'Bericht/Declaratie/DeclaratiePeriode',
      'DeclaratiePeriode',
      message.periodStart,
      message.periodEnd,
    ),
    cs340(message),
    cs325(
      'Bericht/Declaratie/TotaalIngediendBedrag',
      'TotaalIngediendBedrag',
      message.totalCents,
      message.totalDebitCredit,
    ),
    tr358(message),
    ...tr315(message.services),
    ...tr316(message.services),
    ...tr416(message.services),
    ...message.services.flatMap((service) => [
      tr134(
        `${service.path}/ProductPeriode/Begindatum`,
        `Begindatum van ${named(service)}`,
        service.periodStart,
        datedOn,
      ),
      tr137(
        `${service.path}/ProductPeriode/Einddatum`,
        `ProductPeriode van ${named(service)}`,
        service.periodStart,
        service.periodEnd,
        datedOn,
      ),
      tr335(service, message.claimDatedOn),
      cs100(
        `${service.path}/ProductPeriode`,
        `ProductPeriode van ${named(service)}`,
        service.periodStart,
        service.periodEnd,
      ),
      cs337(service),
      cs325(
        `${service.path}/IngediendBedrag`,
        `IngediendBedrag van ${named(service)}`,
        service.amountCents,
        service.debitCredit,
      ),
      cs339(service),
      cd060(service),
      cd087(service),
      tr346(service),
      tr319(service, message),
    ]),
  ]);
}

const DECLARATION_PERIOD_START = 'Bericht/Declaratie/DeclaratiePeriode/Begindatum';
/** The header element TR135 is about. */
export const DATED_ON_PATH = 'Bericht/Header/BerichtIdentificatie/Dagtekening';
/** Eenheid 83: the volume is an amount in euro cents and there is no tariff (CD087, CS339). */
export const EURO_UNIT = '83';
export const MINUTE_UNIT = '01';
export const HOUR_UNIT = '04';
/** CS100: the standard's rules for claims hold from 2021 on. */
const FIRST_DECLARABLE_DATE = '2021-01-01';
/** Geboortedatum onbekend: DatumGebruik 3 with this date (TR002 Toelichting). */
const UNKNOWN_BIRTH_DATE = '1900-01-01';

// Constraints and conditions.

export function cs002(client: DecodedClient): Maybe {
  if (isValidBsn(client.bsn)) return undefined;
  return finding(CS002, `${client.path}/Bsn`, HEADER_PATH, `Bsn ${client.bsn} voldoet niet aan de elfproef.`);
}

function cs058(line: CareStartLine): Maybe {
  if (line.status === '1' || line.status === '3') return undefined;
  return finding(
    CS058,
    `${line.path}/StatusAanlevering`,
    HEADER_PATH,
    `StatusAanlevering ${line.status} is in een start- of stopbericht niet toegestaan; vul 1 (eerste aanlevering) of 3 (verwijderen aanlevering).`,
  );
}

function cs100(path: string, label: string, start: string, end: string): Maybe {
  if (start >= FIRST_DECLARABLE_DATE && end >= FIRST_DECLARABLE_DATE) return undefined;
  return finding(
    CS100,
    path,
    HEADER_PATH,
    `${label} ${start} t/m ${end} ligt (deels) vóór 2021-01-01; declareren kan vanaf 2021-01-01.`,
  );
}

function cs340(message: ClaimMessage): Maybe {
  const { periodStart: start, periodEnd: end } = message;
  if (start === firstDayOfMonth(start) && end === lastDayOfMonth(start)) return undefined;
  return finding(
    CS340,
    'Bericht/Declaratie/DeclaratiePeriode',
    HEADER_PATH,
    `DeclaratiePeriode ${start} t/m ${end} is niet precies één kalendermaand (bijvoorbeeld ${firstDayOfMonth(start)} t/m ${lastDayOfMonth(start)}).`,
  );
}

function cs337(service: ClaimedService): Maybe {
  if (service.periodStart.slice(0, 7) === service.periodEnd.slice(0, 7)) return undefined;
  return finding(
    CS337,
    `${service.path}/ProductPeriode/Einddatum`,
    HEADER_PATH,
    `Einddatum ${service.periodEnd} van ${named(service)} valt niet in dezelfde kalendermaand als Begindatum ${service.periodStart}; splits de prestatie per maand.`,
  );
}

function cs325(path: string, label: string, amountCents: number, debitCredit: DebitCredit): Maybe {
  if (amountCents !== 0 || debitCredit === 'D') return undefined;
  return finding(
    CS325,
    `${path}/DebetCredit`,
    HEADER_PATH,
    `${label} is 0 en moet dan Debet (D) zijn, niet Credit (C).`,
  );
}

function cs339(service: ClaimedService): Maybe {
  if (service.unit !== EURO_UNIT || service.amountCents === service.deliveredVolume) return undefined;
  return finding(
    CS339,
    `${service.path}/IngediendBedrag/Bedrag`,
    HEADER_PATH,
    `${capitalised(named(service))} heeft eenheid euro's; IngediendBedrag ${euro(service.amountCents)} moet dan gelijk zijn aan GeleverdVolume ${euro(service.deliveredVolume)}.`,
  );
}

function cd060(service: ClaimedService): Maybe {
  const path = `${service.path}/ProductReferentie/VorigReferentieNummer`;
  if (service.debitCredit === 'C' && service.previousReferenceNumber === undefined) {
    return finding(
      CD060,
      path,
      HEADER_PATH,
      `${capitalised(named(service))} is een creditprestatie zonder VorigReferentieNummer; vul daar het ReferentieNummer van de debetprestatie die u crediteert.`,
    );
  }
  if (service.debitCredit === 'D' && service.previousReferenceNumber !== undefined) {
    return finding(
      CD060,
      path,
      HEADER_PATH,
      `${capitalised(named(service))} is een debetprestatie en mag geen VorigReferentieNummer (${service.previousReferenceNumber}) hebben.`,
    );
  }
  return undefined;
}

function cd087(service: ClaimedService): Maybe {
  const path = `${service.path}/ProductTarief`;
  if (service.unit !== EURO_UNIT && service.tariffCents === undefined) {
    return finding(
      CD087,
      path,
      HEADER_PATH,
      `${capitalised(named(service))} heeft eenheid ${unitLabel(service.unit)} maar geen ProductTarief; dat is verplicht bij elke eenheid behalve euro's.`,
    );
  }
  if (service.unit === EURO_UNIT && service.tariffCents !== undefined) {
    return finding(
      CD087,
      path,
      HEADER_PATH,
      `${capitalised(named(service))} heeft eenheid euro's en mag dan geen ProductTarief (${euro(service.tariffCents)}) hebben.`,
    );
  }
  return undefined;
}

// Technical rules checked within the message.

/**
 * The codec does not carry DatumGebruik, so 1900-01-01 is taken as the standard's "onbekend"
 * marker; CS139 keeps that date and DatumGebruik 3 together.
 */
export function tr002(client: DecodedClient & { readonly dateOfBirth: string }, datedOn: string): Maybe {
  const dateOfBirth = client.dateOfBirth;
  if (dateOfBirth === UNKNOWN_BIRTH_DATE || addYears(dateOfBirth, 120) >= datedOn) return undefined;
  return finding(
    TR002,
    `${client.path}/Geboortedatum/Datum`,
    HEADER_PATH,
    `Geboortedatum ${dateOfBirth} ligt meer dan 120 jaar vóór de dagtekening ${datedOn}; vul bij een onbekende geboortedatum 1900-01-01 met DatumGebruik 3.`,
  );
}

function tr018(line: CareStopLine): Maybe {
  if (line.endDate >= line.startDate) return undefined;
  return finding(
    TR018,
    `${line.path}/Einddatum`,
    HEADER_PATH,
    `Einddatum ${line.endDate} ligt vóór Begindatum ${line.startDate} van de gestopte levering.`,
  );
}

/**
 * TR134 names no elements; it applies to the dates that record something that has already
 * happened when the message is sent: a birth date, the start and stop of care (the processes
 * have a provider report them once they happened), and in a claim the start of both
 * periods and the DeclaratieDagtekening. Their ends fall under TR137.
 */
function tr134(path: string, label: string, date: string, datedOn: string): Maybe {
  if (date <= datedOn) return undefined;
  return finding(
    TR134,
    path,
    HEADER_PATH,
    `${label} ${date} ligt na de dagtekening ${datedOn} van het bericht.`,
  );
}

function tr137(path: string, label: string, start: string, end: string, datedOn: string): Maybe {
  if (end < start) {
    return finding(
      TR137,
      path,
      HEADER_PATH,
      `Einddatum ${end} van de ${label} ligt vóór de Begindatum ${start}.`,
    );
  }
  if (end > datedOn) {
    return finding(
      TR137,
      path,
      HEADER_PATH,
      `Einddatum ${end} van de ${label} ligt na de dagtekening ${datedOn} van het bericht; declareer een periode pas als die voorbij is.`,
    );
  }
  return undefined;
}

/** Lines whose logical key (with the parents' keys) repeats an earlier line's. */
function tr101<T extends { readonly path: string }>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Maybe[] {
  const first = new Map<string, T>();
  return items.map((item) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, item);
      return undefined;
    }
    return finding(
      TR101,
      item.path,
      HEADER_PATH,
      `${item.path} heeft dezelfde sleutel als ${earlier.path}; dubbele regels zijn in één bericht niet toegestaan.`,
    );
  });
}

function startKey(line: CareStartLine): string {
  return JSON.stringify([
    line.allocationNumber ?? null,
    line.productCategory ?? null,
    line.productCode ?? null,
    line.startDate,
  ]);
}

function stopKey(line: CareStopLine): string {
  return JSON.stringify([startKey(line), line.reason, line.endDate]);
}

function tr335(service: ClaimedService, claimDatedOn: string): Maybe {
  if (addYears(service.periodEnd, 5) >= claimDatedOn) return undefined;
  return finding(
    TR335,
    `${service.path}/ProductPeriode/Einddatum`,
    HEADER_PATH,
    `Einddatum ${service.periodEnd} van ${named(service)} ligt meer dan 5 jaar vóór de DeclaratieDagtekening ${claimDatedOn}.`,
  );
}

function tr315(services: readonly ClaimedService[]): Maybe[] {
  const first = new Map<string, ClaimedService>();
  return services.map((service) => {
    const previous = service.previousReferenceNumber;
    if (previous === undefined) return undefined;
    const earlier = first.get(previous);
    if (earlier === undefined) {
      first.set(previous, service);
      return undefined;
    }
    return finding(
      TR315,
      `${service.path}/ProductReferentie/VorigReferentieNummer`,
      HEADER_PATH,
      `VorigReferentieNummer ${previous} van ${named(service)} staat ook bij ${named(earlier)}; een prestatie kan maar één keer gecrediteerd worden.`,
    );
  });
}

function tr316(services: readonly ClaimedService[]): Maybe[] {
  const references = new Set(services.map((service) => service.referenceNumber));
  return services.map((service) => {
    const previous = service.previousReferenceNumber;
    if (previous === undefined || !references.has(previous)) return undefined;
    return finding(
      TR316,
      `${service.path}/ProductReferentie/VorigReferentieNummer`,
      HEADER_PATH,
      `${capitalised(named(service))} crediteert prestatie ${previous} uit hetzelfde bericht; crediteer een prestatie pas in een volgend bericht.`,
    );
  });
}

function tr358(message: ClaimMessage): Maybe {
  const sum = message.services.reduce(
    (total, service) => total + signedCents(service.amountCents, service.debitCredit),
    0,
  );
  const total = signedCents(message.totalCents, message.totalDebitCredit);
  if (sum === total) return undefined;
  return finding(
    TR358,
    'Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag',
    HEADER_PATH,
    `TotaalIngediendBedrag ${signedEuro(total)} is niet gelijk aan de som van de prestaties ${signedEuro(sum)} (debet opgeteld, credit afgetrokken).`,
  );
}

function tr416(services: readonly ClaimedService[]): Maybe[] {
  const first = new Map<string, ClaimedService>();
  return services.map((service) => {
    if (service.debitCredit !== 'D') return undefined;
    const key = serviceKey(service);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, service);
      return undefined;
    }
    return finding(
      TR416,
      service.path,
      HEADER_PATH,
      `${capitalised(named(service))} declareert toewijzing ${service.allocationNumber}, product ${service.productCategory}/${service.productCode}, ${service.periodStart} t/m ${service.periodEnd} opnieuw; dat staat al in ${named(earlier)}.`,
    );
  });
}

/** What identifies one delivery: the same allocation, product and product period (TR389, TR416). */
export function serviceKey(service: {
  readonly allocationNumber: number;
  readonly productCategory: string;
  readonly productCode: string;
  readonly periodStart: string;
  readonly periodEnd: string;
}): string {
  return JSON.stringify([
    service.allocationNumber,
    service.productCategory,
    service.productCode,
    service.periodStart,
    service.periodEnd,
  ]);
}

// Rules with their own return code that need only the message.

function tr319(service: ClaimedService, message: ClaimMessage): Maybe {
  if (service.periodEnd <= message.periodEnd) return undefined;
  return finding(
    TR319,
    `${service.path}/ProductPeriode`,
    service.path,
    `ProductPeriode ${service.periodStart} t/m ${service.periodEnd} van ${named(service)} valt na de declaratieperiode ${message.periodStart} t/m ${message.periodEnd}; declareer alleen zorg uit deze of een eerdere declaratieperiode.`,
  );
}

function tr346(service: ClaimedService): Maybe {
  if (amountMatchesTariff(service)) return undefined;
  const tariff = service.tariffCents ?? 0;
  const hourly =
    service.unit === MINUTE_UNIT
      ? ' Ook een uurtarief dat afgerond op dit minuuttarief uitkomt, geeft dit bedrag niet (IV081).'
      : '';
  return finding(
    TR346,
    `${service.path}/IngediendBedrag/Bedrag`,
    service.path,
    `IngediendBedrag ${euro(service.amountCents)} van ${named(service)} is niet gelijk aan GeleverdVolume ${service.deliveredVolume} × ProductTarief ${euro(tariff)} = ${euro(service.deliveredVolume * tariff)}.${hourly}`,
  );
}

/**
 * TR346 with IV081. Declared in minutes against an hourly contract, ProductTarief is the hourly
 * tariff divided by 60 and rounded, and the amount is (hourly tariff × minutes) / 60 rounded; the
 * message does not carry the hourly tariff, so a minute amount passes when some hourly tariff
 * rounds to the stated minute tariff and gives the amount. The claim rules pin the amount
 * to the contract's hourly tariff when it is known.
 */
export function amountMatchesTariff(service: ClaimedService): boolean {
  // A missing tariff is CD087's finding, a euro amount CS339's.
  if (service.unit === EURO_UNIT || service.tariffCents === undefined) return true;
  if (service.amountCents === service.deliveredVolume * service.tariffCents) return true;
  return (
    service.unit === MINUTE_UNIT &&
    someHourlyTariffGives(service.deliveredVolume, service.tariffCents, service.amountCents)
  );
}

/** Whether an integer hourly tariff H has round(H / 60) = minuteTariff and round(H × minutes / 60) = amount. */
function someHourlyTariffGives(minutes: number, minuteTariff: number, amount: number): boolean {
  if (minutes === 0) return amount === 0;
  // round half up: round(x) = n exactly when n - 0.5 <= x < n + 0.5.
  const low = Math.max(0, 60 * minuteTariff - 30, Math.ceil((60 * amount - 30) / minutes));
  const high = Math.min(60 * minuteTariff + 29, Math.ceil((60 * amount + 30) / minutes) - 1);
  return low <= high;
}

/** Rounds half up ("volgens de rekenkundige regels", IV081) for the non-negative amounts of a claim. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

// Shared with the rules across messages: calendar arithmetic on ISO strings that never throws on
// a date the schema accepted, and the wording of values.

function present(items: readonly Maybe[]): RuleFinding[] {
  return items.filter((item): item is RuleFinding => item !== undefined);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function firstDayOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

export function lastDayOfMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const days = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${date.slice(0, 8)}${String(days).padStart(2, '0')}`;
}

/** The same day `years` later; 29 February becomes 1 March in a common year, when the years are full. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  if (rest === '-02-29' && !isLeapYear(year)) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}${rest}`;
}

const UNIT_LABELS: Readonly<Record<string, readonly [singular: string, plural: string]>> = {
  '01': ['minuut', 'minuten'],
  '04': ['uur', 'uur'],
  '14': ['etmaal', 'etmalen'],
  '16': ['dagdeel', 'dagdelen'],
  '82': ['stuk (output)', 'stuks (output)'],
  '83': ["euro's", "euro's"],
  '84': ['stuk (inspanning)', 'stuks (inspanning)'],
};

export function unitLabel(unit: string): string {
  return `${unit} (${UNIT_LABELS[unit]?.[0] ?? 'onbekende eenheid'})`;
}

/** A volume with its unit: "4 uur", "240 minuten", "€ 50,00". */
export function volumeLabel(volume: number, unit: string): string {
  if (unit === EURO_UNIT) return euro(volume);
  const labels = UNIT_LABELS[unit];
  if (labels === undefined) return `${volume} (eenheid ${unit})`;
  return `${volume} ${volume === 1 ? labels[0] : labels[1]}`;
}

export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  // Thousands grouped by hand: the notation must not depend on the ICU data Node was built with.
  const whole = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${sign}${whole},${String(absolute % 100).padStart(2, '0')}`;
}

function signedEuro(cents: number): string {
  return cents < 0 ? `${euro(-cents)} credit` : `${euro(cents)} debet`;
}

export function named(service: ClaimedService): string {
  return `prestatie ${service.referenceNumber}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
