/**
 * The rules of iWmo/iJw 3.2 across messages (berichtoverstijgend, externe bron) for the provider
 * messages 305, 307 and 323: each compares one line of the message with what the municipality
 * already knows (allocations, earlier starts and stops, earlier services, the contract tariff)
 * and fails that line's berichtklasse with the rule's own return code.
 */
import { isIsoDate } from '../../../shared/identifiers.js';
import { toEpochDay } from '../../cases/calendar-date.js';
import type {
  CareStartLine,
  CareStartMessage,
  CareStopLine,
  CareStopMessage,
  ClaimedService,
  ClaimMessage,
} from '../codec/provider-messages.js';
import type { Standard } from '../standard/model.js';
import {
  TR019,
  TR063,
  TR071,
  TR074,
  TR135,
  TR304,
  TR307,
  TR308,
  TR314,
  TR321,
  TR322,
  TR323,
  TR326,
  TR333,
  TR338,
  TR339,
  TR340,
  TR341,
  TR346,
  TR382,
  TR387,
  TR388,
  TR389,
  TR390,
  TR413,
  TR414,
  TR415,
  TR418,
} from './catalogue.js';
import type {
  AllocationFacts,
  CareMessageFacts,
  CareReportFacts,
  ClaimFacts,
  PriorServiceFacts,
} from './facts.js';
import {
  amountMatchesTariff,
  DATED_ON_PATH,
  EURO_UNIT,
  euro,
  firstDayOfMonth,
  HOUR_UNIT,
  lastDayOfMonth,
  MINUTE_UNIT,
  named,
  roundHalfUp,
  serviceKey,
  unitLabel,
  volumeLabel,
} from './message-rules.js';
import { finding, HEADER_PATH, type RuleFinding } from './rule.js';

type Maybe = RuleFinding | undefined;

export type CareMessage =
  | ({ readonly type: '305' } & CareStartMessage)
  | ({ readonly type: '307' } & CareStopMessage);

/** RedenBeeindiging 20: levering is tijdelijk beëindigd (WMO588, JZ588). */
const TEMPORARY_STOP = '20';

// Start and stop of care.

export function checkCareRules(message: CareMessage, facts: CareMessageFacts): RuleFinding[] {
  const bsn = message.client.bsn;
  const header = tr135(message.header.datedOn, facts.today);
  if (message.type === '305') {
    return present([header, ...message.lines.flatMap((line) => checkStartLine(line, bsn, facts))]);
  }
  return present([header, ...message.lines.flatMap((line) => checkStopLine(line, bsn, facts))]);
}

function checkStartLine(line: CareStartLine, bsn: string, facts: CareMessageFacts): Maybe[] {
  // A withdrawal needs no checks on content beyond the earlier delivery it withdraws (TR063).
  if (line.status === '3')
    return [tr063(line, bsn, facts, startsOf(line, facts.reports)), tr071(line, facts.reports)];
  const unrelated = tr019(line, bsn, facts.allocations);
  // The other rules are about the allocation's starts; without the allocation they say nothing new.
  if (unrelated !== undefined) return [unrelated];
  return [
    line.status === '1' ? tr074(line, startsOf(line, facts.reports)) : undefined,
    tr326(line, facts.reports),
  ];
}

function checkStopLine(line: CareStopLine, bsn: string, facts: CareMessageFacts): Maybe[] {
  if (line.status === '3') return [tr063(line, bsn, facts, sameStops(line, facts.reports))];
  const unrelated = tr019(line, bsn, facts.allocations);
  if (unrelated !== undefined) return [unrelated];
  const earlierStops = stopsOf(line, facts.reports);
  return [
    tr382(line, facts.reports),
    line.status === '1' ? tr074(line, sameStops(line, facts.reports)) : undefined,
    tr413(line, earlierStops),
    tr414(line, earlierStops),
    tr415(line, earlierStops),
  ];
}

/** Earlier starts with this line's key: BSN and product follow from the allocation number. */
function startsOf(line: CareStartLine, reports: readonly CareReportFacts[]): CareReportFacts[] {
  return reportsOf('start', line, reports);
}

/** Earlier stops of the start this line stops. */
function stopsOf(line: CareStartLine, reports: readonly CareReportFacts[]): CareReportFacts[] {
  return reportsOf('stop', line, reports);
}

