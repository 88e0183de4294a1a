/**
 * The registry in a real browser: a contract manager logs in, opens a provider, meets the Dutch
 * validation message for a bad AGB code, saves a valid change, opens one of the provider's
 * contracts and logs out. Every page is checked with axe-core; serious and critical violations
 * fail the test. Screenshots go to test-results/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { setUpBrowserSession } from './browser-session.js';

const PASSWORD = 'Regiekamer-demo-2026';

// On a PostgreSQL server: a database of its own, so the providers and their names are the demo's,
// whatever an earlier run left behind.
const session = setUpBrowserSession({ freshDatabase: true });
const { ready, shot, heading, expectAccessible } = session;

/** Shared between the steps, which run in order. */
const state: { providerId?: string; providerName?: string; agbCode?: string; savedName?: string } = {};

describe('registry in the browser (contract manager)', () => {
  it('shows the login page in Dutch and logs in', async () => {
    ready();
    await session.page.goto(`${session.baseUrl}/aanbieders`);
    await session.page.waitForURL(`${session.baseUrl}/inloggen`);
    expect(await heading()).toBe('Inloggen');
    expect(await session.page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible('login');
    await shot('01-login');

    await session.page.getByLabel('Gebruikersnaam').fill('contractbeheer');
    await session.page.getByLabel('Wachtwoord').fill(PASSWORD);
    await session.page.getByRole('button', { name: 'Inloggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/`);
    await expect.poll(heading).toMatch(/^Regiekamer gemeente /);
    // A contract manager's menu: no residents, no processing log, no accounts.
    const menu = session.page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect
      .poll(() => menu.getByRole('link').allInnerTexts())
      .toEqual([
        'Start',
        'Aanbieders',
        'Voorzieningen',
        'Contracten',
        'Berichten',
        'Cliëntmonitor',
        'Wijken en buurten',
      ]);
    await expectAccessible('home');
    await shot('02-home');
  });

  it('opens a provider that has contracts', async () => {
    ready();
    await session.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Aanbieders' })
      .click();
    await session.page.waitForURL(`${session.baseUrl}/aanbieders`);
    const rows = session.page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect
      .poll(() => session.page.getByRole('status').filter({ hasText: 'aanbieders' }).count())
      .toBe(1);
    await expectAccessible('provider list');
    await shot('03-providers');

    // The first provider with at least one contract (the last column counts them).
    const counts = await rows.locator('td:last-child').allInnerTexts();
    const index = counts.findIndex((text) => Number(text.trim()) > 0);
    expect(index, 'a provider with contracts in the demo data').toBeGreaterThanOrEqual(0);
    const link = rows.nth(index).locator('a').first();
    state.providerName = (await link.innerText()).trim();
    await link.click();
    await session.page.waitForURL(/\/aanbieders\/[0-9a-f-]{36}$/);
    state.providerId = session.page.url().split('/').pop();
    await expect.poll(heading).toBe(state.providerName);
    state.agbCode = (await session.page.locator('dd').first().innerText()).trim();
    expect(state.agbCode).toMatch(/^[0-9]{8}$/);
    await expectAccessible('provider detail');
    await shot('04-provider');
  });

  it('shows the Dutch error for an invalid AGB code, linked to the field', async () => {
    ready();
    await session.page.getByRole('link', { name: 'Bewerken' }).click();
    await session.page.waitForURL(`${session.baseUrl}/aanbieders/${state.providerId}/bewerken`);
    const agb = session.page.getByLabel('AGB-code');
    await agb.fill('1234abc');
    await agb.blur();
    const message = session.page.getByText('De AGB-code bestaat uit precies 8 cijfers.');
    await expect.poll(() => message.isVisible()).toBe(true);
    expect(await agb.getAttribute('aria-invalid')).toBe('true');
    const errorId = await message.evaluate((el) => el.closest('[id]')?.id ?? '');
    expect((await agb.getAttribute('aria-describedby')) ?? '').toContain(errorId);

    // Submitting anyway sends nothing and puts the focus on the field to fix.
    await session.page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => session.page.evaluate(() => document.activeElement?.id))
      .toBe(await agb.getAttribute('id'));
    await expect
      .poll(() => session.page.getByText('Niet alle gegevens zijn goed ingevuld.').isVisible())
      .toBe(true);
    expect(session.page.url()).toBe(`${session.baseUrl}/aanbieders/${state.providerId}/bewerken`);
    await expectAccessible('provider form with an error');
    await shot('05-provider-invalid-agb');
  });

  it('saves a valid change and confirms it', async () => {
    ready();
    state.savedName = `${state.providerName} (browsertest)`;
    await session.page.getByLabel('AGB-code').fill(state.agbCode ?? '');
    await session.page.getByLabel('Naam', { exact: true }).fill(state.savedName);
    await session.page.getByRole('button', { name: 'Opslaan' }).click();
    await session.page.waitForURL(`${session.baseUrl}/aanbieders/${state.providerId}`);
    await expect
      .poll(() => session.page.getByText(`Aanbieder ${state.savedName} is opgeslagen.`).isVisible())
      .toBe(true);
    await expect.poll(heading).toBe(state.savedName);
    await expectAccessible('provider saved');
    await shot('06-provider-saved');

    // Reload: the change is in the database, not just on the screen.
    await session.page.reload();
    await expect.poll(heading).toBe(state.savedName);
  });

  it('opens one of the provider’s contracts', async () => {
    ready();
    const contracts = session.page.locator('section[aria-labelledby="contracts-heading"] table tbody tr');
    await expect.poll(() => contracts.count()).toBeGreaterThan(0);
    const link = contracts.first().locator('a').first();
    const reference = (await link.innerText()).trim();
    await link.click();
    await session.page.waitForURL(/\/contracten\/[0-9a-f-]{36}$/);
    await expect.poll(heading).toBe(`Contract ${reference}`);
    await expect
      .poll(() => session.page.getByRole('link', { name: state.savedName ?? '' }).count())
      .toBeGreaterThan(0);
    const tariffs = await session.page
      .locator('section[aria-labelledby="lines-heading"] tbody td:last-child')
      .allInnerTexts();
    expect(tariffs.length).toBeGreaterThan(0);
    for (const tariff of tariffs) expect(tariff.trim()).toMatch(/^€\s[0-9.]+,[0-9]{2}$/);
    await expectAccessible('contract detail');
    await shot('07-contract');

    // The performance agreements in the form: a percentage over 100 is stopped at the field.
    await session.page.getByRole('link', { name: 'Bewerken' }).click();
    await session.page.waitForURL(/\/contracten\/[0-9a-f-]{36}\/bewerken$/);
    const delivery = session.page.getByLabel('Geleverd van toegewezen (%)');
    await expect.poll(() => delivery.inputValue()).toBe('70');
    await delivery.fill('120');
    await session.page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() =>
        session.page.getByText('Vul een percentage in van 0 tot en met 100, of laat het leeg.').count(),
      )
      .toBeGreaterThan(0);
    await expectAccessible('contract form with agreements');
    await shot('07b-contract-form-kpis');
    await session.page.getByRole('link', { name: 'Annuleren' }).click();
    await session.page.waitForURL(/\/contracten\/[0-9a-f-]{36}$/);
  });

  it('restores the provider name (the demo data stays as it was)', async () => {
    ready();
    await session.page.goto(`${session.baseUrl}/aanbieders/${state.providerId}/bewerken`);
    await session.page.getByLabel('Naam', { exact: true }).fill(state.providerName ?? '');
    await session.page.getByRole('button', { name: 'Opslaan' }).click();
    await session.page.waitForURL(`${session.baseUrl}/aanbieders/${state.providerId}`);
    await expect.poll(heading).toBe(state.providerName);
  });

  it('logs out and the session is gone', async () => {
    ready();
    await session.page.getByRole('button', { name: 'Uitloggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/inloggen`);
    expect(await heading()).toBe('Inloggen');
    await shot('08-logged-out');
    await session.page.goto(`${session.baseUrl}/aanbieders/${state.providerId}`);
    await session.page.waitForURL(`${session.baseUrl}/inloggen`);
    const status = await session.page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
  });
});
