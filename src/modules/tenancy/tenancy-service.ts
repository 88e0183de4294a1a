/**
 * Tenancy owns municipalities (the tenants, by CBS code) and regions (municipalities that
 * commission together). These are global tables: only system operations write them.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { conflict, validationFailed } from '../../server/errors.js';
import { municipality, region, regionMember } from './tenancy-tables.js';

export interface Municipality {
  code: string;
  name: string;
  population: number | null;
  isDemo: boolean;
}

const CBS_MUNICIPALITY_CODE = /^[0-9]{4}$/;

export async function createMunicipality(
  q: Queryable,
  input: { code: string; name: string; population?: number | null; isDemo?: boolean },
): Promise<Municipality> {
  if (!CBS_MUNICIPALITY_CODE.test(input.code)) {
    throw validationFailed('code', 'De CBS-gemeentecode bestaat uit precies 4 cijfers, bijvoorbeeld 0363.');
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) {
    throw validationFailed('name', 'De naam van de gemeente is verplicht (hoogstens 200 tekens).');
  }
  const existing = await q.select().from(municipality).where(eq(municipality.code, input.code));
  if (existing.length > 0) throw conflict('code', `Gemeente ${input.code} bestaat al.`);
  const [row] = await q
    .insert(municipality)
    .values({ code: input.code, name, population: input.population ?? null, isDemo: input.isDemo ?? false })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { code: row.code, name: row.name, population: row.population, isDemo: row.isDemo };
}

export async function findMunicipality(q: Queryable, code: string): Promise<Municipality | undefined> {
  const [row] = await q.select().from(municipality).where(eq(municipality.code, code));
  return row && { code: row.code, name: row.name, population: row.population, isDemo: row.isDemo };
}

export async function createRegion(
  q: Queryable,
  input: { name: string; municipalityCodes: string[] },
): Promise<{ id: string; name: string; municipalityCodes: string[] }> {
  const known = await q
    .select({ code: municipality.code })
    .from(municipality)
    .where(inArray(municipality.code, input.municipalityCodes));
  const missing = input.municipalityCodes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0) {
    throw validationFailed('municipalityCodes', `Onbekende gemeente(n): ${missing.join(', ')}.`);
  }
  const [row] = await q.insert(region).values({ name: input.name }).returning();
  if (!row) throw new Error('insert returned no row');
  if (input.municipalityCodes.length > 0) {
    await q
      .insert(regionMember)
      .values(input.municipalityCodes.map((municipalityCode) => ({ regionId: row.id, municipalityCode })));
  }
  return { id: row.id, name: row.name, municipalityCodes: input.municipalityCodes };
}

/** The regions a municipality belongs to, with all their members. */
export async function regionsOf(
  q: Queryable,
  municipalityCode: string,
): Promise<{ id: string; name: string; municipalityCodes: string[] }[]> {
  const own = await q
    .select({ id: region.id, name: region.name })
    .from(regionMember)
    .innerJoin(region, eq(region.id, regionMember.regionId))
    .where(eq(regionMember.municipalityCode, municipalityCode))
    .orderBy(asc(region.name));
  if (own.length === 0) return [];
  const members = await q
    .select()
    .from(regionMember)
    .where(
      inArray(
        regionMember.regionId,
        own.map((r) => r.id),
      ),
    )
    .orderBy(asc(regionMember.municipalityCode));
  return own.map((r) => ({
    ...r,
    municipalityCodes: members.filter((m) => m.regionId === r.id).map((m) => m.municipalityCode),
  }));
}
