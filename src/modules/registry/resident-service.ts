/**
 * Residents: identity (BSN, name and its BRP parts, gender, date of birth, BRP address) lives in
 * resident_identity, the one restricted table; the rest of the product refers to resident.id.
 * Every read and write of a resident goes through the processing log in the same transaction.
 */
import { and, asc, count, eq, ilike, inArray } from 'drizzle-orm';
import { conflict, isUniqueViolation, notFound, validationFailed } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { todayInNetherlands } from '../../shared/identifiers.js';
import { likePattern } from '../../shared/schema-helpers.js';
import { findNeighbourhoodName, neighbourhoodNames } from '../geography/geography-service.js';
import type { ProcessingActivityId } from '../processing-log/processing-activities.js';
import { recordProcessing } from '../processing-log/processing-log-service.js';
import type { ResidentInput, ResidentView } from './registry-schema.js';
import { resident, residentIdentity } from './registry-tables.js';
import { type Gender, initialsOf } from './resident-rules.js';

/** The BRP address as a 301 carries it (CDT_Adres, Contact Soort 01). */
export interface ResidentAddress {
  street: string;
  houseNumber: number;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  postcode: string;
  place: string;
}

/** A resident's identity for other modules: what a case view or an allocation message needs. */
export interface ResidentIdentity {
  bsn: string;
  /** The display name. */
  name: string;
  dateOfBirth: string;
  gender: Gender;
  /** Null for a resident registered with a display name only. */
  familyName: string | null;
  familyNamePrefix: string | null;
  givenNames: string | null;
  initials: string | null;
  address: ResidentAddress | null;
}

const identityColumns = {
  bsn: residentIdentity.bsn,
  name: residentIdentity.name,
  dateOfBirth: residentIdentity.dateOfBirth,
  gender: residentIdentity.gender,
  familyName: residentIdentity.familyName,
  familyNamePrefix: residentIdentity.familyNamePrefix,
  givenNames: residentIdentity.givenNames,
  initials: residentIdentity.initials,
  street: residentIdentity.street,
  houseNumber: residentIdentity.houseNumber,
  houseLetter: residentIdentity.houseLetter,
  houseNumberAddition: residentIdentity.houseNumberAddition,
  postcode: residentIdentity.postcode,
  place: residentIdentity.place,
};
const columns = { id: resident.id, ...identityColumns, neighbourhoodCode: resident.neighbourhoodCode };

/** resident_identity as selected: the address in flat, nullable columns. */
interface IdentityRow extends Omit<ResidentIdentity, 'address'> {
  street: string | null;
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberAddition: string | null;
  postcode: string | null;
  place: string | null;
}

/** The flat columns to the nested shape; the database keeps an address whole or absent. */
function toIdentity({
  street,
  houseNumber,
  houseLetter,
  houseNumberAddition,
  postcode,
  place,
  ...identity
}: IdentityRow): ResidentIdentity {
  const address =
    street !== null && houseNumber !== null && postcode !== null && place !== null
      ? { street, houseNumber, houseLetter, houseNumberAddition, postcode, place }
      : null;
  return { ...identity, address };
}

/** What resident_identity stores for an input, beside the keys; the initials are derived. */
function identityValues(input: ResidentInput) {
  return {
    bsn: input.bsn,
    name: input.name,
    dateOfBirth: input.dateOfBirth,
    gender: input.gender,
    familyName: input.familyName,
    familyNamePrefix: input.familyNamePrefix,
    givenNames: input.givenNames,
    initials: initialsOf(input.givenNames),
    street: input.address?.street ?? null,
    houseNumber: input.address?.houseNumber ?? null,
    houseLetter: input.address?.houseLetter ?? null,
    houseNumberAddition: input.address?.houseNumberAddition ?? null,
    postcode: input.address?.postcode ?? null,
    place: input.address?.place ?? null,
  };
}

type ResidentRow = IdentityRow & { id: string; neighbourhoodCode: string | null };

/** Neighbourhood names come from the geography module, not from a join on its table. */
async function withNeighbourhoodNames(ctx: TenantContext, rows: ResidentRow[]): Promise<ResidentView[]> {
  const names = rows.some((r) => r.neighbourhoodCode !== null) ? await neighbourhoodNames(ctx) : new Map();
  return rows.map(({ id, neighbourhoodCode, ...identity }) => ({
    id,
    ...toIdentity(identity),
    neighbourhoodCode,
    neighbourhoodName: neighbourhoodCode === null ? null : (names.get(neighbourhoodCode) ?? null),
  }));
}

