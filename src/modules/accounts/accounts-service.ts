/**
 * Accounts owns local accounts, their roles and sessions: login with throttling and lock-out,
 * session lookup, logout, password change, and account management by an administrator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/connection.js';
import {
  conflict,
  DomainError,
  isUniqueViolation,
  notFound,
  postgresError,
  TooManyAttemptsError,
  validationFailed,
} from '../../server/errors.js';
import type { SessionInfo, TenantContext } from '../../server/request-context.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { municipality } from '../tenancy/tenancy-tables.js';
import { account, session } from './accounts-tables.js';
import type { LoginThrottle } from './login-throttle.js';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  providerId: string | null;
  active: boolean;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  providerId?: string | null | undefined;
}

function toRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`unknown role in database: ${value}`);
  return role;
}

/** The columns the application role may read (ADR 0003: no hashes, no lock-out state). */
const VIEW_COLUMNS = {
  id: account.id,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
  providerId: account.providerId,
  active: account.active,
};

function toView(row: {
  id: string;
  username: string;
  displayName: string;
  role: string;
  providerId: string | null;
  active: boolean;
}): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: toRole(row.role),
    providerId: row.providerId,
    active: row.active,
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function checkNewAccount(input: NewAccount): void {
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(input.username)) {
    throw validationFailed(
      'username',
      'De gebruikersnaam bestaat uit 3 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.',
    );
  }
  const problem = passwordProblem(input.password);
  if (problem) throw validationFailed('password', problem);
  checkProviderForRole(input.role, input.providerId ?? null);
}

function checkProviderForRole(role: Role, providerId: string | null): void {
  if (role === 'provider_user' && !providerId) {
    throw validationFailed(
      'providerId',
      'Een medewerker van een zorgaanbieder hoort bij één aanbieder: kies de aanbieder.',
    );
  }
  if (role !== 'provider_user' && providerId) {
    throw validationFailed('providerId', 'Alleen medewerkers van een zorgaanbieder horen bij een aanbieder.');
  }
}

function mapWriteError(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict('username', 'Deze gebruikersnaam is al in gebruik.');
  if (postgresError(error)?.code === '23503') {
    throw validationFailed('providerId', 'Deze aanbieder bestaat niet in uw gemeente.');
  }
  throw error;
}

/** For the CLI and the demo seed: create an account in a given municipality. */
export async function createAccountAsSystem(
  q: Queryable,
  municipalityCode: string,
  input: NewAccount,
): Promise<AccountView> {
  checkNewAccount(input);
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await q
      .insert(account)
      .values({
        municipalityCode,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        providerId: input.providerId ?? null,
        passwordHash,
      })
      .returning(VIEW_COLUMNS);
    if (!row) throw new Error('insert returned no row');
    return toView(row);
  } catch (error) {
    mapWriteError(error);
  }
}

export function createAccount(ctx: TenantContext, input: NewAccount): Promise<AccountView> {
  return createAccountAsSystem(ctx.tx, ctx.municipalityCode, input);
}

export async function listAccounts(ctx: TenantContext): Promise<AccountView[]> {
  const rows = await ctx.tx.select(VIEW_COLUMNS).from(account).orderBy(asc(account.username));
  return rows.map(toView);
}

export async function updateAccount(
  ctx: TenantContext,
  id: string,
  input: { displayName: string; role: Role; active: boolean; providerId?: string | null | undefined },
): Promise<AccountView> {
  checkProviderForRole(input.role, input.providerId ?? null);
  if (id === ctx.actor.id && (!input.active || input.role !== 'administrator')) {
    throw validationFailed('role', 'U kunt uw eigen beheerdersrechten niet intrekken of uzelf uitschakelen.');
  }
  try {
    const [row] = await ctx.tx
      .update(account)
      .set({
        displayName: input.displayName,
        role: input.role,
        active: input.active,
        providerId: input.providerId ?? null,
      })
      .where(eq(account.id, id))
      .returning(VIEW_COLUMNS);
    // A deactivated account's sessions stop working at once: findSession requires active.
    if (!row) throw notFound('Het account', 'id');
    return toView(row);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    mapWriteError(error);
  }
}

export interface LoginResult {
  token: string;
  session: SessionInfo;
}

export interface LoginInput {
  username: string;
  password: string;
  address: string;
}

