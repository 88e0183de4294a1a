import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, countRows, createHarness, type Harness } from '../../test-support/app-harness.js';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});

describe('geography API', () => {
  let h: Harness;
  let policy: ApiClient;
  beforeAll(async () => {
    h = await createHarness();
    policy = await h.as('policy_advisor');
  });
  afterAll(() => h.close());

  it('keeps districts and neighbourhoods with CBS codes, populations and outlines', async () => {
    const district = await policy.request('POST', '/api/v1/districts', {
      code: 'WK000102',
      name: 'Noord',
      geometry: square(5, 52),
    });
    expect(district.statusCode).toBe(201);
    for (const [code, population] of [
      ['BU00010201', 800],
      ['BU00010202', 1450],
    ] as const) {
      const created = await policy.request('POST', '/api/v1/neighbourhoods', {
        code,
        name: `Buurt ${code.slice(-2)}`,
        districtCode: 'WK000102',
        population,
        geometry: square(5, 52),
      });
      expect(created.statusCode).toBe(201);
    }
    const detail = await policy.request('GET', '/api/v1/districts/WK000102');
    expect(detail.json()).toMatchObject({ code: 'WK000102', population: 2250, neighbourhoodCount: 2 });
    expect(detail.json().neighbourhoods).toHaveLength(2);
    const list = await (await h.as('board_member')).request('GET', '/api/v1/districts');
    expect(list.json().items).toContainEqual({
      code: 'WK000102',
      name: 'Noord',
      population: 2250,
      neighbourhoodCount: 2,
    });
    const filtered = await policy.request('GET', '/api/v1/neighbourhoods?district=WK000102');
    expect(filtered.json().total).toBe(2);
    const renamed = await policy.request('PUT', '/api/v1/neighbourhoods/BU00010201', {
      name: 'Havenkwartier',
      population: 900,
    });
    expect(renamed.json()).toMatchObject({ name: 'Havenkwartier', population: 900, geometry: square(5, 52) });
    const keepsPopulation = await policy.request('PUT', '/api/v1/neighbourhoods/BU00010201', {
      name: 'Haven',
    });
    expect(keepsPopulation.json()).toMatchObject({ name: 'Haven', population: 900 });
    const cleared = await policy.request('PUT', '/api/v1/districts/WK000102', {
      name: 'Noord',
      geometry: null,
    });
    expect(cleared.json().geometry).toBeNull();
  });

  it('rejects invalid codes, foreign codes and broken geometry, writing nothing', async () => {
    const districts = await countRows(h.database, 'district');
    const neighbourhoods = await countRows(h.database, 'neighbourhood');
    const open = square(5, 52);
    open.coordinates[0]?.pop();
    const cases: [string, Record<string, unknown>, string][] = [
      ['/api/v1/districts', { code: 'WK0001', name: 'Kort' }, 'code'],
      ['/api/v1/districts', { code: 'wk000103', name: 'Klein' }, 'code'],
      ['/api/v1/districts', { code: 'WK999901', name: 'Andere gemeente' }, 'code'],
      ['/api/v1/districts', { code: 'WK000102', name: 'Dubbel' }, 'code'],
      [
        '/api/v1/districts',
        { code: 'WK000104', name: 'Open ring', geometry: open },
        'geometry.coordinates.0',
      ],
      [
        '/api/v1/districts',
        { code: 'WK000105', name: 'Punt', geometry: { type: 'Point', coordinates: [5, 52] } },
        'geometry.type',
      ],
      [
        '/api/v1/districts',
        {
          code: 'WK000106',
          name: 'Buiten de aarde',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [500, 52],
                [5, 52],
                [5, 53],
                [500, 52],
              ],
            ],
          },
        },
        'geometry.coordinates.0.0.0',
      ],
      ['/api/v1/neighbourhoods', { code: 'BU0001020', name: 'Kort', districtCode: 'WK000102' }, 'code'],
      [
        '/api/v1/neighbourhoods',
        { code: 'BU00019901', name: 'Verkeerde wijk', districtCode: 'WK000102' },
        'code',
      ],
      [
        '/api/v1/neighbourhoods',
        { code: 'BU00010901', name: 'Geen wijk', districtCode: 'WK000109' },
        'districtCode',
      ],
      [
        '/api/v1/neighbourhoods',
        { code: 'BU00010203', name: 'Min', districtCode: 'WK000102', population: -1 },
        'population',
      ],
      [
        '/api/v1/neighbourhoods',
        { code: 'BU00010203', name: 'Half', districtCode: 'WK000102', population: 1.5 },
        'population',
      ],
    ];
    for (const [url, body, field] of cases) {
      const response = await policy.request('POST', url, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().field, JSON.stringify(body)).toBe(field);
    }
    expect(await countRows(h.database, 'district')).toBe(districts);
    expect(await countRows(h.database, 'neighbourhood')).toBe(neighbourhoods);
  });

  it("does not show or change another municipality's districts", async () => {
    const other = await h.as('policy_advisor', '0002');
    expect((await other.request('GET', '/api/v1/districts/WK000102')).statusCode).toBe(404);
    expect(
      (await other.request('PUT', '/api/v1/districts/WK000102', { name: 'Overgenomen' })).statusCode,
    ).toBe(404);
    expect((await other.request('GET', '/api/v1/districts')).json().total).toBe(0);
  });
});
