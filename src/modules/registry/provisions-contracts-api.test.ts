import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, countRows, createHarness, type Harness } from '../../test-support/app-harness.js';

const tailoredWmo = {
  code: 'WMO-HH1',
  name: 'Hulp bij het huishouden',
  law: 'wmo',
  kind: 'tailored',
  productCategory: '01',
  productCode: '01A01',
  unit: '04',
  intent: 'Inwoners wonen zo lang mogelijk zelfstandig in een schoon en leefbaar huis.',
};

describe('provisions and contracts API', () => {
  let h: Harness;
  let policy: ApiClient;
  let cm: ApiClient;
  let hhId: string;
  let providerId: string;

  beforeAll(async () => {
    h = await createHarness();
    policy = await h.as('policy_advisor');
    cm = await h.as('contract_manager');
    providerId = h.providerIds['0001'] ?? '';
    const created = await policy.request('POST', '/api/v1/provisions', tailoredWmo);
    expect(created.statusCode).toBe(201);
    hhId = created.json().id;
  });
  afterAll(() => h.close());

  it('creates provisions for each law with the iStandaard code lists', async () => {
    const youth = await policy.request('POST', '/api/v1/provisions', {
      ...tailoredWmo,
      code: 'JW-AMB',
      name: 'Ambulante jeugdhulp',
      law: 'youth',
      productCategory: '45',
      productCode: '45A10',
    });
    expect(youth.statusCode).toBe(201);
    const participation = await policy.request('POST', '/api/v1/provisions', {
      code: 'PW-REI',
      name: 'Re-integratietraject',
      law: 'participation',
      kind: 'tailored',
      unit: '82',
      intent: 'Inwoners vinden betaald werk.',
    });
    expect(participation.statusCode).toBe(201);
    const general = await policy.request('POST', '/api/v1/provisions', {
      code: 'WMO-BOOD',
      name: 'Boodschappendienst',
      law: 'wmo',
      kind: 'general',
      intent: 'Inwoners krijgen zonder beschikking hulp bij boodschappen.',
    });
    expect(general.statusCode).toBe(201);
    const list = await policy.request('GET', '/api/v1/provisions?law=wmo');
    expect(
      list
        .json()
        .items.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['WMO-BOOD', 'WMO-HH1']);
    const reference = await policy.request('GET', '/api/v1/reference');
    expect(reference.json().productCategories.wmo).toHaveLength(18);
  });

  it('enforces the provision rules with the field named', async () => {
    const before = await countRows(h.database, 'provision');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...tailoredWmo, code: 'A1', productCategory: '45' }, 'productCategory'],
      [{ ...tailoredWmo, code: 'A2', productCategory: null }, 'productCategory'],
      [{ ...tailoredWmo, code: 'A3', law: 'youth', productCategory: '01' }, 'productCategory'],
      [{ ...tailoredWmo, code: 'A4', unit: '99' }, 'unit'],
      [{ ...tailoredWmo, code: 'A5', unit: null }, 'unit'],
      [{ ...tailoredWmo, code: 'A6', productCode: 'abc' }, 'productCode'],
      [{ ...tailoredWmo, code: 'A7', kind: 'general' }, 'productCategory'],
      [{ ...tailoredWmo, code: 'A8', law: 'participation' }, 'productCategory'],
      [{ ...tailoredWmo, code: 'A9', law: 'awbz' }, 'law'],
      [{ ...tailoredWmo, code: 'A10', intent: '' }, 'intent'],
      [{ ...tailoredWmo, code: 'met spatie' }, 'code'],
      [{ ...tailoredWmo }, 'code'],
    ];
    for (const [body, field] of cases) {
      const response = await policy.request('POST', '/api/v1/provisions', body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().field, JSON.stringify(body)).toBe(field);
    }
    expect(await countRows(h.database, 'provision')).toBe(before);
  });

  const contract = (overrides: Record<string, unknown> = {}) => ({
    providerId,
    reference: 'INK-2025-001',
    financingVariant: 'effort',
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    budgetCeilingCents: 150_000_000,
    lines: [{ provisionId: hhId, tariffCents: 3650 }],
    ...overrides,
  });

  it('creates a contract and shows it with its tariffs under its provider', async () => {
    const created = await cm.request('POST', '/api/v1/contracts', contract());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      reference: 'INK-2025-001',
      providerName: 'Zorg Testdam',
      lineCount: 1,
      lines: [{ provisionId: hhId, provisionName: 'Hulp bij het huishouden', unit: '04', tariffCents: 3650 }],
    });
    const provider = await cm.request('GET', `/api/v1/providers/${providerId}`);
    expect(provider.json()).toMatchObject({ contractCount: 1, contracts: [{ reference: 'INK-2025-001' }] });
    const updated = await cm.request(
      'PUT',
      `/api/v1/contracts/${created.json().id}`,
      contract({
        lines: [{ provisionId: hhId, tariffCents: 3800 }],
        kpis: [
          { indicator: 'delivery_rate', target: 85 },
          { indicator: 'median_days_to_start', target: 7.5 },
        ],
      }),
    );
    expect(updated.json().lines[0].tariffCents).toBe(3800);
    // The agreements come back in the monitor's order.
    expect(updated.json().kpis).toEqual([
      { indicator: 'median_days_to_start', target: 7.5 },
      { indicator: 'delivery_rate', target: 85 },
    ]);
    expect(created.json().kpis).toEqual([]);
  });

  it('enforces the contract rules, and writes nothing on a violation', async () => {
    const general = (await policy.request('GET', '/api/v1/provisions?kind=general')).json().items[0]?.id;
    const output = await policy.request('POST', '/api/v1/provisions', {
      ...tailoredWmo,
      code: 'WMO-DB-OUT',
      name: 'Dagbesteding per maand',
      productCategory: '07',
      productCode: null,
      unit: '82',
    });
    const contracts = await countRows(h.database, 'contract');
    const lines = await countRows(h.database, 'contract_line');
    const cases: [Record<string, unknown>, string][] = [
      [contract({ reference: 'R1', endDate: '2024-12-31' }), 'endDate'],
      [contract({ reference: 'R2', startDate: '2025-02-30' }), 'startDate'],
      [contract({ reference: 'R3', financingVariant: 'output' }), 'lines.0.provisionId'],
      [
        contract({ reference: 'R4', lines: [{ provisionId: output.json().id, tariffCents: 95000 }] }),
        'lines.0.provisionId',
      ],
      [
        contract({ reference: 'R5', financingVariant: 'task', budgetCeilingCents: null }),
        'budgetCeilingCents',
      ],
      [contract({ reference: 'R6', lines: [{ provisionId: hhId, tariffCents: 0 }] }), 'lines.0.tariffCents'],
      [contract({ reference: 'R7', lines: [{ provisionId: hhId, tariffCents: -5 }] }), 'lines.0.tariffCents'],
      [
        contract({ reference: 'R8', lines: [{ provisionId: hhId, tariffCents: 12.5 }] }),
        'lines.0.tariffCents',
      ],
      [
        contract({
          reference: 'R9',
          lines: [
            { provisionId: hhId, tariffCents: 100 },
            { provisionId: hhId, tariffCents: 200 },
          ],
        }),
        'lines.1.provisionId',
      ],
      [contract({ reference: 'R10', lines: [] }), 'lines'],
      [contract({ reference: 'K1', kpis: [{ indicator: 'smiles', target: 5 }] }), 'kpis.0.indicator'],
      [contract({ reference: 'K2', kpis: [{ indicator: 'delivery_rate', target: 101 }] }), 'kpis.0.target'],
      [
        contract({ reference: 'K3', kpis: [{ indicator: 'median_days_to_start', target: -1 }] }),
        'kpis.0.target',
      ],
      [
        contract({ reference: 'K4', kpis: [{ indicator: 'median_days_to_start', target: '10' }] }),
        'kpis.0.target',
      ],
      [
        contract({
          reference: 'K5',
          kpis: [
            { indicator: 'delivery_rate', target: 80 },
            { indicator: 'delivery_rate', target: 70 },
          ],
        }),
        'kpis.1.indicator',
      ],
      [
        contract({ reference: 'R11', lines: [{ provisionId: general, tariffCents: 100 }] }),
        'lines.0.provisionId',
      ],
      [
        contract({
          reference: 'R12',
          lines: [{ provisionId: '00000000-0000-4000-8000-000000000000', tariffCents: 100 }],
        }),
        'lines.0.provisionId',
      ],
      [contract({ reference: 'R13', providerId: h.providerIds['0002'] }), 'providerId'],
      [contract({ reference: 'R14', financingVariant: 'lumpsum' }), 'financingVariant'],
      [contract(), 'reference'],
    ];
    for (const [body, field] of cases) {
      const response = await cm.request('POST', '/api/v1/contracts', body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().field, `${body.reference}: ${response.body}`).toBe(field);
    }
    expect(await countRows(h.database, 'contract')).toBe(contracts);
    expect(await countRows(h.database, 'contract_line')).toBe(lines);
  });

  it("keeps contracts out of another municipality's reach", async () => {
    const [first] = (await cm.request('GET', '/api/v1/contracts')).json().items;
    const other = await h.as('contract_manager', '0002');
    expect((await other.request('GET', `/api/v1/contracts/${first.id}`)).statusCode).toBe(404);
    expect((await other.request('PUT', `/api/v1/contracts/${first.id}`, contract())).statusCode).toBe(404);
    expect((await other.request('GET', '/api/v1/contracts')).json().total).toBe(0);
  });
});
