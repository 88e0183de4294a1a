import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import { addDays } from './calendar-date.js';
import {
  allowedEvents,
  CASE_EVENT_TYPES,
  type CaseEvent,
  type CaseEventType,
  type CaseState,
  clockInputOf,
  type OpenCaseInput,
  openCase,
  transition,
} from './case-state-machine.js';
import { caseDeadlines, type Law } from './legal-clock.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
}

/** 09:00 UTC is the same calendar day in the Netherlands in winter and summer. */
const stamp = (on: string, actor = 'consulent-1') => ({ actor, at: `${on}T09:00:00Z` });
const open = (input: Partial<OpenCaseInput> & { law: Law }, on = input.reportDate ?? '2026-03-02') =>
  openCase({ reportDate: '2026-03-02', ...input }, stamp(on)).state;
/** Runs events in order; each step one calendar day given as [event, date]. */
function run(state: CaseState, steps: readonly [CaseEvent, string][]): CaseState {
  return steps.reduce((current, [event, on]) => transition(current, event, stamp(on)).state, state);
}
const ev = (type: Exclude<CaseEventType, 'withdraw' | 'suspend' | 'extend'>) => ({ type }) as CaseEvent;
const suspend: CaseEvent = { type: 'suspend', reason: 'Wacht op medisch advies' };

describe('the happy path of each law', () => {
  it('Wmo: report → assessment → application → decision, every step with actor and time', () => {
    const state = run(open({ law: 'wmo' }), [
      [ev('start_assessment'), '2026-03-03'],
      [ev('receive_own_plan'), '2026-03-06'],
      [ev('complete_assessment'), '2026-03-20'],
      [ev('apply'), '2026-03-23'],
      [ev('decide'), '2026-03-30'],
    ]);
    expect(state.status).toBe('decided');
    expect(state.history.map((t) => [t.event, t.from, t.to])).toEqual([
      ['report', null, 'reported'],
      ['start_assessment', 'reported', 'assessment'],
      ['receive_own_plan', 'assessment', 'assessment'],
      ['complete_assessment', 'assessment', 'assessment'],
      ['apply', 'assessment', 'applied'],
      ['decide', 'applied', 'decided'],
    ]);
    expect(state.history[5]).toEqual({
      event: 'decide',
      from: 'applied',
      to: 'decided',
      actor: 'consulent-1',
      at: '2026-03-30T09:00:00.000Z',
      on: '2026-03-30',
    });
    expect(caseDeadlines(clockInputOf(state), '2026-03-30').map((d) => [d.kind, d.status])).toEqual([
      ['own_plan', 'met'],
      ['assessment', 'met'],
      ['decision', 'met'],
    ]);
  });

  it('Jeugdwet: request → assessment → decision', () => {
    const state = run(open({ law: 'youth' }), [
      [ev('start_assessment'), '2026-03-04'],
      [ev('decide'), '2026-04-20'],
    ]);
    expect(state.history.map((t) => t.to)).toEqual(['requested', 'assessment', 'decided']);
    expect(caseDeadlines(clockInputOf(state), '2026-04-20')).toEqual([
      { kind: 'decision', dueDate: '2026-04-27', status: 'met', metOn: '2026-04-20' },
    ]);
  });

  it('Participatiewet: report → application → advance → decision', () => {
    const state = run(open({ law: 'participation', dateOfBirth: '1980-05-05' }), [
      [ev('apply'), '2026-03-02'],
      [ev('pay_advance'), '2026-03-25'],
      [ev('decide'), '2026-04-20'],
    ]);
    expect(state.history.map((t) => t.to)).toEqual(['reported', 'applied', 'applied', 'decided']);
    expect(state).toMatchObject({ applicationDate: '2026-03-02', advancePaidDate: '2026-03-25' });
  });

  it('leaves the given state untouched', () => {
    const before = open({ law: 'wmo' });
    const copy = structuredClone(before);
    transition(before, ev('start_assessment'), stamp('2026-03-03'));
    expect(before).toEqual(copy);
  });
});