function reportsOf(
  kind: CareReportFacts['kind'],
  line: CareStartLine,
  reports: readonly CareReportFacts[],
): CareReportFacts[] {
  return reports.filter(
    (report) =>
      report.kind === kind &&
      report.allocationNumber === line.allocationNumber &&
      report.startDate === line.startDate,
  );
}

/** Earlier stops with the whole key of this stop, RedenBeeindiging and Einddatum included. */
function sameStops(line: CareStopLine, reports: readonly CareReportFacts[]): CareReportFacts[] {
  return stopsOf(line, reports).filter(
    (report) => report.endDate === line.endDate && report.reason === line.reason,
  );
}

function tr135(datedOn: string, today: string): Maybe {
  if (datedOn <= today) return undefined;
  return finding(
    TR135,
    DATED_ON_PATH,
    HEADER_PATH,
    `Dagtekening ${datedOn} van het bericht ligt in de toekomst (vandaag is ${today}).`,
  );
}

/**
 * Strict reading: besides number and client, the line's Product and ToewijzingIngangsdatum must
 * be the allocation's (IV075: a start or stop carries the product of the 301 unchanged). A line
 * without ToewijzingNummer cannot be related; Regiekamer always allocates with a 301.
 */
function tr019(line: CareStartLine, bsn: string, allocations: ReadonlyMap<number, AllocationFacts>): Maybe {
  const path = `${line.path}/ToewijzingNummer`;
  const number = line.allocationNumber;
  if (number === undefined) {
    return finding(
      TR019,
      path,
      line.path,
      'ToewijzingNummer ontbreekt; vul het nummer van de toewijzing uit het 301-bericht.',
    );
  }
  const allocation = allocations.get(number);
  if (allocation === undefined) {
    return finding(TR019, path, line.path, `Toewijzing ${number} is geen toewijzing van de gemeente aan u.`);
  }
  if (allocation.bsn !== bsn) {
    return finding(TR019, path, line.path, `Toewijzing ${number} hoort niet bij de cliënt met Bsn ${bsn}.`);
  }
  const category = line.productCategory ?? '';
  const code = line.productCode ?? null;
  if (category !== allocation.productCategory || code !== allocation.productCode) {
    return finding(
      TR019,
      `${line.path}/Product`,
      line.path,
      `Product ${productLabel(category, code)} komt niet overeen met het toegewezen product ${productLabel(allocation.productCategory, allocation.productCode)} van toewijzing ${number}.`,
    );
  }
  if (line.allocationStartDate !== undefined && line.allocationStartDate !== allocation.startDate) {
    return finding(
      TR019,
      `${line.path}/ToewijzingIngangsdatum`,
      line.path,
      `ToewijzingIngangsdatum ${line.allocationStartDate} komt niet overeen met de ingangsdatum ${allocation.startDate} van toewijzing ${number}.`,
    );
  }
  return undefined;
}

function tr063(
  line: CareStartLine,
  bsn: string,
  facts: CareMessageFacts,
  earlier: readonly CareReportFacts[],
): Maybe {
  const number = line.allocationNumber;
  const ownAllocation = number !== undefined && facts.allocations.get(number)?.bsn === bsn;
  if (ownAllocation && earlier.length > 0) return undefined;
  const what = 'endDate' in line ? 'stop' : 'start';
  return finding(
    TR063,
    `${line.path}/StatusAanlevering`,
    line.path,
    `Er is geen eerdere ${what} met deze sleutel (toewijzing ${number ?? 'onbekend'}, begindatum ${line.startDate}) om te verwijderen.`,
  );
}

function tr071(line: CareStartLine, reports: readonly CareReportFacts[]): Maybe {
  const stop = stopsOf(line, reports)[0];
  if (stop === undefined) return undefined;
  return finding(
    TR071,
    `${line.path}/StatusAanlevering`,
    line.path,
    `De start van toewijzing ${line.allocationNumber} op ${line.startDate} kan niet verwijderd worden: de zorg is al gestopt per ${stop.endDate ?? 'onbekende datum'}. Verwijder eerst de stop.`,
  );
}

function tr074(line: CareStartLine, earlier: readonly CareReportFacts[]): Maybe {
  if (earlier.length === 0) return undefined;
  const what = 'endDate' in line ? 'stop' : 'start';
  return finding(
    TR074,
    line.path,
    line.path,
    `Er is al een ${what} ontvangen met dezelfde sleutel (toewijzing ${line.allocationNumber}, begindatum ${line.startDate}); stuur een nieuwe aanlevering niet opnieuw.`,
  );
}

