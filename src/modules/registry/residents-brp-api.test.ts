import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { postgresError } from '../../server/errors.js';
import { SYSTEM_ACTOR, systemTrace } from '../../server/request-context.js';
import {
  type ApiClient,
  countRows,
  createHarness,
  type Harness,
  TENANT_A,
} from '../../test-support/app-harness.js';
import { residentIdentities } from './resident-service.js';

// Test BSNs from the reserved range 999900006–999999990 that pass the eleven-test.
const BSN_PARTS = '999990056';
const BSN_LEGACY = '999990068';
const BSN_INVALID = '999990081';

const ADDRESS = {
  street: 'Lindelaan',
  houseNumber: 12,
  houseLetter: 'a',
  houseNumberAddition: '2',
  postcode: ' 1234 ab ',
  place: 'Testdam',
};
const PARTS = {
  bsn: BSN_PARTS,
  givenNames: 'Jan Willem Ätze',
  familyNamePrefix: 'van der',
  familyName: 'Berg',
  gender: '1',
  dateOfBirth: '1956-03-14',
  neighbourhoodCode: null,
  address: ADDRESS,
};

describe('residents with BRP name parts, gender and address', () => {
  let h: Harness;
  let caseWorker: ApiClient;
  let residentId: string;

  beforeAll(async () => {
    h = await createHarness();
    caseWorker = await h.as('case_worker');
    const created = await caseWorker.request('POST', '/api/v1/residents', PARTS);
    expect(created.statusCode, created.body).toBe(201);
    residentId = created.json().id;
  });
  afterAll(() => h.close());

  it('registers the parts: name composed, initials derived, postcode normalised', async () => {
    const expected = {
      id: residentId,
      bsn: BSN_PARTS,
      name: 'Jan Willem Ätze van der Berg',
      givenNames: 'Jan Willem Ätze',
      familyNamePrefix: 'van der',
      familyName: 'Berg',
      initials: 'JWÄ',
      gender: '1',
      address: {
        street: 'Lindelaan',
        houseNumber: 12,
        houseLetter: 'a',
        houseNumberAddition: '2',
        postcode: '1234AB',
        place: 'Testdam',
      },
    };
    const viewed = await caseWorker.request('GET', `/api/v1/residents/${residentId}`);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json()).toMatchObject(expected);
    const found = await caseWorker.request(
      'GET',
      `/api/v1/residents?search=${encodeURIComponent('van der Berg')}`,
    );
    expect(found.json()).toMatchObject({ total: 1, items: [expected] });
  });

  it('gives other modules the identity in the shape a 301 needs, without a log entry', async () => {
    const logBefore = await countRows(h.database, 'processing_log');
    const identities = await h.database.withTenant(TENANT_A, (tx) =>
      residentIdentities(
        { tx, municipalityCode: TENANT_A, actor: SYSTEM_ACTOR, trace: systemTrace('identities-test') },
        [residentId],
      ),
    );
    expect(identities.get(residentId)).toEqual({
      bsn: BSN_PARTS,
      name: 'Jan Willem Ätze van der Berg',
      dateOfBirth: '1956-03-14',
      gender: '1',
      familyName: 'Berg',
      familyNamePrefix: 'van der',
      givenNames: 'Jan Willem Ätze',
      initials: 'JWÄ',
      address: {
        street: 'Lindelaan',
        houseNumber: 12,
        houseLetter: 'a',
        houseNumberAddition: '2',
        postcode: '1234AB',
        place: 'Testdam',
      },
    });
    expect(await countRows(h.database, 'processing_log')).toBe(logBefore);
  });

  it('updates the parts and the address, and removes the address', async () => {
    const updated = await caseWorker.request('PUT', `/api/v1/residents/${residentId}`, {
      ...PARTS,
      givenNames: 'Anna Maria Louise Sophie Geertruida Johanna Elisabeth',
      familyNamePrefix: null,
      familyName: 'Bergen',
      gender: '2',
      address: { street: 'Kerkstraat', houseNumber: 0, postcode: '9999ZZ', place: 'Testdam' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Anna Maria Louise Sophie Geertruida Johanna Elisabeth Bergen',
      familyNamePrefix: null,
      familyName: 'Bergen',
      // At most six initials.
      initials: 'AMLSGJ',
      gender: '2',
      address: {
        street: 'Kerkstraat',
        houseNumber: 0,
        houseLetter: null,
        houseNumberAddition: null,
        postcode: '9999ZZ',
      },
    });
    const withoutAddress = await caseWorker.request('PUT', `/api/v1/residents/${residentId}`, {
      ...PARTS,
      name: 'Jan Willem van der Berg-Smit',
      givenNames: null,
      address: null,
    });
    expect(withoutAddress.statusCode, withoutAddress.body).toBe(200);
    // A given display name is kept as given; without given names there are no initials.
    expect(withoutAddress.json()).toMatchObject({
      name: 'Jan Willem van der Berg-Smit',
      givenNames: null,
      initials: null,
      familyName: 'Berg',
      address: null,
    });
  });

  it('still takes a resident with only a display name, as before', async () => {
    const created = await caseWorker.request('POST', '/api/v1/residents', {
      bsn: BSN_LEGACY,
      name: 'Sanne Bakker',
      dateOfBirth: '1948-02-29',
      neighbourhoodCode: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Sanne Bakker',
      gender: '0',
      familyName: null,
      familyNamePrefix: null,
      givenNames: null,
      initials: null,
      address: null,
    });
  });

  it('rejects bad parts and addresses with HTTP 400 and the field named, and writes nothing', async () => {
    const residents = await countRows(h.database, 'resident');
    const log = await countRows(h.database, 'processing_log');
    const base = { ...PARTS, bsn: BSN_INVALID };
    const address = (change: Record<string, unknown>) => ({ ...base, address: { ...ADDRESS, ...change } });
    const { postcode: _postcode, ...withoutPostcode } = ADDRESS;
    const cases: [string, Record<string, unknown>, string][] = [
      ['postcode of 5 digits', address({ postcode: '12345' }), 'address.postcode'],
      ['postcode starting with 0', address({ postcode: '0123AB' }), 'address.postcode'],
      ['negative house number', address({ houseNumber: -1 }), 'address.houseNumber'],
      ['house number too high', address({ houseNumber: 100_000 }), 'address.houseNumber'],
      ['fractional house number', address({ houseNumber: 1.5 }), 'address.houseNumber'],
      ['house number as text', address({ houseNumber: '12' }), 'address.houseNumber'],
      ['two house letters', address({ houseLetter: 'AB' }), 'address.houseLetter'],
      ['house letter not a letter', address({ houseLetter: '1' }), 'address.houseLetter'],
      ['addition of 5 characters', address({ houseNumberAddition: 'ABCDE' }), 'address.houseNumberAddition'],
      ['street of 25 characters', address({ street: 'S'.repeat(25) }), 'address.street'],
      ['place of 81 characters', address({ place: 'P'.repeat(81) }), 'address.place'],
      ['blank street', address({ street: '  ' }), 'address.street'],
      ['street but no postcode', { ...base, address: withoutPostcode }, 'address.postcode'],
      ['address with an unknown field', address({ country: 'NL' }), 'address.country'],
      ['prefix of 11 characters', { ...base, familyNamePrefix: 'van der den' }, 'familyNamePrefix'],
      ['family name of 201 characters', { ...base, familyName: 'B'.repeat(201) }, 'familyName'],
      ['given names of 201 characters', { ...base, givenNames: 'J'.repeat(201) }, 'givenNames'],
      ['blank family name', { ...base, familyName: '   ' }, 'familyName'],
      ['gender 3', { ...base, gender: '3' }, 'gender'],
      ['gender as a number', { ...base, gender: 1 }, 'gender'],
      [
        'neither name nor family name',
        { ...base, familyName: null, givenNames: null, familyNamePrefix: null },
        'familyName',
      ],
      ['given names without a family name', { ...base, name: 'Jan', familyName: null }, 'familyName'],
      ['initials are not an input', { ...base, initials: 'JW' }, 'initials'],
      [
        'composed name over 200 characters',
        { ...base, givenNames: 'J'.repeat(150), familyName: 'B'.repeat(60) },
        'givenNames',
      ],
    ];
    for (const [label, body, field] of cases) {
      const response = await caseWorker.request('POST', '/api/v1/residents', body);
      expect(response.statusCode, label).toBe(400);
      expect(response.json().field, label).toBe(field);
      // The message names the field too, for API clients that show only the message.
      expect(response.json().message, label).toContain(field);
    }
    const missing = await caseWorker.request('POST', '/api/v1/residents', {
      bsn: BSN_INVALID,
      dateOfBirth: '1980-01-01',
    });
    expect(missing.json()).toMatchObject({
      field: 'familyName',
      message: expect.stringContaining('Vul de achternaam in.'),
    });
    // The same checks on an update, which leaves the resident as it was.
    const before = (await caseWorker.request('GET', `/api/v1/residents/${residentId}`)).json();
    for (const [label, body, field] of cases) {
      const response = await caseWorker.request('PUT', `/api/v1/residents/${residentId}`, {
        ...body,
        bsn: BSN_PARTS,
      });
      expect(response.statusCode, label).toBe(400);
      expect(response.json().field, label).toBe(field);
    }
    expect((await caseWorker.request('GET', `/api/v1/residents/${residentId}`)).json()).toEqual(before);
    expect(await countRows(h.database, 'resident')).toBe(residents);
    // Only the two views of this test were logged.
    expect(await countRows(h.database, 'processing_log')).toBe(log + 2);
  });

  it('holds the same limits in the database, for writes that bypass the API', async () => {
    const [row] = await queryRows<{ resident_id: string }>(
      h.database.db,
      sql`select resident_id from resident_identity where bsn = ${BSN_LEGACY}`,
    );
    if (!row) throw new Error('legacy resident not found');
    const violations = [
      sql`postcode = '12345', street = 'A', house_number = 1, place = 'P'`,
      sql`street = 'A', house_number = 1, place = 'P'`,
      sql`house_number = 100000, street = 'A', postcode = '1234AB', place = 'P'`,
      sql`house_letter = 'AB', street = 'A', house_number = 1, postcode = '1234AB', place = 'P'`,
      sql`house_number_addition = 'ABCDE', street = 'A', house_number = 1, postcode = '1234AB', place = 'P'`,
      sql`street = ${'S'.repeat(25)}, house_number = 1, postcode = '1234AB', place = 'P'`,
      sql`gender = '3'`,
      sql`family_name_prefix = 'van'`,
      sql`family_name = 'Berg', family_name_prefix = ${'v'.repeat(11)}`,
      sql`family_name = 'Berg', initials = 'J.W.'`,
      sql`family_name = 'Berg', initials = 'ABCDEFG'`,
    ];
    for (const [index, assignment] of violations.entries()) {
      const failure = await h.database.db
        .execute(sql`update resident_identity set ${assignment} where resident_id = ${row.resident_id}`)
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      // 23514: check_violation, so the statement was sound and a constraint refused it.
      expect(postgresError(failure)?.code, `violation ${index}`).toBe('23514');
    }
    await h.database.db.execute(
      sql`update resident_identity set family_name = 'Bakker', initials = 'SÄ' where resident_id = ${row.resident_id}`,
    );
  });
});
