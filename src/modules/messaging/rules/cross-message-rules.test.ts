/**
 * Rules across messages on the published iWmo and iJw examples, with facts built to match them:
 * each example passes, and for every rule one change to the facts or the message fails that
 * line's berichtklasse with exactly that rule, while the boundary case passes.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../cases/calendar-date.js';
import type { CareStopLine, ClaimedService } from '../codec/provider-messages.js';
import { checkCareRules, checkClaimRules } from './cross-message-rules.js';
import type {
  AllocationFacts,
  CareMessageFacts,
  CareReportFacts,
  ClaimFacts,
  PriorServiceFacts,
} from './facts.js';
import { lastDayOfMonth } from './message-rules.js';
import { HEADER_PATH, type RuleFinding } from './rule.js';
import { claimXml, decode, exampleXml, STANDARDS, summary, type Typed } from './rule-test-examples.js';

/** A date `months` calendar months later; a month's last day stays the last day. */
function shiftDate(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const month = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  const last = lastDayOfMonth(`${month}-01`);
  if (date === lastDayOfMonth(date)) return last;
  const day = `${month}-${date.slice(8, 10)}`;
  return day > last ? last : day;
}

function allocation(
  overrides: Partial<AllocationFacts> & Pick<AllocationFacts, 'allocationNumber' | 'bsn'>,
): AllocationFacts {
  return {
    productCategory: '01',
    productCode: null,
    startDate: '2021-01-01',
    endDate: null,
    volume: 3,
    unit: '04',
    frequency: '2',
    contractTariffCents: null,
    ...overrides,
  };
}

// Start and stop of care.

/** The provider's allocations as the lines of a start or stop name them. */
function careFacts(
  message: Typed<'305'> | Typed<'307'>,
  reports: readonly CareReportFacts[] = [],
): CareMessageFacts {
  const allocations = new Map<number, AllocationFacts>();
  for (const line of message.lines) {
    if (line.allocationNumber === undefined) continue;
    allocations.set(
      line.allocationNumber,
      allocation({
        allocationNumber: line.allocationNumber,
        bsn: message.client.bsn,
        productCategory: line.productCategory ?? '',
        productCode: line.productCode ?? null,
        startDate: line.allocationStartDate ?? '2021-01-01',
      }),
    );
  }
  return { allocations, reports, today: message.header.datedOn };
}

function start(allocationNumber: number | undefined, startDate: string): CareReportFacts {
  return { kind: 'start', allocationNumber: allocationNumber ?? -1, startDate, endDate: null, reason: null };
}

function stop(
  allocationNumber: number | undefined,
  startDate: string,
  endDate: string,
  reason: string,
): CareReportFacts {
  return { kind: 'stop', allocationNumber: allocationNumber ?? -1, startDate, endDate, reason };
}

function changedAllocation(
  facts: CareMessageFacts,
  number: number | undefined,
  changes: Partial<AllocationFacts>,
) {
  const allocations = new Map(facts.allocations);
  const found = number === undefined ? undefined : allocations.get(number);
  if (number === undefined || found === undefined) throw new Error(`Geen toewijzing ${number}`);
  allocations.set(number, { ...found, ...changes });
  return { ...facts, allocations };
}

