/**
 * The 301 the platform writes: valid against the official XSDs (xmllint), read back as written,
 * and judged by the 301 rules; the published 301 examples conform; a 302 is read with its codes.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../check-service.js';
import { readAnyMessage } from '../ingest-read.js';
import { checkAllocationMessageRules } from '../rules/allocation-message-rules.js';
import { messageKind } from '../standard/message-kinds.js';
import type { Standard } from '../standard/model.js';
import { writeMessage } from '../xml/write.js';
import {
  type AllocatedProduct,
  type AllocationClient,
  allocationMessageObject,
  decodeAllocationMessage,
  decodeAllocationReturn,
  writeAllocationMessage,
} from './allocation-message.js';
import { buildReturnMessage } from './return-messages.js';

const ISTANDAARDEN = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));
const XMLLINT = '/usr/bin/xmllint';
const run = promisify(execFile);
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'regiekamer-301-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function xmllint(standard: Standard, name: string, xml: string): Promise<string> {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(file, xml);
  const xsd = join(ISTANDAARDEN, standard, 'xsd', `${name}.xsd`);
  try {
    await run(XMLLINT, ['--noout', '--nonet', '--schema', xsd, file]);
    return 'valid';
  } catch (error) {
    return String((error as { stderr?: unknown }).stderr ?? error);
  }
}

const client: AllocationClient = {
  bsn: '999990068',
  dateOfBirth: '1950-03-03',
  gender: '2',
  familyName: 'Çelik-Brüggen',
  familyNamePrefix: 'van',
  givenNames: 'Zoë Anna',
  initials: 'ZA',
  address: {
    street: 'Lindelaan',
    houseNumber: 12,
    houseLetter: 'a',
    houseNumberAddition: 'bis',
    postcode: '9901AB',
    place: 'Lindewaarde',
  },
};

const product = (overrides: Partial<AllocatedProduct> = {}): AllocatedProduct => ({
  allocationNumber: 1201,
  productCategory: '01',
  productCode: '01A01',
  allocatedOn: '2026-11-30',
  allocatedAt: '14:05:09',
  startDate: '2026-12-01',
  endDate: '2027-05-31',
  changeReason: null,
  volume: 3,
  unit: '04',
  frequency: '2',
  ...overrides,
});

const envelope = (standard: Standard) => ({
  standard,
  sender: '9901',
  receiver: '98000001',
  identification: 'A0000001',
  datedOn: '2026-11-30',
});

describe('the allocation message (301)', () => {
  it('needs xmllint', () => {
    expect(existsSync(XMLLINT), 'installeer libxml2-utils (xmllint)').toBe(true);
  });

  for (const standard of ['iwmo', 'ijw'] as const) {
    const name = standard === 'iwmo' ? 'WMO301' : 'JW301';
    it(`writes a ${name} that the official XSD accepts, with every part of the client and product`, async () => {
      const youth = standard === 'ijw';
      const code = youth ? '55A11' : '01A01';
      const category = youth ? '55' : '01';
      const xml = writeAllocationMessage(envelope(standard), client, [
        product({ productCategory: category, productCode: code }),
        product({
          allocationNumber: 1202,
          productCategory: category,
          productCode: null,
          startDate: '2027-06-01',
          endDate: null,
          changeReason: '05',
        }),
      ]);
      expect(await xmllint(standard, name, xml)).toBe('valid');
      expect(xml).toContain(`<${name.toLowerCase()}:BerichtCode>${standard === 'iwmo' ? 414 : 436}<`);
      const read = readAnyMessage(xml, false);
      if (!read.ok) throw new Error(read.reason);
      const decoded = decodeAllocationMessage(read.kind, read.message);
      expect(decoded.header).toMatchObject({
        sender: '9901',
        receiver: '98000001',
        identification: 'A0000001',
      });
      expect(decoded.client).toMatchObject({ bsn: client.bsn, familyName: 'Çelik-Brüggen' });
      expect(
        decoded.products.map((p) => [p.allocationNumber, p.productCode, p.endDate, p.changeReason]),
      ).toEqual([
        [1201, code, '2027-05-31', undefined],
        [1202, undefined, undefined, '05'],
      ]);
      expect(decoded.products[0]).toMatchObject({
        volume: 3,
        unit: '04',
        frequency: '2',
        allocatedAt: '14:05:09',
      });
      expect(checkAllocationMessageRules(decoded)).toEqual([]);
      expect(checkDocument(xml)).toMatchObject({ conforms: true, messageName: name });
    });
  }

  it('reads the published 301 examples as conforming', () => {
    for (const standard of ['iwmo', 'ijw'] as const) {
      const name = standard === 'iwmo' ? 'WMO301' : 'JW301';
      const xml = readFileSync(join(ISTANDAARDEN, standard, 'examples', `${name}.xml`));
      expect(checkDocument(xml), name).toMatchObject({ conforms: true, findings: [] });
    }
  });

  it('finds TR061, TR006, TR302 and CS002 in a 301 that breaks them', () => {
    const kind = messageKind('iwmo', '301');
    const object = allocationMessageObject(envelope('iwmo'), { ...client, bsn: '999990069' }, [
      product(),
      product({ allocationNumber: 1202, startDate: '2027-01-01', endDate: '2027-12-31' }),
    ]);
    const clientPart = object.Client as Record<string, unknown>;
    // A contact with neither telephone nor house and postcode, and of a kind TR061 does not count.
    clientPart.Contactgegevens = { Contact: [{ Soort: '04', Adres: { Straatnaam: 'Lindelaan' } }] };
    const findings = checkAllocationMessageRules(decodeAllocationMessage(kind, object));
    expect(findings.map((f) => [f.rule.code, f.path])).toEqual([
      ['CS002', 'Bericht/Client/Bsn'],
      ['TR061', 'Bericht/Client/Contactgegevens'],
      ['TR006', 'Bericht/Client/Contactgegevens/Contact[1]'],
      ['TR302', 'Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]'],
    ]);
    expect(findings.every((f) => f.rule.returnCode === '0001')).toBe(true);
    // The same product in periods that do not overlap is allowed.
    const apart = allocationMessageObject(envelope('iwmo'), client, [
      product(),
      product({ allocationNumber: 1202, startDate: '2027-06-01', endDate: null }),
    ]);
    expect(checkAllocationMessageRules(decodeAllocationMessage(kind, apart))).toEqual([]);
    // Without a code the rule holds on the category; aids (categories 11-14) may overlap.
    const codeless = allocationMessageObject(envelope('iwmo'), client, [
      product(),
      product({ allocationNumber: 1202, productCode: null }),
    ]);
    expect(
      checkAllocationMessageRules(decodeAllocationMessage(kind, codeless)).map((f) => f.rule.code),
    ).toEqual(['TR302']);
    const aids = allocationMessageObject(envelope('iwmo'), client, [
      product({ productCategory: '12', productCode: '12A01' }),
      product({ allocationNumber: 1202, productCategory: '12', productCode: '12A01' }),
    ]);
    expect(checkAllocationMessageRules(decodeAllocationMessage(kind, aids))).toEqual([]);
  });

  it('reads a 302 with its own identification, the 301 it returns and every return code', async () => {
    const kind = messageKind('ijw', '301');
    const youth = { productCategory: '55', productCode: '55A11' };
    const original = allocationMessageObject(envelope('ijw'), client, [
      product(youth),
      product({ ...youth, allocationNumber: 1202, startDate: '2027-06-01' }),
    ]);
    const built = buildReturnMessage({
      answered: kind,
      message: original,
      identification: 'R302',
      datedOn: '2026-12-01',
      headerCodes: [],
      classCodes: new Map([['Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]', ['0001']]]),
      refused: false,
    });
    const xml = writeMessage(built.message, built.kind.schema);
    expect(await xmllint('ijw', 'JW302', xml)).toBe('valid');
    const read = readAnyMessage(xml, false);
    if (!read.ok) throw new Error(read.reason);
    const decoded = decodeAllocationReturn(read.kind, read.message);
    // The provider sends it: the header as the sending party sees it.
    expect(decoded.header).toMatchObject({
      sender: '98000001',
      receiver: '9901',
      identification: 'R302',
      datedOn: '2026-12-01',
    });
    expect(decoded.original).toEqual({ identification: 'A0000001', datedOn: '2026-11-30' });
    expect(decoded.codes).toContainEqual({
      classPath: 'Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]',
      code: '0001',
    });
    expect(decoded.codes).toContainEqual({ classPath: 'Bericht/Client', code: '0200' });
  });

  it('reads the published JW302 example: header codes, and the ids of the 301 and of the return', () => {
    const xml = readFileSync(join(ISTANDAARDEN, 'ijw', 'examples', 'JW302.xml'));
    const read = readAnyMessage(xml, false);
    if (!read.ok) throw new Error(read.reason);
    const decoded = decodeAllocationReturn(read.kind, read.message);
    expect(decoded.original).toEqual({ identification: '123456789012', datedOn: '2023-07-15' });
    expect(decoded.header).toMatchObject({
      identification: '9452b7eb-c87',
      sender: '42420001',
      receiver: '0384',
    });
    expect(decoded.codes).toEqual([{ classPath: 'Bericht/Header', code: '8848' }]);
  });
});
