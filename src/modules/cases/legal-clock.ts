/**
 * The legal clock of a case: the statutory terms of Wmo 2015, Jeugdwet and Participatiewet, and
 * the deadlines a case's history gives on a given day. Pure: no database, no HTTP.
 *
 * Decisions (and why):
 * - Dates are ISO calendar dates counted in whole days (calendar-date.ts), never `Date` local time.
 * - A term of N days from day D ends on D + N: the Awb counts from the day after receipt, and
 *   the last day is still on time (due date inclusive; the day after is overdue).
 * - The Algemene termijnenwet (a term ending on a weekend or holiday runs to the next working
 *   day) is not applied: we plan against the calendar date, which is never later than the legal
 *   end, so a case worker is never told there is more time than there is.
 * - Suspensions (Awb art. 4:15) are half-open [from, to) periods; `to: null` means still
 *   suspended, counted through today. Every suspended day inside a running term moves its end
 *   by a day. They stop the assessment and decision terms only: the resident's own-plan window,
 *   the advance payment and the search period are fixed by the law from the report/application.
 * - Extensions (verdaging, Awb art. 4:14) add days to the decision term only, always with a reason.
 * - A deadline is `met` when its act happened (late acts are `met` too; `metOn` shows when).
 *   A deadline whose duty lapsed (assessment after a direct application, a closed own-plan
 *   window, an unpaid advance after the decision) is left out: it is no longer running.
 */

import { validationFailed as validation } from '../../server/errors.js';
import { addDays, birthdayAt, daysBetween, fromEpochDay, toEpochDay } from './calendar-date.js';

export { addDays, daysBetween } from './calendar-date.js';

export type Law = 'wmo' | 'youth' | 'participation';

/** Wmo 2015 art. 2.3.2 lid 9: the assessment (onderzoek) within six weeks of the report. */
export const WMO_ASSESSMENT_TERM_DAYS = 42;
/** Wmo 2015 art. 2.3.5 lid 2: the decision (beschikking) within two weeks of the application. */
export const WMO_DECISION_TERM_DAYS = 14;
/** Wmo 2015 art. 2.3.2 lid 2: the resident may hand in his own plan within seven days of the report. */
export const WMO_OWN_PLAN_TERM_DAYS = 7;
/** Awb art. 4:13 lid 2: without a term in the law (Jeugdwet, Participatiewet) eight weeks. */
export const AWB_REASONABLE_TERM_DAYS = 56;
/** Participatiewet art. 52 lid 1 sub a: an advance within four weeks while the right is unsettled. */
export const PW_ADVANCE_PAYMENT_TERM_DAYS = 28;
/** Participatiewet art. 41 lid 4: under 27, income support can be applied for four weeks after the report. */
export const PW_SEARCH_PERIOD_DAYS = 28;
export const PW_SEARCH_PERIOD_AGE_LIMIT = 27;
/** Work-planning choice, not law: a deadline within this many days is shown as due soon. */
export const DEFAULT_DUE_SOON_DAYS = 5;

export interface Suspension {
  from: string;
  /** Exclusive end; null while the case is still suspended. */
  to: string | null;
  reason: string;
}

export interface Extension {
  days: number;
  reason: string;
}

/** Suspensions checked and resolved to day numbers, sorted; an open one runs through `today`. */
export function resolveSuspensions(
  suspensions: readonly Suspension[],
  today: string,
  notBefore?: string,
): { from: number; to: number }[] {
  const todayDay = toEpochDay(today, 'today');
  const resolved = suspensions.map((s, i) => {
    const field = `suspensions.${i}`;
    if (s.reason.trim() === '') throw validation(`${field}.reason`, 'Geef de reden van de opschorting.');
    const from = toEpochDay(s.from, `${field}.from`);
    const to = s.to === null ? Math.max(todayDay + 1, from + 1) : toEpochDay(s.to, `${field}.to`);
    if (to <= from) {
      throw validation(`${field}.to`, 'De opschorting eindigt op of vóór haar begindatum.');
    }
    if (notBefore !== undefined && from < toEpochDay(notBefore)) {
      throw validation(`${field}.from`, 'De opschorting begint vóór de melding.');
    }
    return { from, to, index: i };
  });
  resolved.sort((a, b) => a.from - b.from);
  for (let i = 1; i < resolved.length; i += 1) {
    const previous = resolved[i - 1];
    const current = resolved[i];
    if (previous && current && current.from < previous.to) {
      throw validation(`suspensions.${current.index}.from`, 'Deze opschorting overlapt met een andere.');
    }
  }
  return resolved.map(({ from, to }) => ({ from, to }));
}

