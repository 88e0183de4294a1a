/**
 * The provider monitor in a real browser. The demo's provider simulator plays every provider's
 * messages and plants one provider that delivers far less than it is allocated; the monitor has
 * to put it on top without being told. A contract manager opens the monitor, switches to the
 * provider monitor, finds the planted provider first and marked "laag", downloads the CSV and
 * finds the same row there, and filters on the Jeugdwet (the planted provider only has Wmo
 * lots, so it leaves the table). A board member sees the same provider on top with the client
 * counts disclosed. Every page is checked with axe-core; screenshots go to
 * test-results/screenshots/ (provider-monitor-*.png).
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PLANTED_UNDER_DELIVERING_PROVIDER } from '../../src/modules/demo/demo-seed.js';
import { LOW_DELIVERY_RATE } from '../../src/modules/monitor/provider-monitor.js';
import { setUpBrowserSession, visible } from './browser-session.js';

// A database of its own: the figures are those of the freshly seeded demo.
const session = setUpBrowserSession({
  freshDatabase: true,
  acceptDownloads: true,
  screenshotPrefix: 'provider-monitor-',
});
const { title, login } = session;
const { ready, shot, expectAccessible } = session;

const PROVIDERS_TABLE = 'Levering per aanbieder';
const CONTRACTS_TABLE = 'Levering per contract';
/** The providers table's columns, in order (the CSV has more: every part of a figure on its own). */
const PROVIDER_COLUMNS = [
  'Aanbieder',
  'Toewijzingen',
  'Gestart',
  'Nooit gestart (aandeel)',
  'Mediaan dagen tot start',
  'Toegewezen waarde',
  'Toegekend',
  'Levering',
  'Afgewezen prestaties (aandeel)',
  'Te late berichten (aandeel)',
];
const CSV_HEADER =
  'Aanbieder;Toewijzingen;Gestart;Nooit gestart;% nooit gestart;Mediaan dagen tot start;' +
  'Toegewezen waarde (euro);Toegekend (euro);% levering;Markering;Gedeclareerde prestaties;' +
  'Afgewezen prestaties;% afgewezen;Redenen van afwijzing;Start- en stopberichten;' +
  'Te late berichten;% te laat';

type Step = 'provider monitor';
const reached = new Set<Step>();

function requireStep(step: Step): void {
  if (!reached.has(step)) throw new Error(`needs the step "${step}", which did not succeed`);
}

async function openProviderMonitor(): Promise<void> {
  await session.page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Cliëntmonitor' })
    .click();
  await session.page.waitForURL(`${session.baseUrl}/monitor`);
  await title('Cliëntmonitor');
  const monitors = session.page.getByRole('navigation', { name: 'Monitoren' });
  await visible(monitors.getByRole('link', { name: 'Cliëntmonitor', exact: true }));
  await monitors.getByRole('link', { name: 'Aanbiedersmonitor', exact: true }).click();
  await session.page.waitForURL(`${session.baseUrl}/monitor/aanbieders`);
  await title('Aanbiedersmonitor');
  expect(
    await monitors.getByRole('link', { name: 'Aanbiedersmonitor', exact: true }).getAttribute('aria-current'),
  ).toBe('page');
}

/** A column header's own text, without the sort button's arrow and hint. */
function headerText(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

/** The cells' texts of every body row of a table. */
async function bodyRows(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const texts: string[][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    texts.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((c) => c.trim()));
  }
  return texts;
}

/** "34,5%" (the first percentage in the text) → 34.5 */
function percentage(text: string | undefined): number {
  const figure = /(\d{1,3}(?:\.\d{3})*(?:,\d+)?)%/.exec(text ?? '')?.[1];
  if (figure === undefined) throw new Error(`no percentage in "${text}"`);
  return Number(figure.replace(/\./g, '').replace(',', '.'));
}

/** A disclosed client count: "geheim", or a multiple of five (CBS rule). */
function expectDisclosed(text: string | undefined): void {
  const value = (text ?? '').trim();
  if (value === 'geheim') return;
  const figure = /^(\d{1,3}(?:\.\d{3})*)$/.exec(value)?.[1];
  expect(figure, `a disclosed count, not "${value}"`).toBeDefined();
  expect(Number((figure ?? '').replace(/\./g, '')) % 5, `disclosed figure ${value}`).toBe(0);
}