function tooManyAttempts(retryAfterMs: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new TooManyAttemptsError(
    `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    Math.ceil(retryAfterMs / 1000),
  );
}

const INVALID_CREDENTIALS = () =>
  new DomainError('INVALID_CREDENTIALS', 401, 'De gebruikersnaam of het wachtwoord is onjuist.');

/** An unknown or inactive name costs the same work and locks the same way as a real account. */
async function refuseUnknown(throttle: LoginThrottle, username: string, password: string): Promise<never> {
  const wait = throttle.unknownNameRetryAfterMs(username);
  if (wait > 0) throw tooManyAttempts(wait);
  await verifyPassword(await dummyPasswordHash(), password);
  throttle.recordUnknownName(username);
  if (throttle.unknownNameRetryAfterMs(username) > 0) throw tooManyAttempts(LOCK_MINUTES * 60_000);
  throw INVALID_CREDENTIALS();
}

/**
 * Counts the attempt in one statement before the password is checked, so parallel guesses
 * each take a slot: at most MAX_FAILED_LOGINS of them are ever verified. Returns the attempt's
 * number, or 'locked' when the account is locked (or this attempt locked it).
 */
async function reserveAttempt(
  database: Database,
  municipalityCode: string,
  id: string,
): Promise<number | 'locked'> {
  const [reserved] = await queryRows<{ attempt: number; locked: boolean }>(
    database.db,
    sql`update account set
          failed_logins = case when failed_logins >= ${MAX_FAILED_LOGINS} then 0 else failed_logins + 1 end,
          locked_until = case when failed_logins >= ${MAX_FAILED_LOGINS}
            then now() + make_interval(mins => ${LOCK_MINUTES}) end
        where municipality_code = ${municipalityCode} and id = ${id}
          and (locked_until is null or locked_until <= now())
        returning failed_logins as attempt, locked_until is not null as locked`,
  );
  if (!reserved || reserved.locked) return 'locked';
  return reserved.attempt;
}

/** Authentication precedes the tenant, so it runs with owner privileges. */
export async function login(
  database: Database,
  throttle: LoginThrottle,
  input: LoginInput,
  sessionHours: number,
): Promise<LoginResult> {
  const retryAfter = throttle.retryAfterMs(input.address);
  if (retryAfter > 0) throw tooManyAttempts(retryAfter);
  throttle.recordAttempt(input.address);
  const username = input.username.trim().toLowerCase();
  const [row] = await database.db
    .select({ account, municipalityName: municipality.name })
    .from(account)
    .innerJoin(municipality, eq(municipality.code, account.municipalityCode))
    .where(eq(account.username, username));
  if (!row?.account.active) return refuseUnknown(throttle, username, input.password);
  const found = row.account;
  const attempt = await reserveAttempt(database, found.municipalityCode, found.id);
  if (attempt === 'locked') {
    const until = found.lockedUntil?.getTime() ?? 0;
    throw tooManyAttempts(until > Date.now() ? until - Date.now() : LOCK_MINUTES * 60_000);
  }
  if (!(await verifyPassword(found.passwordHash, input.password))) {
    if (attempt < MAX_FAILED_LOGINS) throw INVALID_CREDENTIALS();
    await database.db
      .update(account)
      .set({ failedLogins: 0, lockedUntil: sql`now() + make_interval(mins => ${LOCK_MINUTES})` })
      .where(and(eq(account.municipalityCode, found.municipalityCode), eq(account.id, found.id)));
    throw tooManyAttempts(LOCK_MINUTES * 60_000);
  }
  throttle.forgive(input.address);
  const now = Date.now();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await database.asSystem(async (tx) => {
    await tx
      .update(account)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(account.municipalityCode, found.municipalityCode), eq(account.id, found.id)));
    await tx.delete(session).where(sql`${session.expiresAt} < now()`);
    await tx.insert(session).values({
      municipalityCode: found.municipalityCode,
      tokenHash,
      accountId: found.id,
      csrfToken,
      expiresAt: new Date(now + sessionHours * 3_600_000),
    });
  });
  return {
    token,
    session: {
      accountId: found.id,
      username: found.username,
      displayName: found.displayName,
      role: toRole(found.role),
      municipalityCode: found.municipalityCode,
      municipalityName: row.municipalityName,
      providerId: found.providerId,
      csrfToken,
      tokenHash,
    },
  };
}

/** How stale `last_seen_at` may be before a request writes it again: one write a minute at most. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;

/**
 * The live session for a token: not expired, used within the last `idleMinutes` (BIO: a
 * workstation left alone must not stay signed in), and of an active account. Marks it as used.
 */
export async function findSession(
  database: Database,
  token: string,
  idleMinutes: number,
): Promise<SessionInfo | null> {
  const tokenHash = hashToken(token);
  const [row] = await database.db
    .select({
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      municipalityCode: account.municipalityCode,
      municipalityName: municipality.name,
      providerId: account.providerId,
      csrfToken: session.csrfToken,
      stale: sql<boolean>`${session.lastSeenAt} < now() - make_interval(secs => ${LAST_SEEN_RESOLUTION_SECONDS})`,
    })
    .from(session)
    .innerJoin(
      account,
      and(eq(account.municipalityCode, session.municipalityCode), eq(account.id, session.accountId)),
    )
    .innerJoin(municipality, eq(municipality.code, session.municipalityCode))
    .where(
      and(
        eq(session.tokenHash, tokenHash),
        gt(session.expiresAt, sql`now()`),
        gt(session.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
        eq(account.active, true),
      ),
    );
  if (!row) return null;
  const { stale, ...found } = row;
  if (stale) {
    await database.db.update(session).set({ lastSeenAt: sql`now()` }).where(eq(session.tokenHash, tokenHash));
  }
  return { ...found, role: toRole(found.role), tokenHash };
}

export async function logout(database: Database, tokenHash: string): Promise<void> {
  await database.db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function changePassword(
  database: Database,
  current: SessionInfo,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [row] = await database.db
    .select()
    .from(account)
    .where(and(eq(account.municipalityCode, current.municipalityCode), eq(account.id, current.accountId)));
  if (!row) throw notFound('Het account');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw validationFailed('currentPassword', 'Het huidige wachtwoord is onjuist.');
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw validationFailed('newPassword', problem);
  if (input.newPassword === input.currentPassword) {
    throw validationFailed('newPassword', 'Het nieuwe wachtwoord moet verschillen van het huidige.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await database.asSystem(async (tx) => {
    await tx
      .update(account)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(and(eq(account.municipalityCode, row.municipalityCode), eq(account.id, row.id)));
    // Other sessions may belong to whoever learned the old password.
    await tx
      .delete(session)
      .where(and(eq(session.accountId, row.id), ne(session.tokenHash, current.tokenHash)));
  });
}
