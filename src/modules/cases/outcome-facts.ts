/**
 * The client monitor's facts: one row per decided case in `case_outcome` — law, dates, granted
 * provisions, providers, where the resident lived, the latest evaluation's outcome and how the
 * ZRM scores of the plan's domains moved. Pseudonymous (resident ids, no identity). The row is
 * rewritten whenever a decision or an evaluation is recorded, and the monitor asks only for
 * aggregates (`outcomeTallies`), computed in SQL so that a large municipality's five years of
 * cases stay one quick scan.
 */
import { eq, gt, type SQL, sql } from 'drizzle-orm';
import { type Database, enterTenant, queryRows } from '../../db/connection.js';
import type { TenantContext } from '../../server/request-context.js';
import { SYSTEM_ACTOR, systemTrace } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { residentNeighbourhoods } from '../registry/resident-service.js';
import { type CaseState, clockInputOf } from './case-state-machine.js';
import { caseDecision, caseOutcome, caseOutcomeGeneration } from './cases-tables.js';
import { caseDeadlines, type Law } from './legal-clock.js';
import type { CompensationOutcome, ZrmDomain, ZrmScores } from './self-sufficiency.js';

type OutcomeRow = typeof caseOutcome.$inferInsert;

interface SourceRow {
  case_id: string;
  team_id: string;
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
  planned_evaluation_date: string | null;
}

/** Cases per batch when the whole table is rebuilt. */
const REBUILD_BATCH = 1000;

