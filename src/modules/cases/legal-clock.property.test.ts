import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, toEpochDay } from './calendar-date.js';
import {
  type CaseClockInput,
  caseDeadlines,
  resolveSuspensions,
  type Suspension,
  termEnd,
} from './legal-clock.js';

const reportDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Disjoint, closed suspensions after `start`, built from gaps and lengths so they never overlap. */
const suspensionsAfter = (start: string) =>
  fc.array(fc.tuple(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 30 })), { maxLength: 4 }).map((parts) => {
    let cursor = start;
    return parts.map(([gap, length]): Suspension => {
      const from = addDays(cursor, gap);
      cursor = addDays(from, length);
      return { from, to: cursor, reason: 'Gegevens opgevraagd' };
    });
  });

const term = fc.constantFrom(7, 14, 28, 42, 56);

describe('legal clock properties', () => {
  it('never puts a deadline before the report, whatever the history', () => {
    const scenario = reportDate.chain((report) =>
      fc.record({
        law: fc.constantFrom('wmo' as const, 'youth' as const, 'participation' as const),
        report: fc.constant(report),
        applyAfter: fc.option(fc.nat({ max: 120 }), { nil: undefined }),
        urgent: fc.boolean(),
        age: fc.integer({ min: 16, max: 80 }),
        suspensions: suspensionsAfter(report),
        extension: fc.nat({ max: 42 }),
        todayAfter: fc.nat({ max: 400 }),
      }),
    );
    fc.assert(
      fc.property(scenario, (s) => {
        const applicationDate =
          s.law === 'youth' || s.applyAfter === undefined ? undefined : addDays(s.report, s.applyAfter);
        const today = addDays(s.report, s.todayAfter + (s.applyAfter ?? 0));
        const input: CaseClockInput = {
          law: s.law,
          reportDate: s.report,
          urgent: s.urgent,
          dateOfBirth: addDays(s.report, -Math.round(s.age * 365.25)),
          suspensions: s.suspensions,
          extensions: s.extension > 0 ? [{ days: s.extension, reason: 'Advies nodig' }] : [],
          ...(applicationDate === undefined ? {} : { applicationDate }),
        };
        for (const deadline of caseDeadlines(input, today)) {
          expect(deadline.dueDate >= s.report).toBe(true);
        }
      }),
    );
  });

  it('never shortens a term by a suspension, and lengthens it by exactly the suspended days inside it', () => {
    const scenario = fc
      .tuple(reportDate, term)
      .chain(([start, days]) => fc.tuple(fc.constant(start), fc.constant(days), suspensionsAfter(start)));
    fc.assert(
      fc.property(scenario, ([start, days, suspensions]) => {
        const plain = termEnd(start, days);
        const resolved = resolveSuspensions(suspensions, addDays(start, 400));
        const moved = termEnd(start, days, resolved);
        expect(daysBetween(plain, moved)).toBeGreaterThanOrEqual(0);
        // Count the suspended days that fall within (start, moved]: the term must have lost exactly those.
        let suspendedInside = 0;
        for (let day = toEpochDay(start) + 1; day <= toEpochDay(moved); day += 1) {
          if (resolved.some((p) => p.from <= day && day < p.to)) suspendedInside += 1;
        }
        expect(daysBetween(start, moved) - suspendedInside).toBe(days);
        // And the last day itself is a counted (not suspended) day.
        expect(resolved.some((p) => p.from <= toEpochDay(moved) && toEpochDay(moved) < p.to)).toBe(false);
      }),
    );
  });

  it('adding a suspension never makes a deadline earlier', () => {
    const scenario = fc
      .tuple(reportDate, term)
      .chain(([start, days]) => fc.tuple(fc.constant(start), fc.constant(days), suspensionsAfter(start)));
    fc.assert(
      fc.property(scenario, ([start, days, suspensions]) => {
        const today = addDays(start, 400);
        let previous = termEnd(start, days);
        for (let n = 1; n <= suspensions.length; n += 1) {
          const next = termEnd(start, days, resolveSuspensions(suspensions.slice(0, n), today));
          expect(next >= previous).toBe(true);
          previous = next;
        }
      }),
    );
  });

  it('calls a deadline overdue exactly when today is past it', () => {
    fc.assert(
      fc.property(reportDate, fc.nat({ max: 120 }), fc.nat({ max: 10 }), (report, after, margin) => {
        const today = addDays(report, after);
        for (const d of caseDeadlines({ law: 'wmo', reportDate: report }, today, { dueSoonDays: margin })) {
          const left = daysBetween(today, d.dueDate);
          expect(d.status).toBe(left < 0 ? 'overdue' : left <= margin ? 'due_soon' : 'open');
        }
      }),
    );
  });
});
