/**
 * Teams: the neighbourhood teams that handle residents' requests. A case belongs to one team;
 * a case worker sees the cases of the teams he is a member of.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  conflict,
  isUniqueViolation,
  notFound,
  postgresError,
  validationFailed,
} from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { team, teamMember } from './cases-tables.js';

export interface TeamView {
  id: string;
  name: string;
  districtCode: string | null;
  memberIds: string[];
}

export async function listTeams(ctx: TenantContext): Promise<TeamView[]> {
  const teams = await ctx.tx.select().from(team).orderBy(asc(team.name));
  const members = await ctx.tx.select().from(teamMember);
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    districtCode: t.districtCode,
    memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.accountId),
  }));
}

export async function createTeam(
  ctx: TenantContext,
  input: { name: string; districtCode: string | null },
): Promise<TeamView> {
  try {
    const [row] = await ctx.tx
      .insert(team)
      .values({ municipalityCode: ctx.municipalityCode, name: input.name, districtCode: input.districtCode })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { id: row.id, name: row.name, districtCode: row.districtCode, memberIds: [] };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('name', `Er is al een team met de naam ${input.name}.`);
    if (postgresError(error)?.code === '23503') {
      throw validationFailed('districtCode', `Wijk ${input.districtCode} bestaat niet in deze gemeente.`);
    }
    throw error;
  }
}

/** Replaces the team's members; accounts from another municipality do not exist here. */
export async function setTeamMembers(
  ctx: TenantContext,
  teamId: string,
  accountIds: string[],
): Promise<TeamView> {
  const [found] = await ctx.tx.select().from(team).where(eq(team.id, teamId));
  if (!found) throw notFound('Het team', 'id');
  await ctx.tx.delete(teamMember).where(eq(teamMember.teamId, teamId));
  const unique = [...new Set(accountIds)];
  if (unique.length > 0) {
    try {
      await ctx.tx
        .insert(teamMember)
        .values(unique.map((accountId) => ({ municipalityCode: ctx.municipalityCode, teamId, accountId })));
    } catch (error) {
      if (postgresError(error)?.code === '23503') {
        throw validationFailed('accountIds', 'Een of meer accounts bestaan niet in deze gemeente.');
      }
      throw error;
    }
  }
  return { id: found.id, name: found.name, districtCode: found.districtCode, memberIds: unique };
}

/** The teams an account works in. */
export async function teamIdsOf(ctx: TenantContext, accountId: string | null): Promise<string[]> {
  if (!accountId) return [];
  const rows = await ctx.tx
    .select({ teamId: teamMember.teamId })
    .from(teamMember)
    .where(eq(teamMember.accountId, accountId));
  return rows.map((r) => r.teamId);
}

export async function teamNames(ctx: TenantContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(and(inArray(team.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
