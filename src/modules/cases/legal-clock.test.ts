import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import {
  type CaseClockInput,
  caseDeadlines,
  type Deadline,
  type DeadlineKind,
  needsAttention,
} from './legal-clock.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
}

const wmo = (overrides: Partial<CaseClockInput> = {}): CaseClockInput => ({
  law: 'wmo',
  reportDate: '2026-01-31',
  ...overrides,
});
const pw = (overrides: Partial<CaseClockInput> = {}): CaseClockInput => ({
  law: 'participation',
  reportDate: '2026-01-31',
  dateOfBirth: '1980-05-05',
  ...overrides,
});

function find(deadlines: Deadline[], kind: DeadlineKind): Deadline | undefined {
  return deadlines.find((d) => d.kind === kind);
}
const due = (input: CaseClockInput, today: string, kind: DeadlineKind) =>
  find(caseDeadlines(input, today), kind)?.dueDate;
const status = (input: CaseClockInput, today: string, kind: DeadlineKind, dueSoonDays?: number) =>
  find(caseDeadlines(input, today, dueSoonDays === undefined ? {} : { dueSoonDays }), kind)?.status;

describe('Wmo 2015 terms', () => {
  it('gives the own plan seven days and the assessment six weeks from the report', () => {
    expect(caseDeadlines(wmo(), '2026-01-31')).toEqual([
      { kind: 'own_plan', dueDate: '2026-02-07', status: 'open' },
      { kind: 'assessment', dueDate: '2026-03-14', status: 'open' },
    ]);
  });

  it('gives the decision two weeks from the application and drops the lapsed assessment', () => {
    const input = wmo({ applicationDate: '2026-03-16' });
    expect(caseDeadlines(input, '2026-03-16')).toEqual([
      { kind: 'decision', dueDate: '2026-03-30', status: 'open' },
    ]);
  });

  it('marks acts as met, late ones too, with the day they happened', () => {
    const input = wmo({
      ownPlanReceivedDate: '2026-02-03',
      assessmentCompletedDate: '2026-03-20',
      applicationDate: '2026-03-20',
      decisionDate: '2026-04-01',
    });
    expect(caseDeadlines(input, '2026-04-01')).toEqual([
      { kind: 'own_plan', dueDate: '2026-02-07', status: 'met', metOn: '2026-02-03' },
      { kind: 'assessment', dueDate: '2026-03-14', status: 'met', metOn: '2026-03-20' },
      { kind: 'decision', dueDate: '2026-04-03', status: 'met', metOn: '2026-04-01' },
    ]);
  });

  it('closes the own-plan window after seven days without a plan', () => {
    expect(due(wmo(), '2026-02-07', 'own_plan')).toBe('2026-02-07');
    expect(find(caseDeadlines(wmo(), '2026-02-08'), 'own_plan')).toBeUndefined();
  });
});

describe('due soon and overdue', () => {
  // Assessment due 2026-03-14.
  it('is open until six days before, due soon from five days before through the due date, then overdue', () => {
    expect(status(wmo(), '2026-03-08', 'assessment')).toBe('open');
    expect(status(wmo(), '2026-03-09', 'assessment')).toBe('due_soon');
    expect(status(wmo(), '2026-03-14', 'assessment')).toBe('due_soon');
    expect(status(wmo(), '2026-03-15', 'assessment')).toBe('overdue');
  });

  it('takes a configurable margin', () => {
    expect(status(wmo(), '2026-03-13', 'assessment', 0)).toBe('open');
    expect(status(wmo(), '2026-03-14', 'assessment', 0)).toBe('due_soon');
    expect(status(wmo(), '2026-02-28', 'assessment', 14)).toBe('due_soon');
    expect(errorOf(() => caseDeadlines(wmo(), '2026-03-01', { dueSoonDays: -1 })).field).toBe('dueSoonDays');
  });

  it('puts only due-soon and overdue deadlines on the worklist', () => {
    const deadlines = caseDeadlines(wmo(), '2026-03-10');
    expect(deadlines.filter(needsAttention).map((d) => d.kind)).toEqual(['assessment']);
  });
});