function tr326(line: CareStartLine, reports: readonly CareReportFacts[]): Maybe {
  const current = reports.find(
    (report) =>
      report.kind === 'start' &&
      report.allocationNumber === line.allocationNumber &&
      !reports.some(
        (stop) =>
          stop.kind === 'stop' &&
          stop.allocationNumber === report.allocationNumber &&
          stop.startDate === report.startDate,
      ),
  );
  if (current === undefined) return undefined;
  return finding(
    TR326,
    line.path,
    line.path,
    `Toewijzing ${line.allocationNumber} heeft al een lopende start per ${current.startDate}; stuur eerst een stopbericht voordat u opnieuw start.`,
  );
}

/** Only the start has to exist: a temporary stop may be followed by a definitive one (TR413–TR415). */
function tr382(line: CareStopLine, reports: readonly CareReportFacts[]): Maybe {
  if (startsOf(line, reports).length > 0) return undefined;
  return finding(
    TR382,
    `${line.path}/Begindatum`,
    line.path,
    `Er is geen actuele start van toewijzing ${line.allocationNumber} met begindatum ${line.startDate}; neem de sleutel van het startbericht ongewijzigd over.`,
  );
}

function tr413(line: CareStopLine, earlierStops: readonly CareReportFacts[]): Maybe {
  if (line.reason !== TEMPORARY_STOP) return undefined;
  const temporary = earlierStops.find((stop) => stop.reason === TEMPORARY_STOP);
  if (temporary === undefined) return undefined;
  return finding(
    TR413,
    `${line.path}/RedenBeeindiging`,
    line.path,
    `De levering van toewijzing ${line.allocationNumber} met begindatum ${line.startDate} is al tijdelijk gestopt per ${temporary.endDate ?? 'onbekende datum'}; een tweede tijdelijke stop (reden 20) kan niet. Stop definitief of start opnieuw.`,
  );
}

function tr414(line: CareStopLine, earlierStops: readonly CareReportFacts[]): Maybe {
  const latest = earlierStops.reduce<string | undefined>(
    (max, stop) => (stop.endDate !== null && (max === undefined || stop.endDate > max) ? stop.endDate : max),
    undefined,
  );
  if (latest === undefined || line.endDate >= latest) return undefined;
  return finding(
    TR414,
    `${line.path}/Einddatum`,
    line.path,
    `Einddatum ${line.endDate} ligt vóór de einddatum ${latest} van de eerdere stop van toewijzing ${line.allocationNumber} met begindatum ${line.startDate}.`,
  );
}

function tr415(line: CareStopLine, earlierStops: readonly CareReportFacts[]): Maybe {
  const definitive = earlierStops.find((stop) => stop.reason !== TEMPORARY_STOP);
  if (definitive === undefined) return undefined;
  return finding(
    TR415,
    line.path,
    line.path,
    `De levering van toewijzing ${line.allocationNumber} met begindatum ${line.startDate} is al definitief gestopt per ${definitive.endDate ?? 'onbekende datum'} (reden ${definitive.reason ?? 'onbekend'}).`,
  );
}

// Claim.

interface ClaimContext {
  readonly message: ClaimMessage;
  readonly facts: ClaimFacts;
  /** The first service in the message with each reference number. */
  readonly firstByReference: ReadonlyMap<string, ClaimedService>;
  /** Reference numbers this message credits. */
  readonly creditedHere: ReadonlySet<string>;
  /** Approved earlier credits by the reference number they credit. */
  readonly priorCredits: ReadonlyMap<string, PriorServiceFacts>;
  /** Approved earlier debits by allocation, product and period. */
  readonly priorDebits: ReadonlyMap<string, readonly PriorServiceFacts[]>;
}

export function checkClaimRules(message: ClaimMessage, facts: ClaimFacts): RuleFinding[] {
  const context = claimContext(message, facts);
  return present([
    tr135(message.header.datedOn, facts.today),
    tr333(message, facts),
    ...message.services.flatMap((service) => checkService(service, context)),
    ...tr322(message, facts),
  ]);
}

