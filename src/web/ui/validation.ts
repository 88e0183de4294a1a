/**
 * Client-side checks that mirror the server's rules (the rules themselves live in
 * src/shared/identifiers.ts, used by both); each returns a catalogue key, not a text.
 */
import {
  AGB_CODE,
  DISTRICT_CODE,
  isIsoDate,
  isValidBsn,
  KVK_NUMBER,
  NEIGHBOURHOOD_CODE,
} from '../../shared/identifiers.js';
import type { TextKey } from '../i18n/nl.js';
import { parseEuroCents } from './format.js';

export const PASSWORD_MIN_LENGTH = 12;

export function required(value: string): TextKey | undefined {
  return value.trim() === '' ? 'validation.required' : undefined;
}

export function agbCode(value: string): TextKey | undefined {
  return AGB_CODE.test(value.trim()) ? undefined : 'validation.agbCode';
}

/** The KvK number is optional; when given it has 8 digits. */
export function kvkNumber(value: string): TextKey | undefined {
  if (value.trim() === '') return undefined;
  return KVK_NUMBER.test(value.trim()) ? undefined : 'validation.kvkNumber';
}

export function bsn(value: string): TextKey | undefined {
  const text = value.trim();
  if (!/^[0-9]{9}$/.test(text)) return 'validation.bsnDigits';
  return isValidBsn(text) ? undefined : 'validation.bsnElevenTest';
}

export function districtCode(value: string): TextKey | undefined {
  return DISTRICT_CODE.test(value.trim()) ? undefined : 'validation.districtCode';
}

export function neighbourhoodCode(value: string): TextKey | undefined {
  return NEIGHBOURHOOD_CODE.test(value.trim()) ? undefined : 'validation.neighbourhoodCode';
}

export function isoDate(value: string): TextKey | undefined {
  if (value.trim() === '') return 'validation.dateRequired';
  return isIsoDate(value.trim()) ? undefined : 'validation.date';
}

export function endNotBeforeStart(start: string, end: string): TextKey | undefined {
  if (!isIsoDate(start) || !isIsoDate(end)) return undefined;
  return end < start ? 'validation.endBeforeStart' : undefined;
}

export function euroAmount(
  value: string,
  options: { optional?: boolean; positive?: boolean } = {},
): TextKey | undefined {
  if (value.trim() === '') return options.optional ? undefined : 'validation.amountRequired';
  const cents = parseEuroCents(value);
  if (cents === undefined) return 'validation.amount';
  if (options.positive && cents === 0) return 'validation.amountPositive';
  return undefined;
}

export function password(value: string): TextKey | undefined {
  if (value.length < PASSWORD_MIN_LENGTH) return 'validation.passwordLength';
  if (/^(.)\1+$/.test(value)) return 'validation.passwordRepeated';
  return undefined;
}

export function uuid(value: string): TextKey | undefined {
  if (value.trim() === '') return undefined;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.trim())
    ? undefined
    : 'validation.uuid';
}

export function username(value: string): TextKey | undefined {
  return /^[a-z0-9][a-z0-9._-]{2,63}$/.test(value.trim().toLowerCase()) ? undefined : 'validation.username';
}

export function population(value: string): TextKey | undefined {
  return /^[0-9]{1,7}$/.test(value.trim()) ? undefined : 'validation.population';
}
