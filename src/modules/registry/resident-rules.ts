/**
 * The rules for a resident's BRP identity as an iWmo/iJw allocation message (301) carries it:
 * the limits of the standard's data types (basisschema.xsd), the Dutch postcode, the initials
 * and the display name composed from the parts. Pure and without dependencies, so the API
 * schema, the service, the UI and the demo generator share one source.
 */

/** LDT_Geslacht: 0 unknown, 1 male, 2 female. */
export const GENDERS = ['0', '1', '2'] as const;
export type Gender = (typeof GENDERS)[number];

/** Maximum lengths (in characters) and the house number range of the 301's data types. */
export const RESIDENT_LIMITS = {
  /** LDT_Naam: the display name as the registry keeps it. */
  name: 200,
  /** LDT_Achternaam */
  familyName: 200,
  /** LDT_Voorvoegsel */
  familyNamePrefix: 10,
  /** LDT_Voornamen */
  givenNames: 200,
  /** LDT_Voorletters */
  initials: 6,
  /** LDT_Straatnaam */
  street: 24,
  /** LDT_Huisnummer */
  houseNumberMax: 99_999,
  /** LDT_HuisnummerToevoeging */
  houseNumberAddition: 4,
  /** LDT_Plaatsnaam */
  place: 80,
} as const;

/** A Dutch postcode as the BRP writes it: 4 digits (not starting with 0) and 2 capitals. */
export const POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;
/** LDT_Huisletter: one character; the BAG only hands out letters. */
export const HOUSE_LETTER = /^[A-Za-z]$/;

/** "1234 ab" → "1234AB": how people write a postcode, to how the BRP and the 301 hold it. */
export function normalisePostcode(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

// LDT_Voorletters allows ([a-zA-ZÀ-ỳ])+; the range also holds × and ÷ and combining marks,
// which are no letters, hence the extra \p{L}.
const VOORLETTER = /^[a-zA-Z\u00C0-\u1EF3]$/u;
const LETTER = /^\p{L}$/u;

function initialOf(givenName: string): string | undefined {
  const first = [...givenName].find((character) => LETTER.test(character));
  if (first === undefined || !VOORLETTER.test(first)) return undefined;
  const upper = first.toUpperCase();
  // Upper-casing can give two characters (ß → SS) or leave the range; keep the letter then.
  return VOORLETTER.test(upper) ? upper : first;
}

/**
 * Voorletters: the first letter of each given name, in order, at most six; a name whose first
 * letter the standard cannot carry is skipped. Null when nothing is left.
 */
export function initialsOf(givenNames: string | null): string | null {
  if (givenNames === null) return null;
  const initials = givenNames
    .split(/\s+/)
    .map(initialOf)
    .filter((initial): initial is string => initial !== undefined)
    .slice(0, RESIDENT_LIMITS.initials)
    .join('');
  return initials === '' ? null : initials;
}

export interface NameParts {
  givenNames: string | null;
  familyNamePrefix: string | null;
  familyName: string | null;
}

/** The display name from the parts: "Jan Willem van der Berg". */
export function composeName(parts: NameParts): string {
  return [parts.givenNames, parts.familyNamePrefix, parts.familyName].filter(Boolean).join(' ');
}
