/**
 * Conformance of the XML engine with the published iWmo/iJw 3.2 material: every example message
 * is read with the generated schema for its message, and what the engine writes, and its verdict
 * on mutated examples, are checked against the XSDs with libxml2's xmllint.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IJW_MESSAGES } from '../standard/ijw-schemas.js';
import { IWMO_MESSAGES } from '../standard/iwmo-schemas.js';
import type { MessageSchema, Standard } from '../standard/model.js';
import { parseMessage } from './validate.js';
import { writeMessage } from './write.js';

/** From src/modules/messaging/xml/ up to the directory that holds the project and the shared material. */
const ISTANDAARDEN = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));
const XMLLINT = '/usr/bin/xmllint';
const hasXmllint = existsSync(XMLLINT);
const run = promisify(execFile);

/** Published examples that deliberately do not validate (see istandaarden/README.md). */
const INVALID_EXAMPLES: Record<string, { code: string; lines: number[]; message: string }> = {
  'JW315.xml': {
    code: 'NONEXISTENT_DATE',
    lines: [44, 66],
    message: 'Datum 2027-06-31 in ToewijzingEinddatum bestaat niet.',
  },
  'JW318.xml': {
    code: 'UNEXPECTED_ELEMENT',
    lines: [33],
    message:
      'Element RetourCode is hier niet toegestaan in Verzoek; verwacht na RedenVerzoek: OngewijzigdeProducten of TeWijzigenProducten of NieuweProducten of RetourCodes.',
  },
};

interface Example {
  standard: Standard;
  file: string;
  path: string;
  xsd: string;
  schema: MessageSchema;
}

function examples(): Example[] {
  return (['iwmo', 'ijw'] as const).flatMap((standard) => {
    const directory = join(ISTANDAARDEN, standard, 'examples');
    const messages = standard === 'iwmo' ? IWMO_MESSAGES : IJW_MESSAGES;
    return readdirSync(directory)
      .filter((file) => file.endsWith('.xml'))
      .sort()
      .map((file) => {
        const name = file.replace(/\.xml$/, '');
        const schema = messages[name];
        if (schema === undefined) throw new Error(`Geen schema voor voorbeeld ${standard}/${file}`);
        return {
          standard,
          file,
          path: join(directory, file),
          xsd: join(ISTANDAARDEN, standard, 'xsd', `${name}.xsd`),
          schema,
        };
      });
  });
}

const EXAMPLES = examples();
const VALID_EXAMPLES = EXAMPLES.filter((example) => INVALID_EXAMPLES[example.file] === undefined);

/** xmllint's verdict: whether the document is schema-valid, and the line of its first error. */
async function xmllint(
  xsd: string,
  xml: string,
): Promise<{ valid: boolean; firstErrorLine?: number; output: string }> {
  documentCounter += 1;
  const file = join(scratch, `document-${documentCounter}.xml`);
  await writeFile(file, xml);
  try {
    await run(XMLLINT, ['--noout', '--nonet', '--schema', xsd, file]);
    return { valid: true, output: '' };
  } catch (error) {
    const output = String((error as { stderr?: unknown }).stderr ?? error);
    const line = /\.xml:(\d+):/.exec(output)?.[1];
    return { valid: false, firstErrorLine: line === undefined ? undefined : Number(line), output };
  }
}

let scratch = '';
let documentCounter = 0;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'regiekamer-xml-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('published examples', () => {
  it('covers every example of both standards', () => {
    expect(EXAMPLES.filter((example) => example.standard === 'iwmo')).toHaveLength(7);
    expect(EXAMPLES.filter((example) => example.standard === 'ijw')).toHaveLength(14);
  });

  it.each(VALID_EXAMPLES.map((example) => [`${example.standard}/${example.file}`, example] as const))(
    '%s is valid',
    (_, example) => {
      const result = parseMessage(readFileSync(example.path), example.schema);
      expect(result.ok ? [] : result).toEqual([]);
    },
  );

  it.each(Object.entries(INVALID_EXAMPLES))('ijw/%s is rejected with the right line', (file, expected) => {
    const example = EXAMPLES.find((candidate) => candidate.standard === 'ijw' && candidate.file === file);
    if (example === undefined) throw new Error(`voorbeeld ${file} ontbreekt`);
    const result = parseMessage(readFileSync(example.path), example.schema);
    if (result.ok || result.kind !== 'invalid') throw new Error(`${file} moet ongeldig zijn`);
    expect(result.violations.map(({ code, line, message }) => ({ code, line, message }))).toEqual(
      expected.lines.map((line) => ({ code: expected.code, line, message: expected.message })),
    );
  });

  it.each(VALID_EXAMPLES.map((example) => [`${example.standard}/${example.file}`, example] as const))(
    '%s survives write → parse unchanged',
    (_, example) => {
      const read = parseMessage(readFileSync(example.path), example.schema);
      if (!read.ok) throw new Error('voorbeeld ongeldig');
      const reread = parseMessage(writeMessage(read.message, example.schema), example.schema);
      expect(reread).toEqual(read);
    },
  );
});

