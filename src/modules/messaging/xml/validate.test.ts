import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSecureXml } from './secure-xml.js';
import { checkDate, isTime } from './simple-value.js';
import {
  HEADER,
  TEST_BASE_NAMESPACE,
  TEST_NAMESPACE,
  TEST_SCHEMA,
  testDocument,
  toewijzing,
} from './test-message-schema.js';
import { parseMessage, type Violation, validateMessage } from './validate.js';

const BSN = '    <t:Bsn>999900006</t:Bsn>';

function violationsOf(xml: string, options = {}): Violation[] {
  const result = parseMessage(xml, TEST_SCHEMA, options);
  if (result.ok) throw new Error('expected violations');
  if (result.kind === 'unreadable') throw new Error(`unreadable: ${result.error.message}`);
  return [...result.violations];
}

/** The single violation of a document with exactly one problem. */
function onlyViolation(xml: string): Violation {
  const violations = violationsOf(xml);
  expect(violations).toHaveLength(1);
  return violations[0] as Violation;
}

function toewijzingWith(lines: string[]): string {
  return ['    <t:Toewijzing>', ...lines.map((line) => `      ${line}`), '    </t:Toewijzing>'].join('\n');
}

const NUMMER = '<t:Nummer>1</t:Nummer>';
const PRODUCT = '<t:Product><b:Categorie>01</b:Categorie></t:Product>';
const OMVANG = '<t:Omvang><b:Volume>2</b:Volume><b:Eenheid>1</b:Eenheid></t:Omvang>';

describe('validateMessage: valid messages', () => {
  it('returns the message as a plain object: arrays for repeatable elements, strings for values', () => {
    const xml = testDocument(
      [
        BSN,
        toewijzing('1'),
        toewijzing(' 2\n', '0'),
        '    <t:Commentaar>  Let op &amp; bel  </t:Commentaar>',
      ].join('\n'),
    );
    const result = parseMessage(xml, TEST_SCHEMA);
    expect(result).toEqual({
      ok: true,
      message: {
        Header: { BerichtCode: '999', Dagtekening: '2026-04-01' },
        Client: {
          Bsn: '999900006',
          Toewijzing: [
            {
              Nummer: '1',
              Product: { Categorie: '01', Code: 'AB12' },
              Omvang: { Volume: '2', Eenheid: '1' },
            },
            // Integers are whitespace-collapsed like XSD does; strings keep their spaces.
            {
              Nummer: '2',
              Product: { Categorie: '01', Code: 'AB12' },
              Omvang: { Volume: '0', Eenheid: '1' },
            },
          ],
          Commentaar: '  Let op & bel  ',
        },
      },
    });
  });

  it('accepts xsi:schemaLocation, as XSD validators do', () => {
    const xml = testDocument([BSN, toewijzing('1')].join('\n')).replace(
      '<t:Bericht ',
      `<t:Bericht xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${TEST_NAMESPACE} tst001.xsd" `,
    );
    expect(parseMessage(xml, TEST_SCHEMA).ok).toBe(true);
  });
});

