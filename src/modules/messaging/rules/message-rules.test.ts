/**
 * Rules within one message, on the published iWmo and iJw examples: each example passes, and
 * for every rule one change to it fails with exactly that rule while the boundary case passes.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../cases/calendar-date.js';
import { type ClaimedService, type ClaimMessage, signedCents } from '../codec/provider-messages.js';
import { addYears, checkMessageRules, lastDayOfMonth } from './message-rules.js';
import { HEADER_PATH, type RuleFinding } from './rule.js';
import {
  baseElement,
  claimXml,
  decode,
  element,
  exampleXml,
  replaceNth,
  STANDARDS,
  summary,
  type Typed,
} from './rule-test-examples.js';

/** Every finding is this rule on the header, and there is at least one. */
function expectOnlyRejection(findings: readonly RuleFinding[], code: string): void {
  expect(findings.length).toBeGreaterThan(0);
  expect(new Set(summary(findings).map(([rule, classPath]) => `${rule} ${classPath}`))).toEqual(
    new Set([`${code} ${HEADER_PATH}`]),
  );
}

function service(message: ClaimMessage, index: number): ClaimedService {
  const found = message.services[index];
  if (found === undefined) throw new Error(`Geen prestatie ${index}`);
  return found;
}

/** The claim with its services replaced and the total kept equal to their signed sum (TR358). */
function withServices(message: Typed<'323'>, services: readonly ClaimedService[]): Typed<'323'> {
  const sum = services.reduce((total, item) => total + signedCents(item.amountCents, item.debitCredit), 0);
  return { ...message, services, totalCents: Math.abs(sum), totalDebitCredit: sum < 0 ? 'C' : 'D' };
}

function withService(message: Typed<'323'>, index: number, changes: Partial<ClaimedService>): Typed<'323'> {
  return withServices(
    message,
    message.services.map((item, at) => (at === index ? { ...item, ...changes } : item)),
  );
}

function dated(message: Typed<'323'>, datedOn: string): Typed<'323'> {
  return { ...message, header: { ...message.header, datedOn }, claimDatedOn: datedOn };
}

/** A date `months` calendar months later; a month's last day stays the last day. */
function shiftDate(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const month = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  const last = lastDayOfMonth(`${month}-01`);
  if (date === lastDayOfMonth(date)) return last;
  const day = `${month}-${date.slice(8, 10)}`;
  return day > last ? last : day;
}