function sourceQuery(caseIds: readonly string[]) {
  return sql`select c.id as case_id, c.team_id, c.law, c.resident_id, c.state, d.decided_on::text as decided_on,
      (select array_agg(distinct l.provision_id::text) from decision_line l
        where l.municipality_code = c.municipality_code and l.case_id = c.id and l.granted) as provision_ids,
      (select array_agg(distinct a.provider_id::text) from allocation a
        where a.municipality_code = c.municipality_code and a.case_id = c.id) as provider_ids,
      e.outcome, e.evaluated_on::text as evaluated_on, s.goals, s.zrm_intake, e.zrm as zrm_after,
      s.planned_evaluation_date::text as planned_evaluation_date
    from support_case c
    join case_decision d on d.municipality_code = c.municipality_code and d.case_id = c.id
    left join case_assessment s on s.municipality_code = c.municipality_code and s.case_id = c.id
    left join lateral (
      select x.outcome, x.evaluated_on, x.zrm from case_evaluation x
      where x.municipality_code = c.municipality_code and x.case_id = c.id
      order by x.evaluated_on desc, x.recorded_at desc limit 1
    ) e on true
    where c.id in (${sql.join(
      caseIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
}

/** The plan's goal domains, split by how the latest evaluation's score compares to intake. */
export function zrmMovement(
  goalDomains: readonly ZrmDomain[],
  intake: ZrmScores | null,
  after: ZrmScores | null,
): { improved: ZrmDomain[]; same: ZrmDomain[]; worse: ZrmDomain[] } {
  const movement = { improved: [] as ZrmDomain[], same: [] as ZrmDomain[], worse: [] as ZrmDomain[] };
  for (const domain of new Set(goalDomains)) {
    const before = intake?.[domain];
    const now = after?.[domain];
    if (before === undefined || now === undefined) continue;
    if (now > before) movement.improved.push(domain);
    else if (now < before) movement.worse.push(domain);
    else movement.same.push(domain);
  }
  return movement;
}

async function outcomeRows(
  ctx: TenantContext,
  caseIds: readonly string[],
  today: string,
): Promise<OutcomeRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await queryRows<SourceRow>(ctx.tx, sourceQuery(caseIds));
  const homes = await residentNeighbourhoods(
    ctx,
    rows.map((r) => r.resident_id),
  );
  return rows.map((row) => {
    const decision = caseDeadlines(clockInputOf(row.state), today).find((d) => d.kind === 'decision');
    const zrm = zrmMovement(
      (row.goals ?? []).map((g) => g.domain),
      row.zrm_intake,
      row.outcome ? row.zrm_after : null,
    );
    return {
      municipalityCode: ctx.municipalityCode,
      caseId: row.case_id,
      law: row.law,
      residentId: row.resident_id,
      neighbourhoodCode: homes.get(row.resident_id) ?? null,
      teamId: row.team_id,
      reportDate: row.state.reportDate,
      decidedOn: row.decided_on,
      decisionDueDate: decision?.dueDate ?? null,
      // Due while no evaluation on or after the planned date exists (the latest is that one).
      evaluationDueOn:
        row.planned_evaluation_date !== null &&
        (row.evaluated_on === null || row.evaluated_on < row.planned_evaluation_date)
          ? row.planned_evaluation_date
          : null,
      provisionIds: (row.provision_ids ?? []).sort(),
      providerIds: (row.provider_ids ?? []).sort(),
      outcome: row.outcome,
      evaluatedOn: row.outcome ? row.evaluated_on : null,
      zrmImproved: zrm.improved,
      zrmSame: zrm.same,
      zrmWorse: zrm.worse,
    };
  });
}

async function upsert(ctx: TenantContext, rows: OutcomeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await ctx.tx
    .insert(caseOutcomeGeneration)
    .values({
      municipalityCode: ctx.municipalityCode,
      generation: sql`nextval('case_outcome_generation_seq')`,
    })
    .onConflictDoUpdate({
      target: caseOutcomeGeneration.municipalityCode,
      set: { generation: sql`nextval('case_outcome_generation_seq')` },
    });
  await ctx.tx
    .insert(caseOutcome)
    .values(rows)
    .onConflictDoUpdate({
      target: [caseOutcome.municipalityCode, caseOutcome.caseId],
      set: {
        law: sql`excluded.law`,
        residentId: sql`excluded.resident_id`,
        neighbourhoodCode: sql`excluded.neighbourhood_code`,
        teamId: sql`excluded.team_id`,
        reportDate: sql`excluded.report_date`,
        decidedOn: sql`excluded.decided_on`,
        decisionDueDate: sql`excluded.decision_due_date`,
        evaluationDueOn: sql`excluded.evaluation_due_on`,
        provisionIds: sql`excluded.provision_ids`,
        providerIds: sql`excluded.provider_ids`,
        outcome: sql`excluded.outcome`,
        evaluatedOn: sql`excluded.evaluated_on`,
        zrmImproved: sql`excluded.zrm_improved`,
        zrmSame: sql`excluded.zrm_same`,
        zrmWorse: sql`excluded.zrm_worse`,
      },
    });
}

/**
 * Rewrites a decided case's outcome row from the case, its decision, allocations, assessment
 * and latest evaluation. Called in the transaction that records the decision or evaluation.
 * The neighbourhood is kept from the first write: a later move does not shift old outcomes.
 */
export async function refreshCaseOutcome(
  ctx: TenantContext,
  caseId: string,
  now = new Date(),
): Promise<void> {
  const [row] = await outcomeRows(ctx, [caseId], todayInNetherlands(now));
  if (!row) return;
  const [existing] = await ctx.tx
    .select({ neighbourhoodCode: caseOutcome.neighbourhoodCode })
    .from(caseOutcome)
    .where(eq(caseOutcome.caseId, caseId));
  await upsert(ctx, [existing ? { ...row, neighbourhoodCode: existing.neighbourhoodCode } : row]);
}

/** Rebuilds every decided case's outcome row of the tenant, in batches; returns the count. */
export async function rebuildCaseOutcomes(ctx: TenantContext, now = new Date()): Promise<number> {
  const today = todayInNetherlands(now);
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const batch = await ctx.tx
      .select({ caseId: caseDecision.caseId })
      .from(caseDecision)
      .where(gt(caseDecision.caseId, after))
      .orderBy(caseDecision.caseId)
      .limit(REBUILD_BATCH);
    const last = batch.at(-1);
    if (!last) return total;
    const rows = await outcomeRows(
      ctx,
      batch.map((b) => b.caseId),
      today,
    );
    await upsert(ctx, rows);
    total += rows.length;
    after = last.caseId;
  }
}

/**
 * For databases that held decisions before `case_outcome` existed: fills the rows of every
 * municipality with decided cases but no outcome rows. Cheap when there is nothing to do.
 */
export async function backfillCaseOutcomes(database: Database): Promise<string[]> {
  const missing = await database.asSystem((tx) =>
    queryRows<{ municipality_code: string }>(
      tx,
      sql`select distinct d.municipality_code from case_decision d
          where not exists (select 1 from case_outcome o
            where o.municipality_code = d.municipality_code and o.case_id = d.case_id)`,
    ),
  );
  for (const { municipality_code: code } of missing) {
    await database.withTenant(code, async (tx) => {
      await enterTenant(tx, code);
      await rebuildCaseOutcomes({
        tx,
        municipalityCode: code,
        actor: SYSTEM_ACTOR,
        trace: systemTrace('backfill-case-outcomes'),
      });
    });
  }
  return missing.map((m) => m.municipality_code);
}

/**
 * Which state of the tenant's outcomes the tallies would be computed from: it changes with every
 * committed write, and a value is never reused, so figures computed at one value stay right as
 * long as it is current.
 */
export async function outcomeGeneration(ctx: TenantContext): Promise<string> {
  const [row] = await ctx.tx
    .select({ generation: caseOutcomeGeneration.generation })
    .from(caseOutcomeGeneration);
  return String(row?.generation ?? 0n);
}

export interface OutcomeTally {
  key: string;
  evaluated: number;
  compensated: number;
  partly: number;
  not: number;
}

export interface LeadTimeTally {
  law: Law;
  decided: number;
  late: number;
  medianDays: number | null;
}

export interface ZrmTally {
  domain: ZrmDomain;
  improved: number;
  same: number;
  worse: number;
}

export interface OutcomeTallies {
  byProvision: OutcomeTally[];
  byProvider: OutcomeTally[];
  byLaw: OutcomeTally[];
  /** Keyed by the resident's neighbourhood code at decision; '' when unknown. */
  byNeighbourhood: OutcomeTally[];
  /** Keyed by the evaluation's quarter, e.g. 2026-K3. */
  byQuarter: OutcomeTally[];
  leadTimes: LeadTimeTally[];
  zrmChange: ZrmTally[];
}

export const OUTCOME_DIMENSIONS = ['provision', 'provider', 'law', 'neighbourhood', 'quarter'] as const;

export type OutcomeDimension = (typeof OUTCOME_DIMENSIONS)[number];

/** Which decided cases to count; all when empty. */
export interface OutcomeFilter {
  law?: Law | undefined;
  /** Evaluated (for rates) or decided (for lead times) on or after this date. */
  from?: string | undefined;
  /** … and on or before this date. */
  to?: string | undefined;
}

function filterSql(filter: OutcomeFilter, dateColumn: 'evaluated_on' | 'decided_on'): SQL {
  const column = sql.raw(`case_outcome.${dateColumn}`);
  return sql.join(
    [
      sql`true`,
      ...(filter.law ? [sql`case_outcome.law = ${filter.law}`] : []),
      ...(filter.from ? [sql`${column} >= ${filter.from}::date`] : []),
      ...(filter.to ? [sql`${column} <= ${filter.to}::date`] : []),
    ],
    sql` and `,
  );
}

/** Outcome counts per provision, provider, law, neighbourhood and quarter; lead times; ZRM. */
export async function outcomeTallies(
  ctx: TenantContext,
  filter: OutcomeFilter = {},
): Promise<OutcomeTallies> {
  const evaluated = filterSql(filter, 'evaluated_on');
  const counts = sql`count(*)::int as evaluated,
      count(*) filter (where outcome = 'compensated')::int as compensated,
      count(*) filter (where outcome = 'partly_compensated')::int as partly,
      count(*) filter (where outcome = 'not_compensated')::int as not`;
  // One statement, one scan of the evaluated rows per dimension; provisions and providers are
  // arrays because a case may grant several.
  const tallies = await queryRows<OutcomeTally & { dimension: OutcomeDimension }>(
    ctx.tx,
    sql`with o as materialized (
          select law, neighbourhood_code, evaluated_on, outcome, provision_ids, provider_ids
          from case_outcome where outcome is not null and ${evaluated})
        select 'law' as dimension, law as key, ${counts} from o group by law
        union all
        select 'neighbourhood', coalesce(neighbourhood_code, ''), ${counts} from o group by neighbourhood_code
        union all
        select 'quarter', to_char(evaluated_on, 'YYYY-"K"Q'), ${counts} from o group by 2
        union all
        select 'provision', p::text, ${counts} from o cross join lateral unnest(provision_ids) p group by p
        union all
        select 'provider', p::text, ${counts} from o cross join lateral unnest(provider_ids) p group by p`,
  );
  const leadTimes = await queryRows<{ law: Law; decided: number; late: number; median_days: number | null }>(
    ctx.tx,
    sql`select law, count(*)::int as decided,
          count(*) filter (where decided_on > decision_due_date)::int as late,
          percentile_cont(0.5) within group (order by decided_on - report_date)::float8 as median_days
        from case_outcome where ${filterSql(filter, 'decided_on')}
        group by law order by law`,
  );
  const zrm = await queryRows<{ domain: ZrmDomain; improved: number; same: number; worse: number }>(
    ctx.tx,
    sql`select d.domain, count(*) filter (where d.movement = 'improved')::int as improved,
          count(*) filter (where d.movement = 'same')::int as same,
          count(*) filter (where d.movement = 'worse')::int as worse
        from case_outcome
        cross join lateral (
          select unnest(zrm_improved) as domain, 'improved' as movement
          union all select unnest(zrm_same), 'same'
          union all select unnest(zrm_worse), 'worse'
        ) d
        where outcome is not null and ${evaluated}
        group by d.domain`,
  );
  const of = (dimension: OutcomeDimension): OutcomeTally[] =>
    tallies
      .filter((t) => t.dimension === dimension)
      .map(({ key, evaluated: e, compensated, partly, not }) => ({
        key,
        evaluated: e,
        compensated,
        partly,
        not,
      }));
  return {
    byProvision: of('provision'),
    byProvider: of('provider'),
    byLaw: of('law'),
    byNeighbourhood: of('neighbourhood'),
    byQuarter: of('quarter'),
    leadTimes: leadTimes.map((r) => ({
      law: r.law,
      decided: r.decided,
      late: r.late,
      medianDays: r.median_days,
    })),
    zrmChange: zrm,
  };
}

/** One cell of the monitor: the evaluated cases counted under any of some keys of a dimension. */
export interface OutcomeCell {
  dimension: OutcomeDimension;
  /** Several keys for a district, which is the sum of its neighbourhoods ('' for unknown). */
  keys: readonly string[];
  outcome?: CompensationOutcome | undefined;
}

/** The condition on `case_outcome` that selects the cases counted in one cell. */
export function outcomeCellCondition(cell: OutcomeCell, filter: OutcomeFilter): SQL {
  const keys = sql`${sql.join(
    cell.keys.map((k) => sql`${k}`),
    sql`, `,
  )}`;
  const uuids = sql`${sql.join(
    cell.keys.map((k) => sql`${k}::uuid`),
    sql`, `,
  )}`;
  const match =
    cell.keys.length === 0
      ? sql`false`
      : {
          provision: sql`case_outcome.provision_ids && array[${uuids}]`,
          provider: sql`case_outcome.provider_ids && array[${uuids}]`,
          law: sql`case_outcome.law in (${keys})`,
          neighbourhood: sql`(coalesce(case_outcome.neighbourhood_code, '') in (${keys}))`,
          quarter: sql`to_char(case_outcome.evaluated_on, 'YYYY-"K"Q') in (${keys})`,
        }[cell.dimension];
  return sql.join(
    [
      sql`case_outcome.outcome is not null`,
      filterSql(filter, 'evaluated_on'),
      match,
      ...(cell.outcome ? [sql`case_outcome.outcome = ${cell.outcome}`] : []),
    ],
    sql` and `,
  );
}