describe('validateMessage: structure', () => {
  it('reports an element out of sequence order once, as misplaced', () => {
    const xml = testDocument([BSN, toewijzingWith([NUMMER, OMVANG, PRODUCT])].join('\n'));
    expect(onlyViolation(xml)).toEqual({
      code: 'MISPLACED_ELEMENT',
      message: 'Element Product staat op de verkeerde plaats in Toewijzing: het hoort vóór Omvang.',
      path: 'Bericht/Client/Toewijzing[1]/Product',
      line: 12,
      column: 7,
    });
  });

  it('reports a missing element after its predecessor, at the parent end tag', () => {
    const xml = testDocument([BSN, toewijzingWith([NUMMER, PRODUCT])].join('\n'));
    expect(onlyViolation(xml)).toEqual({
      code: 'MISSING_ELEMENT',
      message: 'Element Omvang ontbreekt na Product in Toewijzing.',
      path: 'Bericht/Client/Toewijzing[1]/Omvang',
      line: 12,
      column: 5,
    });
  });

  it('reports a missing element in the middle at the element that came instead', () => {
    const xml = testDocument([BSN, toewijzingWith([NUMMER, OMVANG])].join('\n'));
    expect(onlyViolation(xml)).toMatchObject({
      code: 'MISSING_ELEMENT',
      message: 'Element Product ontbreekt na Nummer in Toewijzing.',
      line: 11,
    });
    const noBsn = testDocument(toewijzing('1'));
    expect(onlyViolation(noBsn)).toMatchObject({
      message: 'Element Bsn ontbreekt aan het begin van Client.',
      path: 'Bericht/Client/Bsn',
      line: 8,
    });
  });

  it('enforces minOccurs and maxOccurs', () => {
    expect(onlyViolation(testDocument(BSN))).toMatchObject({
      code: 'MISSING_ELEMENT',
      message: 'Element Toewijzing ontbreekt na Bsn in Client.',
      line: 9,
    });
    const four = testDocument(
      [BSN, toewijzing('1'), toewijzing('2'), toewijzing('3'), toewijzing('4')].join('\n'),
    );
    expect(onlyViolation(four)).toEqual({
      code: 'TOO_MANY_OCCURRENCES',
      message: 'Element Toewijzing mag hoogstens 3 keer voorkomen in Client.',
      path: 'Bericht/Client/Toewijzing[4]',
      line: 24,
      column: 5,
    });
    const twoBsn = testDocument([BSN, BSN, toewijzing('1')].join('\n'));
    expect(onlyViolation(twoBsn)).toMatchObject({
      code: 'TOO_MANY_OCCURRENCES',
      message: 'Element Bsn mag maar één keer voorkomen in Client.',
      line: 9,
    });
  });

  it('rejects an unknown element, saying what was expected there', () => {
    const xml = testDocument([BSN, '    <t:Geheim>x</t:Geheim>', toewijzing('1')].join('\n'));
    expect(onlyViolation(xml)).toEqual({
      code: 'UNEXPECTED_ELEMENT',
      message: 'Element Geheim is hier niet toegestaan in Client; verwacht na Bsn: Toewijzing.',
      path: 'Bericht/Client/Geheim',
      line: 9,
      column: 5,
    });
  });

  it('requires Bericht in the message namespace and basisschema children in the basisschema namespace', () => {
    const wrongVolume = testDocument(
      [
        BSN,
        toewijzingWith([
          NUMMER,
          PRODUCT,
          '<t:Omvang><t:Volume>2</t:Volume><b:Eenheid>1</b:Eenheid></t:Omvang>',
        ]),
      ].join('\n'),
    );
    expect(onlyViolation(wrongVolume)).toEqual({
      code: 'WRONG_NAMESPACE',
      message: `Element Volume staat in namespace ${TEST_NAMESPACE}; verwacht ${TEST_BASE_NAMESPACE}.`,
      path: 'Bericht/Client/Toewijzing[1]/Omvang/Volume',
      line: 12,
      column: 17,
    });
    const wrongOmvang = testDocument(
      [
        BSN,
        toewijzingWith([
          NUMMER,
          PRODUCT,
          '<b:Omvang><b:Volume>2</b:Volume><b:Eenheid>1</b:Eenheid></b:Omvang>',
        ]),
      ].join('\n'),
    );
    expect(onlyViolation(wrongOmvang)).toMatchObject({ code: 'WRONG_NAMESPACE', line: 12, column: 7 });
    const noNamespace = testDocument([BSN, toewijzing('1')].join('\n')).replace(
      `xmlns:t="${TEST_NAMESPACE}"`,
      'xmlns:t="urn:iets-anders"',
    );
    expect(violationsOf(noNamespace)[0]).toMatchObject({ code: 'WRONG_NAMESPACE', path: 'Bericht', line: 2 });
  });

  it('rejects another root element', () => {
    const result = parseMessage(`<t:Bericht2 xmlns:t="${TEST_NAMESPACE}"/>`, TEST_SCHEMA);
    expect(result).toMatchObject({ ok: false, violations: [{ code: 'WRONG_ROOT', line: 1 }] });
  });

  it('rejects attributes, text in a complex element and elements in a simple one', () => {
    const xml = testDocument(
      [
        '    <t:Bsn soort="x">999900006</t:Bsn>',
        toewijzingWith([
          NUMMER,
          '<t:Product>tekst</t:Product>',
          '<t:Omvang><b:Volume><b:X/></b:Volume><b:Eenheid>1</b:Eenheid></t:Omvang>',
        ]),
      ].join('\n'),
    );
    expect(violationsOf(xml).map(({ code, line }) => [code, line])).toEqual([
      ['UNEXPECTED_ATTRIBUTE', 8],
      ['UNEXPECTED_TEXT', 11],
      ['MISSING_ELEMENT', 11],
      ['UNEXPECTED_CHILDREN', 12],
    ]);
  });
});

