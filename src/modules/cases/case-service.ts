/**
 * Cases: a resident's request for support under one law, taken through the state machine with
 * its legal clocks. Case workers see the cases of their own teams; every read and step is
 * written to the processing log in the same transaction.
 */
import { and, asc, count, desc, eq, inArray, like, notInArray, sql } from 'drizzle-orm';
import { notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import { residentIdentities } from '../registry/resident-service.js';
import { caseTeamScope } from './assessment-case-scope.js';
import { addDays } from './calendar-date.js';
import { allowedEvents, type CaseState, clockInputOf, openCase, transition } from './case-state-machine.js';
import { STATUS_LABELS, TERMINAL_STATUSES } from './case-transitions.js';
import type { CaseDetail, CaseEventBody, CaseSummary, OpenCaseBody } from './cases-schema.js';
import { CASE_LAWS, CASE_STATUSES } from './cases-schema.js';
import { caseOutcome, supportCase } from './cases-tables.js';
import { caseDeadlines, DEFAULT_DUE_SOON_DAYS, type Deadline } from './legal-clock.js';
import { type OutcomeCell, type OutcomeFilter, outcomeCellCondition } from './outcome-facts.js';
import type { CompensationOutcome } from './self-sufficiency.js';
import { teamIdsOf, teamNames } from './teams-service.js';

type CaseRow = typeof supportCase.$inferSelect;

/** Longest list of cases one request returns. */
const CASE_LIST_LIMIT = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Instants a little ahead of the server clock are allowed; the future is not. */
const CLOCK_SKEW_MS = 5 * 60_000;

function nextOpenDeadline(deadlines: Deadline[]): Deadline | null {
  const open = deadlines.filter((d) => d.status !== 'met').sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return open[0] ?? null;
}

function deadlinesOf(state: CaseState, today: string): Deadline[] {
  return TERMINAL_STATUSES.includes(state.status) ? [] : caseDeadlines(clockInputOf(state), today);
}

async function myTeams(ctx: TenantContext): Promise<string[]> {
  return teamIdsOf(ctx, ctx.actor.id);
}

async function nextReference(ctx: TenantContext, year: string): Promise<string> {
  const [last] = await ctx.tx
    .select({ reference: supportCase.reference })
    .from(supportCase)
    .where(like(supportCase.reference, `${year}-%`))
    .orderBy(desc(supportCase.reference))
    .limit(1);
  const next = last ? Number(last.reference.slice(5)) + 1 : 1;
  return `${year}-${String(next).padStart(6, '0')}`;
}

function checkInstant(at: string | undefined, now: Date): string {
  if (at === undefined) return now.toISOString();
  if (Date.parse(at) > now.getTime() + CLOCK_SKEW_MS) {
    throw validationFailed('at', 'Dit tijdstip ligt in de toekomst.');
  }
  return at;
}

async function summaries(
  ctx: TenantContext,
  rows: CaseRow[],
  today: string,
): Promise<(CaseSummary & { bsn: string })[]> {
  const identities = await residentIdentities(
    ctx,
    rows.map((r) => r.residentId),
  );
  const teams = await teamNames(ctx, [...new Set(rows.map((r) => r.teamId))]);
  return rows.map((row) => {
    const identity = identities.get(row.residentId);
    const law = CASE_LAWS.find((l) => l === row.law);
    const status = CASE_STATUSES.find((s) => s === row.status);
    if (!identity || !law || !status) throw new Error(`case ${row.id} refers to missing or unknown data`);
    return {
      id: row.id,
      reference: row.reference,
      law,
      status,
      statusLabel: STATUS_LABELS[status],
      residentId: row.residentId,
      residentName: identity.name,
      bsn: identity.bsn,
      teamId: row.teamId,
      teamName: teams.get(row.teamId) ?? '',
      reportDate: row.state.reportDate,
      urgent: row.state.urgent,
      suspended: row.state.suspendedSince !== null,
      nextDeadline: nextOpenDeadline(deadlinesOf(row.state, today)),
    };
  });
}

async function detail(ctx: TenantContext, row: CaseRow, today: string): Promise<CaseDetail> {
  const [summary] = await summaries(ctx, [row], today);
  if (!summary) throw new Error('case summary missing');
  const { bsn, ...rest } = summary;
  return {
    ...rest,
    request: row.requestText,
    residentBsn: bsn,
    deadlines: deadlinesOf(row.state, today),
    history: row.state.history,
    allowedEvents: allowedEvents(row.state, today),
  };
}

/** A case of one of the actor's teams; another team's case does not exist (404). */
export async function loadScoped(ctx: TenantContext, id: string): Promise<CaseRow> {
  const [row] = await ctx.tx
    .select()
    .from(supportCase)
    .where(and(eq(supportCase.id, id), await caseTeamScope(ctx)));
  if (!row) throw notFound('De casus', 'id');
  return row;
}

function dueColumns(state: CaseState, today: string) {
  const next = nextOpenDeadline(deadlinesOf(state, today));
  return { nextDueDate: next?.dueDate ?? null, nextDueKind: next?.kind ?? null };
}

export async function openSupportCase(
  ctx: TenantContext,
  input: OpenCaseBody,
  now = new Date(),
): Promise<CaseDetail> {
  const teams = await myTeams(ctx);
  const teamId = input.teamId ?? teams[0];
  if (!teamId)
    throw validationFailed(
      'teamId',
      'U hoort bij geen team; vraag de beheerder u aan een team toe te voegen.',
    );
  if (!teams.includes(teamId) && ctx.actor.role !== 'system') {
    throw validationFailed('teamId', 'U kunt alleen casussen openen voor een team waarvan u lid bent.');
  }
  const identity = (await residentIdentities(ctx, [input.residentId])).get(input.residentId);
  if (!identity) throw validationFailed('residentId', 'Deze inwoner bestaat niet in uw gemeente.');
  if (input.participationKind && input.law !== 'participation') {
    throw validationFailed('participationKind', 'Het soort aanvraag hoort alleen bij de Participatiewet.');
  }
  const opened = openCase(
    {
      law: input.law,
      reportDate: input.reportDate,
      urgent: input.urgent,
      dateOfBirth: identity.dateOfBirth,
      ...(input.law === 'participation'
        ? { participationKind: input.participationKind ?? 'income_support' }
        : {}),
    },
    { actor: ctx.actor.name, at: checkInstant(input.at, now) },
  );
  const today = todayInNetherlands(now);
  const [row] = await ctx.tx
    .insert(supportCase)
    .values({
      municipalityCode: ctx.municipalityCode,
      reference: await nextReference(ctx, today.slice(0, 4)),
      residentId: input.residentId,
      teamId,
      law: input.law,
      status: opened.state.status,
      requestText: input.request,
      state: opened.state,
      ...dueColumns(opened.state, today),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordProcessing(ctx, 'case.open', 'create', [{ residentId: input.residentId, bsn: identity.bsn }]);
  return detail(ctx, row, today);
}

export async function getSupportCase(ctx: TenantContext, id: string, now = new Date()): Promise<CaseDetail> {
  const row = await loadScoped(ctx, id);
  const view = await detail(ctx, row, todayInNetherlands(now));
  await recordProcessing(ctx, 'case.view', 'read', [{ residentId: row.residentId, bsn: view.residentBsn }]);
  return view;
}

export async function recordCaseEvent(
  ctx: TenantContext,
  id: string,
  body: CaseEventBody,
  now = new Date(),
): Promise<CaseDetail> {
  const row = await loadScoped(ctx, id);
  const { at, ...event } = body;
  const next = transition(row.state, event, { actor: ctx.actor.name, at: checkInstant(at, now) });
  const today = todayInNetherlands(now);
  const [updated] = await ctx.tx
    .update(supportCase)
    .set({ status: next.state.status, state: next.state, updatedAt: now, ...dueColumns(next.state, today) })
    .where(eq(supportCase.id, id))
    .returning();
  if (!updated) throw notFound('De casus', 'id');
  const view = await detail(ctx, updated, today);
  await recordProcessing(ctx, 'case.update', 'update', [
    { residentId: row.residentId, bsn: view.residentBsn },
  ]);
  return view;
}

/**
 * Open cases of the case worker's teams, the most urgent deadline first, one page at a time:
 * only the residents of the page are read and logged.
 */
export async function caseWorklist(
  ctx: TenantContext,
  query: { teamId?: string | undefined; attention?: boolean; limit: number; offset: number },
  now = new Date(),
): Promise<{ items: CaseSummary[]; total: number }> {
  const teams = await myTeams(ctx);
  if (query.teamId && !teams.includes(query.teamId)) {
    throw validationFailed('teamId', 'U ziet alleen de werkvoorraad van uw eigen teams.');
  }
  const today = todayInNetherlands(now);
  const selected = query.teamId ? [query.teamId] : teams;
  if (selected.length === 0) return { items: [], total: 0 };
  const where = and(
    inArray(supportCase.teamId, selected),
    notInArray(supportCase.status, [...TERMINAL_STATUSES]),
    query.attention ? sql`${supportCase.nextDueDate} <= ${addDays(today, DEFAULT_DUE_SOON_DAYS)}` : undefined,
  );
  const rows = await ctx.tx
    .select()
    .from(supportCase)
    .where(where)
    .orderBy(sql`${supportCase.nextDueDate} asc nulls last`, asc(supportCase.reference))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(supportCase).where(where);
  const items = await summaries(ctx, rows, today);
  await recordProcessing(
    ctx,
    'case.worklist',
    'read',
    items.map((c) => ({ residentId: c.residentId, bsn: c.bsn })),
  );
  return { items: items.map(({ bsn: _bsn, ...summary }) => summary), total: counted?.total ?? 0 };
}

export type OutcomeCaseSummary = CaseSummary & {
  outcome: CompensationOutcome | null;
  evaluatedOn: string | null;
};

/**
 * The cases behind one cell of the client monitor, as far as they are the actor's teams' cases;
 * the latest evaluation first, one page at a time. Each listed resident is logged.
 */
export async function casesBehindOutcome(
  ctx: TenantContext,
  cell: OutcomeCell,
  filter: OutcomeFilter,
  paging: { limit: number; offset: number },
  now = new Date(),
): Promise<{ items: OutcomeCaseSummary[]; total: number }> {
  if (cell.dimension === 'provision' || cell.dimension === 'provider') {
    const bad = cell.keys.findIndex((k) => !UUID.test(k));
    if (bad >= 0) throw validationFailed('key', 'Deze sleutel is geen geldige id.');
  }
  const joined = and(
    eq(caseOutcome.municipalityCode, supportCase.municipalityCode),
    eq(caseOutcome.caseId, supportCase.id),
  );
  const where = and(await caseTeamScope(ctx, caseOutcome.teamId), outcomeCellCondition(cell, filter));
  const rows = await ctx.tx
    .select({ row: supportCase, outcome: caseOutcome.outcome, evaluatedOn: caseOutcome.evaluatedOn })
    .from(supportCase)
    .innerJoin(caseOutcome, joined)
    .where(where)
    .orderBy(desc(caseOutcome.evaluatedOn), asc(supportCase.reference))
    .limit(paging.limit)
    .offset(paging.offset);
  // Team and cell are both conditions on the outcome row: the count needs no case.
  const [counted] = await ctx.tx.select({ total: count() }).from(caseOutcome).where(where);
  const items = await summaries(
    ctx,
    rows.map((r) => r.row),
    todayInNetherlands(now),
  );
  await recordProcessing(
    ctx,
    'case.outcome-list',
    'read',
    items.map((c) => ({ residentId: c.residentId, bsn: c.bsn })),
  );
  return {
    items: items.map(({ bsn: _bsn, ...summary }, i) => ({
      ...summary,
      outcome: (rows[i]?.outcome ?? null) as CompensationOutcome | null,
      evaluatedOn: rows[i]?.evaluatedOn ?? null,
    })),
    total: counted?.total ?? 0,
  };
}

/** A resident's cases as far as they belong to the actor's teams, the newest report first. */
export async function casesOfResident(
  ctx: TenantContext,
  residentId: string,
  now = new Date(),
): Promise<CaseSummary[]> {
  const rows = await ctx.tx
    .select()
    .from(supportCase)
    .where(and(eq(supportCase.residentId, residentId), await caseTeamScope(ctx)))
    .orderBy(desc(supportCase.createdAt))
    .limit(CASE_LIST_LIMIT);
  const items = await summaries(ctx, rows, todayInNetherlands(now));
  if (items[0]) {
    await recordProcessing(ctx, 'case.resident-list', 'read', [{ residentId, bsn: items[0].bsn }]);
  }
  return items.map(({ bsn: _bsn, ...summary }) => summary);
}
