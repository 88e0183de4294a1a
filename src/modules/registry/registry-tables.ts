import {
  bigint,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { KpiIndicator } from './registry-schema.js';
import { GENDERS } from './resident-rules.js';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const provider = pgTable(
  'provider',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agbCode: text('agb_code').notNull(),
    name: text('name').notNull(),
    kvkNumber: text('kvk_number'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const provision = pgTable(
  'provision',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    law: text('law').notNull(),
    kind: text('kind').notNull(),
    productCategory: text('product_category'),
    productCode: text('product_code'),
    unit: text('unit'),
    intent: text('intent').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const contract = pgTable(
  'contract',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    reference: text('reference').notNull(),
    financingVariant: text('financing_variant').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    budgetCeilingCents: bigint('budget_ceiling_cents', { mode: 'number' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const contractLine = pgTable(
  'contract_line',
  {
    municipalityCode: text('municipality_code').notNull(),
    contractId: uuid('contract_id').notNull(),
    provisionId: uuid('provision_id').notNull(),
    tariffCents: bigint('tariff_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.contractId, t.provisionId] })],
);

/** A contract's performance agreements (migration 0012). */
export const contractKpi = pgTable(
  'contract_kpi',
  {
    municipalityCode: text('municipality_code').notNull(),
    contractId: uuid('contract_id').notNull(),
    indicator: text('indicator').$type<KpiIndicator>().notNull(),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.contractId, t.indicator] })],
);

export const resident = pgTable(
  'resident',
  {
    municipalityCode: text('municipality_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    neighbourhoodCode: text('neighbourhood_code'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.id] })],
);

export const residentIdentity = pgTable(
  'resident_identity',
  {
    municipalityCode: text('municipality_code').notNull(),
    residentId: uuid('resident_id').notNull(),
    bsn: text('bsn').notNull(),
    name: text('name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    // The BRP name parts, gender and address an iWmo/iJw 301 carries (migration 0009); `name`
    // is the display name, composed from the parts when they are given.
    familyName: text('family_name'),
    familyNamePrefix: text('family_name_prefix'),
    givenNames: text('given_names'),
    initials: text('initials'),
    gender: text('gender', { enum: GENDERS }).notNull().default('0'),
    street: text('street'),
    houseNumber: integer('house_number'),
    houseLetter: text('house_letter'),
    houseNumberAddition: text('house_number_addition'),
    postcode: text('postcode'),
    place: text('place'),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.residentId] })],
);
