import { describe, expect, it } from 'vitest';
import { compileXsdPattern, translateXsdPattern, UnsafePatternError } from './xsd-pattern.js';

/** The direct translation, bypassing the safe equivalents: what a naive engine would run. */
function direct(pattern: string): (value: string) => boolean {
  const regex = new RegExp(`^(?:${translateXsdPattern(pattern).source})$`, 'u');
  return (value) => regex.test(value);
}

/** Every string up to `maxLength` over `alphabet`. */
function* allStrings(alphabet: readonly string[], maxLength: number): Generator<string> {
  let current = [''];
  yield '';
  for (let length = 1; length <= maxLength; length++) {
    const next: string[] = [];
    for (const prefix of current) for (const c of alphabet) next.push(prefix + c);
    yield* next;
    current = next;
  }
}

describe('XSD patterns', () => {
  it('are anchored: the whole value must match', () => {
    const code = compileXsdPattern('446');
    expect(code('446')).toBe(true);
    expect(code('4460')).toBe(false);
    expect(code('0446')).toBe(false);
  });

  it('use the XSD meaning of \\s, \\S, "." and ^ $', () => {
    // XSD whitespace is only space, tab, CR and LF: a no-break space is a character.
    expect(compileXsdPattern('[^\\s]')('\u00a0')).toBe(true);
    expect(compileXsdPattern('\\S')('\u2028')).toBe(true);
    // '.' matches anything but CR and LF.
    expect(compileXsdPattern('a.b')('a\tb')).toBe(true);
    expect(compileXsdPattern('a.b')('a\nb')).toBe(false);
    // ^ and $ are ordinary characters in XSD.
    expect(compileXsdPattern('^a$')('^a$')).toBe(true);
    expect(compileXsdPattern('^a$')('a')).toBe(false);
    // '.' inside a class is a literal dot.
    expect(compileXsdPattern('[.]')('.')).toBe(true);
    expect(compileXsdPattern('[.]')('x')).toBe(false);
  });

  it('handle the patterns of the iWmo/iJw 3.2 basisschema', () => {
    expect(compileXsdPattern('[0-9]{9}')('999900006')).toBe(true);
    expect(compileXsdPattern('[0-9]{9}')('99990000')).toBe(false);
    expect(compileXsdPattern('([a-zA-ZÀ-ỳ])+')('ÉÀé')).toBe(true);
    expect(compileXsdPattern('([a-zA-ZÀ-ỳ])+')('J.')).toBe(false);
    expect(compileXsdPattern('[^Z+-]+')('12:34:56')).toBe(true);
    expect(compileXsdPattern('[^Z+-]+')('12:34:56+01:00')).toBe(false);
    expect(compileXsdPattern('[^:Z]*')('2026-04-01')).toBe(true);
    expect(compileXsdPattern('[^:Z]*')('2026-04-01Z')).toBe(false);
    const version = compileXsdPattern('(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)');
    expect(version('1.10.0')).toBe(true);
    expect(version('1.01.0')).toBe(false);
    expect(version('1x0.0')).toBe(false);
  });

  it('translate the multi-character escapes of XSD', () => {
    expect(compileXsdPattern('\\d+')('١٢٣')).toBe(true);
    expect(compileXsdPattern('\\w+')('abc')).toBe(true);
    expect(compileXsdPattern('\\w+')('a-c')).toBe(false);
    expect(compileXsdPattern('a\\-b')('a-b')).toBe(true);
  });

  it('refuse XSD constructs JS cannot express instead of guessing', () => {
    expect(() => compileXsdPattern('[a-z-[aeiou]]')).toThrow(UnsafePatternError);
    expect(() => compileXsdPattern('\\i\\c*')).toThrow(UnsafePatternError);
    expect(() => compileXsdPattern('\\p{IsBasicLatin}+')).toThrow(UnsafePatternError);
  });
});

describe('ReDoS guard', () => {
  it('refuses patterns with nested unbounded repetition that have no safe equivalent', () => {
    expect(() => compileXsdPattern('(a+)+')).toThrow(UnsafePatternError);
    expect(() => compileXsdPattern('(a|b*)*c')).toThrow(UnsafePatternError);
    expect(() => compileXsdPattern('((ab)*x){2,}')).toThrow(UnsafePatternError);
    // A repeated group of single characters, or a bounded optional group, is linear.
    expect(() => compileXsdPattern('([a-z])+')).not.toThrow();
    expect(() => compileXsdPattern('(a+)?b')).not.toThrow();
    expect(translateXsdPattern('([.\\s]*\\S+[.\\s]*)+').nestedUnboundedQuantifier).toBe(true);
  });

  it.each(['([.\\s]*\\S+[.\\s]*)+', '.*[^\\s].*'])(
    'replaces %s by an equivalent: equal on every string up to 6 characters',
    (pattern) => {
      const safe = compileXsdPattern(pattern);
      const original = direct(pattern);
      let compared = 0;
      for (const value of allStrings(['a', '.', ' ', '\t', '\n', '\r', '\u00a0'], 6)) {
        if (safe(value) !== original(value))
          throw new Error(`${pattern} differs on ${JSON.stringify(value)}`);
        compared += 1;
      }
      expect(compared).toBe(137_257);
    },
  );

  it('decides a 100,000-character value in linear time', () => {
    const hostile = [
      `${'a'.repeat(100_000)}\n`,
      ' '.repeat(100_000),
      'a '.repeat(50_000),
      `${'. '.repeat(50_000)}\n`,
    ];
    for (const pattern of ['([.\\s]*\\S+[.\\s]*)+', '.*[^\\s].*']) {
      const test = compileXsdPattern(pattern);
      for (const value of hostile) {
        const started = performance.now();
        test(value);
        expect(performance.now() - started).toBeLessThan(50);
      }
    }
  });
});