function baseQuery(ctx: TenantContext) {
  return ctx.tx
    .select(columns)
    .from(resident)
    .innerJoin(
      residentIdentity,
      and(
        eq(residentIdentity.municipalityCode, resident.municipalityCode),
        eq(residentIdentity.residentId, resident.id),
      ),
    );
}

export async function searchResidents(
  ctx: TenantContext,
  query: { search: string; limit: number; offset: number },
): Promise<{ items: ResidentView[]; total: number }> {
  const term = query.search.trim();
  const where = /^[0-9]{9}$/.test(term)
    ? eq(residentIdentity.bsn, term)
    : ilike(residentIdentity.name, likePattern(term));
  const rows = await baseQuery(ctx)
    .where(where)
    .orderBy(asc(residentIdentity.name), asc(resident.id))
    .limit(query.limit)
    .offset(query.offset);
  const items = await withNeighbourhoodNames(ctx, rows);
  const [counted] = await ctx.tx.select({ total: count() }).from(residentIdentity).where(where);
  await recordProcessing(
    ctx,
    'resident.search',
    'read',
    items.map((r) => ({ residentId: r.id, bsn: r.bsn })),
  );
  return { items, total: counted?.total ?? 0 };
}

export async function getResident(ctx: TenantContext, id: string): Promise<ResidentView> {
  const [row] = await baseQuery(ctx).where(eq(resident.id, id));
  if (!row) throw notFound('De inwoner', 'id');
  await recordProcessing(ctx, 'resident.view', 'read', [{ residentId: row.id, bsn: row.bsn }]);
  const [view] = await withNeighbourhoodNames(ctx, [row]);
  if (!view) throw new Error('resident lost its view');
  return view;
}

async function checkNeighbourhood(ctx: TenantContext, code: string | null): Promise<void> {
  if (code !== null && (await findNeighbourhoodName(ctx, code)) === undefined) {
    throw validationFailed('neighbourhoodCode', `Buurt ${code} bestaat niet in deze gemeente.`);
  }
}

function checkDateOfBirth(dateOfBirth: string, today: string): void {
  if (dateOfBirth > today) throw validationFailed('dateOfBirth', 'De geboortedatum ligt in de toekomst.');
  if (dateOfBirth < '1900-01-01') throw validationFailed('dateOfBirth', 'De geboortedatum ligt vóór 1900.');
}

function duplicateBsn(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict('bsn', 'Er is al een inwoner met dit BSN in deze gemeente.');
  throw error;
}

export async function registerResident(
  ctx: TenantContext,
  input: ResidentInput,
  activity: ProcessingActivityId = 'resident.register',
): Promise<ResidentView> {
  checkDateOfBirth(input.dateOfBirth, todayInNetherlands());
  await checkNeighbourhood(ctx, input.neighbourhoodCode);
  const [row] = await ctx.tx
    .insert(resident)
    .values({ municipalityCode: ctx.municipalityCode, neighbourhoodCode: input.neighbourhoodCode })
    .returning({ id: resident.id });
  if (!row) throw new Error('insert returned no row');
  try {
    await ctx.tx.insert(residentIdentity).values({
      municipalityCode: ctx.municipalityCode,
      residentId: row.id,
      ...identityValues(input),
    });
  } catch (error) {
    duplicateBsn(error);
  }
  await recordProcessing(ctx, activity, 'create', [{ residentId: row.id, bsn: input.bsn }]);
  const [created] = await withNeighbourhoodNames(ctx, await baseQuery(ctx).where(eq(resident.id, row.id)));
  if (!created) throw new Error('created resident not found');
  return created;
}

