/**
 * The case process per law as a state machine: which event may move a case from which status to
 * which, each step recorded with actor and time. Pure: the service stores what this returns.
 *
 * Decisions (and why):
 * - The transitions are data (`case-transitions.ts`): a table per law plus rules common to all.
 * - Suspension is a flag (`suspendedSince`), not a status: a suspended case resumes exactly
 *   where it was, and a status would have to remember that (or double the table). The closed
 *   periods are kept as [from, to) for the legal clock.
 * - `at` is an instant with a zone (ISO 8601); its legal date (`on`) is the calendar date in the
 *   Netherlands, so 23:30 UTC on 31 December counts as 1 January. History is never back-dated.
 * - Facts that do not change the status (assessment completed, own plan, advance, temporary
 *   provision, extension) are transitions too, so the history is complete and the legal clock's
 *   input follows from the state alone (`clockInputOf`).
 */
import { DomainError, validationFailed } from '../../server/errors.js';
import { isIsoDate, todayInNetherlands } from '../../shared/identifiers.js';
import {
  BLOCKED_WHILE_SUSPENDED,
  COMMON_RULES,
  EVENT_LABELS,
  INITIAL_STATUS,
  LAW_LABELS,
  LAW_RULES,
  type Rule,
  STATUS_LABELS,
  TERMINAL_STATUSES,
} from './case-transitions.js';
import type { CaseClockInput, Extension, Law, Suspension } from './legal-clock.js';

export type CaseStatus = 'reported' | 'requested' | 'assessment' | 'applied' | 'decided' | 'withdrawn';

export type CaseEvent =
  | { type: 'start_assessment' }
  | { type: 'complete_assessment' }
  | { type: 'apply' }
  | { type: 'decide' }
  | { type: 'withdraw'; reason?: string }
  | { type: 'suspend'; reason: string }
  | { type: 'resume' }
  | { type: 'extend'; days: number; reason: string }
  | { type: 'receive_own_plan' }
  | { type: 'pay_advance' }
  | { type: 'provide_temporary_provision' };
export type CaseEventType = CaseEvent['type'];

export interface RecordedTransition {
  event: CaseEventType | 'report';
  from: CaseStatus | null;
  to: CaseStatus;
  actor: string;
  /** The instant, normalised to UTC. */
  at: string;
  /** The legal date: the calendar date in the Netherlands at `at`. */
  on: string;
  reason?: string;
}

export interface CaseState extends Omit<CaseClockInput, 'suspensions' | 'extensions' | 'urgent'> {
  status: CaseStatus;
  urgent: boolean;
  suspendedSince: { from: string; reason: string } | null;
  suspensions: Suspension[];
  extensions: Extension[];
  history: RecordedTransition[];
}

export interface Stamp {
  actor: string;
  at: string;
}