describe('suspension and extension', () => {
  const yearEnd = { from: '2026-12-24', to: '2027-01-08', reason: 'Wacht op medisch advies' };

  it('moves a Participatiewet decision by a suspension spanning New Year (15 days)', () => {
    const input = pw({ reportDate: '2026-12-01', applicationDate: '2026-12-01' });
    expect(due(input, '2026-12-01', 'decision')).toBe('2027-01-26');
    expect(due({ ...input, suspensions: [yearEnd] }, '2027-01-08', 'decision')).toBe('2027-02-10');
  });

  it('moves the Wmo assessment but not the own-plan window', () => {
    const input = wmo({ reportDate: '2026-12-01', suspensions: [yearEnd] });
    expect(due(input, '2026-12-01', 'assessment')).toBe('2027-01-27');
    expect(due(input, '2026-12-01', 'own_plan')).toBe('2026-12-08');
  });

  it('counts only suspended days inside the term', () => {
    const at = (from: string, to: string) => [{ from, to, reason: 'Gegevens opgevraagd' }];
    // Term 2026-01-31 → 2026-03-14. A suspension from the report day loses the report day itself
    // (never counted) and 2026-02-01..03 (three days).
    expect(due(wmo({ suspensions: at('2026-01-31', '2026-02-04') }), '2026-03-01', 'assessment')).toBe(
      '2026-03-17',
    );
    // Starting on the last day still moves the end.
    expect(due(wmo({ suspensions: at('2026-03-14', '2026-03-16') }), '2026-03-20', 'assessment')).toBe(
      '2026-03-16',
    );
    // After the term ran out it changes nothing.
    expect(due(wmo({ suspensions: at('2026-03-15', '2026-03-20') }), '2026-03-20', 'assessment')).toBe(
      '2026-03-14',
    );
  });

  it('counts a running suspension through today, so a suspended case is never overdue', () => {
    const running = wmo({ suspensions: [{ from: '2026-03-10', to: null, reason: 'Opname ziekenhuis' }] });
    expect(due(running, '2026-03-20', 'assessment')).toBe('2026-03-25');
    expect(status(running, '2026-04-30', 'assessment')).toBe('due_soon');
  });

  it('adds extensions (verdaging) to the decision term only', () => {
    const input = pw({
      applicationDate: '2026-02-02',
      extensions: [{ days: 14, reason: 'Advies van de arts nodig' }],
    });
    expect(due(input, '2026-02-02', 'decision')).toBe('2026-04-13');
    expect(due(input, '2026-02-02', 'advance_payment')).toBe('2026-03-02');
  });
});

describe('Participatiewet and Jeugdwet terms', () => {
  it('owes an advance four weeks after the application: 31 January gives 28 February', () => {
    const input = pw({ applicationDate: '2026-01-31' });
    expect(due(input, '2026-01-31', 'advance_payment')).toBe('2026-02-28');
    expect(
      due(
        { ...input, reportDate: '2024-01-31', applicationDate: '2024-01-31' },
        '2024-02-01',
        'advance_payment',
      ),
    ).toBe('2024-02-28');
  });

  it('counts the advance as met when paid, or when the decision came first; drops it after a late decision', () => {
    const input = pw({ applicationDate: '2026-02-02' });
    expect(
      find(caseDeadlines({ ...input, advancePaidDate: '2026-02-20' }, '2026-02-20'), 'advance_payment'),
    ).toEqual({
      kind: 'advance_payment',
      dueDate: '2026-03-02',
      status: 'met',
      metOn: '2026-02-20',
    });
    expect(
      find(caseDeadlines({ ...input, decisionDate: '2026-02-25' }, '2026-02-25'), 'advance_payment')?.metOn,
    ).toBe('2026-02-25');
    expect(
      find(caseDeadlines({ ...input, decisionDate: '2026-03-20' }, '2026-03-20'), 'advance_payment'),
    ).toBeUndefined();
  });

  it('shows the search period of an applicant under 27 as an earliest application date, never overdue', () => {
    const young = pw({ dateOfBirth: '2003-06-15' });
    expect(find(caseDeadlines(young, '2026-02-27'), 'earliest_application')).toEqual({
      kind: 'earliest_application',
      dueDate: '2026-02-28',
      status: 'open',
    });
    expect(status(young, '2026-02-28', 'earliest_application')).toBe('met');
    expect(status(young, '2026-06-01', 'earliest_application')).toBe('met');
    expect(find(caseDeadlines(pw(), '2026-02-01'), 'earliest_application')).toBeUndefined();
    expect(due(pw({ dateOfBirth: '1999-02-10' }), '2026-02-01', 'earliest_application')).toBe('2026-02-10');
  });

  it('gives re-integration neither an advance nor a search period', () => {
    const input = pw({
      dateOfBirth: '2005-01-01',
      participationKind: 'reintegration',
      applicationDate: '2026-02-01',
    });
    expect(caseDeadlines(input, '2026-02-01').map((d) => d.kind)).toEqual(['decision']);
  });

  it('runs the Jeugdwet decision term of eight weeks from the request', () => {
    expect(caseDeadlines({ law: 'youth', reportDate: '2028-01-03' }, '2028-01-03')).toEqual([
      { kind: 'decision', dueDate: '2028-02-28', status: 'open' },
    ]);
    expect(due({ law: 'youth', reportDate: '2028-01-04' }, '2028-01-04', 'decision')).toBe('2028-02-29');
  });

  it('wants an urgent case provided for on the day of the report, until the decision', () => {
    const urgent = wmo({ urgent: true });
    expect(find(caseDeadlines(urgent, '2026-01-31'), 'temporary_provision')?.status).toBe('due_soon');
    expect(find(caseDeadlines(urgent, '2026-02-01'), 'temporary_provision')?.status).toBe('overdue');
    expect(
      status({ ...urgent, temporaryProvisionDate: '2026-01-31' }, '2026-02-01', 'temporary_provision'),
    ).toBe('met');
    const decided = { ...urgent, applicationDate: '2026-03-16', decisionDate: '2026-03-20' };
    expect(find(caseDeadlines(decided, '2026-03-20'), 'temporary_provision')).toBeUndefined();
  });
});

