/**
 * A running app on a fresh database with two municipalities and an account for every role in
 * each, for API tests. Factories create what a test needs and return it.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { queryRows } from '../db/connection.js';
import { createAccountAsSystem } from '../modules/accounts/accounts-service.js';
import { LoginThrottle } from '../modules/accounts/login-throttle.js';
import { createMunicipality } from '../modules/tenancy/tenancy-service.js';
import { buildApp } from '../server/app.js';
import type { ZodApp } from '../server/zod-app.js';
import { ROLES, type Role } from '../shared/roles.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TENANT_A = '0001';
export const TENANT_B = '0002';
export const TEST_PASSWORD = 'Test-wachtwoord-123';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClient {
  role: Role;
  municipalityCode: string;
  accountId: string;
  csrfToken: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface Harness {
  app: ZodApp;
  database: TestDatabase;
  /** Provider ids created per tenant, so provider users have one to belong to. */
  providerIds: Record<string, string>;
  as(role: Role, municipalityCode?: string): Promise<ApiClient>;
  /** Logs in any account, e.g. one a test created. */
  login(username: string, password: string, role: Role, municipalityCode?: string): Promise<ApiClient>;
  anonymous(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function username(role: Role, municipalityCode: string): string {
  return `${role.replace('_', '-')}-${municipalityCode}`;
}

export async function createHarness(options: { throttle?: LoginThrottle } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const providerIds: Record<string, string> = {};
  for (const [code, name] of [
    [TENANT_A, 'Testdam'],
    [TENANT_B, 'Proefwijk'],
  ] as const) {
    await createMunicipality(database.db, { code, name });
    const [provider] = await database.withTenant(code, (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into provider (municipality_code, agb_code, name) values (${code}, ${`9800000${code.slice(3)}`}, ${`Zorg ${name}`}) returning id`,
      ),
    );
    if (!provider) throw new Error('provider not created');
    providerIds[code] = provider.id;
    for (const role of ROLES) {
      await createAccountAsSystem(database.db, code, {
        username: username(role, code),
        displayName: `Test ${role}`,
        role,
        password: TEST_PASSWORD,
        providerId: role === 'provider_user' ? provider.id : null,
      });
    }
  }
  const app = await buildApp({
    database,
    webRoot: null,
    logLevel: 'silent',
    loginThrottle: options.throttle ?? new LoginThrottle(1000),
  });
  await app.ready();

  const sessions = new Map<string, ApiClient>();
  const login: Harness['login'] = async (user, password, role, municipalityCode = TENANT_A) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user, password },
    });
    if (response.statusCode !== 200) throw new Error(`login as ${user} failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'rk_session');
    if (!cookie) throw new Error('no session cookie');
    const body = response.json<{ csrfToken: string; account: { id: string } }>();
    return {
      role,
      municipalityCode,
      accountId: body.account.id,
      csrfToken: body.csrfToken,
      request: (method, url, payload, headers = {}) =>
        app.inject({
          method,
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
          headers: { cookie: `rk_session=${cookie.value}`, 'x-csrf-token': body.csrfToken, ...headers },
        }),
    };
  };

  return {
    app,
    database,
    providerIds,
    anonymous: (method, url, body, headers = {}) =>
      app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers }),
    async as(role, municipalityCode = TENANT_A) {
      const key = `${role}@${municipalityCode}`;
      const known = sessions.get(key);
      if (known) return known;
      const client = await login(username(role, municipalityCode), TEST_PASSWORD, role, municipalityCode);
      sessions.set(key, client);
      return client;
    },
    login,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** Counts rows of a table in all tenants, with owner privileges: for "nothing was written". */
export async function countRows(database: TestDatabase, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

/**
 * Two neighbourhood teams in tenant A: the harness's case worker in the first, a second case
 * worker in the other, so tests can show that one team cannot see the other's cases.
 */
export async function twoCaseTeams(
  h: Harness,
): Promise<{ teamA: string; teamB: string; worker: ApiClient; otherWorker: ApiClient }> {
  const admin = await h.as('administrator');
  const teamA = (await admin.request('POST', '/api/v1/teams', { name: 'Wijkteam Noord' })).json<{
    id: string;
  }>().id;
  const teamB = (await admin.request('POST', '/api/v1/teams', { name: 'Wijkteam Zuid' })).json<{
    id: string;
  }>().id;
  const worker = await h.as('case_worker');
  const other = await admin.request('POST', '/api/v1/accounts', {
    username: 'consulent.zuid',
    displayName: 'Consulent Zuid',
    role: 'case_worker',
    password: TEST_PASSWORD,
  });
  const otherId = other.json<{ id: string }>().id;
  for (const [team, member] of [
    [teamA, worker.accountId],
    [teamB, otherId],
  ] as const) {
    const response = await admin.request('PUT', `/api/v1/teams/${team}/members`, { accountIds: [member] });
    if (response.statusCode !== 200) throw new Error(`team membership failed: ${response.body}`);
  }
  const otherWorker = await h.login('consulent.zuid', TEST_PASSWORD, 'case_worker');
  return { teamA, teamB, worker, otherWorker };
}
