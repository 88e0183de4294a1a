/**
 * XML Schema regular expressions (xs:pattern) as JavaScript predicates. XSD patterns differ from
 * JS ones in ways that change results — they are implicitly anchored, `\s` is only
 * space/tab/CR/LF, `.` excludes only CR and LF, `^`/`$` are ordinary characters — and some
 * published patterns backtrack badly in a backtracking engine, so this module owns both the
 * translation and the guard against regular-expression denial of service.
 */

export type PatternTest = (value: string) => boolean;

/** A pattern this module refuses to run on untrusted input; a schema/programming error. */
export class UnsafePatternError extends Error {
  override readonly name = 'UnsafePatternError';
}

const XSD_WHITESPACE = '\\x20\\t\\n\\r';

/**
 * Linear-time equivalents of published patterns whose direct translation is slow. Each is
 * proven equal to the translated original by an exhaustive comparison in xsd-pattern.test.ts.
 */
const SAFE_EQUIVALENTS: ReadonlyMap<string, PatternTest> = new Map<string, PatternTest>([
  // LDT_Commentaar (no maxLength). Nested quantifiers (star height 2): the classic shape of
  // catastrophic backtracking, and on ~5 million characters V8 overflows its stack. Because
  // every character is either whitespace or not, and a '.' counts as non-whitespace, the
  // pattern means exactly: at least one character that is not XSD whitespace.
  ['([.\\s]*\\S+[.\\s]*)+', (value) => /[^\x20\t\n\r]/.test(value)],
  // Names, addresses, references. On a failing value ("aaa…a\n") the direct translation is
  // quadratic: 30,000 characters take seconds. It means: no line break (XSD '.' excludes CR and
  // LF) and at least one character that is not XSD whitespace.
  ['.*[^\\s].*', (value) => !/[\n\r]/.test(value) && /[^\x20\t\n\r]/.test(value)],
]);

const cache = new Map<string, PatternTest>();

/** A predicate for the whole value (XSD patterns are anchored); throws UnsafePatternError. */
export function compileXsdPattern(pattern: string): PatternTest {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let test = SAFE_EQUIVALENTS.get(pattern);
  if (test === undefined) {
    const translated = translateXsdPattern(pattern);
    if (translated.nestedUnboundedQuantifier) {
      throw new UnsafePatternError(
        `Patroon ${pattern} heeft geneste onbegrensde herhalingen (risico op ReDoS); voeg een veilig equivalent toe.`,
      );
    }
    const regex = new RegExp(`^(?:${translated.source})$`, 'u');
    test = (value) => regex.test(value);
  }
  cache.set(pattern, test);
  return test;
}

export interface TranslatedPattern {
  /** JS regular-expression source for the `u` flag, not yet anchored. */
  source: string;
  /** A repeated group that itself contains an unbounded repetition, e.g. `(a+)*`. */
  nestedUnboundedQuantifier: boolean;
}

interface GroupFrame {
  containsUnbounded: boolean;
}

/** Translates the XSD regular-expression syntax to the JS syntax with the same meaning. */
export function translateXsdPattern(pattern: string): TranslatedPattern {
  let source = '';
  let nested = false;
  const groups: GroupFrame[] = [{ containsUnbounded: false }];
  // What the last complete atom was, to judge the quantifier that may follow it.
  let lastAtom: { kind: 'group'; containsUnbounded: boolean } | { kind: 'simple' } | undefined;
  let i = 0;

  const markUnbounded = () => {
    for (const frame of groups) frame.containsUnbounded = true;
  };

  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '(') {
      groups.push({ containsUnbounded: false });
      source += '(?:';
      lastAtom = undefined;
      i += 1;
    } else if (c === ')') {
      const frame = groups.pop();
      if (frame === undefined || groups.length === 0)
        throw new UnsafePatternError(`Ongeldig patroon ${pattern}`);
      source += ')';
      lastAtom = { kind: 'group', containsUnbounded: frame.containsUnbounded };
      i += 1;
    } else if (c === '|') {
      source += '|';
      lastAtom = undefined;
      i += 1;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      const quantifier = readQuantifier(pattern, i);
      if (lastAtom === undefined) throw new UnsafePatternError(`Ongeldig patroon ${pattern}`);
      if (lastAtom.kind === 'group' && lastAtom.containsUnbounded && quantifier.repeats) nested = true;
      if (quantifier.unbounded) markUnbounded();
      source += quantifier.text;
      lastAtom = undefined;
      i += quantifier.text.length;
    } else if (c === '[') {
      const charClass = translateCharClass(pattern, i);
      source += charClass.source;
      lastAtom = { kind: 'simple' };
      i = charClass.end;
    } else if (c === '\\') {
      const translated = translateEscape(pattern, i, false);
      source += translated.source;
      lastAtom = { kind: 'simple' };
      i = translated.end;
    } else if (c === '.') {
      source += '[^\\n\\r]';
      lastAtom = { kind: 'simple' };
      i += 1;
    } else {
      source += escapeLiteral(c);
      lastAtom = { kind: 'simple' };
      i += c.length;
    }
  }
  if (groups.length !== 1) throw new UnsafePatternError(`Ongeldig patroon ${pattern}`);
  return { source, nestedUnboundedQuantifier: nested };
}

