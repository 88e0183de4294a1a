/**
 * Checking one text value against a simple type of the message model, the way an XML Schema
 * validator does: whitespace handling per built-in type, the built-in's lexical space (a date
 * must exist on the calendar), then the facets. Length is checked before any pattern so that no
 * pattern ever sees an over-long value.
 */
import type { SimpleTypeDef } from '../standard/model.js';
import { compileXsdPattern, type PatternTest } from './xsd-pattern.js';

export type SimpleValueProblemCode =
  | 'INVALID_INTEGER'
  | 'INVALID_DATE'
  | 'NONEXISTENT_DATE'
  | 'INVALID_TIME'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'NOT_IN_ENUMERATION'
  | 'PATTERN_MISMATCH'
  | 'BELOW_MINIMUM'
  | 'ABOVE_MAXIMUM';

export type SimpleValueCheck =
  /** `value`: the value as the schema sees it (whitespace-collapsed for integer, date, time). */
  { ok: true; value: string } | { ok: false; code: SimpleValueProblemCode; reason: string };

export type SimpleValueChecker = (raw: string, elementName: string) => SimpleValueCheck;

/** Compiles the type's patterns once; throws UnsafePatternError for a pattern it will not run. */
export function compileSimpleType(type: SimpleTypeDef): SimpleValueChecker {
  const patterns: { source: string; test: PatternTest }[] = (type.patterns ?? []).map((source) => ({
    source,
    test: compileXsdPattern(source),
  }));
  const enumeration = type.enumeration === undefined ? undefined : new Set(type.enumeration);
  const integerEnumeration =
    type.base === 'integer' && type.enumeration !== undefined
      ? new Set(type.enumeration.map((code) => BigInt(code).toString()))
      : undefined;

  return (raw, elementName) => {
    // xs:string keeps whitespace as is (the XSDs declare no whiteSpace facet); the other
    // built-ins used here have whiteSpace="collapse", which applies before every other check.
    const value = type.base === 'string' ? raw : collapseWhitespace(raw);
    const shown = quote(value);

    let integerValue: bigint | undefined;
    switch (type.base) {
      case 'string':
        break;
      case 'integer':
        if (!/^[+-]?[0-9]+$/.test(value)) {
          return fail('INVALID_INTEGER', `Waarde ${shown} in ${elementName} is geen geheel getal.`);
        }
        integerValue = BigInt(value);
        break;
      case 'date': {
        const problem = checkDate(value);
        if (problem === 'lexical') {
          return fail(
            'INVALID_DATE',
            `Waarde ${shown} in ${elementName} is geen geldige datum (verwacht JJJJ-MM-DD).`,
          );
        }
        if (problem === 'nonexistent') {
          return fail('NONEXISTENT_DATE', `Datum ${value} in ${elementName} bestaat niet.`);
        }
        break;
      }
      case 'time':
        if (!isTime(value)) {
          return fail(
            'INVALID_TIME',
            `Waarde ${shown} in ${elementName} is geen geldige tijd (verwacht uu:mm:ss).`,
          );
        }
        break;
      default: {
        const unknownBase: never = type.base;
        throw new Error(`Onbekend basistype ${String(unknownBase)}`);
      }
    }

    // XML Schema counts length in characters (code points), and length facets apply to strings.
    if (type.base === 'string' && (type.minLength !== undefined || type.maxLength !== undefined)) {
      const length = codePointLength(value);
      if (type.minLength !== undefined && length < type.minLength) {
        return fail(
          'TOO_SHORT',
          length === 0
            ? `${elementName} is leeg; minimaal ${type.minLength} ${characters(type.minLength)} verwacht.`
            : `Waarde ${shown} in ${elementName} is te kort: ${length} ${characters(length)}, minimaal ${type.minLength}.`,
        );
      }
      if (type.maxLength !== undefined && length > type.maxLength) {
        return fail(
          'TOO_LONG',
          `Waarde ${shown} in ${elementName} is te lang: ${length} ${characters(length)}, maximaal ${type.maxLength}.`,
        );
      }
    }

    if (enumeration !== undefined) {
      const allowed =
        integerValue !== undefined && integerEnumeration !== undefined
          ? integerEnumeration.has(integerValue.toString())
          : enumeration.has(value);
      if (!allowed) {
        return fail(
          'NOT_IN_ENUMERATION',
          `Waarde ${shown} in ${elementName} is geen geldige code; toegestaan: ${listCodes(type.enumeration ?? [])}.`,
        );
      }
    }

    for (const pattern of patterns) {
      if (!pattern.test(value)) {
        return fail(
          'PATTERN_MISMATCH',
          `Waarde ${shown} in ${elementName} voldoet niet aan het patroon ${pattern.source}.`,
        );
      }
    }

    if (integerValue !== undefined) {
      if (type.minInclusive !== undefined && integerValue < BigInt(type.minInclusive)) {
        return fail(
          'BELOW_MINIMUM',
          `Waarde ${value} in ${elementName} is kleiner dan ${type.minInclusive}.`,
        );
      }
      if (type.maxInclusive !== undefined && integerValue > BigInt(type.maxInclusive)) {
        return fail('ABOVE_MAXIMUM', `Waarde ${value} in ${elementName} is groter dan ${type.maxInclusive}.`);
      }
    }
    return { ok: true, value };
  };
}

