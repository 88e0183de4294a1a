/**
 * The one disclosure rule for care statistics shown to roles without case access (dashboards,
 * reports, exports): small counts are secret, other counts are rounded to fives, and a percentage
 * is only shown when both of its counts — and the rest of the whole, which it reveals just as
 * well — may be shown.
 *
 * Source: CBS statistical disclosure control ("Statistische beveiliging") as applied in the
 * Wmo-monitor and Jeugdmonitor, which publish counts below a threshold as secret and round the
 * rest to multiples of five.
 *
 * Decisions (and why):
 * - Percentages are computed from the unrounded counts: rounding both sides first would add the
 *   rounding error twice and make 8 of 12 read as 100%.
 * - Rounding uses integer arithmetic (round half up), so 12.5% is 13% on every platform and no
 *   floating-point residue decides a boundary case.
 * - A share also tells the part that is not in it: 10 of 10 compensated says that none was partly
 *   or not compensated, however secret those counts are shown. So a percentage whose complement
 *   (denominator − numerator) is secret is suppressed as well.
 * - Negative or fractional counts are a programming error upstream, not user input: they throw
 *   `RangeError` instead of a Dutch validation error.
 */

/** Counts up to and including this value are secret. */
export const DISCLOSURE_MAX_SECRET_COUNT = 7;
/** Counts that may be shown are rounded to the nearest multiple of this base. */
export const DISCLOSURE_ROUNDING_BASE = 5;

export interface DisclosedValue {
  /** The rounded count or whole percentage; null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

const SUPPRESSED: DisclosedValue = Object.freeze({ value: null, suppressed: true });

function assertCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(n)}`);
  }
}

/** Whether a count has to be kept secret. */
export function isSecretCount(n: number): boolean {
  assertCount(n, 'count');
  return n <= DISCLOSURE_MAX_SECRET_COUNT;
}

/** A count as it may be shown: secret when 0–7, otherwise rounded to the nearest multiple of 5. */
export function discloseCount(n: number): DisclosedValue {
  if (isSecretCount(n)) return { ...SUPPRESSED };
  // Integers never sit halfway between two multiples of 5, so there is no tie to break.
  const remainder = n % DISCLOSURE_ROUNDING_BASE;
  const rounded =
    remainder * 2 < DISCLOSURE_ROUNDING_BASE ? n - remainder : n - remainder + DISCLOSURE_ROUNDING_BASE;
  return { value: rounded, suppressed: false };
}

/**
 * A percentage as it may be shown: suppressed when the numerator or the denominator is secret,
 * otherwise 100 × numerator / denominator of the unrounded counts, rounded half up to whole percent.
 */
export function disclosePercentage(numerator: number, denominator: number): DisclosedValue {
  assertCount(numerator, 'numerator');
  assertCount(denominator, 'denominator');
  // A secret denominator includes 0, so there is never a division by zero below.
  if (isSecretCount(numerator) || isSecretCount(denominator)) return { ...SUPPRESSED };
  if (numerator <= denominator && isSecretCount(denominator - numerator)) return { ...SUPPRESSED };
  // floor((200·a + b) / (2·b)) is round-half-up of 100·a/b without floating-point error;
  // BigInt keeps it exact for counts whose product exceeds 2^53.
  const value = (BigInt(numerator) * 200n + BigInt(denominator)) / (BigInt(denominator) * 2n);
  return { value: Number(value), suppressed: false };
}

export type DisclosedRow<Row, Key extends keyof Row> = Omit<Row, Key> & { [P in Key]: DisclosedValue };

/**
 * Applies `discloseCount` to the named count columns of every row; other columns (area codes,
 * labels, periods) are copied unchanged. Percentages belong after this step via
 * `disclosePercentage` on the original counts, never on the disclosed ones.
 */
export function discloseTable<Row extends Record<Key, number>, Key extends keyof Row>(
  rows: readonly Row[],
  countKeys: readonly Key[],
): DisclosedRow<Row, Key>[] {
  return rows.map((row) => {
    const disclosed: Record<PropertyKey, unknown> = { ...row };
    for (const key of countKeys) disclosed[key] = discloseCount(row[key]);
    return disclosed as DisclosedRow<Row, Key>;
  });
}