describe('impossible input', () => {
  const fieldOf = (input: CaseClockInput, today = '2026-03-01') => {
    const error = errorOf(() => caseDeadlines(input, today));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.statusCode).toBe(400);
    return error.field;
  };
  const reason = 'Gegevens opgevraagd';

  it('rejects dates that do not exist', () => {
    expect(fieldOf(wmo({ reportDate: '2023-02-29' }))).toBe('reportDate');
    expect(fieldOf(wmo({ applicationDate: '2026-02-30' }))).toBe('applicationDate');
    expect(fieldOf(wmo(), '2026-02-29')).toBe('today');
    expect(fieldOf(wmo({ suspensions: [{ from: '2026-02-31', to: '2026-03-01', reason }] }))).toBe(
      'suspensions.0.from',
    );
  });

  it('rejects suspensions that end before they start, are empty or overlap', () => {
    expect(fieldOf(wmo({ suspensions: [{ from: '2026-02-10', to: '2026-02-05', reason }] }))).toBe(
      'suspensions.0.to',
    );
    expect(fieldOf(wmo({ suspensions: [{ from: '2026-02-10', to: '2026-02-10', reason }] }))).toBe(
      'suspensions.0.to',
    );
    const overlapping = [
      { from: '2026-02-15', to: '2026-02-20', reason },
      { from: '2026-02-10', to: '2026-02-16', reason },
    ];
    expect(fieldOf(wmo({ suspensions: overlapping }))).toBe('suspensions.0.from');
    expect(fieldOf(wmo({ suspensions: [{ from: '2026-02-10', to: '2026-02-12', reason: ' ' }] }))).toBe(
      'suspensions.0.reason',
    );
  });

  it('rejects events before the report, a decision before the application and a report after today', () => {
    expect(fieldOf(wmo({ applicationDate: '2026-01-30' }))).toBe('applicationDate');
    expect(fieldOf(wmo({ suspensions: [{ from: '2026-01-20', to: '2026-02-02', reason }] }))).toBe(
      'suspensions.0.from',
    );
    expect(fieldOf(pw({ applicationDate: '2026-02-10', decisionDate: '2026-02-09' }))).toBe('decisionDate');
    expect(fieldOf(pw({ decisionDate: '2026-02-09' }))).toBe('decisionDate');
    expect(fieldOf(wmo({ decisionDate: '2026-02-19', applicationDate: '2026-02-20' }))).toBe('decisionDate');
    expect(fieldOf(wmo({ applicationDate: '2026-03-02' }))).toBe('applicationDate');
    expect(fieldOf(wmo(), '2026-01-30')).toBe('today');
    expect(fieldOf(pw({ dateOfBirth: '2026-02-01' }))).toBe('dateOfBirth');
    expect(fieldOf({ law: 'youth', reportDate: '2026-01-31', applicationDate: '2026-02-01' })).toBe(
      'applicationDate',
    );
  });

  it('rejects an extension without a reason or without days', () => {
    const input = pw({ applicationDate: '2026-02-01' });
    expect(fieldOf({ ...input, extensions: [{ days: 14, reason: '' }] })).toBe('extensions.0.reason');
    expect(fieldOf({ ...input, extensions: [{ days: 0, reason: 'Advies' }] })).toBe('extensions.0.days');
    expect(fieldOf({ ...input, extensions: [{ days: 2.5, reason: 'Advies' }] })).toBe('extensions.0.days');
  });
});
