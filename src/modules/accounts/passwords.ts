/**
 * Password hashing with argon2id at OWASP's recommended minimum (19 MiB, 2 iterations), and
 * the password policy. One place, so the policy text and the check never disagree.
 */
import argon2 from 'argon2';

const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens lang zijn.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Het wachtwoord mag hoogstens ${PASSWORD_MAX_LENGTH} tekens lang zijn.`;
  }
  if (/^(.)\1+$/.test(password)) return 'Het wachtwoord mag niet uit één herhaald teken bestaan.';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('regiekamer-timing-equaliser');
  return dummyHash;
}