function fail(code: SimpleValueProblemCode, reason: string): SimpleValueCheck {
  return { ok: false, code, reason };
}

/** XSD whiteSpace="collapse": runs of space/tab/CR/LF become one space, none at the ends. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\x20\t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

export function codePointLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // The second half of a surrogate pair is not a character of its own.
    if (code < 0xdc00 || code > 0xdfff) length += 1;
  }
  return length;
}

const DATE = /^(-?)([1-9][0-9]{3,}|0[0-9]{3})-([0-9]{2})-([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$/;

/** Undefined when `value` is an xs:date that exists; otherwise what is wrong with it. */
export function checkDate(value: string): 'lexical' | 'nonexistent' | undefined {
  const match = DATE.exec(value);
  if (match === null) return 'lexical';
  const [, sign, yearDigits, monthDigits, dayDigits, zone] = match;
  if (zone !== undefined && !isTimezone(zone)) return 'lexical';
  const year = BigInt(`${sign ?? ''}${yearDigits ?? ''}`);
  // XML Schema 1.0 has no year zero.
  if (year === 0n) return 'nonexistent';
  const month = Number(monthDigits);
  const day = Number(dayDigits);
  if (month < 1 || month > 12 || day < 1) return 'nonexistent';
  return day > daysInMonth(year, month) ? 'nonexistent' : undefined;
}

function daysInMonth(year: bigint, month: number): number {
  if (month === 2) {
    const leap = (year % 4n === 0n && year % 100n !== 0n) || year % 400n === 0n;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

export function isTime(value: string): boolean {
  const match = TIME.exec(value);
  if (match === null) return false;
  const [, hours, minutes, seconds, fraction, zone] = match;
  if (zone !== undefined && !isTimezone(zone)) return false;
  const h = Number(hours);
  const m = Number(minutes);
  const s = Number(seconds);
  // 24:00:00 is midnight at the end of the day (XML Schema 1.0 second edition).
  if (h === 24) return m === 0 && s === 0 && (fraction === undefined || /^\.0+$/.test(fraction));
  return h <= 23 && m <= 59 && s <= 59;
}

function isTimezone(zone: string): boolean {
  if (zone === 'Z') return true;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return minutes <= 59 && (hours < 14 || (hours === 14 && minutes === 0));
}

/** A value as shown in a message: quoted and cut short, so a huge value cannot flood a log. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `'${shown}'`;
}

function characters(count: number): string {
  return count === 1 ? 'teken' : 'tekens';
}

function listCodes(codes: readonly string[]): string {
  const shown = 20;
  return codes.length <= shown
    ? codes.join(', ')
    : `${codes.slice(0, shown).join(', ')} … (${codes.length} codes)`;
}