/**
 * The last day of a term of `termDays` from `start`, after `extraDays` of extension and every
 * suspended day that falls inside the (moving) term. `suspensions` must be sorted and disjoint.
 */
export function termEnd(
  start: string,
  termDays: number,
  suspensions: readonly { from: number; to: number }[] = [],
  extraDays = 0,
): string {
  const firstCountedDay = toEpochDay(start, 'start') + 1;
  let end = firstCountedDay - 1 + termDays + extraDays;
  for (const period of suspensions) {
    const from = Math.max(period.from, firstCountedDay);
    // Sorted, so once a suspension starts after the term has run out, all later ones do too.
    if (from > end) break;
    if (period.to > from) end += period.to - from;
  }
  return fromEpochDay(end);
}

/**
 * Participatiewet art. 41 lid 4: the first day an applicant may apply for income support, or
 * undefined when no search period applies (27 or older on the report date). Turning 27 during
 * the search period ends it: the law speaks of the applicant's age when he applies.
 */
export function earliestIncomeSupportApplication(
  reportDate: string,
  dateOfBirth: string,
): string | undefined {
  const turns27 = birthdayAt(dateOfBirth, PW_SEARCH_PERIOD_AGE_LIMIT);
  if (turns27 <= reportDate) return undefined;
  const afterSearch = addDays(reportDate, PW_SEARCH_PERIOD_DAYS, 'reportDate');
  return turns27 < afterSearch ? turns27 : afterSearch;
}

/** Wmo 2015: without a finished assessment the resident may apply once its (suspended) term has passed. */
export function wmoDirectApplicationDate(
  reportDate: string,
  suspensions: readonly { from: number; to: number }[],
): string {
  return addDays(termEnd(reportDate, WMO_ASSESSMENT_TERM_DAYS, suspensions), 1);
}

export type DeadlineKind =
  | 'temporary_provision'
  | 'own_plan'
  | 'assessment'
  | 'earliest_application'
  | 'advance_payment'
  | 'decision';
export type DeadlineStatus = 'open' | 'met' | 'due_soon' | 'overdue';

export interface Deadline {
  kind: DeadlineKind;
  dueDate: string;
  status: DeadlineStatus;
  /** When the act that met the deadline happened; later than `dueDate` when it was met late. */
  metOn?: string;
}

/** A case's history as the clock needs it: the dates of what happened so far. */
export interface CaseClockInput {
  law: Law;
  /** Wmo/Participatiewet: the report (melding). Jeugdwet: the request, which is the application. */
  reportDate: string;
  urgent?: boolean;
  /** Participatiewet: income support has an advance and a search period; re-integration has not. */
  participationKind?: 'income_support' | 'reintegration';
  dateOfBirth?: string;
  applicationDate?: string;
  assessmentCompletedDate?: string;
  decisionDate?: string;
  ownPlanReceivedDate?: string;
  advancePaidDate?: string;
  temporaryProvisionDate?: string;
  suspensions?: readonly Suspension[];
  extensions?: readonly Extension[];
}

export interface DeadlineOptions {
  dueSoonDays?: number;
}

const EVENT_FIELDS = [
  'applicationDate',
  'assessmentCompletedDate',
  'decisionDate',
  'ownPlanReceivedDate',
  'advancePaidDate',
  'temporaryProvisionDate',
] as const;

function validateInput(input: CaseClockInput, today: string): void {
  const report = toEpochDay(input.reportDate, 'reportDate');
  if (toEpochDay(today, 'today') < report) throw validation('today', 'De peildatum ligt vóór de melding.');
  for (const field of EVENT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const day = toEpochDay(value, field);
    if (day < report) throw validation(field, 'Deze datum ligt vóór de melding.');
    if (day > toEpochDay(today)) throw validation(field, 'Deze datum ligt na de peildatum.');
  }
  if (input.law === 'youth' && input.applicationDate !== undefined) {
    throw validation(
      'applicationDate',
      'Bij de Jeugdwet is het verzoek de aanvraag: vul alleen de meldingsdatum in.',
    );
  }
  for (const field of ['decisionDate', 'advancePaidDate'] as const) {
    const value = input[field];
    if (value === undefined || input.law === 'youth') continue;
    if (input.applicationDate === undefined || value < input.applicationDate) {
      throw validation(field, 'Deze datum ligt vóór de aanvraag.');
    }
  }
  if (input.dateOfBirth !== undefined && toEpochDay(input.dateOfBirth, 'dateOfBirth') > report) {
    throw validation('dateOfBirth', 'De geboortedatum ligt na de melding.');
  }
  for (const [i, extension] of (input.extensions ?? []).entries()) {
    if (!Number.isSafeInteger(extension.days) || extension.days < 1) {
      throw validation(`extensions.${i}.days`, 'Een verdaging is een positief aantal dagen.');
    }
    if (extension.reason.trim() === '') {
      throw validation(`extensions.${i}.reason`, 'Geef de reden van de verdaging (Awb art. 4:14).');
    }
  }
}

