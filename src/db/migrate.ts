/**
 * Applies the SQL migrations in /migrations in name order, each in its own transaction, and
 * records them. The same files run on PGlite and on a PostgreSQL server. Scripts hold many
 * statements, so they go through each driver's simple-query path rather than drizzle.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './connection.js';

export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

interface ScriptRunner {
  /** Runs fn inside one transaction; exec runs a multi-statement script, query a parameterised one. */
  transaction<T>(fn: (exec: (text: string) => Promise<void>, query: QueryFn) => Promise<T>): Promise<T>;
}
type QueryFn = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

function scriptRunner(database: Database): ScriptRunner {
  const raw = database.raw;
  if (raw.engine === 'pglite') {
    return {
      transaction: (fn) =>
        raw.client.transaction((t) =>
          fn(
            async (text) => {
              await t.exec(text);
            },
            async (text, params) => (await t.query<Record<string, unknown>>(text, params)).rows,
          ),
        ),
    };
  }
  return {
    async transaction(fn) {
      const client = await raw.pool.connect();
      try {
        await client.query('begin');
        const result = await fn(
          async (text) => {
            await client.query(text);
          },
          async (text, params) => (await client.query(text, params)).rows,
        );
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export async function migrate(database: Database): Promise<MigrationResult> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const runner = scriptRunner(database);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const wasApplied = await runner.transaction(async (exec, query) => {
      if (database.engine === 'postgres') {
        // Two servers starting at once must not both apply the same migration.
        await query('select pg_advisory_xact_lock(727274)', []);
      }
      await exec(
        'create table if not exists schema_migration (id text primary key, applied_at timestamptz not null default now())',
      );
      const done = await query('select id from schema_migration where id = $1', [file]);
      if (done.length > 0) return true;
      await exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'));
      await query('insert into schema_migration (id) values ($1)', [file]);
      return false;
    });
    if (wasApplied) alreadyApplied += 1;
    else applied.push(file);
  }
  return { applied, alreadyApplied };
}
