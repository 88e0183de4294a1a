/**
 * Provisions (voorzieningen): what the municipality offers under each law, with the intent —
 * the policy goal the provision serves — so contracts and decisions stay traceable to it.
 */
import { and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import { conflict, isUniqueViolation, notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { likePattern } from '../../shared/schema-helpers.js';
import { provisionViolation } from './provision-rules.js';
import { LAWS, PROVISION_KINDS, type ProvisionInput, type ProvisionView } from './registry-schema.js';
import { provision } from './registry-tables.js';

function toView(row: typeof provision.$inferSelect): ProvisionView {
  const law = LAWS.find((l) => l === row.law);
  const kind = PROVISION_KINDS.find((k) => k === row.kind);
  if (!law || !kind) throw new Error(`provision ${row.id} has an unknown law or kind`);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    law,
    kind,
    productCategory: row.productCategory,
    productCode: row.productCode,
    unit: row.unit,
    intent: row.intent,
  };
}

export async function listProvisions(
  ctx: TenantContext,
  query: {
    law?: string | undefined;
    kind?: string | undefined;
    search?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: ProvisionView[]; total: number }> {
  const where = and(
    query.law ? eq(provision.law, query.law) : undefined,
    query.kind ? eq(provision.kind, query.kind) : undefined,
    query.search
      ? or(ilike(provision.name, likePattern(query.search)), ilike(provision.code, likePattern(query.search)))
      : undefined,
  );
  const rows = await ctx.tx
    .select()
    .from(provision)
    .where(where)
    .orderBy(asc(provision.law), asc(provision.name), asc(provision.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(provision).where(where);
  return { items: rows.map(toView), total: counted?.total ?? 0 };
}

export async function getProvision(ctx: TenantContext, id: string): Promise<ProvisionView> {
  const [row] = await ctx.tx.select().from(provision).where(eq(provision.id, id));
  if (!row) throw notFound('De voorziening', 'id');
  return toView(row);
}

/** For other modules: the provisions with these ids that exist in the tenant. */
export async function findProvisions(ctx: TenantContext, ids: readonly string[]): Promise<ProvisionView[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.tx
    .select()
    .from(provision)
    .where(inArray(provision.id, [...ids]));
  return rows.map(toView);
}

function checked(input: ProvisionInput): ProvisionInput {
  const normalised = { ...input, productCode: input.productCode === '' ? null : input.productCode };
  const violation = provisionViolation(normalised);
  if (violation) throw validationFailed(violation.field, violation.message);
  return normalised;
}

function duplicateCode(error: unknown, code: string): never {
  if (isUniqueViolation(error)) throw conflict('code', `Er is al een voorziening met code ${code}.`);
  throw error;
}

export async function createProvision(ctx: TenantContext, input: ProvisionInput): Promise<ProvisionView> {
  const values = checked(input);
  try {
    const [row] = await ctx.tx
      .insert(provision)
      .values({ municipalityCode: ctx.municipalityCode, ...values })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return toView(row);
  } catch (error) {
    duplicateCode(error, input.code);
  }
}

export async function updateProvision(
  ctx: TenantContext,
  id: string,
  input: ProvisionInput,
): Promise<ProvisionView> {
  const values = checked(input);
  let rows: (typeof provision.$inferSelect)[];
  try {
    rows = await ctx.tx
      .update(provision)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(provision.id, id))
      .returning();
  } catch (error) {
    duplicateCode(error, input.code);
  }
  const [row] = rows;
  if (!row) throw notFound('De voorziening', 'id');
  return toView(row);
}