describe.each(STANDARDS)('%s start zorg (305) across messages', (standard) => {
  const message = decode(standard, '305', exampleXml(standard, '305'));
  const facts = careFacts(message);
  const [first, second] = message.lines;
  if (first === undefined || second === undefined) throw new Error('Het voorbeeld heeft twee StartProducten');
  const withFirst = (changes: Partial<typeof first>) => ({
    ...message,
    lines: [{ ...first, ...changes }, second],
  });
  const number = first.allocationNumber;

  it('passes with the allocations it names', () => {
    expect(checkCareRules(message, facts)).toEqual([]);
  });

  it('TR135: a dagtekening in the future, on the header', () => {
    const findings = checkCareRules(message, { ...facts, today: addDays(message.header.datedOn, -1) });
    expect(summary(findings)).toEqual([['TR135', HEADER_PATH]]);
    expect(findings[0]?.rule.returnCode).toBe('8848');
    expect(findings[0]?.path).toBe('Bericht/Header/BerichtIdentificatie/Dagtekening');
  });

  it('TR019: the line relates to an allocation of this client by ToewijzingNummer', () => {
    const allocations = new Map(facts.allocations);
    allocations.delete(number ?? -1);
    const unknown = checkCareRules(message, { ...facts, allocations });
    expect(summary(unknown)).toEqual([['TR019', first.path]]);
    expect(unknown[0]?.message).toContain(String(number));
    const otherClient = changedAllocation(facts, number, { bsn: '999900018' });
    expect(summary(checkCareRules(message, otherClient))).toEqual([['TR019', first.path]]);
    const otherProduct = changedAllocation(facts, number, { productCode: second.productCode ?? null });
    expect(summary(checkCareRules(message, otherProduct))).toEqual([['TR019', first.path]]);
    const otherDate = changedAllocation(facts, number, {
      startDate: addDays(first.allocationStartDate ?? '', -1),
    });
    expect(summary(checkCareRules(message, otherDate))).toEqual([['TR019', first.path]]);
    expect(summary(checkCareRules(withFirst({ allocationNumber: undefined }), facts))).toEqual([
      ['TR019', first.path],
    ]);
  });

  it('TR063: a withdrawal needs the start it withdraws', () => {
    const withdrawal = withFirst({ status: '3' });
    const findings = checkCareRules(withdrawal, facts);
    expect(summary(findings)).toEqual([['TR063', first.path]]);
    expect(findings[0]?.rule.returnCode).toBe('9063');
    expect(checkCareRules(withdrawal, { ...facts, reports: [start(number, first.startDate)] })).toEqual([]);
  });

  it('TR071: a start cannot be withdrawn once it was stopped', () => {
    const withdrawal = withFirst({ status: '3' });
    const stopped = [
      start(number, first.startDate),
      stop(number, first.startDate, message.header.datedOn, '31'),
    ];
    expect(summary(checkCareRules(withdrawal, { ...facts, reports: stopped }))).toEqual([
      ['TR071', first.path],
    ]);
  });

  it('TR074: a first delivery of a key already received', () => {
    const again = [
      start(number, first.startDate),
      stop(number, first.startDate, message.header.datedOn, '31'),
    ];
    expect(summary(checkCareRules(message, { ...facts, reports: again }))).toEqual([['TR074', first.path]]);
    const restart = [
      start(number, addDays(first.startDate, -2)),
      stop(number, addDays(first.startDate, -2), addDays(first.startDate, -1), '20'),
    ];
    expect(checkCareRules(message, { ...facts, reports: restart })).toEqual([]);
  });

  it('TR326: no new start while a start on the allocation is current', () => {
    const earlier = addDays(first.startDate, -2);
    const findings = checkCareRules(message, { ...facts, reports: [start(number, earlier)] });
    expect(summary(findings)).toEqual([['TR326', first.path]]);
    expect(findings[0]?.message).toContain(earlier);
    // A temporary stop ends the current start too.
    const paused = [start(number, earlier), stop(number, earlier, earlier, '20')];
    expect(checkCareRules(message, { ...facts, reports: paused })).toEqual([]);
  });
});

