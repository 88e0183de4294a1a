import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { Geometry } from './geography-schema.js';

export const district = pgTable(
  'district',
  {
    municipalityCode: text('municipality_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    geometry: jsonb('geometry').$type<Geometry | null>(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.code] })],
);

export const neighbourhood = pgTable(
  'neighbourhood',
  {
    municipalityCode: text('municipality_code').notNull(),
    code: text('code').notNull(),
    districtCode: text('district_code').notNull(),
    name: text('name').notNull(),
    population: integer('population').notNull().default(0),
    geometry: jsonb('geometry').$type<Geometry | null>(),
  },
  (t) => [primaryKey({ columns: [t.municipalityCode, t.code] })],
);
