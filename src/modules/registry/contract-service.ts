/**
 * Contracts: which provider may deliver which provisions, at what tariff per unit, under which
 * financing variant, for which period and within which budget ceiling.
 */
import { and, asc, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import { conflict, isUniqueViolation, notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { likePattern } from '../../shared/schema-helpers.js';
import { contractViolation } from './contract-rules.js';
import { ownProviderOnly } from './provider-scope.js';
import { findProvisions } from './provision-service.js';
import {
  type ContractDetail,
  type ContractInput,
  type ContractKpi,
  type ContractSummary,
  FINANCING_VARIANTS,
  KPI_INDICATORS,
} from './registry-schema.js';
import { contract, contractKpi, contractLine, provider, provision } from './registry-tables.js';

// drizzle renders columns unqualified inside a select list, so the outer row is named explicitly.
const lineCount = sql<number>`(select count(*)::int from ${contractLine} l where l.municipality_code = "contract"."municipality_code" and l.contract_id = "contract"."id")`;

const summaryColumns = {
  id: contract.id,
  providerId: contract.providerId,
  providerName: provider.name,
  reference: contract.reference,
  financingVariant: contract.financingVariant,
  startDate: contract.startDate,
  endDate: contract.endDate,
  budgetCeilingCents: contract.budgetCeilingCents,
  lineCount,
};

type SummaryRow = Omit<ContractSummary, 'financingVariant'> & { financingVariant: string };

function toSummary(row: SummaryRow): ContractSummary {
  const financingVariant = FINANCING_VARIANTS.find((v) => v === row.financingVariant);
  if (!financingVariant) throw new Error(`contract ${row.id} has an unknown financing variant`);
  return { ...row, financingVariant };
}

const providerScope = (ctx: TenantContext) => ownProviderOnly(ctx, contract.providerId);

export async function listContracts(
  ctx: TenantContext,
  query: { providerId?: string | undefined; search?: string | undefined; limit: number; offset: number },
): Promise<{ items: ContractSummary[]; total: number }> {
  const where = and(
    providerScope(ctx),
    query.providerId ? eq(contract.providerId, query.providerId) : undefined,
    query.search ? ilike(contract.reference, likePattern(query.search)) : undefined,
  );
  const rows = await ctx.tx
    .select(summaryColumns)
    .from(contract)
    .innerJoin(
      provider,
      and(eq(provider.municipalityCode, contract.municipalityCode), eq(provider.id, contract.providerId)),
    )
    .where(where)
    .orderBy(asc(contract.reference), asc(contract.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await ctx.tx.select({ total: count() }).from(contract).where(where);
  return { items: rows.map(toSummary), total: counted?.total ?? 0 };
}

export async function getContract(ctx: TenantContext, id: string): Promise<ContractDetail> {
  const [row] = await ctx.tx
    .select(summaryColumns)
    .from(contract)
    .innerJoin(
      provider,
      and(eq(provider.municipalityCode, contract.municipalityCode), eq(provider.id, contract.providerId)),
    )
    .where(and(eq(contract.id, id), providerScope(ctx)));
  if (!row) throw notFound('Het contract', 'id');
  const lines = await ctx.tx
    .select({
      provisionId: contractLine.provisionId,
      provisionCode: provision.code,
      provisionName: provision.name,
      unit: provision.unit,
      tariffCents: contractLine.tariffCents,
    })
    .from(contractLine)
    .innerJoin(
      provision,
      and(
        eq(provision.municipalityCode, contractLine.municipalityCode),
        eq(provision.id, contractLine.provisionId),
      ),
    )
    .where(eq(contractLine.contractId, id))
    .orderBy(asc(provision.name));
  const kpis = (await contractKpis(ctx, [id])).get(id) ?? [];
  return { ...toSummary(row), lines, kpis };
}

/** For the provider monitor: the performance agreements of these contracts, by contract id. */
export async function contractKpis(
  ctx: TenantContext,
  contractIds: readonly string[],
): Promise<Map<string, ContractKpi[]>> {
  if (contractIds.length === 0) return new Map();
  const rows = await ctx.tx
    .select({
      contractId: contractKpi.contractId,
      indicator: contractKpi.indicator,
      target: contractKpi.target,
    })
    .from(contractKpi)
    .where(inArray(contractKpi.contractId, [...new Set(contractIds)]));
  const byContract = new Map<string, ContractKpi[]>();
  for (const { contractId, ...kpi } of rows) {
    byContract.set(contractId, [...(byContract.get(contractId) ?? []), kpi]);
  }
  for (const kpis of byContract.values()) {
    kpis.sort((a, b) => KPI_INDICATORS.indexOf(a.indicator) - KPI_INDICATORS.indexOf(b.indicator));
  }
  return byContract;
}

async function checked(ctx: TenantContext, input: ContractInput): Promise<void> {
  const [owner] = await ctx.tx
    .select({ id: provider.id })
    .from(provider)
    .where(eq(provider.id, input.providerId));
  if (!owner) throw validationFailed('providerId', 'Deze aanbieder bestaat niet in uw gemeente.');
  const provisions = await findProvisions(
    ctx,
    input.lines.map((l) => l.provisionId),
  );
  const violation = contractViolation(input, provisions);
  if (violation) throw validationFailed(violation.field, violation.message);
}

async function writeLines(ctx: TenantContext, contractId: string, input: ContractInput): Promise<void> {
  await ctx.tx.delete(contractKpi).where(eq(contractKpi.contractId, contractId));
  const kpis = input.kpis ?? [];
  if (kpis.length > 0) {
    await ctx.tx
      .insert(contractKpi)
      .values(kpis.map((kpi) => ({ municipalityCode: ctx.municipalityCode, contractId, ...kpi })));
  }
  await ctx.tx.delete(contractLine).where(eq(contractLine.contractId, contractId));
  await ctx.tx.insert(contractLine).values(
    input.lines.map((line) => ({
      municipalityCode: ctx.municipalityCode,
      contractId,
      provisionId: line.provisionId,
      tariffCents: line.tariffCents,
    })),
  );
}

function duplicateReference(error: unknown, reference: string): never {
  if (isUniqueViolation(error))
    throw conflict('reference', `Er is al een contract met kenmerk ${reference}.`);
  throw error;
}

export async function createContract(ctx: TenantContext, input: ContractInput): Promise<ContractDetail> {
  await checked(ctx, input);
  const { lines: _lines, kpis: _kpis, ...fields } = input;
  let id: string;
  try {
    const [row] = await ctx.tx
      .insert(contract)
      .values({ municipalityCode: ctx.municipalityCode, ...fields })
      .returning({ id: contract.id });
    if (!row) throw new Error('insert returned no row');
    id = row.id;
  } catch (error) {
    duplicateReference(error, input.reference);
  }
  await writeLines(ctx, id, input);
  return getContract(ctx, id);
}

export async function updateContract(
  ctx: TenantContext,
  id: string,
  input: ContractInput,
): Promise<ContractDetail> {
  const [existing] = await ctx.tx.select({ id: contract.id }).from(contract).where(eq(contract.id, id));
  if (!existing) throw notFound('Het contract', 'id');
  await checked(ctx, input);
  const { lines: _lines, kpis: _kpis, ...fields } = input;
  try {
    await ctx.tx
      .update(contract)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(contract.id, id));
  } catch (error) {
    duplicateReference(error, input.reference);
  }
  await writeLines(ctx, id, input);
  return getContract(ctx, id);
}

/**
 * For other modules: the contract tariff per (contract, provision), in cents per unit; pairs
 * without a contract line are absent. Key: `${contractId}|${provisionId}`.
 */
export async function contractTariffs(
  ctx: TenantContext,
  contractIds: readonly string[],
): Promise<Map<string, number>> {
  if (contractIds.length === 0) return new Map();
  const rows = await ctx.tx
    .select({
      contractId: contractLine.contractId,
      provisionId: contractLine.provisionId,
      tariffCents: contractLine.tariffCents,
    })
    .from(contractLine)
    .where(inArray(contractLine.contractId, [...new Set(contractIds)]));
  return new Map(rows.map((r) => [`${r.contractId}|${r.provisionId}`, r.tariffCents]));
}
