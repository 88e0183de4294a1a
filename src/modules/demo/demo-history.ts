/**
 * Two and a half years of demo case history, through the case services with simulated clocks:
 * reports, assessments with goals and ZRM intake, decisions with allocations under the demo
 * contracts, and evaluations with new ZRM scores. One provision is planted as one that does not
 * compensate (Dagbesteding, WMO-DB): its clients attain their goals far less often, and the
 * client monitor must show that without being told.
 */
import type { TenantContext } from '../../server/request-context.js';
import { recordAssessment } from '../cases/assessment-service.js';
import { addDays } from '../cases/calendar-date.js';
import { openSupportCase, recordCaseEvent } from '../cases/case-service.js';
import { recordDecision } from '../cases/decision-service.js';
import { recordEvaluation } from '../cases/evaluation-service.js';
import type { ZrmDomain } from '../cases/self-sufficiency.js';
import { composeAllocationMessages } from '../messaging/allocation-outbox.js';
import type { Law } from '../registry/registry-schema.js';

export const PLANTED_NON_COMPENSATING_CODE = 'WMO-DB';

export interface HistoryProvision {
  id: string;
  code: string;
  law: Law;
  unit: string;
}

export interface HistoryContract {
  id: string;
  providerId: string;
  startDate: string;
  endDate: string;
  provisionIds: string[];
}

export interface HistoryInput {
  residents: readonly { id: string; dateOfBirth: string }[];
  teamIds: readonly string[];
  provisions: readonly HistoryProvision[];
  contracts: readonly HistoryContract[];
  /** The first report day; the history runs from here to about four months before `now`. */
  from: string;
  count: number;
  now: Date;
  seed?: number;
}

const DOMAINS: Record<Law, ZrmDomain[]> = {
  wmo: ['housing', 'instrumental_adl', 'social_network', 'basic_adl'],
  youth: ['domestic_relations', 'mental_health', 'time_use'],
  participation: ['finances', 'work_education', 'social_participation'],
};