describe.each(STANDARDS)('%s stop zorg (307) across messages', (standard) => {
  const message = decode(standard, '307', exampleXml(standard, '307'));
  const [first, second] = message.lines;
  if (first === undefined || second === undefined) throw new Error('Het voorbeeld heeft twee StopProducten');
  const number = first.allocationNumber;
  const starts = message.lines.map((line) => start(line.allocationNumber, line.startDate));
  const facts = careFacts(message, starts);
  const withFirst = (changes: Partial<CareStopLine>) => ({
    ...message,
    lines: [{ ...first, ...changes }, second],
  });
  const earlierStop = (endDate: string, reason: string) => ({
    ...facts,
    reports: [...starts, stop(number, first.startDate, endDate, reason)],
  });

  it('passes with the starts it stops', () => {
    expect(checkCareRules(message, facts)).toEqual([]);
  });

  it('TR135: also for a stop', () => {
    expect(
      summary(checkCareRules(message, { ...facts, today: addDays(message.header.datedOn, -1) })),
    ).toEqual([['TR135', HEADER_PATH]]);
  });

  it('TR019: a stop of an unknown allocation gets only TR019', () => {
    const allocations = new Map(facts.allocations);
    allocations.delete(number ?? -1);
    expect(summary(checkCareRules(message, { ...facts, allocations }))).toEqual([['TR019', first.path]]);
  });

  it('TR382: the stop carries the key of a current start (9069)', () => {
    const withoutStart = { ...facts, reports: starts.slice(1) };
    const findings = checkCareRules(message, withoutStart);
    expect(summary(findings)).toEqual([['TR382', first.path]]);
    expect(findings[0]?.rule.returnCode).toBe('9069');
    expect(summary(checkCareRules(withFirst({ startDate: addDays(first.startDate, 1) }), facts))).toEqual([
      ['TR382', first.path],
    ]);
  });

  it('TR063: a withdrawal needs the stop it withdraws', () => {
    const withdrawal = withFirst({ status: '3' });
    expect(summary(checkCareRules(withdrawal, facts))).toEqual([['TR063', first.path]]);
    expect(checkCareRules(withdrawal, earlierStop(first.endDate, first.reason))).toEqual([]);
  });

  it('TR074: the same stop again (a definitive stop, so TR415 as well)', () => {
    const findings = checkCareRules(message, earlierStop(first.endDate, first.reason));
    expect(summary(findings)).toEqual([
      ['TR074', first.path],
      ['TR415', first.path],
    ]);
  });

  it('TR413: no second temporary stop of one start', () => {
    const paused = earlierStop(addDays(first.endDate, -10), '20');
    expect(summary(checkCareRules(withFirst({ reason: '20' }), paused))).toEqual([['TR413', first.path]]);
    // A definitive stop after a temporary one is the normal course.
    expect(checkCareRules(message, paused)).toEqual([]);
  });

  it('TR414: a later stop does not end before an earlier one', () => {
    const paused = earlierStop(addDays(first.endDate, 1), '20');
    const findings = checkCareRules(message, paused);
    expect(summary(findings)).toEqual([['TR414', first.path]]);
    expect(findings[0]?.path).toBe(`${first.path}/Einddatum`);
    expect(checkCareRules(withFirst({ endDate: addDays(first.endDate, 1) }), paused)).toEqual([]);
  });

  it('TR415: nothing after a definitive stop', () => {
    const ended = earlierStop(addDays(first.endDate, -1), '31');
    expect(summary(checkCareRules(message, ended))).toEqual([['TR415', first.path]]);
    expect(checkCareRules(message, earlierStop(addDays(first.endDate, -1), '20'))).toEqual([]);
  });
});

// Claims.

/** One allocation per number the claim names, for the client that declares it, by the month. */
function claimFacts(message: Typed<'323'>): ClaimFacts {
  const allocations = new Map<number, AllocationFacts>();
  for (const item of message.services) {
    const earlier = allocations.get(item.allocationNumber);
    allocations.set(
      item.allocationNumber,
      allocation({
        allocationNumber: item.allocationNumber,
        bsn: item.bsn,
        productCategory: item.productCategory,
        productCode: item.productCode,
        volume: Math.max(earlier?.volume ?? 0, item.deliveredVolume),
        unit: item.unit,
        frequency: '4',
        contractTariffCents: item.tariffCents ?? null,
      }),
    );
  }
  return {
    allocations,
    priorServices: new Map(),
    claimNumberUsed: false,
    today: message.header.datedOn,
  };
}