describe('Wmo: applying without a finished assessment', () => {
  // Report 2026-03-02: the assessment term ends 2026-04-13; the resident may apply from 2026-04-14.
  it('is refused during the six weeks and allowed the day after', () => {
    const error = errorOf(() => transition(open({ law: 'wmo' }), ev('apply'), stamp('2026-04-13')));
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', statusCode: 409, field: 'status' });
    expect(error.message).toContain("'gemeld'");
    expect(error.message).toContain("'aanvraag ingediend'");
    expect(error.message).toContain('2026-04-14');
    expect(transition(open({ law: 'wmo' }), ev('apply'), stamp('2026-04-14')).state.status).toBe('applied');
  });

  it('applies the same rule from a running assessment, unless it was completed', () => {
    const assessing = run(open({ law: 'wmo' }), [[ev('start_assessment'), '2026-03-03']]);
    expect(errorOf(() => transition(assessing, ev('apply'), stamp('2026-03-20'))).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(transition(assessing, ev('apply'), stamp('2026-04-14')).state.status).toBe('applied');
    const completed = run(assessing, [[ev('complete_assessment'), '2026-03-19']]);
    expect(transition(completed, ev('apply'), stamp('2026-03-20')).state.applicationDate).toBe('2026-03-20');
  });

  it('moves the direct-application date by a suspension of the assessment', () => {
    const suspended = run(open({ law: 'wmo' }), [
      [suspend, '2026-03-10'],
      [ev('resume'), '2026-03-20'],
    ]);
    expect(suspended.suspensions).toEqual([
      { from: '2026-03-10', to: '2026-03-20', reason: 'Wacht op medisch advies' },
    ]);
    expect(errorOf(() => transition(suspended, ev('apply'), stamp('2026-04-23'))).message).toContain(
      '2026-04-24',
    );
    expect(transition(suspended, ev('apply'), stamp('2026-04-24')).state.status).toBe('applied');
  });
});

describe('Participatiewet: the search period of applicants under 27', () => {
  const young = open({ law: 'participation', dateOfBirth: '2000-06-15' });

  it('refuses an application on day 27 after the report and allows it on day 28', () => {
    const error = errorOf(() => transition(young, ev('apply'), stamp(addDays('2026-03-02', 27))));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain('art. 41 lid 4');
    expect(transition(young, ev('apply'), stamp(addDays('2026-03-02', 28))).state.status).toBe('applied');
  });

  it('ends the search period on the 27th birthday, and does not apply to re-integration', () => {
    const almost27 = open({ law: 'participation', dateOfBirth: '1999-03-10' });
    expect(errorOf(() => transition(almost27, ev('apply'), stamp('2026-03-09'))).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(transition(almost27, ev('apply'), stamp('2026-03-10')).state.status).toBe('applied');
    const reintegration = open({
      law: 'participation',
      dateOfBirth: '2005-01-01',
      participationKind: 'reintegration',
    });
    expect(transition(reintegration, ev('apply'), stamp('2026-03-02')).state.status).toBe('applied');
  });

  it('needs the date of birth for income support', () => {
    const error = errorOf(() => transition(open({ law: 'participation' }), ev('apply'), stamp('2026-03-02')));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dateOfBirth' });
  });
});

describe('suspension, extension and withdrawal', () => {
  const applied = run(
    open({ law: 'participation', reportDate: '2026-12-01', dateOfBirth: '1980-05-05' }, '2026-12-01'),
    [[ev('apply'), '2026-12-01']],
  );

  it('keeps a suspension spanning New Year as a period that moves the decision', () => {
    const suspended = transition(applied, suspend, stamp('2026-12-24')).state;
    expect(suspended).toMatchObject({ status: 'applied', suspendedSince: { from: '2026-12-24' } });
    const resumed = transition(suspended, ev('resume'), stamp('2027-01-08'));
    expect(resumed.transition).toMatchObject({ event: 'resume', from: 'applied', to: 'applied' });
    const decision = caseDeadlines(clockInputOf(resumed.state), '2027-01-08').find(
      (d) => d.kind === 'decision',
    );
    expect(decision?.dueDate).toBe('2027-02-10');
  });

  it('blocks the municipality’s own steps while suspended, but not withdrawal', () => {
    const suspended = transition(applied, suspend, stamp('2026-12-24')).state;
    const error = errorOf(() => transition(suspended, ev('decide'), stamp('2026-12-28')));
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
    expect(error.message).toContain('hervat');
    expect(errorOf(() => transition(suspended, suspend, stamp('2026-12-28'))).code).toBe(
      'INVALID_TRANSITION',
    );
    const withdrawn = transition(
      suspended,
      { type: 'withdraw', reason: 'Werk gevonden' },
      stamp('2027-01-04'),
    );
    expect(withdrawn.transition.reason).toBe('Werk gevonden');
    expect(withdrawn.state).toMatchObject({ status: 'withdrawn', suspendedSince: null });
    expect(withdrawn.state.suspensions).toEqual([
      { from: '2026-12-24', to: '2027-01-04', reason: 'Wacht op medisch advies' },
    ]);
  });

  it('keeps no period for a suspension lifted the same day', () => {
    const state = run(applied, [
      [suspend, '2026-12-02'],
      [ev('resume'), '2026-12-02'],
    ]);
    expect(state).toMatchObject({ suspendedSince: null, suspensions: [] });
    expect(state.history).toHaveLength(4);
  });

  it('records an extension with its reason and wants both', () => {
    const extended = transition(
      applied,
      { type: 'extend', days: 14, reason: 'Advies arts' },
      stamp('2027-01-20'),
    );
    expect(extended.transition.reason).toBe('Advies arts');
    expect(extended.state.extensions).toEqual([{ days: 14, reason: 'Advies arts' }]);
    const noReason = errorOf(() =>
      transition(applied, { type: 'extend', days: 14, reason: ' ' }, stamp('2027-01-20')),
    );
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const noDays = errorOf(() =>
      transition(applied, { type: 'extend', days: 0, reason: 'Advies' }, stamp('2027-01-20')),
    );
    expect(noDays.field).toBe('days');
    expect(
      errorOf(() => transition(applied, { type: 'suspend', reason: '' }, stamp('2027-01-20'))).field,
    ).toBe('reason');
  });
});

describe('urgent cases', () => {
  it('yields a temporary provision due on the day of the report, met when provided', () => {
    const urgent = open({ law: 'wmo', urgent: true });
    expect(caseDeadlines(clockInputOf(urgent), '2026-03-02')[0]).toEqual({
      kind: 'temporary_provision',
      dueDate: '2026-03-02',
      status: 'due_soon',
    });
    const provided = transition(urgent, ev('provide_temporary_provision'), stamp('2026-03-02')).state;
    expect(caseDeadlines(clockInputOf(provided), '2026-03-03')[0]?.status).toBe('met');
  });

  it('refuses a temporary provision for a case that is not urgent', () => {
    const error = errorOf(() =>
      transition(open({ law: 'wmo' }), ev('provide_temporary_provision'), stamp('2026-03-02')),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
  });
});

describe('the actor and the time of a step', () => {
  const state = open({ law: 'wmo' });
  const fieldOf = (actor: string, at: string) =>
    errorOf(() => transition(state, ev('start_assessment'), { actor, at })).field;

  it('takes the Dutch calendar date of the instant as the legal date', () => {
    const late = openCase(
      { law: 'youth', reportDate: '2026-12-31' },
      { actor: 'a', at: '2026-12-31T12:00:00+01:00' },
    );
    const next = transition(late.state, ev('start_assessment'), { actor: 'a', at: '2026-12-31T23:30:00Z' });
    expect(next.transition).toMatchObject({ at: '2026-12-31T23:30:00.000Z', on: '2027-01-01' });
  });

  it('rejects a missing actor, a time without zone, an impossible date, and back-dating', () => {
    expect(fieldOf(' ', '2026-03-03T09:00:00Z')).toBe('actor');
    expect(fieldOf('a', '2026-03-03')).toBe('at');
    expect(fieldOf('a', '2026-03-03T09:00:00')).toBe('at');
    expect(fieldOf('a', '2026-02-30T09:00:00Z')).toBe('at');
    expect(fieldOf('a', '2026-03-02T08:00:00Z')).toBe('at');
    expect(fieldOf('a', '2026-03-01T09:00:00Z')).toBe('at');
  });

  it('rejects an impossible or future report date when opening a case', () => {
    const fieldOfOpen = (input: OpenCaseInput) => errorOf(() => openCase(input, stamp('2026-03-02'))).field;
    expect(fieldOfOpen({ law: 'wmo', reportDate: '2023-02-29' })).toBe('reportDate');
    expect(fieldOfOpen({ law: 'wmo', reportDate: '2026-03-03' })).toBe('reportDate');
    expect(fieldOfOpen({ law: 'participation', reportDate: '2026-03-02', dateOfBirth: '2026-03-05' })).toBe(
      'dateOfBirth',
    );
  });
});

describe('the steps allowed today', () => {
  const withPayload = (type: CaseEventType): CaseEvent =>
    type === 'suspend'
      ? suspend
      : type === 'extend'
        ? { type: 'extend', days: 14, reason: 'Advies van de GGD nodig' }
        : type === 'withdraw'
          ? { type: 'withdraw' }
          : ev(type);
  /** Whether `transition` takes the step on that day: the judge `allowedEvents` must agree with. */
  const accepted = (state: CaseState, type: CaseEventType, on: string) => {
    try {
      transition(state, withPayload(type), stamp(on));
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') return false;
      throw error;
    }
  };

  it('offers the law’s next steps and no others', () => {
    const wmo = open({ law: 'wmo' });
    // No extension yet: it extends the decision term, which starts with the application.
    expect(allowedEvents(wmo, '2026-03-03')).toEqual([
      'start_assessment',
      'withdraw',
      'suspend',
      'receive_own_plan',
    ]);
    // Applying without an assessment: only once the 6 weeks for it have passed.
    expect(allowedEvents(wmo, '2026-04-12')).not.toContain('apply');
    expect(allowedEvents(wmo, '2026-04-14')).toContain('apply');
    const suspended = run(wmo, [[suspend, '2026-03-04']]);
    // While suspended the process stands still, but a plan the resident hands in is received.
    expect(allowedEvents(suspended, '2026-03-05')).toEqual(['withdraw', 'resume', 'receive_own_plan']);
    const decided = run(open({ law: 'youth' }), [
      [ev('start_assessment'), '2026-03-03'],
      [ev('decide'), '2026-03-11'],
    ]);
    expect(allowedEvents(decided, '2026-03-12')).toEqual([]);
  });

  it('agrees with the transition itself for every step, law and stage', () => {
    const days = ['2026-03-02', '2026-03-09', '2026-04-14', '2026-05-20'];
    const stages: CaseState[] = [];
    for (const law of ['wmo', 'youth', 'participation'] as const) {
      const start = open({ law, urgent: law === 'wmo', dateOfBirth: '2002-01-01' });
      stages.push(start);
      for (const type of CASE_EVENT_TYPES) {
        if (accepted(start, type, '2026-03-03')) {
          const next = transition(start, withPayload(type), stamp('2026-03-03')).state;
          stages.push(next);
          for (const second of CASE_EVENT_TYPES) {
            if (accepted(next, second, '2026-03-04'))
              stages.push(transition(next, withPayload(second), stamp('2026-03-04')).state);
          }
        }
      }
    }
    expect(stages.length).toBeGreaterThan(40);
    for (const state of stages) {
      for (const on of days) {
        if (on < (state.history.at(-1)?.on ?? '')) continue;
        const allowed = allowedEvents(state, on);
        for (const type of CASE_EVENT_TYPES) {
          expect(allowed.includes(type), `${state.law} ${state.status} ${type} on ${on}`).toBe(
            accepted(state, type, on),
          );
        }
      }
    }
  });
});
