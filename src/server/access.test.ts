import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../shared/roles.js';
import { createHarness, type Harness, TENANT_A } from '../test-support/app-harness.js';
import { buildApp } from './app.js';

describe('access rules: deny by default', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('gives every registered route an explicit access rule', () => {
    const missing = h.app.routeCatalogue.filter((route) => route.access === undefined);
    expect(h.app.routeCatalogue.length).toBeGreaterThan(25);
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('refuses a route registered without a rule', async () => {
    const app = await buildApp({ database: h.database, webRoot: null, logLevel: 'silent' });
    app.get('/api/v1/forgotten', async () => ({ secret: true }));
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/v1/forgotten' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'FORBIDDEN' });
    await app.close();
  });

  it('answers 401 to anonymous requests on every non-public route', async () => {
    for (const route of h.app.routeCatalogue) {
      if (route.access && 'public' in route.access) continue;
      const url = route.url
        .replace(':id', '00000000-0000-4000-8000-000000000000')
        .replace(':code', 'WK000101');
      const response = await h.anonymous(route.method as 'GET', url);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
    }
  });

  const readers: Role[] = [
    'administrator',
    'policy_advisor',
    'contract_manager',
    'case_worker',
    'board_member',
  ];
  const matrix: [method: 'GET' | 'POST', url: string, allowed: Role[]][] = [
    ['GET', '/api/v1/providers', [...readers, 'provider_user']],
    ['POST', '/api/v1/providers', ['administrator', 'contract_manager']],
    ['GET', '/api/v1/provisions', readers],
    ['POST', '/api/v1/provisions', ['administrator', 'policy_advisor', 'contract_manager']],
    [
      'GET',
      '/api/v1/contracts',
      ['administrator', 'policy_advisor', 'contract_manager', 'case_worker', 'provider_user'],
    ],
    ['POST', '/api/v1/contracts', ['administrator', 'contract_manager']],
    ['GET', '/api/v1/districts', readers],
    ['POST', '/api/v1/districts', ['administrator', 'policy_advisor']],
    ['GET', '/api/v1/neighbourhoods', readers],
    ['GET', '/api/v1/residents', ['case_worker']],
    ['POST', '/api/v1/residents', ['case_worker']],
    ['GET', '/api/v1/processing-log', ['privacy_officer']],
    ['GET', '/api/v1/processing-log/export', ['privacy_officer']],
    ['GET', '/api/v1/accounts', ['administrator']],
    ['POST', '/api/v1/accounts', ['administrator']],
    ['GET', '/api/v1/reference', [...ROLES]],
  ];

  for (const role of ROLES) {
    it(`lets ${role} in exactly where its role allows`, async () => {
      const client = await h.as(role);
      const outcome: string[] = [];
      for (const [method, url, allowed] of matrix) {
        // An empty body: allowed roles get past the access check and fail validation (400).
        const response = await client.request(method, url, method === 'POST' ? {} : undefined);
        const denied = response.statusCode === 403;
        if (denied === allowed.includes(role)) outcome.push(`${method} ${url}: ${response.statusCode}`);
      }
      expect(outcome).toEqual([]);
    });
  }

  it('shows a board member no personal data and a provider user no other provider', async () => {
    const board = await h.as('board_member');
    expect((await board.request('GET', '/api/v1/residents')).statusCode).toBe(403);

    const admin = await h.as('administrator');
    const other = await admin.request('POST', '/api/v1/providers', {
      agbCode: '98123456',
      name: 'Andere aanbieder',
    });
    expect(other.statusCode).toBe(201);
    const providerUser = await h.as('provider_user');
    const list = await providerUser.request('GET', '/api/v1/providers');
    expect(list.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([
      h.providerIds[TENANT_A],
    ]);
    const peek = await providerUser.request('GET', `/api/v1/providers/${other.json<{ id: string }>().id}`);
    expect(peek.statusCode).toBe(404);
  });

  it('shows contract details under a provider only to roles that may read contracts', async () => {
    const admin = await h.as('administrator');
    const provision = await admin.request('POST', '/api/v1/provisions', {
      code: 'BEG-1',
      name: 'Begeleiding',
      law: 'wmo',
      kind: 'tailored',
      productCategory: '02',
      unit: '04',
      intent: 'Zelfstandig wonen.',
    });
    const contract = await admin.request('POST', '/api/v1/contracts', {
      providerId: h.providerIds[TENANT_A],
      reference: 'TOEGANG-1',
      financingVariant: 'effort',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      budgetCeilingCents: 1_000_000,
      lines: [{ provisionId: provision.json().id, tariffCents: 6800 }],
    });
    expect(contract.statusCode).toBe(201);
    const url = `/api/v1/providers/${h.providerIds[TENANT_A]}`;
    for (const role of [
      'administrator',
      'policy_advisor',
      'contract_manager',
      'case_worker',
      'provider_user',
    ] as const) {
      const detail = (await (await h.as(role)).request('GET', url)).json();
      expect(
        detail.contracts.map((c: { reference: string }) => c.reference),
        role,
      ).toContain('TOEGANG-1');
    }
    for (const role of ['board_member'] as const) {
      const detail = (await (await h.as(role)).request('GET', url)).json();
      expect(detail.contracts, role).toEqual([]);
      expect(detail.contractCount, role).toBeGreaterThan(0);
    }
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const client = await h.as('contract_manager');
    const without = await client.request(
      'POST',
      '/api/v1/providers',
      { agbCode: '98111111', name: 'X' },
      {
        'x-csrf-token': '',
      },
    );
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: 'CSRF_TOKEN_INVALID' });
    const wrong = await client.request(
      'POST',
      '/api/v1/providers',
      { agbCode: '98111111', name: 'X' },
      {
        'x-csrf-token': 'nep-token',
      },
    );
    expect(wrong.statusCode).toBe(403);
    const list = await client.request('GET', '/api/v1/providers?search=98111111');
    expect(list.json()).toMatchObject({ total: 0 });
  });
});
