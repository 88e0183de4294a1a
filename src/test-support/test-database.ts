/**
 * Each test file gets its own fresh, migrated database: an in-memory PGlite, or — when
 * DATABASE_URL is set — a new database on that server copied from a migrated template.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../db/connection.js';
import { migrate } from '../db/migrate.js';

export const TEMPLATE_DATABASE = 'regiekamer_test_template';

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Run once per test run (vitest globalSetup): a migrated template on the server. */
export async function prepareServerTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const template = await connectDatabase({
    databaseUrl: withDatabaseName(url, TEMPLATE_DATABASE),
    poolSize: 1,
  });
  try {
    await migrate(template);
  } finally {
    await template.close();
  }
}

export interface TestDatabase extends Database {
  /** Drops the copy (server) or closes the in-memory database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = serverUrl();
  if (!url) {
    const database = await connectDatabase({});
    await migrate(database);
    return { ...database, dispose: () => database.close() };
  }
  const name = `regiekamer_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const database = await connectDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 4 });
  return {
    ...database,
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
