import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModel, CodegenError, readXsd, staleFiles } from '../../../../scripts/istandaard-codegen.js';
import { IJW_MESSAGES } from './ijw-schemas.js';
import { IWMO_MESSAGES } from './iwmo-schemas.js';
import type { ComplexTypeDef, MessageSchema, SimpleTypeDef, Standard } from './model.js';

const SHARED = fileURLToPath(new URL('../../../../../shared/istandaarden/', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** COD002 (Vektis) for iWmo; the iJw codes are those of the JW XSDs' BerichtCode patterns. */
const EXPECTED: Record<Standard, Record<string, number>> = {
  iwmo: {
    WMO301: 414,
    WMO302: 415,
    WMO305: 418,
    WMO306: 419,
    WMO307: 420,
    WMO308: 421,
    WMO315: 444,
    WMO316: 445,
    WMO317: 480,
    WMO318: 481,
    WMO319: 482,
    WMO320: 483,
    WMO323: 484,
    WMO325: 485,
  },
  ijw: {
    JW301: 436,
    JW302: 437,
    JW305: 438,
    JW306: 439,
    JW307: 440,
    JW308: 441,
    JW315: 446,
    JW316: 447,
    JW317: 486,
    JW318: 487,
    JW319: 488,
    JW320: 489,
    JW323: 490,
    JW325: 491,
  },
};

/** Retour message → the heen message it answers. */
const RETOUR_OF: Record<string, string> = {
  '302': '301',
  '306': '305',
  '308': '307',
  '316': '315',
  '318': '317',
  '320': '319',
  '325': '323',
};

const SETS: [Standard, Readonly<Record<string, MessageSchema>>][] = [
  ['iwmo', IWMO_MESSAGES],
  ['ijw', IJW_MESSAGES],
];
const ALL = SETS.flatMap(([, messages]) => Object.values(messages));

function complex(schema: MessageSchema, key: string): ComplexTypeDef {
  const def = schema.types[key];
  if (def?.kind !== 'complex') throw new Error(`${schema.message}: ${key} is not a complex type`);
  return def;
}

function simple(schema: MessageSchema, key: string): SimpleTypeDef {
  const def = schema.types[key];
  if (def?.kind !== 'simple') throw new Error(`${schema.message}: ${key} is not a simple type`);
  return def;
}

function elementType(schema: MessageSchema, owner: string, name: string): string {
  const element = complex(schema, owner).sequence.find((e) => e.name === name);
  if (!element) throw new Error(`${schema.message}: ${owner} has no element ${name}`);
  return element.type;
}

function compile(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

describe('generated iStandaarden message schemas', () => {
  it.each(SETS)(
    '%s: has exactly the messages of the standard, with BerichtCode and namespaces',
    (standard, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(EXPECTED[standard]).sort());
      for (const [message, code] of Object.entries(EXPECTED[standard])) {
        const schema = messages[message];
        if (!schema) throw new Error(`${message} missing`);
        const prefix = message.toLowerCase();
        expect(schema).toMatchObject({
          standard,
          message,
          berichtCode: code,
          namespace: `http://www.istandaarden.nl/${standard}/3_2/${prefix}/schema`,
          baseNamespace: `http://www.istandaarden.nl/${standard}/3_2/basisschema/schema`,
          rootType: `${prefix}:Root`,
        });
        const root = complex(schema, schema.rootType);
        expect(root.sequence[0]?.name, message).toBe('Header');
        // The model's BerichtCode is the one the Header restricts to.
        const codeType = simple(
          schema,
          elementType(schema, elementType(schema, schema.rootType, 'Header'), 'BerichtCode'),
        );
        expect(codeType.patterns?.at(-1), message).toBe(String(code));
      }
    },
  );

  it('resolves every element type reference, with sane occurrences', () => {
    const unresolved: string[] = [];
    for (const schema of ALL) {
      for (const [key, def] of Object.entries(schema.types)) {
        if (def.kind !== 'complex') continue;
        for (const element of def.sequence) {
          if (!(element.type in schema.types))
            unresolved.push(`${schema.message} ${key}.${element.name}: ${element.type}`);
          if (element.maxOccurs !== null && element.maxOccurs < Math.max(1, element.minOccurs)) {
            unresolved.push(
              `${schema.message} ${key}.${element.name}: occurs ${element.minOccurs}..${element.maxOccurs}`,
            );
          }
        }
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('reaches every message-local type from the root', () => {
    for (const schema of ALL) {
      const prefix = `${schema.message.toLowerCase()}:`;
      const seen = new Set<string>();
      const visit = (key: string): void => {
        if (seen.has(key)) return;
        seen.add(key);
        const def = schema.types[key];
        if (def?.kind === 'complex') for (const element of def.sequence) visit(element.type);
      };
      visit(schema.rootType);
      const unused = Object.keys(schema.types).filter((key) => key.startsWith(prefix) && !seen.has(key));
      expect(unused, schema.message).toEqual([]);
    }
  });

  it('compiles every pattern as an anchored JavaScript RegExp with the u flag', () => {
    const broken: string[] = [];
    let count = 0;
    for (const schema of ALL) {
      for (const [key, def] of Object.entries(schema.types)) {
        if (def.kind !== 'simple') continue;
        for (const pattern of def.patterns ?? []) {
          count += 1;
          try {
            compile(pattern);
          } catch (error) {
            broken.push(`${schema.message} ${key}: ${pattern}: ${String(error)}`);
          }
        }
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('has enumeration values that satisfy their own type', () => {
    const bad: string[] = [];
    for (const schema of ALL) {
      for (const [key, def] of Object.entries(schema.types)) {
        if (def.kind !== 'simple' || !def.enumeration) continue;
        for (const value of def.enumeration) {
          const ok =
            (def.patterns ?? []).every((p) => compile(p).test(value)) &&
            (def.minLength === undefined || value.length >= def.minLength) &&
            (def.maxLength === undefined || value.length <= def.maxLength);
          if (!ok) bad.push(`${schema.message} ${key}: ${value}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('flattens restriction chains: every level of the chain holds', () => {
    const wmo323 = IWMO_MESSAGES.WMO323;
    if (!wmo323) throw new Error('WMO323 missing');
    // An inline restriction of LDT_IdentificatieDeclaratie (xs:string, length 1..12) with a pattern.
    const nummer = elementType(wmo323, 'wmo323:Declaratie', 'DeclaratieNummer');
    expect(nummer).toBe('wmo323:Declaratie.DeclaratieNummer');
    expect(wmo323.types[nummer]).toEqual({
      kind: 'simple',
      base: 'string',
      patterns: ['([a-zA-Z0-9])+'],
      minLength: 1,
      maxLength: 12,
    });
  });

  it('mirrors each heen message in its retour message, plus retour codes and header fields', () => {
    for (const [standard, messages] of SETS) {
      const name = standard === 'iwmo' ? 'WMO' : 'JW';
      for (const [retourNr, heenNr] of Object.entries(RETOUR_OF)) {
        const retour = messages[`${name}${retourNr}`];
        const heen = messages[`${name}${heenNr}`];
        if (!retour || !heen) throw new Error(`${name}${retourNr} or ${name}${heenNr} missing`);
        const rp = `${retour.message.toLowerCase()}:`;
        const hp = `${heen.message.toLowerCase()}:`;
        for (const [key, def] of Object.entries(retour.types)) {
          if (!key.startsWith(rp) || def.kind !== 'complex') continue;
          const local = key.slice(rp.length);
          if (local === 'Root' || local === 'Header') continue;
          const heenDef = heen.types[hp + local];
          if (heenDef?.kind !== 'complex') continue;
          const mirrored = def.sequence
            .filter((e) => e.name !== 'RetourCodes')
            .map((e) => ({ ...e, type: e.type.startsWith(rp) ? hp + e.type.slice(rp.length) : e.type }));
          expect(mirrored, `${retour.message} ${local} vs ${heen.message}`).toEqual(heenDef.sequence);
        }
      }
    }
  });

  it('leaves the iJw-only elements out of the derived iWmo retour messages', () => {
    const wmo316 = IWMO_MESSAGES.WMO316;
    const wmo320 = IWMO_MESSAGES.WMO320;
    const jw316 = IJW_MESSAGES.JW316;
    if (!wmo316 || !wmo320 || !jw316) throw new Error('message missing');
    expect(complex(jw316, 'jw316:Client').sequence.map((e) => e.name)).toContain('GezagsdragerBekend');
    expect(complex(wmo316, 'wmo316:Client').sequence.map((e) => e.name)).not.toContain('GezagsdragerBekend');
    expect(complex(wmo320, 'wmo320:Antwoord').sequence.map((e) => e.name)).toEqual([
      'ReferentieAanbieder',
      'VerzoekAntwoord',
      'RedenAfwijzingVerzoek',
      'RetourCodes',
    ]);
    expect(Object.keys(wmo320.types)).not.toContain('wmo320:Woonplaatsbeginsel');
    // The iWmo code lists, not the iJw ones, apply to the derived messages.
    expect(simple(wmo316, 'LDT_ProductCategorie').enumeration).toContain('01');
    expect(simple(jw316, 'LDT_ProductCategorie').enumeration).not.toContain('01');
  });

  it('is up to date with the XSDs in the shared reference material', () => {
    expect(existsSync(SHARED), `reference material not found at ${SHARED}`).toBe(true);
    const stale = staleFiles(SHARED, PROJECT_ROOT);
    expect(
      stale,
      `${stale.join(' and ')} out of date with the XSDs in ${SHARED}: ` +
        'run `npx tsx scripts/istandaard-codegen.ts` and commit the result',
    ).toEqual([]);
  });

  it('stops when a derived iWmo retour message needs a type the iWmo basisschema lacks', () => {
    const read = (standard: Standard, file: string): string => {
      const text = readFileSync(join(SHARED, standard, 'xsd', file), 'utf8');
      if (standard !== 'iwmo' || file !== 'basisschema.xsd') return text;
      // LDT_RetourCode is used by the retour messages only, which the iWmo set derives.
      const without = text.replace(/<xs:simpleType name="LDT_RetourCode">[\s\S]*?<\/xs:simpleType>/, '');
      expect(without).not.toBe(text);
      return without;
    };
    expect(() => buildModel(read)).toThrow(/WMO302 .*lacks: LDT_RetourCode\b/);
  });
});

describe('istandaard-codegen reader', () => {
  const wrap = (body: string) =>
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">${body}</xs:schema>`;

  it('reads the supported subset', () => {
    const raw = readXsd(
      't.xsd',
      wrap(
        '<xs:complexType name="A"><xs:sequence><xs:element name="B" minOccurs="0" maxOccurs="unbounded">' +
          '<xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]+"/></xs:restriction></xs:simpleType>' +
          '</xs:element></xs:sequence></xs:complexType>',
      ),
    );
    expect(raw.types.get('A')?.kind).toBe('complex');
  });

  it.each([
    ['a choice', '<xs:complexType name="A"><xs:choice/></xs:complexType>'],
    ['an attribute', '<xs:complexType name="A"><xs:sequence/><xs:attribute name="x"/></xs:complexType>'],
    [
      'an anonymous complex type',
      '<xs:element name="E"><xs:complexType><xs:sequence/></xs:complexType></xs:element>',
    ],
    [
      'two patterns in one step',
      '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:pattern value="a"/><xs:pattern value="b"/></xs:restriction></xs:simpleType>',
    ],
    [
      'an XSD-only regex construct',
      '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:pattern value="\\i\\c*"/></xs:restriction></xs:simpleType>',
    ],
    [
      'a literal $ in a pattern',
      '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:pattern value="a$"/></xs:restriction></xs:simpleType>',
    ],
    [
      'an unsupported facet',
      '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:totalDigits value="2"/></xs:restriction></xs:simpleType>',
    ],
    [
      'an undeclared prefix',
      '<xs:complexType name="A"><xs:sequence><xs:element name="B" type="u:X"/></xs:sequence></xs:complexType>',
    ],
  ])('fails loudly on %s', (_, body) => {
    expect(() => readXsd('t.xsd', wrap(body))).toThrow(CodegenError);
  });
});
