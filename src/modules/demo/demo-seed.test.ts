import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { buildApp } from '../../server/app.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import {
  DEMO_ACCOUNTS,
  DEMO_HISTORY_CASES,
  DEMO_PASSWORD,
  PLANTED_UNDER_DELIVERING_PROVIDER,
  seedDemo,
} from './demo-seed.js';

// Seeding the demo, with two and a half years of case history, takes half a minute on PGlite.
describe('demo municipality seed', { timeout: 240_000 }, () => {
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

  const seedLogEntries = async () =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from processing_log where municipality_code = '9901' and activity = 'resident.seed'`,
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
    expect(await seedLogEntries()).toBe(3000);
    expect(await count('team')).toBe(8);
    expect(await count('support_case')).toBe(60 + DEMO_HISTORY_CASES);
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
    expect(await seedLogEntries()).toBe(6000);
    expect(await count('support_case')).toBe(60 + DEMO_HISTORY_CASES);
  });

  it('gives the demo case worker a worklist with work on time, due soon and overdue', async () => {
    const app = await buildApp({ database, webRoot: null, logLevel: 'silent' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'consulent', password: DEMO_PASSWORD },
    });
    const cookie = `rk_session=${login.cookies.find((c) => c.name === 'rk_session')?.value}`;
    const list = await app.inject({ method: 'GET', url: '/api/v1/worklist', headers: { cookie } });
    const items = list.json().items as { law: string; nextDeadline: { status: string } | null }[];
    expect(items.length).toBeGreaterThan(15);
    expect(new Set(items.map((c) => c.law))).toEqual(new Set(['wmo', 'youth', 'participation']));
    const statuses = new Set(items.map((c) => c.nextDeadline?.status));
    expect(statuses.has('overdue')).toBe(true);
    expect(statuses.has('open') || statuses.has('due_soon')).toBe(true);
    await app.close();
  });

  it('exports the whole processing log across pages, each entry once', async () => {
    const app = await buildApp({ database, webRoot: null, logLevel: 'silent' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'privacy', password: DEMO_PASSWORD },
    });
    const cookie = `rk_session=${login.cookies.find((c) => c.name === 'rk_session')?.value}`;
    // Counted before: the export logs its own reading, in entries that are not exported.
    const total = (await count('processing_log')) ?? 0;
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/processing-log/export',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    const lines = response.body.trim().split('\n');
    expect((await count('processing_log')) ?? 0).toBeGreaterThan(total);
    expect(total).toBeGreaterThan(6000);
    expect(lines).toHaveLength(total);
    const ids = new Set(lines.map((line) => JSON.parse(line).attributes['regiekamer.log_id']));
    expect(ids.size).toBe(total);
    await app.close();
  });

  it('shows the planted non-compensating provision in the client monitor, even through disclosure', async () => {
    const app = await buildApp({ database, webRoot: null, logLevel: 'silent' });
    type Row = { label: string; compensationRate: { value: number | null; suppressed: boolean } };
    const monitorAs = async (username: string) => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      const cookie = `rk_session=${login.cookies.find((c) => c.name === 'rk_session')?.value}`;
      return (
        await app.inject({ method: 'GET', url: '/api/v1/monitor/clients', headers: { cookie } })
      ).json();
    };
    // The monitor is not told which one: with exact figures the lowest rate is the planted day
    // care, far below the rest.
    const exact = await monitorAs('consulent');
    expect(exact.disclosureApplied).toBe(false);
    const rates = (exact.byProvision as Row[]).map((r) => ({
      label: r.label,
      rate: r.compensationRate.value ?? 0,
    }));
    expect(rates[0]?.label).toBe('Dagbesteding');
    expect((rates[1]?.rate ?? 0) - (rates[0]?.rate ?? 0)).toBeGreaterThanOrEqual(20);
    // Through disclosure the board still sees it on top, marked by a shown (not secret) low rate.
    const board = await monitorAs('bestuurder');
    expect(board.disclosureApplied).toBe(true);
    const top = (board.byProvision as Row[])[0];
    expect(top?.label).toBe('Dagbesteding');
    expect(top?.compensationRate.suppressed).toBe(false);
    expect(top?.compensationRate.value).toBeLessThan(35);
    await app.close();
  });

  it('shows the planted under-delivering provider on top of the provider monitor, from its messages alone', async () => {
    const app = await buildApp({ database, webRoot: null, logLevel: 'silent' });
    const monitorAs = async (username: string) => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      const cookie = `rk_session=${login.cookies.find((c) => c.name === 'rk_session')?.value}`;
      return (
        await app.inject({ method: 'GET', url: '/api/v1/monitor/providers', headers: { cookie } })
      ).json();
    };
    type Row = { name: string; deliveryRate: number | null; neverStartedRate: { value: number | null } };
    // The simulator played every provider's messages; only the planted one delivers far less.
    expect(await count('message')).toBeGreaterThan(500);
    // Every allocation went out as a 301, and every 301 came back with a 302.
    const [cycle] = await queryRows<{ sent: number; returned: number; requests: number; open: number }>(
      database.db,
      sql`select (select count(*)::int from message where message_type = '301') as sent,
                 (select count(*)::int from message where message_type = '301' and answered_at is not null) as returned,
                 (select count(*)::int from allocation_request) as requests,
                 (select count(*)::int from allocation_request where status = 'open') as open`,
    );
    expect(cycle?.sent).toBeGreaterThan(100);
    expect(cycle?.returned).toBe(cycle?.sent);
    // The last weeks' requests wait for an answer on the requests page.
    expect(cycle?.open).toBeGreaterThan(0);
    expect(cycle?.open).toBe(cycle?.requests);
    const monitor = await monitorAs('contractbeheer');
    // The planted provider misses the delivery agreement of its contract; the others meet it.
    type Kpi = { indicator: string; met: boolean | null };
    type ContractRow = { providerName: string; kpis: Kpi[] };
    const delivery = (c: ContractRow) => c.kpis.find((k) => k.indicator === 'delivery_rate')?.met;
    const contractRows = monitor.contracts as ContractRow[];
    const planted = contractRows.filter((c) => c.providerName === PLANTED_UNDER_DELIVERING_PROVIDER);
    expect(planted.length).toBeGreaterThan(0);
    expect(planted.some((c) => delivery(c) === false)).toBe(true);
    expect(
      contractRows
        .filter((c) => c.providerName !== PLANTED_UNDER_DELIVERING_PROVIDER)
        .every((c) => delivery(c) !== false),
    ).toBe(true);
    const rows = monitor.providers as Row[];
    expect(rows[0]?.name).toBe(PLANTED_UNDER_DELIVERING_PROVIDER);
    expect(rows[0]?.deliveryRate ?? 100).toBeLessThan(50);
    const others = rows.slice(1).filter((r) => r.deliveryRate !== null);
    expect(others.length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...others.map((r) => r.deliveryRate ?? 0))).toBeGreaterThan(70);
    // The board sees the same provider on top, its client counts disclosed.
    const board = await monitorAs('bestuurder');
    expect(board.disclosureApplied).toBe(true);
    expect((board.providers as Row[])[0]?.name).toBe(PLANTED_UNDER_DELIVERING_PROVIDER);
    await app.close();
  });

  it('never re-seeds a municipality that is not the demo', async () => {
    await database.db.execute(sql`update municipality set is_demo = false where code = '9901'`);
    await expect(seedDemo(database, { reset: true })).rejects.toMatchObject({ code: 'NOT_A_DEMO' });
    expect(await count('resident')).toBe(3000);
    await database.db.execute(sql`update municipality set is_demo = true where code = '9901'`);
  });
});