function readQuantifier(pattern: string, at: number): { text: string; unbounded: boolean; repeats: boolean } {
  const c = pattern[at];
  if (c === '*' || c === '+') return { text: c, unbounded: true, repeats: true };
  if (c === '?') return { text: c, unbounded: false, repeats: false };
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
  if (match === null) throw new UnsafePatternError(`Ongeldige herhaling in patroon ${pattern}`);
  const hasComma = match[2] !== undefined;
  const max = hasComma ? match[3] || undefined : match[1];
  return {
    text: match[0],
    unbounded: max === undefined,
    repeats: max === undefined || Number(max) > 1,
  };
}

/** Characters that are syntax in JS (outside a class) but literal in XSD. */
function escapeLiteral(c: string): string {
  return '^$/'.includes(c) ? `\\${c}` : c;
}

const MULTI_CHAR_ESCAPES: Readonly<Record<string, { outside: string; inside?: string }>> = {
  s: { outside: `[${XSD_WHITESPACE}]`, inside: XSD_WHITESPACE },
  S: { outside: `[^${XSD_WHITESPACE}]` },
  d: { outside: '\\p{Nd}', inside: '\\p{Nd}' },
  D: { outside: '\\P{Nd}', inside: '\\P{Nd}' },
  // XSD \w: all characters except punctuation, separators and "other" (control etc.).
  w: { outside: '[^\\p{P}\\p{Z}\\p{C}]' },
  W: { outside: '[\\p{P}\\p{Z}\\p{C}]', inside: '\\p{P}\\p{Z}\\p{C}' },
};

/** Characters XSD lets (or makes) you escape with a backslash; all are valid JS `u` escapes too. */
const SINGLE_CHAR_ESCAPES = new Set(['\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']']);

function translateEscape(pattern: string, at: number, insideClass: boolean): { source: string; end: number } {
  const c = pattern[at + 1];
  if (c === undefined) throw new UnsafePatternError(`Patroon ${pattern} eindigt op een backslash`);
  if (c === 'n' || c === 'r' || c === 't') return { source: `\\${c}`, end: at + 2 };
  if (SINGLE_CHAR_ESCAPES.has(c)) {
    // JS `u` mode rejects "\-" outside a class; it is a plain hyphen there.
    return { source: c === '-' && !insideClass ? '-' : `\\${c}`, end: at + 2 };
  }
  if (c === 'p' || c === 'P') {
    const match = /^\{([A-Za-z]+)\}/.exec(pattern.slice(at + 2));
    // Block escapes (\p{IsBasicLatin}) have no JS equivalent; general categories match 1:1.
    if (match === null || match[1]?.startsWith('Is')) {
      throw new UnsafePatternError(`Niet ondersteunde categorie in patroon ${pattern}`);
    }
    return { source: `\\${c}{${match[1]}}`, end: at + 2 + match[0].length };
  }
  const multi = MULTI_CHAR_ESCAPES[c];
  if (multi !== undefined) {
    const source = insideClass ? multi.inside : multi.outside;
    if (source === undefined) {
      throw new UnsafePatternError(
        `\\${c} binnen een tekenklasse wordt niet ondersteund (patroon ${pattern})`,
      );
    }
    return { source, end: at + 2 };
  }
  // \i, \c (XML name characters) and anything else: not used by the iStandaarden.
  throw new UnsafePatternError(`Niet ondersteunde escape \\${c} in patroon ${pattern}`);
}

function translateCharClass(pattern: string, at: number): { source: string; end: number } {
  let i = at + 1;
  let source = '[';
  if (pattern[i] === '^') {
    source += '^';
    i += 1;
  }
  // \S alone in a class has a direct translation; beside other members JS (u flag) has none.
  if (pattern.startsWith('\\S]', i)) {
    const negated = source === '[^';
    return { source: negated ? `[${XSD_WHITESPACE}]` : `[^${XSD_WHITESPACE}]`, end: i + 3 };
  }
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === ']' && !first) return { source: `${source}]`, end: i + 1 };
    if (c === ']') {
      // A ']' right after '[' is literal; JS would read '[]' as an empty class.
      source += '\\]';
      i += 1;
      first = false;
      continue;
    }
    if (c === '[') {
      // Character class subtraction ([a-z-[aeiou]]) exists in XSD only.
      throw new UnsafePatternError(`Tekenklasse-aftrekking wordt niet ondersteund (patroon ${pattern})`);
    }
    if (c === '\\') {
      const translated = translateEscape(pattern, i, true);
      source += translated.source;
      i = translated.end;
    } else {
      // '.', '$', '|', '(' … are literal inside a class in both syntaxes; '/' needs no escape.
      source += c;
      i += c.length;
    }
    first = false;
  }
  throw new UnsafePatternError(`Tekenklasse zonder ] in patroon ${pattern}`);
}