export function clockInputOf(state: CaseState): CaseClockInput {
  const { status: _status, suspendedSince, history: _history, ...input } = state;
  const running = suspendedSince
    ? [{ from: suspendedSince.from, to: null, reason: suspendedSince.reason }]
    : [];
  return { ...input, suspensions: [...state.suspensions, ...running] };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `reportDate` undefined: the step is the report itself, which the caller checks against `on`. */
function checkStamp(stamp: Stamp, reportDate?: string, previousAt?: string): { at: string; on: string } {
  if (stamp.actor.trim() === '') throw validationFailed('actor', 'Vermeld wie deze stap zet.');
  const time = Date.parse(stamp.at);
  if (!ISO_INSTANT.test(stamp.at) || !isIsoDate(stamp.at.slice(0, 10)) || Number.isNaN(time)) {
    throw validationFailed(
      'at',
      `'${stamp.at}' is geen tijdstip met tijdzone (bijv. 2026-03-02T10:15:00+01:00).`,
    );
  }
  const at = new Date(time).toISOString();
  const on = todayInNetherlands(new Date(time));
  if (reportDate !== undefined && on < reportDate) {
    throw validationFailed('at', 'Deze stap ligt vóór de melding.');
  }
  if (previousAt !== undefined && at < previousAt) {
    throw validationFailed('at', 'Deze stap ligt vóór de vorige stap in de geschiedenis.');
  }
  return { at, on };
}

export interface OpenCaseInput {
  law: Law;
  reportDate: string;
  urgent?: boolean;
  participationKind?: 'income_support' | 'reintegration';
  dateOfBirth?: string;
}

/** A new case on its report (Jeugdwet: request), recorded as the first transition. */
export function openCase(
  input: OpenCaseInput,
  stamp: Stamp,
): { state: CaseState; transition: RecordedTransition } {
  if (!isIsoDate(input.reportDate)) throw validationFailed('reportDate', 'De meldingsdatum bestaat niet.');
  if (
    input.dateOfBirth !== undefined &&
    !(isIsoDate(input.dateOfBirth) && input.dateOfBirth <= input.reportDate)
  ) {
    throw validationFailed('dateOfBirth', 'De geboortedatum bestaat niet of ligt na de melding.');
  }
  const { at, on } = checkStamp(stamp);
  if (input.reportDate > on) throw validationFailed('reportDate', 'De meldingsdatum ligt in de toekomst.');
  const status = INITIAL_STATUS[input.law];
  const transition: RecordedTransition = {
    event: 'report',
    from: null,
    to: status,
    actor: stamp.actor,
    at,
    on,
  };
  const state: CaseState = {
    ...input,
    urgent: input.urgent ?? false,
    status,
    suspendedSince: null,
    suspensions: [],
    extensions: [],
    history: [transition],
  };
  return { state, transition };
}

function refuse(state: CaseState, event: CaseEventType, to: CaseStatus, reason: string): DomainError {
  const message = `Een ${LAW_LABELS[state.law]}-zaak kan niet van '${STATUS_LABELS[state.status]}' naar '${STATUS_LABELS[to]}' (${EVENT_LABELS[event]}): ${reason}`;
  return new DomainError('INVALID_TRANSITION', 409, message, 'status');
}

function checkPayload(event: CaseEvent): string | undefined {
  if (event.type === 'suspend' || event.type === 'extend') {
    if (event.reason.trim() === '')
      throw validationFailed('reason', 'Geef de reden (Awb art. 4:14 en 4:15).');
    if (event.type === 'extend' && !(Number.isSafeInteger(event.days) && event.days >= 1)) {
      throw validationFailed('days', 'Een verdaging is een positief aantal dagen.');
    }
    return event.reason.trim();
  }
  return event.type === 'withdraw' ? event.reason?.trim() || undefined : undefined;
}

/** Applies an event's facts to the state (the status is set by the caller). */
function applyFacts(state: CaseState, event: CaseEvent, on: string): CaseState {
  switch (event.type) {
    case 'start_assessment':
    case 'withdraw':
      return state;
    case 'complete_assessment':
      return { ...state, assessmentCompletedDate: state.assessmentCompletedDate ?? on };
    case 'apply':
      return { ...state, applicationDate: on };
    case 'decide':
      return { ...state, decisionDate: on };
    case 'suspend':
      return { ...state, suspendedSince: { from: on, reason: event.reason.trim() } };
    case 'resume': {
      const running = state.suspendedSince;
      // Suspended and resumed on one day: no day was lost, so there is no period to keep.
      if (!running || running.from === on) return { ...state, suspendedSince: null };
      const period = { from: running.from, to: on, reason: running.reason };
      return { ...state, suspendedSince: null, suspensions: [...state.suspensions, period] };
    }
    case 'extend':
      return {
        ...state,
        extensions: [...state.extensions, { days: event.days, reason: event.reason.trim() }],
      };
    case 'receive_own_plan':
      return { ...state, ownPlanReceivedDate: state.ownPlanReceivedDate ?? on };
    case 'pay_advance':
      return { ...state, advancePaidDate: state.advancePaidDate ?? on };
    case 'provide_temporary_provision':
      return { ...state, temporaryProvisionDate: state.temporaryProvisionDate ?? on };
  }
}

/** Whether the law allows `type` on `on` in this state: the status it leads to, or why not. */
function checkStep(
  state: CaseState,
  type: CaseEventType,
  on: string,
): { to: CaseStatus } | { to: CaseStatus; refusal: string } {
  const rules = [...LAW_RULES[state.law], ...COMMON_RULES].filter((r) => r.event === type);
  const target = (rule: Rule | undefined) => (!rule || rule.to === 'unchanged' ? state.status : rule.to);
  const open = !TERMINAL_STATUSES.includes(state.status);
  const rule = rules.find((r) => (r.from === 'open' ? open : r.from.includes(state.status)));
  if (!rule) {
    const refusal =
      rules.length === 0
        ? `deze stap bestaat niet bij de ${LAW_LABELS[state.law]}.`
        : 'deze stap is in deze status niet toegestaan.';
    return { to: target(rules[0]), refusal };
  }
  const to = target(rule);
  if (state.suspendedSince && BLOCKED_WHILE_SUSPENDED.has(type)) {
    return { to, refusal: `de zaak is opgeschort sinds ${state.suspendedSince.from}; hervat haar eerst.` };
  }
  const refusal = rule.guard?.(state, on);
  return refusal === undefined ? { to } : { to, refusal };
}

// Every step, in the order a case usually takes them (the labels' order).
export const CASE_EVENT_TYPES = Object.keys(EVENT_LABELS) as CaseEventType[];

/**
 * The steps the law allows on `on` (the legal date) in this state, so a screen offers only
 * those. `transition` stays the judge: a step listed here may still be refused for its input.
 */
export function allowedEvents(state: CaseState, on: string): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((type) => !('refusal' in checkStep(state, type, on)));
}

/**
 * The state after `event`, and the transition to record. Throws INVALID_TRANSITION (409, field
 * `status`) when the law does not allow the step now, VALIDATION_FAILED for bad input.
 */
export function transition(
  state: CaseState,
  event: CaseEvent,
  stamp: Stamp,
): { state: CaseState; transition: RecordedTransition } {
  const { at, on } = checkStamp(stamp, state.reportDate, state.history.at(-1)?.at);
  const reason = checkPayload(event);
  const step = checkStep(state, event.type, on);
  if ('refusal' in step) throw refuse(state, event.type, step.to, step.refusal);
  const { to } = step;

  const recorded: RecordedTransition = {
    event: event.type,
    from: state.status,
    to,
    actor: stamp.actor,
    at,
    on,
  };
  if (reason !== undefined) recorded.reason = reason;
  let next = applyFacts(state, event, on);
  // A withdrawn case is not suspended any more: close the running period on the day of withdrawal.
  if (event.type === 'withdraw' && next.suspendedSince) next = applyFacts(next, { type: 'resume' }, on);
  return { state: { ...next, status: to, history: [...state.history, recorded] }, transition: recorded };
}