describe('validateMessage: values', () => {
  const withProduct = (product: string) =>
    testDocument([BSN, toewijzingWith([NUMMER, product, OMVANG])].join('\n'));

  it('rejects a code outside the enumeration, listing the allowed codes', () => {
    expect(onlyViolation(withProduct('<t:Product><b:Categorie>07</b:Categorie></t:Product>'))).toEqual({
      code: 'NOT_IN_ENUMERATION',
      message: "Waarde '07' in Categorie is geen geldige code; toegestaan: 01, 02, 03.",
      path: 'Bericht/Client/Toewijzing[1]/Product/Categorie',
      line: 11,
      column: 18,
    });
  });

  it('rejects a date that does not exist', () => {
    const xml = testDocument(
      [BSN, toewijzingWith([NUMMER, PRODUCT, OMVANG, '<t:Einddatum>2027-06-31</t:Einddatum>'])].join('\n'),
    );
    expect(onlyViolation(xml)).toEqual({
      code: 'NONEXISTENT_DATE',
      message: 'Datum 2027-06-31 in Einddatum bestaat niet.',
      path: 'Bericht/Client/Toewijzing[1]/Einddatum',
      line: 13,
      column: 7,
    });
  });

  it('checks patterns, after whitespace collapse for non-strings', () => {
    expect(
      onlyViolation(testDocument(['    <t:Bsn>12345678X</t:Bsn>', toewijzing('1')].join('\n'))),
    ).toMatchObject({
      code: 'PATTERN_MISMATCH',
      message: "Waarde '12345678X' in Bsn voldoet niet aan het patroon [0-9]{9}.",
      line: 8,
    });
    // A date with a time zone is a valid xs:date, but LDT_Datum's pattern forbids it.
    const header = HEADER.replace('2026-04-01', '2026-04-01Z');
    expect(onlyViolation(testDocument([BSN, toewijzing('1')].join('\n'), header))).toMatchObject({
      code: 'PATTERN_MISMATCH',
      line: 5,
    });
    const paddedCode = HEADER.replace('>999<', '>\n      999\n    <');
    expect(parseMessage(testDocument([BSN, toewijzing('1')].join('\n'), paddedCode), TEST_SCHEMA).ok).toBe(
      true,
    );
  });

  it('checks minLength and maxLength in characters', () => {
    expect(
      onlyViolation(withProduct('<t:Product><b:Categorie>01</b:Categorie><b:Code></b:Code></t:Product>')),
    ).toMatchObject({
      code: 'TOO_SHORT',
      message: 'Code is leeg; minimaal 1 teken verwacht.',
      line: 11,
    });
    expect(
      onlyViolation(
        withProduct('<t:Product><b:Categorie>01</b:Categorie><b:Code>ABCDEF</b:Code></t:Product>'),
      ),
    ).toMatchObject({
      code: 'TOO_LONG',
      message: "Waarde 'ABCDEF' in Code is te lang: 6 tekens, maximaal 5.",
    });
    // Five characters, one of them outside the BMP (two UTF-16 code units).
    expect(
      parseMessage(
        withProduct('<t:Product><b:Categorie>01</b:Categorie><b:Code>AB1😀2</b:Code></t:Product>'),
        TEST_SCHEMA,
      ).ok,
    ).toBe(true);
  });

  it('checks integers: lexical form and bounds', () => {
    const withNummer = (nummer: string) => testDocument([BSN, toewijzing(nummer)].join('\n'));
    expect(onlyViolation(withNummer('1.5'))).toMatchObject({ code: 'INVALID_INTEGER', line: 10 });
    expect(onlyViolation(withNummer('0'))).toMatchObject({
      code: 'BELOW_MINIMUM',
      message: 'Waarde 0 in Nummer is kleiner dan 1.',
    });
    expect(onlyViolation(withNummer('123456789'))).toMatchObject({ code: 'ABOVE_MAXIMUM' });
    expect(onlyViolation(testDocument([BSN, toewijzing('1', '10000')].join('\n')))).toMatchObject({
      code: 'ABOVE_MAXIMUM',
      message: 'Waarde 10000 in Volume is groter dan 9999.',
      line: 12,
    });
    expect(parseMessage(withNummer('+0007'), TEST_SCHEMA).ok).toBe(true);
  });

  it('checks times', () => {
    const withTijd = (tijd: string) =>
      testDocument(
        [BSN, toewijzing('1')].join('\n'),
        HEADER.replace('</t:Header>', `  <t:Tijd>${tijd}</t:Tijd>\n  </t:Header>`),
      );
    expect(parseMessage(withTijd('12:34:56'), TEST_SCHEMA).ok).toBe(true);
    expect(onlyViolation(withTijd('24:30:00'))).toMatchObject({ code: 'INVALID_TIME', line: 6 });
    expect(onlyViolation(withTijd('12:00:00Z'))).toMatchObject({ code: 'PATTERN_MISMATCH' });
  });

  it('reports all violations in one pass, in document order, bounded', () => {
    const xml = testDocument(
      [
        '    <t:Bsn>x</t:Bsn>',
        toewijzing('1', 'veel'),
        toewijzing('0'),
        toewijzingWith([
          '<t:Nummer>3</t:Nummer>',
          '<t:Product><b:Categorie>09</b:Categorie></t:Product>',
          OMVANG,
        ]),
      ].join('\n'),
    );
    expect(violationsOf(xml).map(({ code, path, line }) => [code, path, line])).toEqual([
      ['PATTERN_MISMATCH', 'Bericht/Client/Bsn', 8],
      ['INVALID_INTEGER', 'Bericht/Client/Toewijzing[1]/Omvang/Volume', 12],
      ['BELOW_MINIMUM', 'Bericht/Client/Toewijzing[2]/Nummer', 15],
      ['NOT_IN_ENUMERATION', 'Bericht/Client/Toewijzing[3]/Product/Categorie', 21],
    ]);
    const bounded = parseMessage(xml, TEST_SCHEMA, { maxViolations: 2 });
    expect(bounded).toMatchObject({ ok: false, truncated: true });
    expect(bounded.ok === false && bounded.kind === 'invalid' && bounded.violations.length).toBe(2);
  });

  it('decides a 100,000-character comment without catastrophic backtracking', () => {
    const limits = { maxTextLength: 300_000 };
    for (const [comment, valid] of [
      [`${'a '.repeat(50_000)}`, true],
      [`${'.'.repeat(99_999)}\n`, true],
      [' '.repeat(100_000), false],
    ] as const) {
      const xml = testDocument(
        [BSN, toewijzing('1'), `    <t:Commentaar>${comment}</t:Commentaar>`].join('\n'),
      );
      const started = performance.now();
      const result = parseMessage(xml, TEST_SCHEMA, { limits });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.ok).toBe(valid);
    }
  });

  it('validates an already parsed tree the same way', () => {
    const parsed = parseSecureXml(testDocument([BSN, toewijzing('1')].join('\n')));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(validateMessage(parsed.root, TEST_SCHEMA).ok).toBe(true);
  });
});