function claimContext(message: ClaimMessage, facts: ClaimFacts): ClaimContext {
  const firstByReference = new Map<string, ClaimedService>();
  for (const service of message.services) {
    if (!firstByReference.has(service.referenceNumber))
      firstByReference.set(service.referenceNumber, service);
  }
  const creditedHere = new Set<string>();
  for (const service of message.services) {
    if (service.debitCredit === 'C' && service.previousReferenceNumber !== undefined) {
      creditedHere.add(service.previousReferenceNumber);
    }
  }
  const priorCredits = new Map<string, PriorServiceFacts>();
  const priorDebits = new Map<string, PriorServiceFacts[]>();
  for (const prior of facts.priorServices.values()) {
    // A rejected service changed nothing, so it neither blocks a new debit nor counts as credited.
    if (!prior.approved) continue;
    if (prior.debitCredit === 'C' && prior.previousReferenceNumber !== null) {
      priorCredits.set(prior.previousReferenceNumber, prior);
    } else if (prior.debitCredit === 'D') {
      const key = serviceKey(prior);
      priorDebits.set(key, [...(priorDebits.get(key) ?? []), prior]);
    }
  }
  return { message, facts, firstByReference, creditedHere, priorCredits, priorDebits };
}

function checkService(service: ClaimedService, context: ClaimContext): Maybe[] {
  const references = [
    tr314(service, context),
    tr323(service, context),
    tr390(service, context),
    tr389(service, context),
  ];
  const allocation = context.facts.allocations.get(service.allocationNumber);
  if (allocation === undefined) return [tr338(service), ...references];
  return [
    ...references,
    tr304(service, allocation),
    tr339(service, allocation),
    tr340(service, allocation),
    tr341(service, allocation),
    tr307(service, allocation),
    tr308(service, allocation),
    tr387(service, allocation),
    tr388(service, allocation),
    tr321(service, allocation, context.message.kind.standard),
    tr418(service, allocation),
    tr346(service, allocation),
  ];
}

function tr333(message: ClaimMessage, facts: ClaimFacts): Maybe {
  if (!facts.claimNumberUsed) return undefined;
  return finding(
    TR333,
    'Bericht/Declaratie/DeclaratieNummer',
    HEADER_PATH,
    `DeclaratieNummer ${message.claimNumber} heeft u al eerder gebruikt; geef elke declaratie een nieuw nummer.`,
  );
}

function tr338(service: ClaimedService): Maybe {
  return finding(
    TR338,
    `${service.path}/ToewijzingNummer`,
    service.path,
    `Toewijzing ${service.allocationNumber} van ${named(service)} is geen toewijzing van de gemeente aan u.`,
  );
}

function tr304(service: ClaimedService, allocation: AllocationFacts): Maybe {
  if (allocation.bsn === service.bsn) return undefined;
  return finding(
    TR304,
    `${service.clientPath}/Bsn`,
    service.path,
    `Toewijzing ${allocation.allocationNumber} van ${named(service)} hoort niet bij de cliënt met Bsn ${service.bsn}.`,
  );
}

function tr339(service: ClaimedService, allocation: AllocationFacts): Maybe {
  // "indien deze opgenomen is": a generic allocation has no category to copy.
  if (allocation.productCategory === '' || service.productCategory === allocation.productCategory)
    return undefined;
  return finding(
    TR339,
    `${service.path}/ProductCategorie`,
    service.path,
    `ProductCategorie ${service.productCategory} van ${named(service)} is niet de toegewezen categorie ${allocation.productCategory} van toewijzing ${allocation.allocationNumber}.`,
  );
}

function tr340(service: ClaimedService, allocation: AllocationFacts): Maybe {
  if (allocation.productCode === null || service.productCode === allocation.productCode) return undefined;
  return finding(
    TR340,
    `${service.path}/ProductCode`,
    service.path,
    `ProductCode ${service.productCode} van ${named(service)} is niet de toegewezen productcode ${allocation.productCode} van toewijzing ${allocation.allocationNumber}.`,
  );
}

function tr341(service: ClaimedService, allocation: AllocationFacts): Maybe {
  if (unitFactor(service.unit, allocation.unit) !== undefined) return undefined;
  return finding(
    TR341,
    `${service.path}/Eenheid`,
    service.path,
    `Eenheid ${unitLabel(service.unit)} van ${named(service)} past niet bij eenheid ${unitLabel(allocation.unit)} van toewijzing ${allocation.allocationNumber}.`,
  );
}

function tr307(service: ClaimedService, allocation: AllocationFacts): Maybe {
  if (service.periodStart >= allocation.startDate) return undefined;
  return finding(
    TR307,
    `${service.path}/ProductPeriode/Begindatum`,
    service.path,
    `Begindatum ${service.periodStart} van ${named(service)} ligt vóór de ingangsdatum ${allocation.startDate} van toewijzing ${allocation.allocationNumber}.`,
  );
}

