/**
 * Providers (aanbieders): the care and support organisations the municipality contracts,
 * identified by AGB code. Provider users see only their own organisation.
 */
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { CONTRACT_READERS } from '../../server/access.js';
import { conflict, isUniqueViolation, notFound } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { likePattern } from '../../shared/schema-helpers.js';
import { listContracts } from './contract-service.js';
import { ownProviderOnly } from './provider-scope.js';
import type { ProviderDetail, ProviderInput, ProviderSummary } from './registry-schema.js';
import { contract, provider } from './registry-tables.js';

// drizzle renders columns unqualified inside a select list, so the outer row is named explicitly.
const contractCount = sql<number>`(select count(*)::int from ${contract} c where c.municipality_code = "provider"."municipality_code" and c.provider_id = "provider"."id")`;

const scope = (ctx: TenantContext) => ownProviderOnly(ctx, provider.id);

export async function listProviders(
  ctx: TenantContext,
  query: { search?: string | undefined; limit: number; offset: number },
): Promise<{ items: ProviderSummary[]; total: number }> {
  const search = query.search
    ? or(ilike(provider.name, likePattern(query.search)), eq(provider.agbCode, query.search))
    : undefined;
  const where = and(scope(ctx), search);
  const items = await ctx.tx
    .select({
      id: provider.id,
      agbCode: provider.agbCode,
      name: provider.name,
      kvkNumber: provider.kvkNumber,
      contractCount,
    })
    .from(provider)
    .where(where)
    .orderBy(asc(provider.name), asc(provider.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(provider).where(where);
  return { items, total: counted?.total ?? 0 };
}

export async function getProvider(ctx: TenantContext, id: string): Promise<ProviderDetail> {
  const [row] = await ctx.tx
    .select({
      id: provider.id,
      agbCode: provider.agbCode,
      name: provider.name,
      kvkNumber: provider.kvkNumber,
    })
    .from(provider)
    .where(and(eq(provider.id, id), scope(ctx)));
  if (!row) throw notFound('De aanbieder', 'id');
  const contracts = await listContracts(ctx, { providerId: id, limit: 500, offset: 0 });
  // Tariffs and budget ceilings are for the roles that may read contracts; others see the count.
  const mayReadContracts = ctx.actor.role === 'system' || CONTRACT_READERS.includes(ctx.actor.role);
  return { ...row, contractCount: contracts.total, contracts: mayReadContracts ? contracts.items : [] };
}

function duplicateAgb(error: unknown, agbCode: string): never {
  if (isUniqueViolation(error)) {
    throw conflict('agbCode', `Er is al een aanbieder met AGB-code ${agbCode} in deze gemeente.`);
  }
  throw error;
}

export async function createProvider(ctx: TenantContext, input: ProviderInput): Promise<ProviderDetail> {
  try {
    const [row] = await ctx.tx
      .insert(provider)
      .values({ municipalityCode: ctx.municipalityCode, ...input })
      .returning({ id: provider.id });
    if (!row) throw new Error('insert returned no row');
    return getProvider(ctx, row.id);
  } catch (error) {
    duplicateAgb(error, input.agbCode);
  }
}

export async function updateProvider(
  ctx: TenantContext,
  id: string,
  input: ProviderInput,
): Promise<ProviderDetail> {
  let updated: { id: string }[];
  try {
    updated = await ctx.tx
      .update(provider)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(provider.id, id), scope(ctx)))
      .returning({ id: provider.id });
  } catch (error) {
    duplicateAgb(error, input.agbCode);
  }
  if (updated.length === 0) throw notFound('De aanbieder', 'id');
  return getProvider(ctx, id);
}

/** For other modules: provider names by id, for the providers that exist in this tenant. */
export async function providerNames(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: provider.id, name: provider.name })
    .from(provider)
    .where(inArray(provider.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** For other modules: providers' names and AGB codes by id, without their contracts. */
export async function providerIdentities(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string; agbCode: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: provider.id, name: provider.name, agbCode: provider.agbCode })
    .from(provider)
    .where(inArray(provider.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}