describe('calendar checks', () => {
  it.each([
    ['2028-02-29', undefined],
    ['2000-02-29', undefined],
    ['2100-02-29', 'nonexistent'],
    ['2027-02-29', 'nonexistent'],
    ['2027-06-31', 'nonexistent'],
    ['2027-13-01', 'nonexistent'],
    ['2027-00-10', 'nonexistent'],
    ['0000-01-01', 'nonexistent'],
    ['2027-6-1', 'lexical'],
    ['27-06-01', 'lexical'],
    ['2027-06-30+01:00', undefined],
    ['2027-06-30+15:00', 'lexical'],
    ['12027-06-30', undefined],
    ['02027-06-30', 'lexical'],
  ] as const)('checkDate(%s) is %s', (value, expected) => {
    expect(checkDate(value)).toBe(expected);
  });

  it('agrees with the proleptic Gregorian calendar for every year, month and day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          const exists = date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(checkDate(value)).toBe(exists ? undefined : 'nonexistent');
        },
      ),
    );
  });

  it.each([
    ['00:00:00', true],
    ['23:59:59.999', true],
    ['24:00:00', true],
    ['24:00:01', false],
    ['12:60:00', false],
    ['12:34', false],
    ['12:34:56+01:00', true],
  ] as const)('isTime(%s) is %s', (value, expected) => {
    expect(isTime(value)).toBe(expected);
  });
});