function statusOn(dueDate: string, today: string, dueSoonDays: number): DeadlineStatus {
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due_soon' : 'open';
}

/**
 * Every deadline of the case on `today`, in the order the process meets them. Throws
 * VALIDATION_FAILED (with the field) for impossible dates, overlapping or inverted suspensions,
 * events before the report and extensions without a reason.
 */
export function caseDeadlines(
  input: CaseClockInput,
  today: string,
  options: DeadlineOptions = {},
): Deadline[] {
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isSafeInteger(dueSoonDays) || dueSoonDays < 0) {
    throw validation(
      'dueSoonDays',
      'Het aantal dagen voor "bijna verlopen" is een geheel getal van 0 of meer.',
    );
  }
  validateInput(input, today);
  const suspended = resolveSuspensions(input.suspensions ?? [], today, input.reportDate);
  const extensionDays = (input.extensions ?? []).reduce((sum, e) => sum + e.days, 0);
  const incomeSupport = input.law === 'participation' && input.participationKind !== 'reintegration';
  const deadlines: Deadline[] = [];

  /** `met` wins; a lapsed duty is dropped; otherwise the status follows from today. */
  const add = (kind: DeadlineKind, dueDate: string, metOn: string | undefined, lapsed = false) => {
    if (metOn !== undefined) deadlines.push({ kind, dueDate, status: 'met', metOn });
    else if (!lapsed) deadlines.push({ kind, dueDate, status: statusOn(dueDate, today, dueSoonDays) });
  };

  if (input.urgent) {
    // Wmo 2015 art. 2.3.3: urgent needs get a temporary provision at once, until the decision.
    add(
      'temporary_provision',
      input.reportDate,
      input.temporaryProvisionDate,
      input.decisionDate !== undefined,
    );
  }
  if (input.law === 'wmo') {
    const ownPlanDue = addDays(input.reportDate, WMO_OWN_PLAN_TERM_DAYS);
    add('own_plan', ownPlanDue, input.ownPlanReceivedDate, today > ownPlanDue);
    const assessmentDue = termEnd(input.reportDate, WMO_ASSESSMENT_TERM_DAYS, suspended);
    add('assessment', assessmentDue, input.assessmentCompletedDate, input.applicationDate !== undefined);
  }
  if (incomeSupport && input.dateOfBirth !== undefined) {
    const earliest = earliestIncomeSupportApplication(input.reportDate, input.dateOfBirth);
    // A "not before" date, not a duty: reached is `met`, and it is never overdue.
    if (earliest !== undefined && input.applicationDate === undefined) {
      deadlines.push(
        today >= earliest
          ? { kind: 'earliest_application', dueDate: earliest, status: 'met', metOn: earliest }
          : { kind: 'earliest_application', dueDate: earliest, status: 'open' },
      );
    }
  }
  const decisionStart = input.law === 'youth' ? input.reportDate : input.applicationDate;
  if (decisionStart === undefined) return deadlines;
  if (incomeSupport) {
    const advanceDue = addDays(decisionStart, PW_ADVANCE_PAYMENT_TERM_DAYS);
    // A decision within the term settles the right, so no advance is owed.
    const settledInTime = input.decisionDate !== undefined && input.decisionDate <= advanceDue;
    const metOn = input.advancePaidDate ?? (settledInTime ? input.decisionDate : undefined);
    add('advance_payment', advanceDue, metOn, input.decisionDate !== undefined);
  }
  const decisionTerm = input.law === 'wmo' ? WMO_DECISION_TERM_DAYS : AWB_REASONABLE_TERM_DAYS;
  add('decision', termEnd(decisionStart, decisionTerm, suspended, extensionDays), input.decisionDate);
  return deadlines;
}

/** For worklists: a deadline that needs a case worker's attention now. */
export function needsAttention(deadline: Deadline): boolean {
  return deadline.status === 'due_soon' || deadline.status === 'overdue';
}
