import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import {
  type CaseEvent,
  type CaseEventType,
  type CaseStatus,
  openCase,
  transition,
} from './case-state-machine.js';
import { EVENT_LABELS, STATUS_LABELS } from './case-transitions.js';
import type { Law } from './legal-clock.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
}

const EVENTS: Record<CaseEventType, CaseEvent> = {
  start_assessment: { type: 'start_assessment' },
  complete_assessment: { type: 'complete_assessment' },
  apply: { type: 'apply' },
  decide: { type: 'decide' },
  withdraw: { type: 'withdraw' },
  suspend: { type: 'suspend', reason: 'Gegevens opgevraagd' },
  resume: { type: 'resume' },
  extend: { type: 'extend', days: 14, reason: 'Advies nodig' },
  receive_own_plan: { type: 'receive_own_plan' },
  pay_advance: { type: 'pay_advance' },
  provide_temporary_provision: { type: 'provide_temporary_provision' },
};

/** The process as the law describes it, for an urgent case that is not suspended, long after the report. */
const ALLOWED: Record<Law, Partial<Record<CaseStatus, readonly CaseEventType[]>>> = {
  wmo: {
    reported: [
      'start_assessment',
      'receive_own_plan',
      'apply',
      'withdraw',
      'suspend',
      'provide_temporary_provision',
    ],
    assessment: [
      'receive_own_plan',
      'complete_assessment',
      'apply',
      'withdraw',
      'suspend',
      'provide_temporary_provision',
    ],
    applied: ['extend', 'decide', 'withdraw', 'suspend', 'provide_temporary_provision'],
    decided: [],
    withdrawn: [],
  },
  youth: {
    requested: ['start_assessment', 'extend', 'withdraw', 'suspend', 'provide_temporary_provision'],
    assessment: ['extend', 'decide', 'withdraw', 'suspend', 'provide_temporary_provision'],
    decided: [],
    withdrawn: [],
  },
  participation: {
    reported: ['apply', 'withdraw', 'suspend', 'provide_temporary_provision'],
    applied: ['pay_advance', 'extend', 'decide', 'withdraw', 'suspend', 'provide_temporary_provision'],
    decided: [],
    withdrawn: [],
  },
};

const stateIn = (law: Law, status: CaseStatus) => ({
  ...openCase(
    { law, reportDate: '2026-01-05', urgent: true, dateOfBirth: '1980-05-05' },
    { actor: 'consulent-1', at: '2026-01-05T09:00:00Z' },
  ).state,
  status,
});
const later = { actor: 'consulent-2', at: '2026-06-01T09:00:00Z' };

describe('the transition table', () => {
  for (const law of ['wmo', 'youth', 'participation'] as const) {
    for (const [status, allowed = []] of Object.entries(ALLOWED[law]) as [
      CaseStatus,
      readonly CaseEventType[],
    ][]) {
      for (const type of Object.keys(EVENTS) as CaseEventType[]) {
        const event = EVENTS[type];
        if (allowed.includes(type)) {
          it(`${law}: allows ${type} from ${status}`, () => {
            const result = transition(stateIn(law, status), event, later);
            expect(result.transition).toMatchObject({ event: type, from: status, actor: 'consulent-2' });
          });
        } else {
          it(`${law}: refuses ${type} from ${status} with INVALID_TRANSITION naming both states`, () => {
            const error = errorOf(() => transition(stateIn(law, status), event, later));
            expect(error).toMatchObject({ code: 'INVALID_TRANSITION', statusCode: 409, field: 'status' });
            expect(error.message).toContain(`van '${STATUS_LABELS[status]}' naar '`);
            expect(error.message).toContain(EVENT_LABELS[type]);
          });
        }
      }
    }
  }

  it('names the target state of a refused step', () => {
    const error = errorOf(() => transition(stateIn('wmo', 'reported'), EVENTS.decide, later));
    expect(error.message).toBe(
      "Een Wmo 2015-zaak kan niet van 'gemeld' naar 'besloten' (beslissen): deze stap is in deze status niet toegestaan.",
    );
  });

  it('says when a step does not exist for a law', () => {
    const error = errorOf(() => transition(stateIn('wmo', 'applied'), EVENTS.pay_advance, later));
    expect(error.message).toContain('bestaat niet bij de Wmo 2015');
  });

  it('allows resume only for a suspended case, and the own steps of the municipality only when not', () => {
    const suspended = {
      ...stateIn('youth', 'assessment'),
      suspendedSince: { from: '2026-05-01', reason: 'Wacht' },
    };
    expect(transition(suspended, EVENTS.resume, later).state.suspensions).toEqual([
      { from: '2026-05-01', to: '2026-06-01', reason: 'Wacht' },
    ]);
    for (const type of ['start_assessment', 'decide', 'extend', 'suspend'] as const) {
      expect(errorOf(() => transition(suspended, EVENTS[type], later)).code).toBe('INVALID_TRANSITION');
    }
  });
});
