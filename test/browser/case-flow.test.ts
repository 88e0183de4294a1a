/**
 * A Wmo case from report to outcome in a real browser: the case worker reads the client monitor,
 * finds a resident and records a report (melding), the assessment (onderzoek) with goals and ZRM
 * scores, the application (aanvraag) and a decision that grants tailored support in kind from a
 * contracted provider; downloads the decision letter (PDF), sees the allocation, records an
 * evaluation that comes out as compensated, and finds it back in the monitor's figures. Every
 * main page is checked with axe-core; serious and critical violations fail the test. Screenshots
 * go to test-results/screenshots/ (case-*.png).
 */
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/modules/cases/calendar-date.js';
import { todayInNetherlands } from '../../src/shared/identifiers.js';
import { need, setUpBrowserSession, visible } from './browser-session.js';

/** A demo resident without any case or allocation, so the no-stacking rule cannot get in the way. */
const RESIDENT = 'Ans Bakker';
/** Wmo support by the hour; the monitor's row for it is labelled with its name. */
const PROVISION = { code: 'WMO-BGI', name: 'Begeleiding individueel' };
const MONITOR_TABLE = 'Compensatie per voorziening';
const DISCLOSURE_NOTICE = 'Aantallen van 0 tot en met 7 zijn geheim';

// On a PostgreSQL server: a database of its own, so the monitor's figures start from the demo.
const session = setUpBrowserSession({
  freshDatabase: true,
  acceptDownloads: true,
  screenshotPrefix: 'case-',
});
const { title, login } = session;
const { ready, shot, expectAccessible } = session;

interface Figures {
  evaluated: number;
  compensated: number;
}

/** Shared between the steps, which run in order. */
const state: {
  today: string;
  before?: Figures;
  caseId?: string;
  reference?: string;
  provider?: string;
  contract?: string;
  startDate?: string;
  endDate?: string;
} = { today: todayInNetherlands() };

type Step = 'logged in' | 'report' | 'assessment' | 'application' | 'decision' | 'evaluation';
const reached = new Set<Step>();

/** The steps build on each other: a step whose predecessor failed fails at once, saying why. */
function requireStep(step: Step): void {
  if (!reached.has(step)) throw new Error(`needs the step "${step}", which did not succeed`);
}

async function logout(): Promise<void> {
  await session.page.getByRole('button', { name: 'Uitloggen' }).click();
  await session.page.waitForURL(`${session.baseUrl}/inloggen`);
}

async function openMenu(name: string): Promise<void> {
  await session.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
}

/** "1.234" → 1234 (a figure may be a link with more words); "geheim" or "–" is not a count. */
function count(text: string | undefined): number {
  const figure = /^\s*([0-9]{1,3}(?:\.[0-9]{3})*)(?![0-9,])/.exec(text ?? '')?.[1];
  if (figure === undefined) throw new Error(`not an exact count: "${text}"`);
  return Number(figure.replace(/\./g, ''));
}

/** The provision's row in the monitor's per-provision table: evaluated and compensated. */
async function monitorFigures(): Promise<Figures> {
  const table = await visible(session.page.getByRole('table', { name: MONITOR_TABLE }));
  const row = table
    .getByRole('row')
    .filter({ has: session.page.getByRole('cell', { name: PROVISION.name, exact: true }) });
  expect(await row.count(), `one row for ${PROVISION.name}`).toBe(1);
  const cells = await row.getByRole('cell').allInnerTexts();
  return { evaluated: count(cells[1]), compensated: count(cells[2]) };
}

/** The case's step buttons; waits for the confirmation that names the new status. */
async function recordStep(button: string, confirmation: string): Promise<void> {
  await session.page.getByRole('button', { name: button, exact: true }).click();
  await visible(session.page.getByRole('status').filter({ hasText: confirmation }));
}