const VOLUME_BY_UNIT: Record<string, number> = {
  '01': 240,
  '04': 8,
  '14': 10,
  '16': 8,
  '82': 1,
  '83': 500,
  '84': 4,
};

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+01:00`;
/** A simulated clock for a step on `date`: the service sees that day as today. */
const clock = (date: string) => new Date(`${date}T16:00:00+01:00`);

export async function seedDemoHistory(
  ctx: TenantContext,
  input: HistoryInput,
): Promise<{ cases: number; evaluations: number }> {
  const random = mulberry32(input.seed ?? 20240201);
  const today = clock(input.now.toISOString().slice(0, 10)).toISOString().slice(0, 10);
  const lastReport = addDays(today, -200);
  const span = Math.max(1, Math.round((Date.parse(lastReport) - Date.parse(input.from)) / 86_400_000));
  const byLaw = (law: Law) =>
    input.provisions.filter(
      (p) => p.law === law && input.contracts.some((c) => c.provisionIds.includes(p.id)),
    );
  let cases = 0;
  let evaluations = 0;
  // Each resident once, of an age that fits the law: youth care for minors, the Wmo for adults,
  // the Participatiewet for people of working age.
  const used = new Set<string>();
  let cursor = 0;
  const fits = (law: Law, dateOfBirth: string, on: string) => {
    const age =
      Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (on.slice(5) < dateOfBirth.slice(5) ? 1 : 0);
    if (law === 'youth') return age >= 0 && age < 18;
    if (law === 'participation') return age >= 27 && age < 66;
    return age >= 18;
  };
  const nextResident = (law: Law, on: string) => {
    for (let tries = 0; tries < input.residents.length; tries += 1) {
      cursor = (cursor + 7) % input.residents.length;
      const candidate = input.residents[cursor];
      if (candidate && !used.has(candidate.id) && fits(law, candidate.dateOfBirth, on)) {
        used.add(candidate.id);
        return candidate;
      }
    }
    return undefined;
  };
  for (let i = 0; i < input.count; i += 1) {
    const roll = random();
    const law: Law = roll < 0.6 ? 'wmo' : roll < 0.85 ? 'youth' : 'participation';
    const candidates = byLaw(law);
    const teamId = input.teamIds[i % input.teamIds.length];
    // Day care is a large provision in most municipalities; its volume also keeps its figures
    // above the disclosure threshold, so the planted result is visible to the board too.
    const planted = candidates.find((p) => p.code === PLANTED_NON_COMPENSATING_CODE);
    const provision =
      planted && random() < 0.25 ? planted : candidates[Math.floor(random() * candidates.length)];
    if (!provision || !teamId) continue;
    const reportDate = addDays(input.from, Math.floor((i / input.count) * span));
    const resident = nextResident(law, reportDate);
    if (!resident) continue;
    const decisionDate = addDays(reportDate, 20 + Math.floor(random() * 10));
    const startDate = addDays(decisionDate, 3);
    const contract = input.contracts.find(
      (c) =>
        c.provisionIds.includes(provision.id) &&
        c.startDate <= startDate &&
        c.endDate >= addDays(startDate, 90),
    );
    if (!contract) continue;
    const endDate = [addDays(startDate, 365), contract.endDate].sort()[0] ?? contract.endDate;

    const opened = await openSupportCase(
      ctx,
      {
        residentId: resident.id,
        law,
        reportDate,
        request: 'Hulpvraag uit de demogeschiedenis.',
        urgent: false,
        teamId,
        at: at(reportDate, 9),
        ...(law === 'participation' ? { participationKind: 'reintegration' as const } : {}),
      },
      clock(reportDate),
    );
    cases += 1;
    const steps: [string, string][] =
      law === 'participation'
        ? [['apply', addDays(reportDate, 1)]]
        : law === 'youth'
          ? [['start_assessment', addDays(reportDate, 3)]]
          : [
              ['start_assessment', addDays(reportDate, 3)],
              ['complete_assessment', addDays(reportDate, 12)],
              ['apply', addDays(reportDate, 14)],
            ];
    for (const [type, day] of steps) {
      await recordCaseEvent(
        ctx,
        opened.id,
        { type: type as 'start_assessment' | 'complete_assessment' | 'apply', at: at(day, 10) },
        clock(day),
      );
    }
    const domains = DOMAINS[law];
    const domain = domains[Math.floor(random() * domains.length)] ?? domains[0] ?? 'housing';
    const intake = 1 + Math.floor(random() * 2);
    const plannedEvaluation = addDays(startDate, 120 + Math.floor(random() * 60));
    const assessment = await recordAssessment(
      ctx,
      opened.id,
      {
        lifeDomains: [domain],
        selfReliance: 'Doet wat hij zelf kan; heeft hulp nodig bij het leefgebied van de hulpvraag.',
        network: 'Het netwerk helpt incidenteel.',
        goals: [{ domain, description: 'Weer zelfredzaam worden op dit leefgebied.' }],
        zrmIntake: { [domain]: intake },
        plannedEvaluationDate: plannedEvaluation,
      },
      clock(addDays(reportDate, 12)),
    );
    await recordDecision(
      ctx,
      opened.id,
      {
        at: at(decisionDate, 11),
        lines: [
          {
            provisionId: provision.id,
            granted: true,
            form: 'in_kind',
            providerId: contract.providerId,
            contractId: contract.id,
            volume: VOLUME_BY_UNIT[provision.unit] ?? 1,
            frequency: '4',
            startDate,
            endDate,
            reasoning: 'De ondersteuning compenseert de beperking op het leefgebied van de hulpvraag.',
          },
        ],
      },
      clock(decisionDate),
    );
    // As after a decision in the app: the allocation goes to the provider's outbox that day.
    const sent = await composeAllocationMessages(ctx, { caseIds: [opened.id], now: clock(decisionDate) });
    if (sent.held.length > 0) throw new Error(`demo allocation held: ${sent.held[0]?.reason}`);
    if (plannedEvaluation >= today) continue;
    // The planted provision: goals are attained far less often.
    const success = provision.code === PLANTED_NON_COMPENSATING_CODE ? 0.2 : 0.75;
    const draw = random();
    const attained = draw < success ? 'yes' : draw < success + 0.12 ? 'partly' : 'no';
    const after = Math.min(5, intake + (attained === 'yes' ? 2 : attained === 'partly' ? 1 : 0));
    const goal = assessment.goals[0];
    if (!goal) continue;
    await recordEvaluation(
      ctx,
      opened.id,
      {
        evaluatedOn: plannedEvaluation,
        goalAttainment: [{ goalId: goal.id, attained }],
        zrm: { [domain]: after },
      },
      clock(plannedEvaluation),
    );
    evaluations += 1;
  }
  return { cases, evaluations };
}
