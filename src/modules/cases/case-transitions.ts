/**
 * The transition table of the case process: per law, which event moves a case from which status
 * to which, and the guards that carry the law's conditions. Read a row as "event: from → to, if
 * guard"; guards return the Dutch reason for a refusal, so the table reads like the law and
 * `case-state-machine.ts` only executes it.
 *
 * Decisions (and why):
 * - Wmo: no waiver of the assessment. The assessment is the municipality's duty and the law's
 *   only shortcut is applying once its six weeks (moved by suspensions) have passed: from the
 *   day after its last day. An earlier application is refused; the service records it as a report.
 * - Jeugdwet: the request is the application, so the decision term (and its extension) runs
 *   from the start; there is no separate application step.
 * - Participatiewet: the search period (art. 41 lid 4) binds income support only, and is judged
 *   on the applicant's age on the day of the application (turning 27 ends it).
 * - While suspended the municipality does not advance the case (start/complete assessment,
 *   decide, extend): resume first. The resident's own acts (apply, hand in a plan) and withdrawal
 *   stay possible.
 */
import { validationFailed } from '../../server/errors.js';
import type { CaseEventType, CaseState, CaseStatus } from './case-state-machine.js';
import {
  earliestIncomeSupportApplication,
  type Law,
  resolveSuspensions,
  type Suspension,
  wmoDirectApplicationDate,
} from './legal-clock.js';

export const INITIAL_STATUS: Record<Law, CaseStatus> = {
  wmo: 'reported',
  youth: 'requested',
  participation: 'reported',
};

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['decided', 'withdrawn'];

export type Guard = (state: CaseState, on: string) => string | undefined;

export interface Rule {
  event: CaseEventType;
  /** 'open': every status of the law that is not terminal. */
  from: readonly CaseStatus[] | 'open';
  to: CaseStatus | 'unchanged';
  guard?: Guard;
}

const wmoAssessmentLapsed: Guard = (state, on) => {
  const suspensions = resolveSuspensions(allSuspensions(state, on), on, state.reportDate);
  const from = wmoDirectApplicationDate(state.reportDate, suspensions);
  return on < from
    ? `zonder afgerond onderzoek kan de inwoner pas aanvragen vanaf ${from}, na de zes weken van het onderzoek (Wmo 2015 art. 2.3.2).`
    : undefined;
};
const wmoAssessmentDoneOrLapsed: Guard = (state, on) =>
  state.assessmentCompletedDate === undefined ? wmoAssessmentLapsed(state, on) : undefined;

const searchPeriodOver: Guard = (state, on) => {
  if (state.participationKind === 'reintegration') return undefined;
  if (state.dateOfBirth === undefined) {
    throw validationFailed(
      'dateOfBirth',
      'De geboortedatum is nodig om de zoektermijn voor jongeren te bepalen.',
    );
  }
  const earliest = earliestIncomeSupportApplication(state.reportDate, state.dateOfBirth);
  return earliest !== undefined && on < earliest
    ? `wie jonger is dan 27 kan bijstand pas aanvragen vanaf ${earliest}, vier weken na de melding (Participatiewet art. 41 lid 4).`
    : undefined;
};
const incomeSupportOnly: Guard = (state) =>
  state.participationKind === 'reintegration' ? 'een voorschot hoort alleen bij bijstand.' : undefined;
const urgentOnly: Guard = (state) =>
  state.urgent ? undefined : 'een tijdelijke voorziening is er alleen bij een spoedeisende melding.';
const suspended: Guard = (state) => (state.suspendedSince ? undefined : 'de zaak is niet opgeschort.');
const notSuspended: Guard = (state) =>
  state.suspendedSince ? `de zaak is al opgeschort sinds ${state.suspendedSince.from}.` : undefined;

/** The process of each law; read a row as "event: from → to, if guard". */
export const LAW_RULES: Record<Law, readonly Rule[]> = {
  wmo: [
    { event: 'start_assessment', from: ['reported'], to: 'assessment' },
    { event: 'receive_own_plan', from: ['reported', 'assessment'], to: 'unchanged' },
    { event: 'complete_assessment', from: ['assessment'], to: 'unchanged' },
    { event: 'apply', from: ['assessment'], to: 'applied', guard: wmoAssessmentDoneOrLapsed },
    { event: 'apply', from: ['reported'], to: 'applied', guard: wmoAssessmentLapsed },
    { event: 'extend', from: ['applied'], to: 'unchanged' },
    { event: 'decide', from: ['applied'], to: 'decided' },
  ],
  youth: [
    { event: 'start_assessment', from: ['requested'], to: 'assessment' },
    { event: 'extend', from: ['requested', 'assessment'], to: 'unchanged' },
    { event: 'decide', from: ['assessment'], to: 'decided' },
  ],
  participation: [
    { event: 'apply', from: ['reported'], to: 'applied', guard: searchPeriodOver },
    { event: 'pay_advance', from: ['applied'], to: 'unchanged', guard: incomeSupportOnly },
    { event: 'extend', from: ['applied'], to: 'unchanged' },
    { event: 'decide', from: ['applied'], to: 'decided' },
  ],
};

export const COMMON_RULES: readonly Rule[] = [
  { event: 'withdraw', from: 'open', to: 'withdrawn' },
  { event: 'suspend', from: 'open', to: 'unchanged', guard: notSuspended },
  { event: 'resume', from: 'open', to: 'unchanged', guard: suspended },
  { event: 'provide_temporary_provision', from: 'open', to: 'unchanged', guard: urgentOnly },
];

/** The municipality's own steps wait while a case is suspended. */
export const BLOCKED_WHILE_SUSPENDED: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  'start_assessment',
  'complete_assessment',
  'decide',
  'extend',
]);

export const STATUS_LABELS: Record<CaseStatus, string> = {
  reported: 'gemeld',
  requested: 'verzoek ingediend',
  assessment: 'in onderzoek',
  applied: 'aanvraag ingediend',
  decided: 'besloten',
  withdrawn: 'ingetrokken',
};

export const EVENT_LABELS: Record<CaseEventType, string> = {
  start_assessment: 'onderzoek starten',
  complete_assessment: 'onderzoek afronden',
  apply: 'aanvragen',
  decide: 'beslissen',
  withdraw: 'intrekken',
  suspend: 'opschorten',
  resume: 'hervatten',
  extend: 'verdagen',
  receive_own_plan: 'eigen plan ontvangen',
  pay_advance: 'voorschot betalen',
  provide_temporary_provision: 'tijdelijke voorziening verstrekken',
};

export const LAW_LABELS: Record<Law, string> = {
  wmo: 'Wmo 2015',
  youth: 'Jeugdwet',
  participation: 'Participatiewet',
};

/** The closed suspensions plus the running one (open-ended) as the legal clock reads them. */
function allSuspensions(state: CaseState, on: string): Suspension[] {
  const running = state.suspendedSince;
  return running && running.from <= on
    ? [...state.suspensions, { from: running.from, to: null, reason: running.reason }]
    : state.suspensions;
}