function withAllocation(facts: ClaimFacts, number: number, changes: Partial<AllocationFacts>): ClaimFacts {
  const allocations = new Map(facts.allocations);
  const found = allocations.get(number);
  if (found === undefined) throw new Error(`Geen toewijzing ${number}`);
  allocations.set(number, { ...found, ...changes });
  return { ...facts, allocations };
}

function withPriors(facts: ClaimFacts, ...priors: readonly PriorServiceFacts[]): ClaimFacts {
  return { ...facts, priorServices: new Map(priors.map((item) => [item.referenceNumber, item])) };
}

/** An earlier service like `like`: same allocation, product and period unless changed. */
function prior(like: ClaimedService, changes: Partial<PriorServiceFacts>): PriorServiceFacts {
  return {
    referenceNumber: 'RN800',
    previousReferenceNumber: null,
    debitCredit: 'D',
    approved: true,
    allocationNumber: like.allocationNumber,
    periodStart: like.periodStart,
    periodEnd: like.periodEnd,
    productCategory: like.productCategory,
    productCode: like.productCode,
    deliveredVolume: like.deliveredVolume,
    ...changes,
  };
}

function withService(message: Typed<'323'>, index: number, changes: Partial<ClaimedService>): Typed<'323'> {
  return {
    ...message,
    services: message.services.map((item, at) => (at === index ? { ...item, ...changes } : item)),
  };
}

function withExtra(message: Typed<'323'>, extra: ClaimedService): Typed<'323'> {
  return { ...message, services: [...message.services, extra] };
}

describe('the published JW323 across messages', () => {
  it('gives RN004 twice (TR314) and allocation 10073 to two clients (TR304)', () => {
    const message = decode('ijw', '323', exampleXml('ijw', '323'));
    const facts = withAllocation(claimFacts(message), 10073, { bsn: '999900018' });
    const findings = checkClaimRules(message, facts);
    expect(summary(findings)).toEqual([
      ['TR304', 'Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]'],
      ['TR314', 'Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]'],
    ]);
    const repaired = decode('ijw', '323', claimXml('ijw'));
    expect(checkClaimRules(repaired, claimFacts(repaired))).toEqual([]);
  });
});

