/**
 * The case an assessment or evaluation belongs to, as the actor may reach it: a case worker
 * reaches his teams' cases only, and another team's case does not exist for him (404). Reads the
 * cases module's own table without logging a case view; the caller logs its own processing.
 */
import { and, type Column, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import type { ProcessingSubject } from '../processing-log/processing-log-service.js';
import { residentIdentities } from '../registry/resident-service.js';
import { supportCase } from './cases-tables.js';
import { teamIdsOf } from './teams-service.js';

export type ScopedCase = typeof supportCase.$inferSelect & { subject: ProcessingSubject };

/**
 * The teams whose cases the actor works on; the system actor (seed, jobs) works on all. On the
 * case's own team column unless another table carrying it (the outcome rows) is scanned.
 */
export async function caseTeamScope(
  ctx: TenantContext,
  teamColumn: Column = supportCase.teamId,
): Promise<SQL> {
  if (ctx.actor.role === 'system') return sql`true`;
  const teams = await teamIdsOf(ctx, ctx.actor.id);
  return teams.length > 0 ? inArray(teamColumn, teams) : sql`false`;
}

/**
 * The case, locked for the rest of the transaction when `lock` is set, so two writes on one case
 * (an assessment rewrite and an evaluation) see each other's result.
 */
export async function scopedCase(ctx: TenantContext, id: string, lock = false): Promise<ScopedCase> {
  const query = ctx.tx
    .select()
    .from(supportCase)
    .where(and(eq(supportCase.id, id), await caseTeamScope(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('De casus', 'id');
  const identity = (await residentIdentities(ctx, [row.residentId])).get(row.residentId);
  if (!identity) throw new Error(`case ${row.id} refers to a missing resident`);
  return { ...row, subject: { residentId: row.residentId, bsn: identity.bsn } };
}
