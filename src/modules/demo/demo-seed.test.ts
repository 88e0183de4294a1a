import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { buildApp } from '../../server/app.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo-seed.js';

describe('demo municipality seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where municipality_code = '9901'`,
      )
    )[0]?.n;

  it('fills the fictional municipality through the service rules', async () => {
    const steps: string[] = [];
    const result = await seedDemo(database, { onProgress: (step) => steps.push(step) });
    expect(result.seeded).toBe(true);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(await count('district')).toBe(8);
    expect(await count('neighbourhood')).toBeGreaterThanOrEqual(25);
    expect(await count('provider')).toBeGreaterThanOrEqual(20);
    expect(await count('provision')).toBeGreaterThanOrEqual(20);
    expect(await count('contract')).toBeGreaterThanOrEqual(25);
    expect(await count('resident')).toBe(3000);
    expect(await count('processing_log')).toBe(3000);
    const [{ population } = { population: 0 }] = await queryRows<{ population: number }>(
      database.db,
      sql`select sum(population)::int as population from neighbourhood where municipality_code = '9901'`,
    );
    expect(population).toBeGreaterThan(45_000);
    expect(population).toBeLessThan(55_000);
  });

  it('does nothing on a second start', async () => {
    expect((await seedDemo(database)).seeded).toBe(false);
    expect(await count('resident')).toBe(3000);
  });

  it('lets every demo account log in with its role', async () => {
    const app = await buildApp({ database, webRoot: null, logLevel: 'silent' });
    for (const account of DEMO_ACCOUNTS) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: account.username, password: DEMO_PASSWORD },
      });
      expect(response.statusCode, account.username).toBe(200);
      expect(response.json().account).toMatchObject({ role: account.role, municipalityName: 'Lindewaarde' });
    }
    await app.close();
  });

  it('re-seeds on request, keeping the append-only processing log', async () => {
    const result = await seedDemo(database, { reset: true });
    expect(result.seeded).toBe(true);
    expect(await count('resident')).toBe(3000);
    expect(await count('account')).toBe(DEMO_ACCOUNTS.length);
    expect(await count('processing_log')).toBe(6000);
  });
});