/** The whole claim moved by whole months: periods, dagtekening and every product period. */
function shifted(message: Typed<'323'>, months: number): Typed<'323'> {
  return {
    ...dated(message, shiftDate(message.header.datedOn, months)),
    periodStart: shiftDate(message.periodStart, months),
    periodEnd: shiftDate(message.periodEnd, months),
    services: message.services.map((item) => ({
      ...item,
      periodStart: shiftDate(item.periodStart, months),
      periodEnd: shiftDate(item.periodEnd, months),
    })),
  };
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

describe.each(STANDARDS)('%s start zorg (305)', (standard) => {
  const xml = exampleXml(standard, '305');
  const message = decode(standard, '305', xml);
  const datedOn = message.header.datedOn;
  const [first, second] = message.lines;
  if (first === undefined || second === undefined) throw new Error('Het voorbeeld heeft twee StartProducten');

  it('passes as published', () => {
    expect(checkMessageRules(message)).toEqual([]);
  });

  it('CS002: a BSN that fails the eleven-test rejects the message', () => {
    const wrong = replaceNth(
      xml,
      element(standard, '305', 'Bsn', '999900006'),
      element(standard, '305', 'Bsn', '999900007'),
    );
    const findings = checkMessageRules(decode(standard, '305', wrong));
    expect(summary(findings)).toEqual([['CS002', HEADER_PATH]]);
    expect(findings[0]?.path).toBe('Bericht/Client/Bsn');
    expect(findings[0]?.message).toContain('999900007');
    const valid = replaceNth(
      xml,
      element(standard, '305', 'Bsn', '999900006'),
      element(standard, '305', 'Bsn', '999900018'),
    );
    expect(checkMessageRules(decode(standard, '305', valid))).toEqual([]);
  });

  it('CS058: StatusAanlevering 2 is not allowed, 3 is', () => {
    const status = (value: string) =>
      decode(
        standard,
        '305',
        replaceNth(
          xml,
          element(standard, '305', 'StatusAanlevering', 1),
          element(standard, '305', 'StatusAanlevering', value),
        ),
      );
    const findings = checkMessageRules(status('2'));
    expect(summary(findings)).toEqual([['CS058', HEADER_PATH]]);
    expect(findings[0]?.path).toBe(`${first.path}/StatusAanlevering`);
    expect(checkMessageRules(status('3'))).toEqual([]);
  });

  it('TR002: a birth date more than 120 years before the dagtekening, unless unknown', () => {
    const born = (dateOfBirth: string) =>
      checkMessageRules({ ...message, client: { ...message.client, dateOfBirth } });
    expect(summary(born(addDays(addYears(datedOn, -120), -1)))).toEqual([['TR002', HEADER_PATH]]);
    expect(born(addYears(datedOn, -120))).toEqual([]);
    expect(born('1900-01-01')).toEqual([]);
  });

  it('TR134: Begindatum and Geboortedatum not after the dagtekening', () => {
    const starting = (startDate: string) =>
      checkMessageRules({ ...message, lines: [{ ...first, startDate }, second] });
    const findings = starting(addDays(datedOn, 1));
    expect(summary(findings)).toEqual([['TR134', HEADER_PATH]]);
    expect(findings[0]?.path).toBe(`${first.path}/Begindatum`);
    expect(starting(datedOn)).toEqual([]);
    const unborn = checkMessageRules({
      ...message,
      client: { ...message.client, dateOfBirth: addDays(datedOn, 1) },
    });
    expect(summary(unborn)).toEqual([['TR134', HEADER_PATH]]);
  });

  it('TR101: two StartProducten with the same key', () => {
    const findings = checkMessageRules({ ...message, lines: [first, { ...first, path: second.path }] });
    expect(summary(findings)).toEqual([['TR101', HEADER_PATH]]);
    expect(findings[0]?.path).toBe(second.path);
    const otherStart = { ...first, path: second.path, startDate: addDays(first.startDate, -1) };
    expect(checkMessageRules({ ...message, lines: [first, otherStart] })).toEqual([]);
  });
});

describe.each(STANDARDS)('%s stop zorg (307)', (standard) => {
  const xml = exampleXml(standard, '307');
  const message = decode(standard, '307', xml);
  const datedOn = message.header.datedOn;
  const [first, second] = message.lines;
  if (first === undefined || second === undefined) throw new Error('Het voorbeeld heeft twee StopProducten');
  const withFirst = (changes: Partial<typeof first>) =>
    checkMessageRules({ ...message, lines: [{ ...first, ...changes }, second] });

  it('passes as published', () => {
    expect(checkMessageRules(message)).toEqual([]);
  });

  it('CS002: the client BSN', () => {
    const findings = checkMessageRules({ ...message, client: { ...message.client, bsn: '123456789' } });
    expect(summary(findings)).toEqual([['CS002', HEADER_PATH]]);
  });

  it('CS058: StatusAanlevering 2', () => {
    expect(summary(withFirst({ status: '2' }))).toEqual([['CS058', HEADER_PATH]]);
    expect(withFirst({ status: '3' })).toEqual([]);
  });

  it('TR018: Einddatum before Begindatum', () => {
    const findings = withFirst({ endDate: addDays(first.startDate, -1) });
    expect(summary(findings)).toEqual([['TR018', HEADER_PATH]]);
    expect(findings[0]?.path).toBe(`${first.path}/Einddatum`);
    expect(withFirst({ endDate: first.startDate })).toEqual([]);
  });

  it('TR134: Einddatum after the dagtekening', () => {
    expect(summary(withFirst({ endDate: addDays(datedOn, 1) }))).toEqual([['TR134', HEADER_PATH]]);
    expect(withFirst({ endDate: datedOn })).toEqual([]);
  });

  it('TR101: the key of a stop includes RedenBeeindiging and Einddatum', () => {
    const duplicate = checkMessageRules({ ...message, lines: [first, { ...first, path: second.path }] });
    expect(summary(duplicate)).toEqual([['TR101', HEADER_PATH]]);
    const temporaryToo = { ...first, path: second.path, reason: '20', endDate: addDays(first.endDate, -1) };
    expect(checkMessageRules({ ...message, lines: [first, temporaryToo] })).toEqual([]);
  });

  it('TR002: also in a stop', () => {
    const old = {
      ...message,
      client: { ...message.client, dateOfBirth: addDays(addYears(datedOn, -120), -1) },
    };
    expect(summary(checkMessageRules(old))).toEqual([['TR002', HEADER_PATH]]);
  });
});

describe('the published JW323', () => {
  it('repeats RN004 within one client (TR101) and declares allocation 10073 twice for April (TR416)', () => {
    const findings = checkMessageRules(decode('ijw', '323', exampleXml('ijw', '323')));
    expect(findings.map((item) => [item.rule.code, item.classPath, item.path])).toEqual([
      ['TR101', HEADER_PATH, 'Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]'],
      ['TR416', HEADER_PATH, 'Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]'],
    ]);
    expect(checkMessageRules(decode('ijw', '323', claimXml('ijw')))).toEqual([]);
  });
});

describe.each(STANDARDS)('%s declaratie (323)', (standard) => {
  const xml = claimXml(standard);
  const message = decode(standard, '323', xml);
  const datedOn = message.header.datedOn;
  const first = service(message, 0);
  const second = service(message, 1);
  const check = (changed: Typed<'323'>) => checkMessageRules(changed);

  it('passes as published (iJw: repaired)', () => {
    expect(checkMessageRules(message)).toEqual([]);
  });

  it('CS002: every client BSN', () => {
    const clients = message.clients.map((client, index) =>
      index === 1 ? { ...client, bsn: '123456789' } : client,
    );
    const findings = check({ ...message, clients });
    expect(summary(findings)).toEqual([['CS002', HEADER_PATH]]);
    expect(findings[0]?.path).toBe('Bericht/Declaratie/Clienten/Client[2]/Bsn');
  });

  it('TR101: a client twice, or a Prestatie key twice within a client', () => {
    const clients = message.clients.map((client, index) =>
      index === 1 ? { ...client, bsn: message.clients[0]?.bsn ?? '' } : client,
    );
    const twice = check({ ...message, clients });
    expect(summary(twice)).toEqual([['TR101', HEADER_PATH]]);
    expect(twice[0]?.path).toBe('Bericht/Declaratie/Clienten/Client[2]');
    const sameReference = check(withService(message, 1, { referenceNumber: first.referenceNumber }));
    expect(summary(sameReference)).toEqual([['TR101', HEADER_PATH]]);
    expect(sameReference[0]?.path).toBe(second.path);
    // In another client the same number is not a duplicate line (TR314 across messages is).
    expect(check(withService(message, 2, { referenceNumber: first.referenceNumber }))).toEqual([]);
  });

  it('TR134: DeclaratieDagtekening not after the dagtekening', () => {
    expect(summary(check({ ...message, claimDatedOn: addDays(datedOn, 1) }))).toEqual([
      ['TR134', HEADER_PATH],
    ]);
    expect(check({ ...message, claimDatedOn: datedOn })).toEqual([]);
  });

  it('TR137: a period ends on or after its start and not after the dagtekening', () => {
    const month = first.periodStart.slice(0, 7);
    const backwards = check(
      withService(message, 0, { periodStart: `${month}-15`, periodEnd: `${month}-14` }),
    );
    expect(summary(backwards)).toEqual([['TR137', HEADER_PATH]]);
    expect(backwards[0]?.path).toBe(`${first.path}/ProductPeriode/Einddatum`);
    expect(check(withService(message, 0, { periodStart: `${month}-15`, periodEnd: `${month}-15` }))).toEqual(
      [],
    );
    expectOnlyRejection(check(dated(message, addDays(message.periodEnd, -1))), 'TR137');
    expect(check(dated(message, message.periodEnd))).toEqual([]);
  });

  it('TR335: an Einddatum more than 5 years before the DeclaratieDagtekening', () => {
    const old = withService(message, 0, { periodStart: '2021-04-01', periodEnd: '2021-04-30' });
    const findings = check(dated(old, '2026-05-01'));
    expect(summary(findings)).toEqual([['TR335', HEADER_PATH]]);
    expect(findings[0]?.message).toContain('2021-04-30');
    expect(check(dated(old, '2026-04-30'))).toEqual([]);
  });

  it('TR315: one VorigReferentieNummer credited twice', () => {
    const credit = { debitCredit: 'C' as const, previousReferenceNumber: 'RN900' };
    const twice = withService(withService(message, 0, credit), 1, credit);
    const findings = check(twice);
    expect(summary(findings)).toEqual([['TR315', HEADER_PATH]]);
    expect(findings[0]?.path).toBe(`${second.path}/ProductReferentie/VorigReferentieNummer`);
    expect(check(withService(twice, 1, { previousReferenceNumber: 'RN901' }))).toEqual([]);
  });

  it('TR316: crediting a debit of the same message', () => {
    const credit = { debitCredit: 'C' as const, previousReferenceNumber: first.referenceNumber };
    expect(summary(check(withService(message, 1, credit)))).toEqual([['TR316', HEADER_PATH]]);
    expect(check(withService(message, 1, { ...credit, previousReferenceNumber: 'RN900' }))).toEqual([]);
  });

  it('TR358: the total is the sum of the services, credits subtracted', () => {
    const total = (value: number) =>
      replaceNth(
        xml,
        baseElement(standard, 'TotaalBedrag', message.totalCents),
        baseElement(standard, 'TotaalBedrag', value),
      );
    const findings = checkMessageRules(decode(standard, '323', total(message.totalCents + 1)));
    expect(summary(findings)).toEqual([['TR358', HEADER_PATH]]);
    expect(findings[0]?.path).toBe('Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag');
    const credited = withServices(
      message,
      message.services.map((item, index) => ({
        ...item,
        debitCredit: 'C',
        previousReferenceNumber: `RN9${index}`,
      })),
    );
    expect(credited.totalDebitCredit).toBe('C');
    expect(check(credited)).toEqual([]);
    expect(summary(check({ ...credited, totalDebitCredit: 'D' }))).toEqual([['TR358', HEADER_PATH]]);
  });

  it('CS100: periods from 2021-01-01 on', () => {
    const earliest = Math.min(...message.services.map((item) => monthIndex(item.periodStart)));
    const toJanuary2021 = monthIndex('2021-01-01') - earliest;
    expect(check(shifted(message, toJanuary2021))).toEqual([]);
    expectOnlyRejection(check(shifted(message, toJanuary2021 - 1)), 'CS100');
  });

  it('CS340: the claim period is one whole calendar month', () => {
    const findings = check({ ...message, periodStart: addDays(message.periodStart, 1) });
    expect(summary(findings)).toEqual([['CS340', HEADER_PATH]]);
    expect(findings[0]?.path).toBe('Bericht/Declaratie/DeclaratiePeriode');
  });

  it('CS337: a product period within one calendar month', () => {
    const findings = check(withService(message, 0, { periodStart: addDays(first.periodStart, -10) }));
    expect(summary(findings)).toEqual([['CS337', HEADER_PATH]]);
    expect(check(withService(message, 0, { periodStart: addDays(first.periodStart, 10) }))).toEqual([]);
  });

  it('CS325: an amount of 0 is a debit', () => {
    const nothing = { deliveredVolume: 0, amountCents: 0 };
    const zeroCredit = check(
      withService(message, 0, { ...nothing, debitCredit: 'C', previousReferenceNumber: 'RN900' }),
    );
    expect(summary(zeroCredit)).toEqual([['CS325', HEADER_PATH]]);
    expect(zeroCredit[0]?.path).toBe(`${first.path}/IngediendBedrag/DebetCredit`);
    expect(check(withService(message, 0, nothing))).toEqual([]);
    const zeroTotal = withServices(
      message,
      message.services.map((item) => ({ ...item, ...nothing })),
    );
    expect(summary(check({ ...zeroTotal, totalDebitCredit: 'C' }))).toEqual([['CS325', HEADER_PATH]]);
    expect(check(zeroTotal)).toEqual([]);
  });

  it("CS339: in euro's the amount is the volume", () => {
    const euros = { unit: '83', tariffCents: undefined, deliveredVolume: 5000 };
    expect(check(withService(message, 0, { ...euros, amountCents: 5000 }))).toEqual([]);
    expect(summary(check(withService(message, 0, { ...euros, amountCents: 5001 })))).toEqual([
      ['CS339', HEADER_PATH],
    ]);
  });

  it('CD060: VorigReferentieNummer with a credit and only then', () => {
    expect(summary(check(withService(message, 0, { previousReferenceNumber: 'RN900' })))).toEqual([
      ['CD060', HEADER_PATH],
    ]);
    expect(summary(check(withService(message, 0, { debitCredit: 'C' })))).toEqual([['CD060', HEADER_PATH]]);
  });

  it("CD087: ProductTarief for every unit but euro's", () => {
    expect(summary(check(withService(message, 0, { tariffCents: undefined })))).toEqual([
      ['CD087', HEADER_PATH],
    ]);
    const euros = { unit: '83', deliveredVolume: 5000, amountCents: 5000 };
    expect(summary(check(withService(message, 0, euros)))).toEqual([['CD087', HEADER_PATH]]);
  });

  it('TR346: amount = volume × tariff, on the Prestatie with 9346', () => {
    const findings = check(withService(message, 0, { amountCents: first.amountCents + 1 }));
    expect(summary(findings)).toEqual([['TR346', first.path]]);
    expect(findings[0]?.rule.returnCode).toBe('9346');
  });

  it('TR346 with IV081: minutes against an hourly tariff, rounded', () => {
    // €10,00 per hour is 16,67 → 17 cents a minute; 45 minutes are (1000 × 45) / 60 = 750 cents.
    const minutes = (amountCents: number) =>
      check(withService(message, 0, { unit: '01', deliveredVolume: 45, tariffCents: 17, amountCents }));
    expect(minutes(750)).toEqual([]);
    expect(minutes(45 * 17)).toEqual([]);
    // The lowest hourly tariff that rounds to 17 cents is €9,90: 742,5 → 743.
    expect(minutes(743)).toEqual([]);
    expect(summary(minutes(742))).toEqual([['TR346', first.path]]);
  });

  it('TR319: a product period after the claim period, on the Prestatie with 9319', () => {
    const next = { periodStart: shiftDate(first.periodStart, 1), periodEnd: shiftDate(first.periodEnd, 1) };
    const findings = check(dated(withService(message, 0, next), addDays(next.periodEnd, 1)));
    expect(summary(findings)).toEqual([['TR319', first.path]]);
    expect(findings[0]?.rule.returnCode).toBe('9319');
    const previous = {
      periodStart: shiftDate(first.periodStart, -1),
      periodEnd: shiftDate(first.periodEnd, -1),
    };
    expect(check(withService(message, 0, previous))).toEqual([]);
  });

  it('TR416: the same debit twice in one message', () => {
    const again = { ...first, referenceNumber: 'RN900', path: `${first.clientPath}/Prestaties/Prestatie[9]` };
    const findings = check(withServices(message, [...message.services, again]));
    expect(summary(findings)).toEqual([['TR416', HEADER_PATH]]);
    expect(findings[0]?.path).toBe(again.path);
    const earlier = {
      ...again,
      periodStart: shiftDate(first.periodStart, -1),
      periodEnd: shiftDate(first.periodEnd, -1),
    };
    expect(check(withServices(message, [...message.services, earlier]))).toEqual([]);
  });
});
