/**
 * The database connection: embedded PGlite by default, a PostgreSQL server when a URL is
 * given. Both run the same SQL; every tenant's work runs in a transaction that sets the
 * tenant and switches to the application role, so row-level security applies (ADR 0002).
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

export type AppDb = PgDatabase<PgQueryResultHKT>;
export type AppTx = Parameters<Parameters<AppDb['transaction']>[0]>[0];
/** Either the database itself or a transaction: what query helpers accept. */
export type Queryable = AppDb | AppTx;

export const APP_ROLE = 'regiekamer_app';

export type Engine = 'pglite' | 'postgres';

/** The driver underneath, for what drizzle cannot do (multi-statement migration scripts). */
export type RawClient = { engine: 'pglite'; client: PGlite } | { engine: 'postgres'; pool: pg.Pool };

export interface Database {
  engine: Engine;
  raw: RawClient;
  /** Owner privileges: migrations, authentication and seeding only. */
  db: AppDb;
  /** Runs fn in one transaction as the application role with the tenant set. */
  withTenant<T>(municipalityCode: string, fn: (tx: AppTx) => Promise<T>): Promise<T>;
  /** Runs fn in one transaction with owner privileges (no tenant, no RLS). */
  asSystem<T>(fn: (tx: AppTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL server URL; without it PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; undefined keeps the database in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, terminate) must not crash the process: the
    // pool drops it and opens a new one on demand.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
    });
    // A failing server should stop start-up now, with its own message, not at the first request.
    const client = await pool.connect();
    client.release();
    // drizzle's driver-specific database types are subtypes of PgDatabase with a narrower
    // result type; the application only uses the shared surface.
    const db = drizzleNodePg(pool) as unknown as AppDb;
    return makeDatabase({ engine: 'postgres', pool }, db, () => pool.end());
  }
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as AppDb;
  return makeDatabase({ engine: 'pglite', client }, db, () => client.close());
}

function makeDatabase(raw: RawClient, db: AppDb, close: () => Promise<void>): Database {
  return {
    engine: raw.engine,
    raw,
    db,
    withTenant(municipalityCode, fn) {
      return db.transaction(async (tx) => {
        await enterTenant(tx, municipalityCode);
        return fn(tx);
      });
    },
    asSystem(fn) {
      return db.transaction(fn);
    },
    close,
  };
}

/**
 * From here to the end of the transaction, tx works for one tenant as the application role.
 * withTenant starts with it; work that first needs owner privileges (the demo seed) calls it
 * half-way, so both halves commit or fail together.
 */
export async function enterTenant(tx: AppTx, municipalityCode: string): Promise<void> {
  await tx.execute(sql`select set_config('app.municipality', ${municipalityCode}, true)`);
  await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
}

/** Raw SQL with typed rows; both drivers return an object with `rows`. */
export async function queryRows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
