/**
 * Geography owns the municipality's districts (wijken) and neighbourhoods (buurten) with their
 * CBS codes, populations and GeoJSON outlines: the third monitoring level's map.
 */
import { and, asc, count, eq, sql, sum } from 'drizzle-orm';
import { conflict, isUniqueViolation, notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { districtBelongsTo, neighbourhoodBelongsTo } from '../../shared/identifiers.js';
import type {
  CreateDistrict,
  CreateNeighbourhood,
  DistrictDetail,
  DistrictSummary,
  NeighbourhoodDetail,
  NeighbourhoodSummary,
  UpdateDistrict,
  UpdateNeighbourhood,
} from './geography-schema.js';
import { district, neighbourhood } from './geography-tables.js';

/** Leaves out omitted fields, so an update keeps what it was not given. */
function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export async function listDistricts(ctx: TenantContext): Promise<DistrictSummary[]> {
  const rows = await ctx.tx
    .select({
      code: district.code,
      name: district.name,
      population: sql<number>`coalesce(${sum(neighbourhood.population)}, 0)::int`,
      neighbourhoodCount: sql<number>`${count(neighbourhood.code)}::int`,
    })
    .from(district)
    .leftJoin(neighbourhood, eq(neighbourhood.districtCode, district.code))
    .groupBy(district.code, district.name)
    .orderBy(asc(district.code));
  return rows;
}

export async function getDistrict(ctx: TenantContext, code: string): Promise<DistrictDetail> {
  const [row] = await ctx.tx.select().from(district).where(eq(district.code, code));
  if (!row) throw notFound(`Wijk ${code}`, 'code');
  const neighbourhoods = await ctx.tx
    .select()
    .from(neighbourhood)
    .where(eq(neighbourhood.districtCode, code))
    .orderBy(asc(neighbourhood.code));
  return {
    code: row.code,
    name: row.name,
    geometry: row.geometry,
    population: neighbourhoods.reduce((total, n) => total + n.population, 0),
    neighbourhoodCount: neighbourhoods.length,
    neighbourhoods: neighbourhoods.map(toNeighbourhoodDetail),
  };
}

function toNeighbourhoodDetail(row: typeof neighbourhood.$inferSelect): NeighbourhoodDetail {
  return {
    code: row.code,
    name: row.name,
    districtCode: row.districtCode,
    population: row.population,
    geometry: row.geometry,
  };
}

export async function createDistrict(ctx: TenantContext, input: CreateDistrict): Promise<DistrictDetail> {
  if (!districtBelongsTo(input.code, ctx.municipalityCode)) {
    throw validationFailed(
      'code',
      `Een wijkcode van deze gemeente begint met WK${ctx.municipalityCode} (de CBS-code van de gemeente).`,
    );
  }
  try {
    await ctx.tx.insert(district).values({ municipalityCode: ctx.municipalityCode, ...input });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('code', `Wijk ${input.code} bestaat al.`);
    throw error;
  }
  return getDistrict(ctx, input.code);
}

export async function updateDistrict(
  ctx: TenantContext,
  code: string,
  input: UpdateDistrict,
): Promise<DistrictDetail> {
  const updated = await ctx.tx
    .update(district)
    .set(definedOnly(input))
    .where(eq(district.code, code))
    .returning({ code: district.code });
  if (updated.length === 0) throw notFound(`Wijk ${code}`, 'code');
  return getDistrict(ctx, code);
}

export async function listNeighbourhoods(
  ctx: TenantContext,
  filter: { districtCode?: string | undefined },
): Promise<NeighbourhoodSummary[]> {
  return ctx.tx
    .select({
      code: neighbourhood.code,
      name: neighbourhood.name,
      districtCode: neighbourhood.districtCode,
      population: neighbourhood.population,
    })
    .from(neighbourhood)
    .where(filter.districtCode ? eq(neighbourhood.districtCode, filter.districtCode) : undefined)
    .orderBy(asc(neighbourhood.code));
}

export async function getNeighbourhood(ctx: TenantContext, code: string): Promise<NeighbourhoodDetail> {
  const [row] = await ctx.tx.select().from(neighbourhood).where(eq(neighbourhood.code, code));
  if (!row) throw notFound(`Buurt ${code}`, 'code');
  return toNeighbourhoodDetail(row);
}

/** For other modules: does this neighbourhood exist in the tenant? Returns its name. */
export async function findNeighbourhoodName(ctx: TenantContext, code: string): Promise<string | undefined> {
  const [row] = await ctx.tx
    .select({ name: neighbourhood.name })
    .from(neighbourhood)
    .where(and(eq(neighbourhood.municipalityCode, ctx.municipalityCode), eq(neighbourhood.code, code)));
  return row?.name;
}

export async function neighbourhoodNames(ctx: TenantContext): Promise<Map<string, string>> {
  const rows = await ctx.tx
    .select({ code: neighbourhood.code, name: neighbourhood.name })
    .from(neighbourhood);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function createNeighbourhood(
  ctx: TenantContext,
  input: CreateNeighbourhood,
): Promise<NeighbourhoodDetail> {
  const [parent] = await ctx.tx
    .select({ code: district.code })
    .from(district)
    .where(eq(district.code, input.districtCode));
  if (!parent)
    throw validationFailed('districtCode', `Wijk ${input.districtCode} bestaat niet in deze gemeente.`);
  if (!neighbourhoodBelongsTo(input.code, input.districtCode)) {
    throw validationFailed(
      'code',
      `Een buurtcode in wijk ${input.districtCode} begint met BU${input.districtCode.slice(2)}.`,
    );
  }
  try {
    await ctx.tx.insert(neighbourhood).values({ municipalityCode: ctx.municipalityCode, ...input });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('code', `Buurt ${input.code} bestaat al.`);
    throw error;
  }
  return getNeighbourhood(ctx, input.code);
}

export async function updateNeighbourhood(
  ctx: TenantContext,
  code: string,
  input: UpdateNeighbourhood,
): Promise<NeighbourhoodDetail> {
  const updated = await ctx.tx
    .update(neighbourhood)
    .set(definedOnly(input))
    .where(eq(neighbourhood.code, code))
    .returning({ code: neighbourhood.code });
  if (updated.length === 0) throw notFound(`Buurt ${code}`, 'code');
  return getNeighbourhood(ctx, code);
}
