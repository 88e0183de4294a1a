/**
 * Demo cases for the worklist: sixty open cases across the three laws, at every stage up to
 * the decision, reported in the last ten weeks. They go through the case service with
 * back-dated steps, so they obey the same state machine and legal clocks as real cases.
 * Dates are relative to the day of seeding, so the worklist always has work that is on time,
 * due soon and overdue.
 */
import { DomainError } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { addDays } from '../cases/calendar-date.js';
import { openSupportCase, recordCaseEvent } from '../cases/case-service.js';
import type { Law } from '../registry/registry-schema.js';

/** The steps that need no reason: the ones the demo takes. */
type Step = 'start_assessment' | 'complete_assessment' | 'apply' | 'pay_advance';

const PATHS: Record<Law, Step[]> = {
  wmo: ['start_assessment', 'complete_assessment', 'apply'],
  youth: ['start_assessment'],
  participation: ['apply', 'pay_advance'],
};

const REQUESTS: Record<Law, string[]> = {
  wmo: [
    'Sinds mijn val kan ik het huis niet meer schoonhouden.',
    'Mijn man heeft dementie en ik red het niet meer alleen.',
    'Ik kom de deur niet meer uit zonder scootmobiel.',
    'Ik heb hulp nodig bij het op orde houden van mijn administratie.',
  ],
  youth: [
    'Onze dochter gaat al maanden niet naar school en sluit zich op.',
    'Mijn zoon is erg boos en agressief thuis; wij weten niet meer wat we moeten doen.',
    'Ons kind heeft na de scheiding veel angsten.',
  ],
  participation: [
    'Ik ben mijn baan kwijt en heb geen inkomen meer.',
    'Ik wil graag weer aan het werk maar weet niet hoe.',
    'Mijn WW loopt af en ik kan de huur niet meer betalen.',
  ],
};

export interface DemoCaseInput {
  residentIds: readonly string[];
  teamIds: readonly string[];
  /** Teams the demo case worker belongs to get most of the cases, so the demo shows work. */
  busyTeamIds: readonly string[];
  count?: number;
  now?: Date;
}

function stamp(date: string, minute: number): string {
  return `${date}T09:${String(minute).padStart(2, '0')}:00+01:00`;
}

export async function seedDemoCases(ctx: TenantContext, input: DemoCaseInput): Promise<number> {
  const now = input.now ?? new Date();
  const today = todayInNetherlands(now);
  const laws: Law[] = ['wmo', 'wmo', 'youth', 'wmo', 'participation', 'youth', 'wmo', 'participation'];
  const count = input.count ?? 60;
  let opened = 0;
  for (let i = 0; i < count; i += 1) {
    const law = laws[i % laws.length] ?? 'wmo';
    const residentId = input.residentIds[(i * 37) % input.residentIds.length];
    const pool = i % 5 < 3 ? input.busyTeamIds : input.teamIds;
    const teamId = pool[i % pool.length];
    if (!residentId || !teamId) continue;
    const ageDays = 3 + ((i * 11) % 68);
    const reportDate = addDays(today, -ageDays);
    const requests = REQUESTS[law];
    const created = await openSupportCase(
      ctx,
      {
        residentId,
        law,
        reportDate,
        request: requests[i % requests.length] ?? requests[0] ?? 'Hulpvraag',
        urgent: i % 17 === 0,
        teamId,
        at: stamp(reportDate, 0),
        ...(law === 'participation'
          ? { participationKind: i % 2 === 0 ? 'income_support' : 'reintegration' }
          : {}),
      },
      now,
    );
    opened += 1;
    // Older cases are further along; every step on its own day, never today (so never in the future).
    const path = PATHS[law];
    const stepsTaken = Math.min(path.length, Math.floor(ageDays / 12) + (i % 2));
    for (let k = 0; k < stepsTaken; k += 1) {
      const step = path[k];
      if (!step) break;
      const day = addDays(reportDate, Math.max(1, Math.floor(((k + 1) * (ageDays - 1)) / (stepsTaken + 1))));
      try {
        await recordCaseEvent(ctx, created.id, { type: step, at: stamp(day, k + 1) }, now);
      } catch (error) {
        // The law may not allow the step yet (the Wmo application before six weeks without an
        // assessment, the search period under 27): the demo case then simply waits there.
        if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') break;
        throw error;
      }
    }
  }
  return opened;
}