describe.each(STANDARDS)('%s declaratie (323) across messages', (standard) => {
  const message = decode(standard, '323', claimXml(standard));
  const facts = claimFacts(message);
  const first = message.services[0];
  const other = message.services[2];
  if (first === undefined || other === undefined) throw new Error('Het voorbeeld heeft vier prestaties');
  const number = first.allocationNumber;
  const check = (changed: Typed<'323'>, changedFacts: ClaimFacts = facts) =>
    checkClaimRules(changed, changedFacts);
  const withFirst = (changes: Partial<ClaimedService>) => withService(message, 0, changes);
  const allocated = (changes: Partial<AllocationFacts>) => withAllocation(facts, number, changes);
  const previousMonth = {
    periodStart: shiftDate(first.periodStart, -1),
    periodEnd: shiftDate(first.periodEnd, -1),
  };
  const onlyFirst = (findings: readonly RuleFinding[], code: string) =>
    expect(summary(findings)).toEqual([[code, first.path]]);

  it('passes with the allocations it names (iJw: repaired)', () => {
    expect(check(message)).toEqual([]);
  });

  it('TR135 and TR333 on the header', () => {
    onlyHeader(check(message, { ...facts, today: addDays(message.header.datedOn, -1) }), 'TR135');
    const reused = check(message, { ...facts, claimNumberUsed: true });
    onlyHeader(reused, 'TR333');
    expect(reused[0]?.message).toContain(message.claimNumber);
  });

  it('TR338: a service on an allocation the provider does not have', () => {
    const allocations = new Map(facts.allocations);
    allocations.delete(number);
    const findings = check(message, { ...facts, allocations });
    onlyFirst(findings, 'TR338');
    expect(findings[0]?.rule.returnCode).toBe('9338');
  });

  it('TR304: the allocation belongs to the client of the service (8187)', () => {
    const findings = check(message, allocated({ bsn: other.bsn }));
    onlyFirst(findings, 'TR304');
    expect(findings[0]?.rule.returnCode).toBe('8187');
    expect(findings[0]?.path).toBe(`${first.clientPath}/Bsn`);
  });

  it('TR339 and TR340: category and code of the allocation, when it has them', () => {
    onlyFirst(check(message, allocated({ productCategory: '99' })), 'TR339');
    onlyFirst(check(message, allocated({ productCode: '99X99' })), 'TR340');
    expect(check(message, allocated({ productCode: null }))).toEqual([]);
  });

  it('TR341: the unit fits the allocation; minutes fit hours', () => {
    onlyFirst(check(message, allocated({ unit: '14' })), 'TR341');
    // 4 hours at €12,50 declared as 240 minutes: tariff 1250 / 60 = 20,83 → 21 cents, amount still €50,00.
    const inMinutes = withFirst({ unit: '01', deliveredVolume: 240, tariffCents: 21, amountCents: 5000 });
    expect(check(inMinutes)).toEqual([]);
  });

  it('TR307: the product period starts on or after the allocation', () => {
    const findings = check(message, allocated({ startDate: shiftDate(first.periodStart, 1) }));
    onlyFirst(findings, 'TR307');
    expect(findings[0]?.message).toBe(
      `Begindatum ${first.periodStart} van prestatie ${first.referenceNumber} ligt vóór de ingangsdatum ${shiftDate(first.periodStart, 1)} van toewijzing ${number}.`,
    );
    expect(check(message, allocated({ startDate: first.periodStart }))).toEqual([]);
  });

  it('TR308: the product period ends on or before the allocation', () => {
    onlyFirst(check(message, allocated({ endDate: addDays(first.periodStart, -1) })), 'TR308');
    expect(check(message, allocated({ endDate: first.periodEnd }))).toEqual([]);
  });

  it('TR387: a product period starts on the 1st, or later with the allocation', () => {
    const later = addDays(first.periodStart, 4);
    onlyFirst(check(withFirst({ periodStart: later })), 'TR387');
    expect(check(withFirst({ periodStart: later }), allocated({ startDate: later }))).toEqual([]);
  });

  it('TR388: a product period ends on the last day, or earlier with the allocation', () => {
    const earlier = addDays(first.periodEnd, -10);
    onlyFirst(check(withFirst({ periodEnd: earlier })), 'TR388');
    expect(check(withFirst({ periodEnd: earlier }), allocated({ endDate: earlier }))).toEqual([]);
  });

  /** The first service with `volume`, its amount following the tariff. */
  const delivering = (volume: number, changes: Partial<ClaimedService> = {}) =>
    withFirst({ deliveredVolume: volume, amountCents: volume * (first.tariffCents ?? 0), ...changes });

  it('TR321: per month', () => {
    onlyFirst(check(message, allocated({ volume: first.deliveredVolume - 1 })), 'TR321');
    expect(check(message, allocated({ volume: first.deliveredVolume }))).toEqual([]);
  });

  it('TR321: per week, inspanningsgericht, counts the calendar weeks the period touches (IV077)', () => {
    // April 2023 (Sat 1st to Sun 30th) touches weeks 13-17, April 2026 (Wed to Thu) weeks 14-18: 5 each.
    const weekly = allocated({ frequency: '2', volume: 1, productCategory: '10' });
    onlyFirst(check(delivering(6, { productCategory: '10' }), weekly), 'TR321');
    expect(check(delivering(5, { productCategory: '10' }), weekly)).toEqual([]);
  });

  it('TR321: household help (category 01) per week may declare 6 weeks in iWmo, not in iJw', () => {
    const limit = standard === 'iwmo' ? 6 : 5;
    const weekly = allocated({ frequency: '2', volume: 1, productCategory: '01' });
    expect(check(delivering(limit, { productCategory: '01' }), weekly)).toEqual([]);
    onlyFirst(check(delivering(limit + 1, { productCategory: '01' }), weekly), 'TR321');
  });

  it('TR321: per week, outputgericht, counts Sundays plus the last broken week (IV076)', () => {
    // Allocation €100,00 a week until the 29th: April 2023 has Sundays 2, 9, 16, 23 before it and April
    // 2026 Sundays 5, 12, 19, 26; neither allocation ends on a Sunday, so one week more: 5 weeks.
    const end = `${first.periodStart.slice(0, 7)}-29`;
    const weekly = allocated({
      frequency: '2',
      volume: 10000,
      unit: '83',
      productCategory: '10',
      endDate: end,
    });
    const euros = (amount: number) =>
      withFirst({
        unit: '83',
        productCategory: '10',
        tariffCents: undefined,
        deliveredVolume: amount,
        amountCents: amount,
        periodEnd: end,
      });
    expect(check(euros(50000), weekly)).toEqual([]);
    onlyFirst(check(euros(50001), weekly), 'TR321');
  });

  it('TR321: per day and in total', () => {
    const daily = allocated({ frequency: '1', volume: 1, unit: '14', contractTariffCents: null });
    const days = (volume: number) =>
      withFirst({ unit: '14', deliveredVolume: volume, amountCents: volume * (first.tariffCents ?? 0) });
    expect(check(days(30), daily)).toEqual([]);
    onlyFirst(check(days(31), daily), 'TR321');
    const total = allocated({ frequency: '6', volume: first.deliveredVolume });
    expect(check(message, total)).toEqual([]);
    // One service above a total allocation is above the sum as well.
    expect(summary(check(delivering(first.deliveredVolume + 1), total))).toEqual([
      ['TR321', first.path],
      ['TR322', first.path],
    ]);
  });

  it('TR322: approved earlier services plus this message, credits subtracted', () => {
    const total = allocated({ frequency: '6', volume: first.deliveredVolume + 10 });
    const earlier = (volume: number, changes: Partial<PriorServiceFacts> = {}) =>
      prior(first, { ...previousMonth, deliveredVolume: volume, ...changes });
    const findings = check(message, withPriors(total, earlier(11)));
    onlyFirst(findings, 'TR322');
    expect(findings[0]?.rule.returnCode).toBe('9322');
    expect(check(message, withPriors(total, earlier(10)))).toEqual([]);
    expect(check(message, withPriors(total, earlier(11, { approved: false })))).toEqual([]);
    const creditedBefore = prior(first, {
      ...previousMonth,
      referenceNumber: 'RN801',
      debitCredit: 'C',
      previousReferenceNumber: 'RN800',
      deliveredVolume: 11,
    });
    expect(check(message, withPriors(total, earlier(11), creditedBefore))).toEqual([]);
    const creditHere = {
      ...first,
      ...previousMonth,
      path: `${first.clientPath}/Prestaties/Prestatie[9]`,
      referenceNumber: 'RN900',
      previousReferenceNumber: 'RN800',
      debitCredit: 'C' as const,
      deliveredVolume: 11,
      amountCents: 11 * (first.tariffCents ?? 0),
    };
    expect(check(withExtra(message, creditHere), withPriors(total, earlier(11)))).toEqual([]);
  });

  describe('credits and reference numbers', () => {
    const credit = withFirst({
      referenceNumber: 'RN900',
      debitCredit: 'C',
      previousReferenceNumber: 'RN800',
    });

    it('TR323: a credit reverses an approved earlier debit of the same service (8017)', () => {
      const findings = check(credit);
      onlyFirst(findings, 'TR323');
      expect(findings[0]?.rule.returnCode).toBe('8017');
      expect(check(credit, withPriors(facts, prior(first, {})))).toEqual([]);
      onlyFirst(check(credit, withPriors(facts, prior(first, { approved: false }))), 'TR323');
      onlyFirst(
        check(
          credit,
          withPriors(facts, prior(first, { debitCredit: 'C', previousReferenceNumber: 'RN700' })),
        ),
        'TR323',
      );
      onlyFirst(check(credit, withPriors(facts, prior(first, previousMonth))), 'TR323');
    });

    it('TR390: a service is credited once', () => {
      const creditedBefore = prior(first, {
        referenceNumber: 'RN801',
        debitCredit: 'C',
        previousReferenceNumber: 'RN800',
      });
      onlyFirst(check(credit, withPriors(facts, prior(first, {}), creditedBefore)), 'TR390');
    });

    it('TR314: a reference number is used once (8021)', () => {
      const findings = check(
        message,
        withPriors(facts, prior(first, { ...previousMonth, referenceNumber: first.referenceNumber })),
      );
      onlyFirst(findings, 'TR314');
      expect(findings[0]?.rule.returnCode).toBe('8021');
    });

    it('TR389: a second debit for the same service only after a credit', () => {
      const declared = prior(first, {});
      onlyFirst(check(message, withPriors(facts, declared)), 'TR389');
      expect(check(message, withPriors(facts, { ...declared, approved: false }))).toEqual([]);
      const creditedBefore = prior(first, {
        referenceNumber: 'RN801',
        debitCredit: 'C',
        previousReferenceNumber: 'RN800',
      });
      expect(check(message, withPriors(facts, declared, creditedBefore))).toEqual([]);
      const creditHere = {
        ...first,
        path: `${first.clientPath}/Prestaties/Prestatie[9]`,
        referenceNumber: 'RN900',
        previousReferenceNumber: 'RN800',
        debitCredit: 'C' as const,
      };
      expect(check(withExtra(message, creditHere), withPriors(facts, declared))).toEqual([]);
    });
  });

  it('TR418: the contract tariff (0611)', () => {
    const tariff = first.tariffCents ?? 0;
    const findings = check(message, allocated({ contractTariffCents: tariff + 1 }));
    onlyFirst(findings, 'TR418');
    expect(findings[0]?.rule.returnCode).toBe('0611');
    expect(check(message, allocated({ contractTariffCents: null }))).toEqual([]);
    // Per minute against the hourly contract: 1250 / 60 = 20,83, rounded 21 cents.
    const perMinute = (tariffCents: number) =>
      withFirst({ unit: '01', deliveredVolume: 240, tariffCents, amountCents: 5000 });
    expect(check(perMinute(21))).toEqual([]);
    onlyFirst(check(perMinute(20)), 'TR418');
  });

  it('TR346 with the contract: minutes against an hourly tariff, rounded (IV081)', () => {
    // €10,00 per hour: 17 cents a minute; 45 minutes are exactly €7,50.
    const hourly = allocated({ contractTariffCents: 1000 });
    const minutes = (amountCents: number) =>
      withFirst({ unit: '01', deliveredVolume: 45, tariffCents: 17, amountCents });
    expect(check(minutes(750), hourly)).toEqual([]);
    const findings = check(minutes(743), hourly);
    onlyFirst(findings, 'TR346');
    expect(findings[0]?.message).toContain('€ 7,50');
    // 45 × 17 cents is right for a tariff per minute, not for the hourly contract.
    onlyFirst(check(minutes(45 * 17), hourly), 'TR346');
  });
});

function onlyHeader(findings: readonly RuleFinding[], code: string): void {
  expect(summary(findings)).toEqual([[code, HEADER_PATH]]);
}
