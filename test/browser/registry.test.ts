/**
 * The registry in a real browser: a contract manager logs in, opens a provider, meets the Dutch
 * validation message for a bad AGB code, saves a valid change, opens one of the provider's
 * contracts and logs out. Every page is checked with axe-core; serious and critical violations
 * fail the test. Screenshots go to test-results/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSource, CHROMIUM_ARGS, chromiumPath, ROOT, type RunningApp, startApp } from './app-under-test.js';

const PASSWORD = 'Regiekamer-demo-2026';
const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

let app: RunningApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
let axe: string;

/** Shared between the steps, which run in order. */
const state: { providerId?: string; providerName?: string; agbCode?: string; savedName?: string } = {};

function base(): string {
  if (!app) throw new Error('the app did not start');
  return app.baseUrl;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function heading(): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

/** Runs axe-core on the page; fails on serious or critical violations, naming rule and elements. */
async function expectAccessible(label: string): Promise<void> {
  await page.evaluate(axe);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

/**
 * Set-up problems (no Chromium, no build, a server that does not start) are kept and thrown by
 * every test, so each one fails with the reason instead of being reported as skipped.
 */
let setupError: unknown;

beforeAll(async () => {
  try {
    await mkdir(SCREENSHOTS, { recursive: true });
    const executablePath = chromiumPath();
    axe = await axeSource();
    app = await startApp();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    context = await browser.newContext({
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  } catch (error) {
    setupError = error;
  }
});

function ready(): void {
  if (setupError) throw setupError;
}

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('registry in the browser (contract manager)', () => {
  it('shows the login page in Dutch and logs in', async () => {
    ready();
    await page.goto(`${base()}/aanbieders`);
    await page.waitForURL(`${base()}/inloggen`);
    expect(await heading()).toBe('Inloggen');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible('login');
    await shot('01-login');

    await page.getByLabel('Gebruikersnaam').fill('contractbeheer');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${base()}/`);
    await expect.poll(heading).toMatch(/^Regiekamer gemeente /);
    // A contract manager's menu: no residents, no processing log, no accounts.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect
      .poll(() => menu.getByRole('link').allInnerTexts())
      .toEqual(['Start', 'Aanbieders', 'Voorzieningen', 'Contracten', 'Cliëntmonitor', 'Wijken en buurten']);
    await expectAccessible('home');
    await shot('02-home');
  });

  it('opens a provider that has contracts', async () => {
    ready();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Aanbieders' })
      .click();
    await page.waitForURL(`${base()}/aanbieders`);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'aanbieders' }).count()).toBe(1);
    await expectAccessible('provider list');
    await shot('03-providers');

    // The first provider with at least one contract (the last column counts them).
    const counts = await rows.locator('td:last-child').allInnerTexts();
    const index = counts.findIndex((text) => Number(text.trim()) > 0);
    expect(index, 'a provider with contracts in the demo data').toBeGreaterThanOrEqual(0);
    const link = rows.nth(index).locator('a').first();
    state.providerName = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/aanbieders\/[0-9a-f-]{36}$/);
    state.providerId = page.url().split('/').pop();
    await expect.poll(heading).toBe(state.providerName);
    state.agbCode = (await page.locator('dd').first().innerText()).trim();
    expect(state.agbCode).toMatch(/^[0-9]{8}$/);
    await expectAccessible('provider detail');
    await shot('04-provider');
  });

  it('shows the Dutch error for an invalid AGB code, linked to the field', async () => {
    ready();
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.waitForURL(`${base()}/aanbieders/${state.providerId}/bewerken`);
    const agb = page.getByLabel('AGB-code');
    await agb.fill('1234abc');
    await agb.blur();
    const message = page.getByText('De AGB-code bestaat uit precies 8 cijfers.');
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await agb.getAttribute('aria-invalid')).toBe('true');
    const errorId = await message.evaluate((el) => el.closest('[id]')?.id ?? '');
    expect((await agb.getAttribute('aria-describedby')) ?? '').toContain(errorId);

    // Submitting anyway sends nothing and puts the focus on the field to fix.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(await agb.getAttribute('id'));
    await expect.poll(() => page.getByText('Niet alle gegevens zijn goed ingevuld.').isVisible()).toBe(true);
    expect(page.url()).toBe(`${base()}/aanbieders/${state.providerId}/bewerken`);
    await expectAccessible('provider form with an error');
    await shot('05-provider-invalid-agb');
  });

  it('saves a valid change and confirms it', async () => {
    ready();
    state.savedName = `${state.providerName} (browsertest)`;
    await page.getByLabel('AGB-code').fill(state.agbCode ?? '');
    await page.getByLabel('Naam', { exact: true }).fill(state.savedName);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(`${base()}/aanbieders/${state.providerId}`);
    await expect
      .poll(() => page.getByText(`Aanbieder ${state.savedName} is opgeslagen.`).isVisible())
      .toBe(true);
    await expect.poll(heading).toBe(state.savedName);
    await expectAccessible('provider saved');
    await shot('06-provider-saved');

    // Reload: the change is in the database, not just on the screen.
    await page.reload();
    await expect.poll(heading).toBe(state.savedName);
  });

  it('opens one of the provider’s contracts', async () => {
    ready();
    const contracts = page.locator('section[aria-labelledby="contracts-heading"] table tbody tr');
    await expect.poll(() => contracts.count()).toBeGreaterThan(0);
    const link = contracts.first().locator('a').first();
    const reference = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/contracten\/[0-9a-f-]{36}$/);
    await expect.poll(heading).toBe(`Contract ${reference}`);
    await expect
      .poll(() => page.getByRole('link', { name: state.savedName ?? '' }).count())
      .toBeGreaterThan(0);
    const tariffs = await page
      .locator('section[aria-labelledby="lines-heading"] tbody td:last-child')
      .allInnerTexts();
    expect(tariffs.length).toBeGreaterThan(0);
    for (const tariff of tariffs) expect(tariff.trim()).toMatch(/^€\s[0-9.]+,[0-9]{2}$/);
    await expectAccessible('contract detail');
    await shot('07-contract');
  });

  it('restores the provider name (the demo data stays as it was)', async () => {
    ready();
    await page.goto(`${base()}/aanbieders/${state.providerId}/bewerken`);
    await page.getByLabel('Naam', { exact: true }).fill(state.providerName ?? '');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(`${base()}/aanbieders/${state.providerId}`);
    await expect.poll(heading).toBe(state.providerName);
  });

  it('logs out and the session is gone', async () => {
    ready();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${base()}/inloggen`);
    expect(await heading()).toBe('Inloggen');
    await shot('08-logged-out');
    await page.goto(`${base()}/aanbieders/${state.providerId}`);
    await page.waitForURL(`${base()}/inloggen`);
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
  });
});