/**
 * The text a PDF draws, good enough to look for words: pdf-lib deflates its content streams and
 * writes Helvetica text as hex strings of WinAnsi codes (`<48656C6C6F> Tj`).
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
      parts.push(Buffer.from((hex[1] ?? '').replace(/\s/g, ''), 'hex').toString('latin1'));
    }
    for (const literal of content.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)) parts.push(literal[1] ?? '');
    streams.lastIndex = end;
  }
  return parts.join('\n');
}

describe('a Wmo case from report to compensated outcome (case worker)', () => {
  it('reads the client monitor’s exact figures for the provision', async () => {
    ready();
    await login('consulent');
    reached.add('logged in');
    await openMenu('Cliëntmonitor');
    await session.page.waitForURL(`${session.baseUrl}/monitor`);
    await title('Cliëntmonitor');
    state.before = await monitorFigures();
    // The case worker sees exact figures: no disclosure notice, nothing secret.
    expect(await session.page.getByText(DISCLOSURE_NOTICE).count()).toBe(0);
    expect(await session.page.getByText('geheim', { exact: true }).count()).toBe(0);
    await expectAccessible('client monitor (case worker)');
    await shot('01-monitor-before');
  });

  it('finds the resident by name and records a Wmo report', async () => {
    ready();
    requireStep('logged in');
    await openMenu('Inwoners');
    await session.page.waitForURL(`${session.baseUrl}/inwoners`);
    await title('Inwoners');
    await session.page.getByLabel('Naam of BSN').fill(RESIDENT);
    await session.page.getByLabel('Naam of BSN').press('Enter');
    const results = await visible(
      session.page.getByRole('table', { name: `Inwoners gevonden voor “${RESIDENT}”` }),
    );
    await expectAccessible('resident search');
    await shot('02-resident-search');
    await results.getByRole('link', { name: RESIDENT }).first().click();
    await session.page.waitForURL(/\/inwoners\/[0-9a-f-]{36}$/);
    await title(RESIDENT);

    await session.page.getByRole('link', { name: 'Melding of aanvraag vastleggen' }).click();
    await session.page.waitForURL(/\/inwoners\/[0-9a-f-]{36}\/melding$/);
    await title('Melding of aanvraag vastleggen');
    await visible(session.page.getByText(`Voor ${RESIDENT} (BSN`));
    await session.page.getByLabel('Wet', { exact: true }).selectOption({ label: 'Wmo 2015' });
    expect(await session.page.getByLabel('Datum van de melding').inputValue()).toBe(state.today);
    await session.page
      .getByLabel('Hulpvraag in de woorden van de inwoner')
      .fill('Sinds mijn man is overleden kom ik de deur bijna niet meer uit. Ik zie niemand meer.');
    // The case worker is in two teams: the form asks which one handles the case.
    const team = session.page.getByLabel('Team', { exact: true });
    const teams = await team.locator('option:not([value=""])').allInnerTexts();
    expect(teams.length).toBeGreaterThan(1);
    await team.selectOption({ label: teams[0] ?? '' });
    await expectAccessible('new case form');
    await shot('03-report-form');

    await session.page.getByRole('button', { name: 'Melding vastleggen' }).click();
    await session.page.waitForURL(/\/casussen\/[0-9a-f-]{36}$/);
    state.caseId = session.page.url().split('/').pop();
    const heading = (await visible(session.page.getByRole('heading', { level: 1, name: /^Casus / }))).first();
    state.reference = (await heading.innerText()).trim().replace(/^Casus /, '');
    await visible(session.page.getByText(`Casus ${state.reference} is vastgelegd.`));
    await visible(session.page.getByText('Gemeld', { exact: true }));
    await expectAccessible('new case');
    await shot('04-case-reported');
    reached.add('report');
  });

  it('starts the assessment and records goals and the ZRM scores at intake', async () => {
    ready();
    requireStep('report');
    const caseId = need(state.caseId, 'the case');
    await recordStep('Start onderzoek', 'De status is nu “in onderzoek”');

    await session.page.getByRole('link', { name: 'Onderzoek vastleggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/casussen/${caseId}/onderzoek`);
    await title(`Onderzoek vastleggen, casus ${state.reference}`);
    await session.page.getByRole('checkbox', { name: 'Sociaal netwerk', exact: true }).check();
    await session.page.getByRole('checkbox', { name: 'Maatschappelijke participatie', exact: true }).check();
    await session.page
      .getByLabel('Wat de inwoner zelf kan')
      .fill('Houdt het huis zelf bij en kookt zelf; durft niet alleen naar activiteiten in de wijk.');
    await session.page
      .getByLabel('Wat het netwerk kan')
      .fill('Een dochter woont ver weg en belt wekelijks; de buurvrouw wil af en toe meegaan.');
    await session.page.getByLabel('Leefgebied doel 1').selectOption({ label: 'Sociaal netwerk' });
    await session.page
      .getByLabel('Omschrijving doel 1')
      .fill('Heeft elke week contact met iemand uit de buurt.');
    await session.page.getByRole('button', { name: 'Doel toevoegen' }).click();
    await session.page
      .getByLabel('Leefgebied doel 2')
      .selectOption({ label: 'Maatschappelijke participatie' });
    await session.page
      .getByLabel('Omschrijving doel 2')
      .fill('Doet eens per week mee aan een activiteit in het buurthuis.');
    const intake = session.page.getByRole('group', { name: 'ZRM-score bij de intake' });
    await intake
      .getByRole('combobox', { name: 'Sociaal netwerk', exact: true })
      .selectOption({ label: '2 – Niet zelfredzaam' });
    await intake
      .getByRole('combobox', { name: 'Maatschappelijke participatie', exact: true })
      .selectOption({ label: '2 – Niet zelfredzaam' });
    await session.page.getByLabel('Geplande evaluatie').fill(addDays(state.today, 91));
    await expectAccessible('assessment form');
    await shot('05-assessment-form');

    await session.page.getByRole('button', { name: 'Onderzoek opslaan' }).click();
    await session.page.waitForURL(`${session.baseUrl}/casussen/${caseId}`);
    await visible(session.page.getByText(`Het onderzoek van casus ${state.reference} is opgeslagen.`));
    const scores = await visible(
      session.page.getByRole('table', { name: `ZRM-scores bij de intake van casus ${state.reference}` }),
    );
    expect(await scores.getByRole('row').count()).toBe(3);
    await visible(session.page.getByText('Heeft elke week contact met iemand uit de buurt.'));
    await expectAccessible('case with assessment');
    reached.add('assessment');
  });

  it('completes the assessment and receives the application', async () => {
    ready();
    requireStep('assessment');
    await recordStep('Onderzoek afgerond', 'Vastgelegd: onderzoek afgerond.');
    await recordStep('Aanvraag ontvangen', 'De status is nu “aanvraag ingediend”');
    await visible(session.page.getByRole('link', { name: 'Besluit vastleggen' }));
    await shot('06-case-applied');
    reached.add('application');
  });

  it('records the decision: tailored support in kind from a contracted provider', async () => {
    ready();
    requireStep('application');
    const caseId = need(state.caseId, 'the case');
    state.startDate = state.today;
    // A provider whose contract covers this provision for at least the first four weeks; the
    // one that runs longest. Looked up in the page with the case worker's session.
    const choice = await session.page.evaluate(
      async ({ code, from, until }) => {
        const get = async <T>(url: string): Promise<T> => {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          return (await response.json()) as T;
        };
        type Contract = {
          id: string;
          providerName: string;
          reference: string;
          startDate: string;
          endDate: string;
        };
        const provisions = await get<{ items: { id: string; code: string }[] }>(
          '/api/v1/provisions?law=wmo&limit=500&offset=0',
        );
        const provision = provisions.items.find((p) => p.code === code);
        if (!provision) return undefined;
        const contracts = await get<{ items: Contract[] }>('/api/v1/contracts?limit=500&offset=0');
        const valid = contracts.items
          .filter((c) => c.startDate <= from && c.endDate >= until)
          .sort((a, b) => b.endDate.localeCompare(a.endDate) || a.reference.localeCompare(b.reference));
        for (const contract of valid) {
          const detail = await get<{ lines: { provisionId: string }[] }>(`/api/v1/contracts/${contract.id}`);
          if (detail.lines.some((l) => l.provisionId === provision.id)) return contract;
        }
        return undefined;
      },
      { code: PROVISION.code, from: state.startDate, until: addDays(state.startDate, 28) },
    );
    expect(choice, `a contract for ${PROVISION.code} valid from ${state.startDate}`).toBeDefined();
    if (!choice) return;
    state.provider = choice.providerName;
    state.contract = choice.reference;
    state.endDate = [addDays(state.startDate, 90), choice.endDate].sort()[0];

    await session.page.getByRole('link', { name: 'Besluit vastleggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/casussen/${caseId}/besluit`);
    await title(`Besluit vastleggen, casus ${state.reference}`);
    const line = session.page.getByRole('group', { name: /^Voorziening 1/ });
    const provision = await visible(line.getByLabel('Voorziening', { exact: true }));
    const provisionValue = await provision
      .locator('option', { hasText: `${PROVISION.code} – ${PROVISION.name} (` })
      .getAttribute('value');
    await provision.selectOption(provisionValue ?? '');
    await visible(session.page.getByRole('group', { name: `Voorziening 1: ${PROVISION.name}` }));
    await line.getByRole('radio', { name: 'Ja, toekennen' }).check();
    await line.getByRole('radio', { name: 'Zorg in natura' }).check();
    await line.getByLabel('Aanbieder', { exact: true }).selectOption({ label: state.provider });
    // The provider's contracts that include the provision load after the choice.
    const contract = line.getByLabel('Contract', { exact: true });
    const option = contract.locator('option', { hasText: `${state.contract} (` });
    await option.waitFor({ state: 'attached' });
    await contract.selectOption((await option.getAttribute('value')) ?? '');
    await line.getByLabel('Omvang').fill('3');
    await line.getByLabel('Frequentie').selectOption({ label: 'per week' });
    await line.getByLabel('Ingangsdatum').fill(state.startDate);
    // Per week needs an end date: the field says so once the frequency is chosen.
    await line.getByLabel('Einddatum', { exact: true }).fill(state.endDate ?? '');
    await line
      .getByLabel('Motivering')
      .fill(
        'Mevrouw is eenzaam en komt zonder hulp de deur niet uit. Met begeleiding bouwt zij een netwerk op in de wijk; haar netwerk kan dit niet bieden.',
      );
    await expectAccessible('decision form');
    await shot('07-decision-form');

    await session.page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/casussen/${caseId}`);
    await visible(session.page.getByText(`Het besluit op casus ${state.reference} is vastgelegd.`));
    const decision = session.page.getByRole('region', { name: 'Besluit', exact: true });
    await visible(decision.getByText('Toegekend').first());
    await visible(session.page.getByText('Besloten', { exact: true }).first());
    await expectAccessible('case with decision');
    reached.add('decision');
  });

  it('downloads the decision letter as a PDF with the objection clause', async () => {
    ready();
    requireStep('decision');
    const caseId = need(state.caseId, 'the case');
    const reference = need(state.reference, 'the case reference');
    const link = await visible(session.page.getByRole('link', { name: 'Beschikking (PDF)' }));
    const href = need((await link.getAttribute('href')) ?? undefined, 'the letter link');
    expect(href).toBe(`/api/v1/cases/${caseId}/decision/letter`);

    const [download] = await Promise.all([session.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-16).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(2_000);
    expect(pdf.length).toBeLessThan(2_000_000);
    const text = pdfText(pdf);
    expect(text).toContain(reference);
    expect(text).toContain(RESIDENT);
    expect(text).toContain(PROVISION.name);
    expect(text.toLowerCase()).toContain('bezwaar');

    // The same answer fetched with the session: served as a PDF attachment.
    const headers = await session.page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        size: (await response.arrayBuffer()).byteLength,
      };
    }, href);
    expect(headers.status).toBe(200);
    expect(headers.type).toMatch(/^application\/pdf/);
    expect(headers.disposition).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(headers.size).toBe(pdf.length);
  });

  it('shows the allocation to the provider on the case', async () => {
    ready();
    requireStep('decision');
    const reference = need(state.reference, 'the case reference');
    const allocations = await visible(
      session.page.getByRole('table', { name: `Toewijzingen aan aanbieders, casus ${reference}` }),
    );
    const rows = allocations.getByRole('row').filter({ has: session.page.getByRole('cell') });
    expect(await rows.count()).toBe(1);
    const cells = (await rows.first().getByRole('cell').allInnerTexts()).map((c) => c.trim());
    // The ToewijzingNummer the messages with the provider use, then the terms; no changes yet.
    expect(cells[0]).toMatch(/^[0-9]+$/);
    expect(cells.slice(1, 6)).toEqual([PROVISION.name, state.provider, '3', 'uur', 'per week']);
    expect(cells[7]).toBe('Toegewezen');
    expect(cells[8]).toBe('—');
    const lines = session.page.getByRole('table', { name: `Besluit per voorziening, casus ${reference}` });
    await visible(lines.getByRole('cell', { name: '3 uur per week' }));
    await visible(lines.getByRole('cell', { name: 'Zorg in natura' }));
    await session.page.getByRole('heading', { name: 'Toewijzingen' }).scrollIntoViewIfNeeded();
    await shot('08-case-decided');
  });

  it('records an evaluation that is derived as compensated', async () => {
    ready();
    requireStep('decision');
    const caseId = need(state.caseId, 'the case');
    await session.page.goto(`${session.baseUrl}/casussen/${caseId}`);
    await session.page.getByRole('link', { name: 'Evaluatie vastleggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/casussen/${caseId}/evaluatie`);
    await title(`Evaluatie vastleggen, casus ${state.reference}`);
    expect(await session.page.getByLabel('Datum van de evaluatie').inputValue()).toBe(state.today);
    for (const goal of [/^Doel 1, Sociaal netwerk:/, /^Doel 2, Maatschappelijke participatie:/]) {
      await session.page
        .getByRole('group', { name: goal })
        .getByRole('radio', { name: 'Ja', exact: true })
        .check();
    }
    const now = session.page.getByRole('group', { name: 'ZRM-score nu' });
    for (const domain of ['Sociaal netwerk', 'Maatschappelijke participatie']) {
      await now
        .getByRole('combobox', { name: domain, exact: true })
        .selectOption({ label: '4 – Voldoende zelfredzaam' });
    }
    await visible(now.getByText('Bij de intake: 2 – Niet zelfredzaam.').first());
    await expectAccessible('evaluation form');
    await shot('09-evaluation-form');

    await session.page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/casussen/${caseId}`);
    await visible(session.page.getByText('De evaluatie is vastgelegd. Uitkomst: gecompenseerd.'));
    const evaluations = session.page.getByRole('region', { name: 'Evaluaties', exact: true });
    const card = await visible(evaluations.getByRole('article'));
    expect(await card.count()).toBe(1);
    await visible(card.getByText('Gecompenseerd', { exact: true }));
    await visible(card.getByText('Uitkomst: gecompenseerd.'));
    await expectAccessible('case with evaluation');
    await session.page.getByRole('heading', { name: 'Evaluaties' }).scrollIntoViewIfNeeded();
    await shot('10-case-evaluated');
    reached.add('evaluation');
  });

  it('counts the evaluation in the client monitor: evaluated and compensated one more', async () => {
    ready();
    requireStep('evaluation');
    const before = need(state.before, 'the figures before');
    await openMenu('Cliëntmonitor');
    await session.page.waitForURL(`${session.baseUrl}/monitor`);
    await title('Cliëntmonitor');
    expect(await monitorFigures()).toEqual({
      evaluated: before.evaluated + 1,
      compensated: before.compensated + 1,
    });
    await session.page.getByRole('table', { name: MONITOR_TABLE }).scrollIntoViewIfNeeded();
    await shot('11-monitor-after');
  });

  it('shows the board member the same monitor with disclosed figures only', async () => {
    ready();
    // A fresh session, whatever state the steps before left the page in.
    await session.context.clearCookies();
    await login('bestuurder');
    await openMenu('Cliëntmonitor');
    await session.page.waitForURL(`${session.baseUrl}/monitor`);
    await title('Cliëntmonitor');
    await visible(session.page.getByText(DISCLOSURE_NOTICE));
    const table = await visible(session.page.getByRole('table', { name: MONITOR_TABLE }));
    const row = table
      .getByRole('row')
      .filter({ has: session.page.getByRole('cell', { name: PROVISION.name, exact: true }) });
    const cells = await row.getByRole('cell').allInnerTexts();
    // CBS rule: 0–7 secret, anything else rounded to a multiple of five.
    for (const cell of cells.slice(1, 5)) {
      const text = cell.trim();
      if (text !== 'geheim') expect(count(text) % 5, `disclosed figure ${text}`).toBe(0);
    }
    await expectAccessible('client monitor (board member)');
    await shot('12-monitor-board');
    await logout();
  });
});