function tr308(service: ClaimedService, allocation: AllocationFacts): Maybe {
  if (allocation.endDate === null || service.periodEnd <= allocation.endDate) return undefined;
  return finding(
    TR308,
    `${service.path}/ProductPeriode/Einddatum`,
    service.path,
    `Einddatum ${service.periodEnd} van ${named(service)} ligt na de einddatum ${allocation.endDate} van toewijzing ${allocation.allocationNumber}.`,
  );
}

function tr387(service: ClaimedService, allocation: AllocationFacts): Maybe {
  const first = firstDayOfMonth(service.periodStart);
  const startsLaterThisMonth =
    allocation.startDate > first && allocation.startDate.slice(0, 7) === first.slice(0, 7);
  const expected = startsLaterThisMonth ? allocation.startDate : first;
  if (service.periodStart === expected) return undefined;
  return finding(
    TR387,
    `${service.path}/ProductPeriode/Begindatum`,
    service.path,
    `Begindatum ${service.periodStart} van ${named(service)} moet ${expected} zijn: de eerste dag van de maand, of de ingangsdatum van toewijzing ${allocation.allocationNumber} als die later in de maand ligt.`,
  );
}

function tr388(service: ClaimedService, allocation: AllocationFacts): Maybe {
  const last = lastDayOfMonth(service.periodEnd);
  const end = allocation.endDate;
  const endsEarlierThisMonth = end !== null && end < last && end.slice(0, 7) === last.slice(0, 7);
  const expected = endsEarlierThisMonth ? end : last;
  if (service.periodEnd === expected) return undefined;
  return finding(
    TR388,
    `${service.path}/ProductPeriode/Einddatum`,
    service.path,
    `Einddatum ${service.periodEnd} van ${named(service)} moet ${expected} zijn: de laatste dag van de maand, of de einddatum van toewijzing ${allocation.allocationNumber} als die eerder in de maand ligt.`,
  );
}

function tr321(service: ClaimedService, allocation: AllocationFacts, standard: Standard): Maybe {
  const factor = unitFactor(service.unit, allocation.unit);
  if (!hasOmvang(allocation) || factor === undefined) return undefined;
  const from = service.periodStart > allocation.startDate ? service.periodStart : allocation.startDate;
  const to =
    allocation.endDate !== null && allocation.endDate < service.periodEnd
      ? allocation.endDate
      : service.periodEnd;
  // Outside the allocation TR307/TR308 already speak.
  if (to < from) return undefined;
  const maximum = maximumInPeriod(allocation, from, to, standard);
  if (maximum === undefined || service.deliveredVolume <= maximum.volume * factor) return undefined;
  return finding(
    TR321,
    `${service.path}/GeleverdVolume`,
    service.path,
    `GeleverdVolume ${volumeLabel(service.deliveredVolume, service.unit)} van ${named(service)} past niet binnen toewijzing ${allocation.allocationNumber}: maximaal ${volumeLabel(maximum.volume * factor, service.unit)} van ${from} t/m ${to} (${omvangLabel(allocation)}${maximum.how}).`,
  );
}

/**
 * TR322: earlier approved services plus this message, credits subtracted, against the maximum
 * over the whole allocation. Credits in this message count first (they correct earlier
 * services); the debits then count in message order, and each one that takes the total over the
 * maximum gets the finding. PriorServiceFacts carries no unit, so earlier volumes are read in the
 * allocation's unit.
 */
function tr322(message: ClaimMessage, facts: ClaimFacts): RuleFinding[] {
  const byAllocation = new Map<number, ClaimedService[]>();
  for (const service of message.services) {
    byAllocation.set(service.allocationNumber, [
      ...(byAllocation.get(service.allocationNumber) ?? []),
      service,
    ]);
  }
  return [...byAllocation].flatMap(([number, services]) => {
    const allocation = facts.allocations.get(number);
    return allocation === undefined ? [] : tr322OnAllocation(allocation, services, facts);
  });
}

