import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import {
  countRows,
  createHarness,
  type Harness,
  TEST_PASSWORD,
  username,
} from '../../test-support/app-harness.js';
import { hashToken } from './accounts-service.js';
import { LoginThrottle } from './login-throttle.js';
import { passwordProblem } from './passwords.js';

describe('accounts and sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const login = (user: string, password: string, ip = '10.0.0.1') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user, password },
      remoteAddress: ip,
    });

  it('logs in with a strict, HTTP-only session cookie and returns a CSRF token', async () => {
    const response = await login(username('case_worker', '0001'), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'rk_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.account).toMatchObject({
      role: 'case_worker',
      municipalityCode: '0001',
      municipalityName: 'Testdam',
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('marks the cookie Secure behind https', async () => {
    const { buildApp } = await import('../../server/app.js');
    const app = await buildApp({ database: h.database, webRoot: null, logLevel: 'silent', trustProxy: true });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: username('board_member', '0001'), password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.cookies.find((c) => c.name === 'rk_session')?.secure).toBe(true);
    await app.close();
  });

  it('gives one message for an unknown user and a wrong password', async () => {
    const unknown = await login('bestaat-niet', TEST_PASSWORD);
    const wrong = await login(username('policy_advisor', '0001'), 'fout-wachtwoord-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json()).toMatchObject({ error: 'INVALID_CREDENTIALS' });
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even with the right one', async () => {
    const user = username('policy_advisor', '0002');
    for (let i = 0; i < 4; i += 1) expect((await login(user, `fout-${i}-wachtwoord`)).statusCode).toBe(401);
    const fifth = await login(user, 'nog-een-fout-wachtwoord');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().message).toContain('15 minuten');
    expect(fifth.headers['retry-after']).toBe('900');
    expect((await login(user, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('verifies at most five of many parallel guesses, then locks the account', async () => {
    const user = username('privacy_officer', '0002');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(user, `parallel-fout-${i}`, `10.1.0.${i}`)),
    );
    const statuses = guesses.map((g) => g.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect((await login(user, TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(429);
  });

  it('locks an unknown username like a real one, so a 429 reveals nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await login('verzonnen.naam', `fout-${i}-wachtwoord`, '10.2.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('throttles an address that sprays many accounts', () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) throttle.recordAttempt('1.2.3.4');
    expect(throttle.retryAfterMs('1.2.3.4')).toBe(60_000);
    throttle.forgive('1.2.3.4');
    expect(throttle.retryAfterMs('1.2.3.4')).toBe(0);
    throttle.recordAttempt('1.2.3.4');
    expect(throttle.retryAfterMs('5.6.7.8')).toBe(0);
    now = 60_001;
    expect(throttle.retryAfterMs('1.2.3.4')).toBe(0);
  });

  it('refuses logins from a throttled address with 429', async () => {
    const strict = await createHarness({ throttle: new LoginThrottle(2) });
    try {
      const attempt = (password: string) =>
        strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'niemand-hier', password },
          remoteAddress: '10.9.9.9',
        });
      expect((await attempt('a-wrong-password')).statusCode).toBe(401);
      expect((await attempt('b-wrong-password')).statusCode).toBe(401);
      const third = await attempt('c-wrong-password');
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ error: 'TOO_MANY_ATTEMPTS' });
    } finally {
      await strict.close();
    }
  });

  it('ends the session at logout', async () => {
    const response = await login(username('contract_manager', '0002'), TEST_PASSWORD);
    const cookie = `rk_session=${response.cookies.find((c) => c.name === 'rk_session')?.value}`;
    const csrf = response.json().csrfToken as string;
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session left unused for longer than the idle limit, and keeps a used one alive', async () => {
    // An account and address of their own: other tests here lock accounts and throttle 10.0.0.1.
    const response = await login(username('privacy_officer', '0001'), TEST_PASSWORD, '10.0.0.9');
    const token = response.cookies.find((c) => c.name === 'rk_session')?.value ?? '';
    const cookie = `rk_session=${token}`;
    const lastSeen = async () =>
      (
        await queryRows<{ at: string }>(
          h.database.db,
          sql`select last_seen_at::text as at from session where token_hash = ${hashToken(token)}`,
        )
      )[0]?.at;
    const idleFor = (minutes: number) =>
      h.database.db.execute(
        sql`update session set last_seen_at = now() - make_interval(mins => ${minutes})
            where token_hash = ${hashToken(token)}`,
      );
    const sessionCheck = () =>
      h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });

    expect(response.statusCode, response.body).toBe(200);
    expect((await sessionCheck()).statusCode).toBe(200);
    // 29 minutes idle: still signed in, and the request counts as use.
    await idleFor(29);
    const before = await lastSeen();
    expect((await sessionCheck()).statusCode).toBe(200);
    const after = await lastSeen();
    expect(after && before && after > before).toBe(true);
    // Within the minute the mark is not rewritten on every request.
    expect((await sessionCheck()).statusCode).toBe(200);
    expect(await lastSeen()).toBe(after);

    await idleFor(31);
    expect((await sessionCheck()).statusCode).toBe(401);
  });

  it('changes a password after checking the current one and the policy', async () => {
    const client = await h.as('board_member', '0002');
    const wrongCurrent = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: 'niet-het-wachtwoord',
      newPassword: 'Een-nieuw-wachtwoord-1',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json()).toMatchObject({ field: 'currentPassword' });
    const tooShort = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'kort',
    });
    expect(tooShort.json()).toMatchObject({ error: 'VALIDATION_FAILED', field: 'newPassword' });
    const ok = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Een-nieuw-wachtwoord-1',
    });
    expect(ok.statusCode).toBe(204);
    expect((await login(username('board_member', '0002'), TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(username('board_member', '0002'), 'Een-nieuw-wachtwoord-1')).statusCode).toBe(200);
  });

  it('states the password policy in Dutch', () => {
    expect(passwordProblem('kort')).toContain('minstens 12');
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toContain('herhaald');
    expect(passwordProblem('Een-goed-wachtwoord')).toBeUndefined();
  });

  it('lets an administrator create, list and deactivate accounts in the own municipality only', async () => {
    const admin = await h.as('administrator');
    const created = await admin.request('POST', '/api/v1/accounts', {
      username: 'nieuwe.consulent',
      displayName: 'Nieuwe Consulent',
      role: 'case_worker',
      password: 'Welkom-bij-Testdam-1',
    });
    expect(created.statusCode).toBe(201);
    const list = await admin.request('GET', '/api/v1/accounts');
    const usernames = list.json<{ items: { username: string }[] }>().items.map((a) => a.username);
    expect(usernames).toContain('nieuwe.consulent');
    expect(usernames.some((u) => u.endsWith('-0002'))).toBe(false);

    const id = created.json<{ id: string }>().id;
    const off = await admin.request('PUT', `/api/v1/accounts/${id}`, {
      displayName: 'Nieuwe Consulent',
      role: 'case_worker',
      active: false,
    });
    expect(off.json()).toMatchObject({ active: false });
    expect((await login('nieuwe.consulent', 'Welkom-bij-Testdam-1')).statusCode).toBe(401);

    const otherTenant = await h.as('administrator', '0002');
    const peek = await otherTenant.request('PUT', `/api/v1/accounts/${id}`, {
      displayName: 'Overgenomen',
      role: 'administrator',
      active: true,
    });
    expect(peek.statusCode).toBe(404);
  });

  it('rejects bad account input with the field named and writes nothing', async () => {
    const admin = await h.as('administrator');
    const before = await countRows(h.database, 'account');
    const cases: [unknown, string][] = [
      [
        { username: 'x', displayName: 'X', role: 'case_worker', password: 'Lang-genoeg-wachtwoord' },
        'username',
      ],
      [
        { username: 'geldig.naam', displayName: 'X', role: 'koning', password: 'Lang-genoeg-wachtwoord' },
        'role',
      ],
      [{ username: 'geldig.naam', displayName: 'X', role: 'case_worker', password: 'kort' }, 'password'],
      [
        {
          username: 'geldig.naam',
          displayName: 'X',
          role: 'provider_user',
          password: 'Lang-genoeg-wachtwoord',
        },
        'providerId',
      ],
      [
        {
          username: username('case_worker', '0002'),
          displayName: 'X',
          role: 'case_worker',
          password: 'Lang-genoeg-wachtwoord',
        },
        'username',
      ],
      [
        {
          username: 'geldig.naam',
          displayName: 'X',
          role: 'case_worker',
          password: 'Lang-genoeg-wachtwoord',
          admin: true,
        },
        'admin',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await admin.request('POST', '/api/v1/accounts', body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().field).toBe(field);
      expect(response.json().message).toMatch(/\S/);
    }
    expect(await countRows(h.database, 'account')).toBe(before);
  });

  it('keeps an administrator from locking himself out', async () => {
    const admin = await h.as('administrator', '0002');
    const response = await admin.request('PUT', `/api/v1/accounts/${admin.accountId}`, {
      displayName: 'Ik',
      role: 'case_worker',
      active: true,
    });
    expect(response.statusCode).toBe(400);
  });
});
