/**
 * The municipality's answers are valid messages of the standard: return messages (306, 308, and
 * the generic walk for 302/316/318/320) and the claim answer (325), built from the
 * published examples, validate with the engine for both standards and with libxml2 against the
 * official iJw XSDs (iWmo has none for its return messages).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageType, messageKind, RETURN_MESSAGE_OF } from '../standard/message-kinds.js';
import type { Standard } from '../standard/model.js';
import { type MessageObject, parseMessage } from '../xml/validate.js';
import { writeMessage } from '../xml/write.js';
import { decodeClaim } from './provider-messages.js';
import { buildClaimAnswer, buildReturnMessage } from './return-messages.js';

const ISTANDAARDEN = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));
const XMLLINT = '/usr/bin/xmllint';
const run = promisify(execFile);
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'regiekamer-retour-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function xmllintAccepts(xsd: string, xml: string): Promise<string> {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(file, xml);
  try {
    await run(XMLLINT, ['--noout', '--nonet', '--schema', xsd, file]);
    return 'valid';
  } catch (error) {
    return String((error as { stderr?: unknown }).stderr ?? error);
  }
}

function example(standard: Standard, type: MessageType): MessageObject {
  const name = `${standard === 'iwmo' ? 'WMO' : 'JW'}${type}`;
  const parsed = parseMessage(
    readFileSync(join(ISTANDAARDEN, standard, 'examples', `${name}.xml`)),
    messageKind(standard, type).schema,
  );
  if (!parsed.ok) throw new Error(`voorbeeld ${name} is ongeldig`);
  return parsed.message;
}

const ANSWERED: readonly MessageType[] = ['301', '305', '307', '317', '319'];

describe('return messages', () => {
  it('needs xmllint', () => {
    expect(existsSync(XMLLINT), 'installeer libxml2-utils (xmllint)').toBe(true);
  });

  for (const standard of ['iwmo', 'ijw'] as const) {
    for (const type of ANSWERED) {
      const returnType = RETURN_MESSAGE_OF[type] ?? '';
      it(`${standard} ${type} is answered with a valid ${returnType}, with codes per class`, async () => {
        const kind = messageKind(standard, type);
        const original = example(standard, type);
        const classCodes = new Map<string, string[]>([['Bericht/Client', ['0200']]]);
        const built = buildReturnMessage({
          answered: kind,
          message: original,
          identification: 'R1',
          datedOn: '2026-12-02',
          headerCodes: [],
          classCodes,
          refused: false,
        });
        expect(built.kind.type).toBe(returnType);
        const xml = writeMessage(built.message, built.kind.schema);
        expect(parseMessage(xml, built.kind.schema).ok).toBe(true);
        const header = built.message.Header as MessageObject;
        const originalHeader = original.Header as MessageObject;
        expect(header.Afzender).toBe(originalHeader.Afzender);
        expect(header.Ontvanger).toBe(originalHeader.Ontvanger);
        // The returned message's identification stays; the return message's own is ...Retour.
        expect(header.BerichtIdentificatie).toEqual(originalHeader.BerichtIdentificatie);
        expect(header.XsdVersie).toEqual(originalHeader.XsdVersie);
        expect(header.IdentificatieRetour).toBe('R1');
        expect(header.DagtekeningRetour).toBe('2026-12-02');
        if (standard === 'ijw') {
          const xsd = join(ISTANDAARDEN, 'ijw', 'xsd', `JW${returnType}.xsd`);
          expect(await xmllintAccepts(xsd, xml)).toBe('valid');
        }
      });
    }
  }

  it('puts a rule code on the failing line and 0200 on the others', () => {
    const kind = messageKind('iwmo', '305');
    const built = buildReturnMessage({
      answered: kind,
      message: example('iwmo', '305'),
      identification: 'R2',
      datedOn: '2026-12-02',
      headerCodes: [],
      classCodes: new Map([['Bericht/Client/StartProducten/StartProduct[2]', ['9019']]]),
      refused: false,
    });
    const xml = writeMessage(built.message, built.kind.schema);
    const codes = [...xml.matchAll(/<wmo306:RetourCode>(\d{4})<\/wmo306:RetourCode>/g)].map((m) => m[1]);
    // In document order: StartProduct[1], StartProduct[2], then the Client's own codes after them.
    expect(codes).toEqual(['0200', '9019', '0200']);
  });

  it('returns only the header when the message is refused as a whole', async () => {
    const built = buildReturnMessage({
      answered: messageKind('ijw', '305'),
      message: example('ijw', '305'),
      identification: 'R3',
      datedOn: '2026-12-02',
      headerCodes: ['0001'],
      classCodes: new Map(),
      refused: true,
    });
    expect(Object.keys(built.message)).toEqual(['Header']);
    const xml = writeMessage(built.message, built.kind.schema);
    expect(xml).toContain('<jw306:RetourCode>0001</jw306:RetourCode>');
    expect(await xmllintAccepts(join(ISTANDAARDEN, 'ijw', 'xsd', 'JW306.xsd'), xml)).toBe('valid');
  });
});

describe('the claim answer (325)', () => {
  for (const standard of ['iwmo', 'ijw'] as const) {
    it(`${standard}: lists only refused services, with their codes and the awarded total`, async () => {
      const claim = decodeClaim(messageKind(standard, '323'), example(standard, '323'));
      const refused = claim.services[1];
      if (!refused) throw new Error('voorbeeld heeft minder dan twee prestaties');
      const awarded = claim.services
        .filter((s) => s !== refused)
        .reduce((sum, s) => sum + (s.debitCredit === 'C' ? -s.amountCents : s.amountCents), 0);
      const built = buildClaimAnswer({
        claim,
        identification: 'A1',
        datedOn: '2026-12-02',
        refusalCodes: [],
        refusedServices: new Map([[refused.path, ['0611', '9339']]]),
        awardedCents: awarded,
      });
      const xml = writeMessage(built.message, built.kind.schema);
      expect(parseMessage(xml, built.kind.schema).ok).toBe(true);
      expect(xml.match(/ReferentieNummer>/g)?.length).toBe(2); // one service, open and close tag
      expect(xml).toContain(`ReferentieNummer>${refused.referenceNumber}</`);
      expect(xml).toContain(`TotaalBedrag>${awarded}<`);
      if (standard === 'ijw') {
        expect(await xmllintAccepts(join(ISTANDAARDEN, 'ijw', 'xsd', 'JW325.xsd'), xml)).toBe('valid');
      }
    });
  }

  it('says 8001 when the whole claim is awarded, and only the header when it is refused', async () => {
    const claim = decodeClaim(messageKind('ijw', '323'), example('ijw', '323'));
    const full = buildClaimAnswer({
      claim,
      identification: 'A2',
      datedOn: '2026-12-02',
      refusalCodes: [],
      refusedServices: new Map(),
      awardedCents: claim.totalCents,
    });
    const fullXml = writeMessage(full.message, full.kind.schema);
    expect(fullXml).not.toContain('Clienten');
    expect(fullXml).toContain('<jw325:RetourCode>8001</jw325:RetourCode>');
    expect(await xmllintAccepts(join(ISTANDAARDEN, 'ijw', 'xsd', 'JW325.xsd'), fullXml)).toBe('valid');

    const refused = buildClaimAnswer({
      claim,
      identification: 'A3',
      datedOn: '2026-12-02',
      refusalCodes: ['9333'],
      refusedServices: new Map(),
      awardedCents: 0,
    });
    expect(Object.keys(refused.message)).toEqual(['Header']);
    const refusedXml = writeMessage(refused.message, refused.kind.schema);
    expect(await xmllintAccepts(join(ISTANDAARDEN, 'ijw', 'xsd', 'JW325.xsd'), refusedXml)).toBe('valid');
  });
});