describe('the provider monitor (contract manager)', () => {
  it('puts the planted under-delivering provider on top, marked low', async () => {
    ready();
    await login('contractbeheer');
    await openProviderMonitor();
    await visible(session.page.getByText(/^Levering is gemeten tot en met \d{2}-\d{2}-\d{4}\.$/));
    const table = await visible(session.page.getByRole('table', { name: PROVIDERS_TABLE }));
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map(headerText);
    expect(headers).toEqual(PROVIDER_COLUMNS);

    const rows = await bodyRows(table);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const top = rows[0] ?? [];
    expect(top[0]).toBe(PLANTED_UNDER_DELIVERING_PROVIDER);
    expect(percentage(top[7])).toBeLessThan(LOW_DELIVERY_RATE);
    await visible(table.locator('tbody tr').first().getByText('laag', { exact: true }));
    // Euro amounts in Dutch notation.
    expect(top[5]).toMatch(/^€\s?\d{1,3}(\.\d{3})*,\d{2}$/);
    expect(top[6]).toMatch(/^€\s?\d{1,3}(\.\d{3})*,\d{2}$/);
    // The others deliver well: the planted one is the only one low.
    for (const row of rows.slice(1)) {
      if (row[7]?.startsWith('–')) continue;
      expect(percentage(row[7]), `${row[0]} delivers`).toBeGreaterThanOrEqual(LOW_DELIVERY_RATE);
    }

    // The chart is one image with a text alternative naming the lowest.
    const chart = await visible(session.page.getByRole('img', { name: /^Staafdiagram van de levering/ }));
    expect(await chart.getAttribute('aria-label')).toContain(
      `Het laagst is ${PLANTED_UNDER_DELIVERING_PROVIDER}`,
    );

    // The reasons of rejection open in a disclosure, with code and meaning.
    const reasons = table.locator('tbody tr details');
    if ((await reasons.count()) > 0) {
      await reasons.first().locator('summary').click();
      await visible(reasons.first().locator('li'));
      expect(await reasons.first().locator('li').first().innerText()).toMatch(/^\d{4} \S.+\(\d+×\)$/);
    }

    const contracts = await visible(session.page.getByRole('table', { name: CONTRACTS_TABLE }));
    const contractHeaders = (await contracts.getByRole('columnheader').allInnerTexts()).map(headerText);
    expect(contractHeaders).toEqual([
      'Contract',
      'Aanbieder',
      'Periode',
      'Plafond',
      'Toegewezen waarde',
      'Toegekend',
      'Plafond gebruikt',
      'Levering',
    ]);
    expect((await bodyRows(contracts)).some((r) => r[1] === PLANTED_UNDER_DELIVERING_PROVIDER)).toBe(true);
    // The planted provider's contract misses its delivery agreement, in words, among the first.
    const kpis = await visible(session.page.getByRole('table', { name: 'Prestatie-afspraken' }));
    const missed = kpis
      .locator('tbody tr')
      .filter({ hasText: PLANTED_UNDER_DELIVERING_PROVIDER })
      .filter({ hasText: 'Geleverd van toegewezen (%)' });
    await visible(missed.getByText('niet gehaald'));

    await expectAccessible('provider monitor (contract manager)');
    await shot('01-contract-manager');
    reached.add('provider monitor');
  });

  it('exports the providers table as CSV with the same first row', async () => {
    ready();
    requireStep('provider monitor');
    const table = session.page.getByRole('region', { name: PROVIDERS_TABLE });
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      table.getByRole('button', { name: 'Exporteer CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^levering-per-aanbieder-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, first] = csv.split('\r\n');
    expect(header).toBe(CSV_HEADER);
    const cells = (first ?? '').split(';');
    expect(cells[0]).toBe(PLANTED_UNDER_DELIVERING_PROVIDER);
    // The client counts as the screen shows them: "geheim" or rounded to fives.
    for (const cell of cells.slice(1, 4)) expectDisclosed(cell);
    // Amounts as Dutch Excel reads them, the rate with a decimal comma and the marking.
    expect(cells[6]).toMatch(/^\d+,\d{2}$/);
    expect(cells[7]).toMatch(/^\d+,\d{2}$/);
    expect(Number((cells[8] ?? '').replace(',', '.'))).toBeLessThan(LOW_DELIVERY_RATE);
    expect(cells[9]).toBe('laag');

    const contracts = session.page.getByRole('region', { name: CONTRACTS_TABLE });
    const [contractDownload] = await Promise.all([
      session.page.waitForEvent('download'),
      contracts.getByRole('button', { name: 'Exporteer CSV' }).click(),
    ]);
    expect(contractDownload.suggestedFilename()).toMatch(/^levering-per-contract-/);
    const contractCsv = (await readFile(await contractDownload.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(contractCsv.split('\r\n')[0]).toBe(
      'Kenmerk;Aanbieder;Ingangsdatum;Einddatum;Budgetplafond (euro);Toegewezen waarde (euro);Toegekend (euro);' +
        '% plafond gebruikt;% levering;Markering;Prestatie-afspraken',
    );
  });

  it('filters on the Jeugdwet: the planted Wmo provider leaves the table', async () => {
    ready();
    requireStep('provider monitor');
    const table = session.page.getByRole('table', { name: PROVIDERS_TABLE });
    const before = (await bodyRows(table)).map((r) => r[0]);
    await session.page.getByLabel('Wet', { exact: true }).selectOption({ label: 'Jeugdwet' });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/\/monitor\/aanbieders\?wet=youth$/);
    await expect.poll(async () => (await bodyRows(table)).map((r) => r[0])).not.toEqual(before);
    const after = (await bodyRows(table)).map((r) => r[0]);
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toContain(PLANTED_UNDER_DELIVERING_PROVIDER);
    expect(after.some((name) => /^Jeugd/.test(name ?? ''))).toBe(true);
    expect(await session.page.getByLabel('Wet', { exact: true }).inputValue()).toBe('youth');
    await expectAccessible('provider monitor filtered on Jeugdwet');
    await shot('02-youth');
  });
});

describe('the provider monitor (board member)', () => {
  it('shows the planted provider on top with disclosed client counts', async () => {
    ready();
    await login('bestuurder');
    await openProviderMonitor();
    await visible(
      session.page.getByText(/^Toewijzingen zijn cliënten: aantallen van 0 tot en met 7 zijn geheim/),
    );
    const table = await visible(session.page.getByRole('table', { name: PROVIDERS_TABLE }));
    const rows = await bodyRows(table);
    expect(rows[0]?.[0]).toBe(PLANTED_UNDER_DELIVERING_PROVIDER);
    await visible(table.locator('tbody tr').first().getByText('laag', { exact: true }));
    // Allocations and started: "geheim" or a multiple of five, never an exact small count.
    for (const row of rows) {
      expectDisclosed(row[1]);
      expectDisclosed(row[2]);
    }
    // The board does not read contracts: the contract's reference is text, not a link.
    const contracts = await visible(session.page.getByRole('table', { name: CONTRACTS_TABLE }));
    expect(await contracts.getByRole('link').count()).toBe(0);
    await expectAccessible('provider monitor (board member)');
    await shot('03-board');
  });
});
