/**
 * For the monitor: one fact per decided case — law, dates, granted provisions, providers, the
 * latest evaluation's outcome and the ZRM before and after. Pseudonymous (resident ids, no
 * identity): the monitor turns these into aggregates only.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { type CaseState, clockInputOf } from './case-state-machine.js';
import { caseDeadlines, type Law } from './legal-clock.js';
import type { CompensationOutcome, ZrmDomain, ZrmScores } from './self-sufficiency.js';

export interface OutcomeFact {
  caseId: string;
  law: Law;
  residentId: string;
  reportDate: string;
  decidedOn: string;
  decisionDueDate: string | null;
  provisionIds: string[];
  providerIds: string[];
  outcome: CompensationOutcome | null;
  evaluatedOn: string | null;
  goalDomains: ZrmDomain[];
  zrmIntake: ZrmScores | null;
  zrmAfter: ZrmScores | null;
}

interface FactRow {
  case_id: string;
  law: Law;
  resident_id: string;
  state: CaseState;
  decided_on: string;
  provision_ids: string[] | null;
  provider_ids: string[] | null;
  outcome: CompensationOutcome | null;
  evaluated_on: string | null;
  goals: { domain: ZrmDomain }[] | null;
  zrm_intake: ZrmScores | null;
  zrm_after: ZrmScores | null;
}

export async function outcomeFacts(ctx: TenantContext, now = new Date()): Promise<OutcomeFact[]> {
  const rows = await queryRows<FactRow>(
    ctx.tx,
    sql`select c.id as case_id, c.law, c.resident_id, c.state, d.decided_on::text as decided_on,
          (select array_agg(distinct l.provision_id::text) from decision_line l
            where l.municipality_code = c.municipality_code and l.case_id = c.id and l.granted) as provision_ids,
          (select array_agg(distinct a.provider_id::text) from allocation a
            where a.municipality_code = c.municipality_code and a.case_id = c.id) as provider_ids,
          e.outcome, e.evaluated_on::text as evaluated_on, s.goals, s.zrm_intake, e.zrm as zrm_after
        from support_case c
        join case_decision d on d.municipality_code = c.municipality_code and d.case_id = c.id
        left join case_assessment s on s.municipality_code = c.municipality_code and s.case_id = c.id
        left join lateral (
          select x.outcome, x.evaluated_on, x.zrm from case_evaluation x
          where x.municipality_code = c.municipality_code and x.case_id = c.id
          order by x.evaluated_on desc, x.recorded_at desc limit 1
        ) e on true`,
  );
  const today = todayInNetherlands(now);
  return rows.map((row) => {
    const decision = caseDeadlines(clockInputOf(row.state), today).find((d) => d.kind === 'decision');
    return {
      caseId: row.case_id,
      law: row.law,
      residentId: row.resident_id,
      reportDate: row.state.reportDate,
      decidedOn: row.decided_on,
      decisionDueDate: decision?.dueDate ?? null,
      provisionIds: row.provision_ids ?? [],
      providerIds: row.provider_ids ?? [],
      outcome: row.outcome,
      evaluatedOn: row.evaluated_on,
      goalDomains: [...new Set((row.goals ?? []).map((g) => g.domain))],
      zrmIntake: row.zrm_intake,
      zrmAfter: row.zrm_after,
    };
  });
}
