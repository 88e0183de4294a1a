import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test-support/app-harness.js';

describe('providers API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('creates, finds, updates and shows a provider with its contracts', async () => {
    const cm = await h.as('contract_manager');
    const created = await cm.request('POST', '/api/v1/providers', {
      agbCode: '98765432',
      name: '  Thuiszorg De Waard  ',
      kvkNumber: '12345678',
    });
    expect(created.statusCode).toBe(201);
    const provider = created.json();
    expect(provider).toMatchObject({
      agbCode: '98765432',
      name: 'Thuiszorg De Waard',
      contractCount: 0,
      contracts: [],
    });

    const found = await cm.request('GET', '/api/v1/providers?search=waard');
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: provider.id }] });
    const byAgb = await cm.request('GET', '/api/v1/providers?search=98765432');
    expect(byAgb.json().total).toBe(1);

    const updated = await cm.request('PUT', `/api/v1/providers/${provider.id}`, {
      agbCode: '98765432',
      name: 'Thuiszorg De Waard BV',
      kvkNumber: null,
    });
    expect(updated.json()).toMatchObject({ name: 'Thuiszorg De Waard BV', kvkNumber: null });
  });

  it('pages through a list with a total', async () => {
    const cm = await h.as('contract_manager');
    for (let i = 0; i < 5; i += 1) {
      await cm.request('POST', '/api/v1/providers', { agbCode: `9811110${i}`, name: `Pagina Zorg ${i}` });
    }
    const page = await cm.request('GET', '/api/v1/providers?search=Pagina&limit=2&offset=2');
    expect(page.json()).toMatchObject({ total: 5 });
    expect(page.json().items.map((p: { name: string }) => p.name)).toEqual([
      'Pagina Zorg 2',
      'Pagina Zorg 3',
    ]);
  });

  it('rejects bad input with a 4xx naming the field, and writes nothing', async () => {
    const cm = await h.as('contract_manager');
    const before = await countRows(h.database, 'provider');
    const cases: [body: unknown, status: number, field: string | undefined][] = [
      [{ agbCode: '1234567', name: 'Te kort' }, 400, 'agbCode'],
      [{ agbCode: '123456789', name: 'Te lang' }, 400, 'agbCode'],
      [{ agbCode: '1234567a', name: 'Letter' }, 400, 'agbCode'],
      [{ agbCode: 12345678, name: 'Getal' }, 400, 'agbCode'],
      [{ agbCode: '12345678', name: '' }, 400, 'name'],
      [{ agbCode: '12345678', name: 'X'.repeat(201) }, 400, 'name'],
      [{ agbCode: '12345678', name: 'KvK', kvkNumber: '1234' }, 400, 'kvkNumber'],
      [{ agbCode: '12345678', name: 'Extra', isAdmin: true }, 400, 'isAdmin'],
      [{ name: 'Geen AGB' }, 400, 'agbCode'],
      [[], 400, undefined],
      [{ agbCode: "1234567'; drop table provider; --", name: 'SQL' }, 400, 'agbCode'],
    ];
    for (const [body, status, field] of cases) {
      const response = await cm.request('POST', '/api/v1/providers', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      const error = response.json();
      expect(error.error).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/\S/);
      if (field) expect(error.field).toBe(field);
    }
    expect(await countRows(h.database, 'provider')).toBe(before);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with a clear 4xx', async () => {
    const cm = await h.as('contract_manager');
    const before = await countRows(h.database, 'provider');
    const malformed = await cm.request('POST', '/api/v1/providers', '{"agbCode": "1234', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'INVALID_JSON' });

    const text = await cm.request('POST', '/api/v1/providers', 'agbCode=12345678', {
      'content-type': 'text/plain',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });

    const huge = await cm.request('POST', '/api/v1/providers', {
      agbCode: '12345678',
      name: 'x'.repeat(1_100_000),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'BODY_TOO_LARGE' });
    expect(await countRows(h.database, 'provider')).toBe(before);
  });

  it('refuses a duplicate AGB code with 409', async () => {
    const cm = await h.as('contract_manager');
    await cm.request('POST', '/api/v1/providers', { agbCode: '98222222', name: 'Eerste' });
    const second = await cm.request('POST', '/api/v1/providers', { agbCode: '98222222', name: 'Tweede' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: 'CONFLICT', field: 'agbCode' });
  });

  it('treats SQL metacharacters in a search as plain text', async () => {
    const cm = await h.as('contract_manager');
    await cm.request('POST', '/api/v1/providers', { agbCode: '98333333', name: '100% Zorg_Dichtbij' });
    for (const search of ["'; drop table provider; --", '%', '_', '\\', "' or '1'='1"]) {
      const response = await cm.request('GET', `/api/v1/providers?search=${encodeURIComponent(search)}`);
      expect(response.statusCode).toBe(200);
      const names = response.json().items.map((p: { name: string }) => p.name);
      for (const name of names) expect(name).toContain(search);
    }
    const percent = await cm.request('GET', `/api/v1/providers?search=${encodeURIComponent('100%')}`);
    expect(percent.json().items.map((p: { name: string }) => p.name)).toEqual(['100% Zorg_Dichtbij']);
    expect(await countRows(h.database, 'provider')).toBeGreaterThan(0);
  });

  it('rejects bad query parameters', async () => {
    const cm = await h.as('contract_manager');
    for (const query of [
      'limit=0',
      'limit=100000',
      'offset=-1',
      'limit=abc',
      'unknown=1',
      `search=${'x'.repeat(101)}`,
    ]) {
      const response = await cm.request('GET', `/api/v1/providers?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toBe('VALIDATION_FAILED');
    }
  });

  it("answers 404 for another municipality's provider and changes nothing there", async () => {
    const otherId = h.providerIds['0002'];
    const cm = await h.as('contract_manager');
    expect((await cm.request('GET', `/api/v1/providers/${otherId}`)).statusCode).toBe(404);
    const put = await cm.request('PUT', `/api/v1/providers/${otherId}`, {
      agbCode: '98000002',
      name: 'Gekaapt',
    });
    expect(put.statusCode).toBe(404);
    const owner = await h.as('contract_manager', '0002');
    expect((await owner.request('GET', `/api/v1/providers/${otherId}`)).json().name).toBe('Zorg Proefwijk');
    expect((await cm.request('GET', '/api/v1/providers/not-a-uuid')).statusCode).toBe(400);
    const malformed = await cm.request('GET', '/api/v1/providers/%E0%A4%A');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'BAD_REQUEST' });
  });
});