function tr322OnAllocation(
  allocation: AllocationFacts,
  services: readonly ClaimedService[],
  facts: ClaimFacts,
): RuleFinding[] {
  const maximum = hasOmvang(allocation) ? maximumOverAllocation(allocation) : undefined;
  if (maximum === undefined) return [];
  // Hours are summed in minutes when the provider declares (some of) them in minutes.
  const base =
    allocation.unit === HOUR_UNIT && services.some((service) => service.unit === MINUTE_UNIT)
      ? MINUTE_UNIT
      : allocation.unit;
  const inBase = (volume: number, unit: string): number | undefined => {
    if (unit === base) return volume;
    return unit === HOUR_UNIT && base === MINUTE_UNIT ? volume * 60 : undefined;
  };
  const limit = inBase(maximum, allocation.unit) ?? maximum;
  let total = 0;
  for (const prior of facts.priorServices.values()) {
    if (!prior.approved || prior.allocationNumber !== allocation.allocationNumber) continue;
    const volume = inBase(prior.deliveredVolume, allocation.unit) ?? 0;
    total += prior.debitCredit === 'C' ? -volume : volume;
  }
  for (const service of services) {
    if (service.debitCredit === 'C') total -= inBase(service.deliveredVolume, service.unit) ?? 0;
  }
  const findings: RuleFinding[] = [];
  for (const service of services) {
    const volume = service.debitCredit === 'D' ? inBase(service.deliveredVolume, service.unit) : undefined;
    if (volume === undefined) continue;
    total += volume;
    if (total <= limit) continue;
    findings.push(
      finding(
        TR322,
        `${service.path}/GeleverdVolume`,
        service.path,
        `Met ${named(service)} komt het gedeclareerde volume op toewijzing ${allocation.allocationNumber} op ${volumeLabel(total, base)}, meer dan de ${volumeLabel(limit, base)} die over de looptijd ${allocation.startDate} t/m ${allocation.endDate ?? 'onbepaald'} is toegewezen (${omvangLabel(allocation)}).`,
      ),
    );
  }
  return findings;
}

/** Every earlier service counts, a rejected one too: the number is unique over all versions (Toelichting). */
function tr314(service: ClaimedService, context: ClaimContext): Maybe {
  const path = `${service.path}/ProductReferentie/ReferentieNummer`;
  const first = context.firstByReference.get(service.referenceNumber);
  if (first !== undefined && first !== service) {
    return finding(
      TR314,
      path,
      service.path,
      `ReferentieNummer ${service.referenceNumber} staat al bij een eerdere prestatie in dit bericht; elk ReferentieNummer is uniek.`,
    );
  }
  if (context.facts.priorServices.has(service.referenceNumber)) {
    return finding(
      TR314,
      path,
      service.path,
      `ReferentieNummer ${service.referenceNumber} heeft u al eerder aangeleverd; geef elke prestatie, ook een correctie, een nieuw ReferentieNummer.`,
    );
  }
  return undefined;
}

/**
 * Strict reading of "op basis van sleutelvelden": the credited debit must be an approved debit for
 * the same allocation, product and ProductPeriode (the TR389 Toelichting pairs them by period).
 */
function tr323(service: ClaimedService, context: ClaimContext): Maybe {
  const previous = service.previousReferenceNumber;
  // A credit without VorigReferentieNummer is CD060's finding.
  if (service.debitCredit !== 'C' || previous === undefined) return undefined;
  const path = `${service.path}/ProductReferentie/VorigReferentieNummer`;
  const debit = context.facts.priorServices.get(previous);
  const problem =
    debit === undefined
      ? `er is geen eerdere prestatie ${previous}`
      : debit.debitCredit !== 'D'
        ? `prestatie ${previous} is zelf een creditprestatie`
        : !debit.approved
          ? `prestatie ${previous} is afgewezen`
          : serviceKey(debit) !== serviceKey(service)
            ? `prestatie ${previous} was voor toewijzing ${debit.allocationNumber}, product ${debit.productCategory}/${debit.productCode}, ${debit.periodStart} t/m ${debit.periodEnd}`
            : undefined;
  if (problem === undefined) return undefined;
  return finding(
    TR323,
    path,
    service.path,
    `Creditprestatie ${service.referenceNumber} crediteert geen goedgekeurde debetprestatie met dezelfde toewijzing, product en periode: ${problem}.`,
  );
}

function tr390(service: ClaimedService, context: ClaimContext): Maybe {
  const previous = service.previousReferenceNumber;
  if (service.debitCredit !== 'C' || previous === undefined) return undefined;
  const credit = context.priorCredits.get(previous);
  if (credit === undefined) return undefined;
  return finding(
    TR390,
    `${service.path}/IngediendBedrag/DebetCredit`,
    service.path,
    `Prestatie ${previous} is al gecrediteerd met prestatie ${credit.referenceNumber}; een prestatie kan maar één keer gecrediteerd worden.`,
  );
}

