import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeName, initialsOf, normalisePostcode, POSTCODE } from './resident-rules.js';

// LDT_Voorletters in basisschema.xsd: 1 to 6 characters of ([a-zA-ZÀ-ỳ])+.
const VOORLETTERS = /^[a-zA-ZÀ-ỳ]{1,6}$/u;

describe('initialsOf', () => {
  it('takes the first letter of each given name, upper case, at most six', () => {
    expect(initialsOf('Jan Willem')).toBe('JW');
    expect(initialsOf('  anna   maria ')).toBe('AM');
    expect(initialsOf('Anne-Marie Louise')).toBe('AL');
    expect(initialsOf('Aïcha Ömer élise')).toBe('AÖÉ');
    expect(initialsOf('A B C D E F G H')).toBe('ABCDEF');
    expect(initialsOf(null)).toBeNull();
    expect(initialsOf('   ')).toBeNull();
  });

  it('skips what the standard cannot carry and keeps the letter when upper case would not fit', () => {
    // The first letter, past leading marks and digits.
    expect(initialsOf("'Joost -Eva")).toBe('JE');
    expect(initialsOf('美玲 Li')).toBe('L');
    expect(initialsOf('ßabine')).toBe('ß');
    expect(initialsOf('1 2 3')).toBeNull();
  });

  it('always gives initials a 301 accepts, or none', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (givenNames) => {
        const initials = initialsOf(givenNames);
        if (initials !== null) expect(initials).toMatch(VOORLETTERS);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalisePostcode', () => {
  it('writes a postcode the way the BRP holds it', () => {
    expect(normalisePostcode('1234 ab')).toBe('1234AB');
    expect(normalisePostcode(' 1234AB ')).toBe('1234AB');
    expect(normalisePostcode('1234\tAb')).toBe('1234AB');
    expect(POSTCODE.test(normalisePostcode('1234 ab'))).toBe(true);
    for (const wrong of ['12345', '0123AB', '1234 A', '1234ABC', 'ABCD12', '']) {
      expect(POSTCODE.test(normalisePostcode(wrong)), wrong).toBe(false);
    }
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const once = normalisePostcode(text);
        expect(normalisePostcode(once)).toBe(once);
      }),
    );
  });
});

describe('composeName', () => {
  it('joins given names, prefix and family name, leaving out what is absent', () => {
    expect(composeName({ givenNames: 'Jan Willem', familyNamePrefix: 'van der', familyName: 'Berg' })).toBe(
      'Jan Willem van der Berg',
    );
    expect(composeName({ givenNames: null, familyNamePrefix: null, familyName: 'Jansen' })).toBe('Jansen');
    expect(composeName({ givenNames: 'Sanne', familyNamePrefix: null, familyName: 'Bakker' })).toBe(
      'Sanne Bakker',
    );
  });
});
