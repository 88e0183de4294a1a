import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const municipality = pgTable('municipality', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  population: integer('population'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const region = pgTable('region', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
});

export const regionMember = pgTable(
  'region_member',
  {
    regionId: uuid('region_id').notNull(),
    municipalityCode: text('municipality_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.municipalityCode] })],
);
