/**
 * Dutch identifiers: the rules in one place, used by the API schemas, the services and the UI
 * alike so the three never disagree.
 */

/** BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11 (and not all zero). */
export function isValidBsn(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false;
  if (value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

export const AGB_CODE = /^[0-9]{8}$/;
export const KVK_NUMBER = /^[0-9]{8}$/;
export const MUNICIPALITY_CODE = /^[0-9]{4}$/;
export const DISTRICT_CODE = /^WK[0-9]{6}$/;
export const NEIGHBOURHOOD_CODE = /^BU[0-9]{8}$/;

export const MESSAGES = {
  bsn: 'Het BSN bestaat uit 9 cijfers en moet voldoen aan de elfproef.',
  agbCode: 'De AGB-code bestaat uit precies 8 cijfers.',
  kvkNumber: 'Het KvK-nummer bestaat uit precies 8 cijfers.',
  districtCode:
    'Een wijkcode is WK gevolgd door 6 cijfers: de gemeentecode en een wijknummer (bijv. WK036301).',
  neighbourhoodCode:
    'Een buurtcode is BU gevolgd door 8 cijfers: de wijkcode en een buurtnummer (bijv. BU03630101).',
} as const;

/** A district belongs to a municipality when its code continues the municipality's code. */
export function districtBelongsTo(districtCode: string, municipalityCode: string): boolean {
  return districtCode.slice(2, 6) === municipalityCode;
}

export function neighbourhoodBelongsTo(neighbourhoodCode: string, districtCode: string): boolean {
  return neighbourhoodCode.slice(2, 8) === districtCode.slice(2, 8);
}

/**
 * A real calendar date in ISO form (rejects 2023-02-30), in years 1800–9998: the social domain
 * has no earlier dates, and the database must be able to add a day to the last one.
 */
export function isIsoDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 1800 || year > 9998) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// Built once: constructing a DateTimeFormat costs far more than formatting with it.
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Today's date in the Netherlands, whatever the server's time zone. */
export function todayInNetherlands(now = new Date()): string {
  return DUTCH_DATE.format(now);
}