function tr389(service: ClaimedService, context: ClaimContext): Maybe {
  if (service.debitCredit !== 'D') return undefined;
  const open = (context.priorDebits.get(serviceKey(service)) ?? []).find(
    (debit) =>
      debit.referenceNumber !== service.referenceNumber &&
      !context.priorCredits.has(debit.referenceNumber) &&
      !context.creditedHere.has(debit.referenceNumber),
  );
  if (open === undefined) return undefined;
  return finding(
    TR389,
    service.path,
    service.path,
    `Toewijzing ${service.allocationNumber}, product ${service.productCategory}/${service.productCode}, ${service.periodStart} t/m ${service.periodEnd} is al gedeclareerd met prestatie ${open.referenceNumber}; crediteer die eerst voordat u opnieuw declareert.`,
  );
}

/** No contract tariff on record leaves nothing to compare with. */
function tr418(service: ClaimedService, allocation: AllocationFacts): Maybe {
  const contract = allocation.contractTariffCents;
  const factor = unitFactor(service.unit, allocation.unit);
  if (service.tariffCents === undefined || contract === null || factor === undefined) return undefined;
  // IV081: an hourly tariff declared per minute is divided by 60 and rounded to whole cents.
  const expected = factor === 1 ? contract : roundHalfUp(contract / factor);
  if (service.tariffCents === expected) return undefined;
  const per = factor === 1 ? '' : ` (uurtarief ${euro(contract)} gedeeld door 60, afgerond)`;
  return finding(
    TR418,
    `${service.path}/ProductTarief`,
    service.path,
    `ProductTarief ${euro(service.tariffCents)} van ${named(service)} is niet het contractuele tarief ${euro(expected)}${per} voor product ${service.productCode}.`,
  );
}

/**
 * TR346 with the contract (the rule's external source): declared in minutes against an hourly
 * contract tariff, the amount must be (hourly tariff × minutes) / 60 rounded (IV081). Runs only
 * where the message-only check passed, so a Prestatie never gets TR346 twice.
 */
function tr346(service: ClaimedService, allocation: AllocationFacts): Maybe {
  const contract = allocation.contractTariffCents;
  if (service.unit !== MINUTE_UNIT || allocation.unit !== HOUR_UNIT || contract === null) return undefined;
  if (!amountMatchesTariff(service)) return undefined;
  const expected = roundHalfUp((contract * service.deliveredVolume) / 60);
  if (service.amountCents === expected) return undefined;
  return finding(
    TR346,
    `${service.path}/IngediendBedrag/Bedrag`,
    service.path,
    `IngediendBedrag ${euro(service.amountCents)} van ${named(service)} moet ${euro(expected)} zijn: uurtarief ${euro(contract)} × ${service.deliveredVolume} minuten / 60, afgerond (IV081).`,
  );
}

// Omvang: the maximum volume, in the allocation's unit.

/**
 * An allocation has an Omvang exactly when it names a product code: since 2021 an allocation of a
 * category or a budget carries none (CD095, TR375, TR412), and AllocationFacts has no flag for it.
 */
function hasOmvang(allocation: AllocationFacts): boolean {
  return allocation.productCode !== null;
}

/** How many allocation units one declared unit is: 1, or 60 for minutes against hours (TR341, IV081). */
function unitFactor(serviceUnit: string, allocationUnit: string): number | undefined {
  if (serviceUnit === allocationUnit) return 1;
  if (serviceUnit === MINUTE_UNIT && allocationUnit === HOUR_UNIT) return 60;
  return undefined;
}

/** Outputgericht (IV076, IV077): units in stuks (output) or euro's; everything else is inspanningsgericht. */
function isOutputVariant(allocation: AllocationFacts): boolean {
  return allocation.unit === '82' || allocation.unit === EURO_UNIT;
}

const FREQUENCY_LABELS: Readonly<Record<string, string>> = {
  '1': 'per dag',
  '2': 'per week',
  '4': 'per maand',
  '6': 'in totaal binnen de looptijd',
};

function omvangLabel(allocation: AllocationFacts): string {
  const frequency = FREQUENCY_LABELS[allocation.frequency] ?? `frequentie ${allocation.frequency}`;
  return `${volumeLabel(allocation.volume, allocation.unit)} ${frequency}`;
}

