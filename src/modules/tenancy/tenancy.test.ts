import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { createMunicipality, createRegion } from './tenancy-service.js';

describe('municipalities and regions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('shows the own municipality with the regions it commissions in', async () => {
    await createMunicipality(h.database.db, { code: '0003', name: 'Buiten de regio' });
    const region = await createRegion(h.database.db, {
      name: 'Regio Testland',
      municipalityCodes: ['0001', '0002'],
    });
    expect(region.municipalityCodes).toEqual(['0001', '0002']);
    const client = await h.as('board_member');
    const response = await client.request('GET', '/api/v1/municipality');
    expect(response.json()).toEqual({
      code: '0001',
      name: 'Testdam',
      population: null,
      isDemo: false,
      regions: [{ id: region.id, name: 'Regio Testland', municipalityCodes: ['0001', '0002'] }],
    });
  });

  it('validates municipalities and regions', async () => {
    await expect(createMunicipality(h.database.db, { code: '363', name: 'Kort' })).rejects.toMatchObject({
      field: 'code',
    });
    await expect(createMunicipality(h.database.db, { code: '0001', name: 'Dubbel' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(createMunicipality(h.database.db, { code: '0004', name: ' ' })).rejects.toMatchObject({
      field: 'name',
    });
    await expect(
      createRegion(h.database.db, { name: 'Regio Fout', municipalityCodes: ['0001', '9998'] }),
    ).rejects.toMatchObject({ field: 'municipalityCodes' });
  });
});