// Not skipped without xmllint: a conformance leg that cannot run must fail (.ci/run installs it).
describe('agreement with the XSDs (xmllint)', () => {
  it('has libxml2’s xmllint to validate with', () => {
    expect(hasXmllint, `${XMLLINT} ontbreekt: installeer het Debian-pakket libxml2-utils`).toBe(true);
  });

  it.each(EXAMPLES.map((example) => [`${example.standard}/${example.file}`, example] as const))(
    'xmllint agrees on the published %s',
    async (_, example) => {
      const xml = readFileSync(example.path, 'utf8');
      const verdict = await xmllint(example.xsd, xml);
      const ours = parseMessage(xml, example.schema);
      expect(verdict.valid).toBe(ours.ok);
      if (!ours.ok && ours.kind === 'invalid') expect(ours.violations[0]?.line).toBe(verdict.firstErrorLine);
    },
  );

  it.each(VALID_EXAMPLES.map((example) => [`${example.standard}/${example.file}`, example] as const))(
    'what the engine writes for %s is valid against the XSD',
    async (_, example) => {
      const read = parseMessage(readFileSync(example.path), example.schema);
      if (!read.ok) throw new Error('voorbeeld ongeldig');
      const verdict = await xmllint(example.xsd, writeMessage(read.message, example.schema));
      expect(verdict.output).toBe('');
      expect(verdict.valid).toBe(true);
    },
  );

  /** Small edits that each break one rule; both validators must reject, on the same line. */
  const MUTATIONS: Record<string, (xml: string, messagePrefix: string, basePrefix: string) => string> = {
    'nonexistent date': (xml, _, base) =>
      xml.replace(new RegExp(`<${base}:Dagtekening>[^<]*<`), `<${base}:Dagtekening>2027-02-29<`),
    'missing element': (xml, message) =>
      xml.replace(new RegExp(`\\s*<${message}:BerichtVersie>[^<]*</${message}:BerichtVersie>`), ''),
    'basisschema element in the message namespace': (xml, message, base) =>
      xml.replace(
        new RegExp(`<${base}:Identificatie>([^<]*)</${base}:Identificatie>`),
        `<${message}:Identificatie>$1</${message}:Identificatie>`,
      ),
    'unknown element': (xml, message) =>
      xml.replace(
        `</${message}:Header>`,
        `</${message}:Header>\n<${message}:Onbekend>x</${message}:Onbekend>`,
      ),
    'pattern violation': (xml, message) =>
      xml.replace(new RegExp(`<${message}:BerichtCode>[^<]*<`), `<${message}:BerichtCode>999<`),
    'value too long': (xml, _, base) =>
      xml.replace(new RegExp(`<${base}:Identificatie>[^<]*<`), `<${base}:Identificatie>1234567890123<`),
  };

  it.each(
    VALID_EXAMPLES.flatMap((example) =>
      Object.keys(MUTATIONS).map(
        (mutation) => [`${example.standard}/${example.file}`, mutation, example] as const,
      ),
    ),
  )('xmllint and the engine agree on %s with a %s', async (_, mutation, example) => {
    const original = readFileSync(example.path, 'utf8');
    const mutate = MUTATIONS[mutation];
    if (mutate === undefined) throw new Error(mutation);
    const xml = mutate(original, example.schema.message.toLowerCase(), example.standard);
    expect(xml).not.toBe(original);
    const verdict = await xmllint(example.xsd, xml);
    const ours = parseMessage(xml, example.schema);
    expect(verdict.valid).toBe(false);
    if (ours.ok || ours.kind !== 'invalid') throw new Error('de engine accepteert wat de XSD verwerpt');
    expect(ours.violations[0]?.line).toBe(verdict.firstErrorLine);
  });
});