export async function updateResident(
  ctx: TenantContext,
  id: string,
  input: ResidentInput,
): Promise<ResidentView> {
  checkDateOfBirth(input.dateOfBirth, todayInNetherlands());
  await checkNeighbourhood(ctx, input.neighbourhoodCode);
  const [previous] = await ctx.tx
    .select({ bsn: residentIdentity.bsn })
    .from(residentIdentity)
    .where(eq(residentIdentity.residentId, id));
  const updated = await ctx.tx
    .update(resident)
    .set({ neighbourhoodCode: input.neighbourhoodCode, updatedAt: new Date() })
    .where(eq(resident.id, id))
    .returning({ id: resident.id });
  if (updated.length === 0) throw notFound('De inwoner', 'id');
  try {
    await ctx.tx
      .update(residentIdentity)
      .set(identityValues(input))
      .where(eq(residentIdentity.residentId, id));
  } catch (error) {
    duplicateBsn(error);
  }
  // A corrected BSN is logged under both numbers, so a search by either finds the change.
  const subjects = [{ residentId: id, bsn: input.bsn }];
  if (previous && previous.bsn !== input.bsn) subjects.push({ residentId: id, bsn: previous.bsn });
  await recordProcessing(ctx, 'resident.update', 'update', subjects);
  const [row] = await withNeighbourhoodNames(ctx, await baseQuery(ctx).where(eq(resident.id, id)));
  if (!row) throw new Error('updated resident not found');
  return row;
}

/**
 * Registers many residents at once (imports, the demo seed): the same checks as one by one,
 * but in batches, and one processing-log entry per resident. Returns the ids in input order.
 */
export async function registerResidents(
  ctx: TenantContext,
  inputs: readonly ResidentInput[],
  activity: ProcessingActivityId,
): Promise<string[]> {
  const today = todayInNetherlands();
  const names = await neighbourhoodNames(ctx);
  const created: string[] = [];
  for (const [index, input] of inputs.entries()) {
    checkDateOfBirth(input.dateOfBirth, today);
    if (input.neighbourhoodCode !== null && !names.has(input.neighbourhoodCode)) {
      throw validationFailed(
        `${index}.neighbourhoodCode`,
        `Buurt ${input.neighbourhoodCode} bestaat niet in deze gemeente.`,
      );
    }
  }
  const BATCH = 500;
  for (let start = 0; start < inputs.length; start += BATCH) {
    const batch = inputs.slice(start, start + BATCH);
    const ids = await ctx.tx
      .insert(resident)
      .values(
        batch.map((input) => ({
          municipalityCode: ctx.municipalityCode,
          neighbourhoodCode: input.neighbourhoodCode,
        })),
      )
      .returning({ id: resident.id });
    const rows = batch.map((input, i) => {
      const id = ids[i]?.id;
      if (!id) throw new Error('batch insert returned fewer rows');
      created.push(id);
      return { id, input };
    });
    try {
      await ctx.tx.insert(residentIdentity).values(
        rows.map(({ id, input }) => ({
          municipalityCode: ctx.municipalityCode,
          residentId: id,
          ...identityValues(input),
        })),
      );
    } catch (error) {
      duplicateBsn(error);
    }
    await recordProcessing(
      ctx,
      activity,
      'create',
      rows.map(({ id, input }) => ({ residentId: id, bsn: input.bsn })),
    );
  }
  return created;
}

/**
 * For other modules: identities by resident id, WITHOUT a log entry of its own — the caller
 * records the processing under its own activity (a case view, a worklist, an allocation message)
 * in the same transaction.
 */
export async function residentIdentities(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, ResidentIdentity>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: residentIdentity.residentId, ...identityColumns })
    .from(residentIdentity)
    .where(inArray(residentIdentity.residentId, [...ids]));
  return new Map(rows.map(({ id, ...identity }) => [id, toIdentity(identity)]));
}

/** For aggregates: where residents live, by resident id (no identity). */
export async function residentNeighbourhoods(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: resident.id, neighbourhoodCode: resident.neighbourhoodCode })
    .from(resident)
    .where(inArray(resident.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.neighbourhoodCode]));
}

/**
 * For other modules: which residents these BSNs are, WITHOUT a log entry of its own (a message
 * names a client by BSN; the caller logs the processing under its own activity).
 */
export async function residentIdsByBsn(
  ctx: TenantContext,
  bsns: readonly string[],
): Promise<Map<string, string>> {
  if (bsns.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: residentIdentity.residentId, bsn: residentIdentity.bsn })
    .from(residentIdentity)
    .where(inArray(residentIdentity.bsn, [...new Set(bsns)]));
  return new Map(rows.map((r) => [r.bsn, r.id]));
}