/** The most an allocation allows in `from`..`to` (a product period within the allocation), with how it was counted. */
function maximumInPeriod(
  allocation: AllocationFacts,
  from: string,
  to: string,
  standard: Standard,
): { volume: number; how: string } | undefined {
  const first = epochDay(from);
  const last = epochDay(to);
  if (first === undefined || last === undefined) return undefined;
  switch (allocation.frequency) {
    case '1': {
      const days = last - first + 1;
      return { volume: allocation.volume * days, how: `, ${days} dagen` };
    }
    case '2': {
      // iWmo TR321: household help (category 01) per week may declare up to six weeks' volume per period.
      if (standard === 'iwmo' && allocation.productCategory === '01') {
        return { volume: allocation.volume * 6, how: ', huishoudelijke hulp: maximaal 6 weken' };
      }
      if (isOutputVariant(allocation)) {
        const weeks = sundaysBetween(first, last) + (lastBrokenWeekFallsIn(allocation, first, last) ? 1 : 0);
        return {
          volume: allocation.volume * weeks,
          how: `, ${weeks} weken volgens de zondagen in de periode (IV077)`,
        };
      }
      const weeks = calendarWeeksBetween(first, last);
      return { volume: allocation.volume * weeks, how: `, ${weeks} kalenderweken (IV077)` };
    }
    case '4': {
      const months = monthsBetween(from, to);
      return { volume: allocation.volume * months, how: months === 1 ? '' : `, ${months} maanden` };
    }
    case '6':
      return { volume: allocation.volume, how: '' };
    default:
      return undefined;
  }
}

/** The most an allocation allows over its whole term; none for an open-ended one unless it is a total. */
function maximumOverAllocation(allocation: AllocationFacts): number | undefined {
  if (allocation.frequency === '6') return allocation.volume;
  if (allocation.endDate === null) return undefined;
  const first = epochDay(allocation.startDate);
  const last = epochDay(allocation.endDate);
  if (first === undefined || last === undefined || last < first) return undefined;
  switch (allocation.frequency) {
    case '1':
      return allocation.volume * (last - first + 1);
    case '2': {
      const weeks = isOutputVariant(allocation)
        ? sundaysBetween(first, last) + (weekday(last) === SUNDAY ? 0 : 1)
        : calendarWeeksBetween(first, last);
      return allocation.volume * weeks;
    }
    case '4':
      return allocation.volume * monthsBetween(allocation.startDate, allocation.endDate);
    default:
      return undefined;
  }
}

/**
 * IV076/IV077 outputgericht: an allocation that does not end on a Sunday adds its last broken
 * week to the period that holds its last Sunday (or its start, when it has no Sunday at all).
 */
function lastBrokenWeekFallsIn(allocation: AllocationFacts, first: number, last: number): boolean {
  if (allocation.endDate === null) return false;
  const end = epochDay(allocation.endDate);
  const start = epochDay(allocation.startDate);
  if (end === undefined || start === undefined || weekday(end) === SUNDAY) return false;
  const lastSunday = end - weekday(end);
  const anchor = lastSunday < start ? start : lastSunday;
  return anchor >= first && anchor <= last;
}

const SUNDAY = 0;

/** 0 for Sunday to 6 for Saturday; day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function sundaysBetween(first: number, last: number): number {
  // Sundays are the days ≡ 3 (mod 7); count those up to `last` minus those before `first`.
  return Math.floor((last - 3) / 7) - Math.floor((first - 1 - 3) / 7);
}

/** Distinct calendar weeks (Monday to Sunday, as ISO week numbers count them) the days touch. */
function calendarWeeksBetween(first: number, last: number): number {
  const week = (day: number): number => Math.floor((day + 3) / 7);
  return week(last) - week(first) + 1;
}

function monthsBetween(from: string, to: string): number {
  const index = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** Day number of a date, or undefined outside the range calendar-date accepts (1800–9998). */
function epochDay(date: string): number | undefined {
  return isIsoDate(date) ? toEpochDay(date) : undefined;
}

function productLabel(category: string, code: string | null): string {
  if (category === '' && code === null) return '(geen product)';
  return code === null ? `categorie ${category}` : `${category}/${code}`;
}

function present(items: readonly Maybe[]): RuleFinding[] {
  return items.filter((item): item is RuleFinding => item !== undefined);
}
