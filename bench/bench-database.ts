/**
 * A fresh, migrated (and, for `createBenchDatabase`, demo-seeded) database for one benchmark
 * run: PGlite in a temporary folder, or a new database on the PostgreSQL server in DATABASE_URL
 * that is dropped again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { connectDatabase, type Database, type Engine } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/modules/demo/demo-seed.js';

const DISCONNECT_WAIT_MS = 5000;

export interface BenchDatabase {
  engine: Engine;
  database: Database;
  municipalityCode: string;
  counts: Record<string, number>;
  /** Closes the connection and removes the data folder or drops the server database. */
  dispose(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * pg's Pool.end() resolves once it has asked its clients to end, not once they have gone, and
 * the application's pool has no 'error' listener: dropping `with (force)` while a client is
 * still connected terminates it, and the pool's unhandled 'error' event kills this process. So
 * the drop waits (boundedly) until nothing else is connected to the database.
 */
async function dropWhenIdle(url: string, name: string): Promise<void> {
  await withAdmin(url, async (admin) => {
    for (let waited = 0; waited < DISCONNECT_WAIT_MS; waited += 50) {
      const { rows } = await admin.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) break;
      await delay(50);
    }
    await admin.query(`drop database if exists ${name} with (force)`);
  });
}

async function freshDatabase(serverUrl: string | undefined): Promise<{
  database: Database;
  name: string | undefined;
  cleanup: () => Promise<void>;
}> {
  if (serverUrl) {
    const name = `regiekamer_bench_${randomBytes(6).toString('hex')}`;
    await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
    const drop = () => dropWhenIdle(serverUrl, name);
    try {
      // The same pool size as a production server start (connectDatabase's default).
      const database = await connectDatabase({ databaseUrl: withDatabaseName(serverUrl, name) });
      return { database, name, cleanup: drop };
    } catch (error) {
      await drop();
      throw error;
    }
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'regiekamer-bench-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const database = await connectDatabase({ dataDir });
    return { database, name: undefined, cleanup: removeDir };
  } catch (error) {
    await removeDir();
    throw error;
  }
}

export interface MigratedDatabase {
  engine: Engine;
  database: Database;
  /** The database's name on the server; undefined on PGlite. */
  name: string | undefined;
  /** Closes the connection and removes the data folder or drops the server database. */
  dispose(): Promise<void>;
}

/** A fresh database with every migration applied and no data: for benchmarks that load their own. */
export async function createMigratedDatabase(serverUrl: string | undefined): Promise<MigratedDatabase> {
  const { database, name, cleanup } = await freshDatabase(serverUrl);
  const dispose = async () => {
    try {
      await database.close();
    } finally {
      await cleanup();
    }
  };
  try {
    await migrate(database);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { engine: database.engine, database, name, dispose };
}

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const { database, dispose } = await createMigratedDatabase(serverUrl);
  try {
    const seeded = await seedDemo(database);
    if (!seeded.seeded) throw new Error('the fresh database already held the demo municipality');
    return {
      engine: database.engine,
      database,
      municipalityCode: seeded.municipalityCode,
      counts: seeded.counts,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
