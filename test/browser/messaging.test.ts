/**
 * The provider portal in a real browser. The demo's simulated providers have started care on
 * every allocation already, so a case worker first allocates new Wmo care to the demo provider
 * (through the API, as set-up). Then the provider's user opens Berichten, reads that allocation
 * (ToewijzingNummer, BSN, product) on the allocations page, checks a message
 * (one that does not conform, with the line of the finding, then one that does), submits a start
 * of care (305) for that allocation as a file and downloads the return message (306), opens the
 * stored message and its answer, and sees a hostile document (DOCTYPE with entities) refused and
 * quarantined, and reads its monthly claims (from the demo's simulated traffic) with the
 * municipality's answer to one. A contract manager then finds the same exchange on the
 * municipality's side, and the provider's rejected claims.
 * Every page is checked with axe-core; screenshots go to test-results/screenshots/ (messaging-*.png).
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/modules/cases/calendar-date.js';
import { DEFAULT_DEMO_SEED, generateDemoMunicipality } from '../../src/modules/demo/demo-generator.js';
import { todayInNetherlands } from '../../src/shared/identifiers.js';
import { careStartMessage } from '../../src/test-support/provider-messages.js';
import { need, setUpBrowserSession, visible } from './browser-session.js';

// A database of its own: the demo provider starts without messages or quarantined documents.
const session = setUpBrowserSession({
  freshDatabase: true,
  acceptDownloads: true,
  screenshotPrefix: 'messaging-',
});
const { title, login } = session;
const { ready, shot, expectAccessible } = session;

const TODAY = todayInNetherlands();
/** Unique per run and within the standard's 12 characters. */
const IDENTIFICATION = `RK${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
const HOSTILE = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<lolz>&lol2;</lolz>
`;

/** The provider the demo's provider user belongs to (demo-seed.ts: the first one). */
const DEMO_PROVIDER =
  generateDemoMunicipality(DEFAULT_DEMO_SEED, Number(TODAY.slice(0, 4))).providers[0]?.name ?? '';
/** A demo resident without any case or allocation (as in case-flow.test.ts). */
const RESIDENT = 'Ans Bakker';

/** What the case worker allocated in the set-up. */
interface Allocated {
  allocationNumber: number;
  productCode: string;
  /**
   * The iStandaard product category, which a 305 line needs. The allocations page does not show
   * it (the API's allocation view has no productCategory), so it comes from the set-up.
   */
  productCategory: string;
  startDate: string;
}

interface Chosen {
  number: number;
  bsn: string;
  productCode: string;
  category: string;
  startDate: string;
}

/** Shared between the steps, which run in order. */
const state: {
  allocated?: Allocated;
  agbCode?: string;
  municipalityCode?: string;
  allocation?: Chosen;
  messageUrl?: string;
} = {};

type Step = 'allocated' | 'logged in' | 'allocation' | 'submitted';
const reached = new Set<Step>();

function requireStep(step: Step): void {
  if (!reached.has(step)) throw new Error(`needs the step "${step}", which did not succeed`);
}

async function openMenu(name: string): Promise<void> {
  await session.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
}

async function openSubnav(name: string): Promise<void> {
  await session.page
    .getByRole('navigation', { name: 'Berichtenverkeer' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** "23-11-2026" → "2026-11-23" */
function isoDate(dutch: string): string {
  const match = /(\d{2})-(\d{2})-(\d{4})/.exec(dutch);
  if (!match) throw new Error(`not a date: "${dutch}"`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** The 305 for the chosen allocation: care starts on the allocation's first day. */
function startMessage(allocation: Chosen, identification = IDENTIFICATION): string {
  return careStartMessage(
    {
      sender: need(state.agbCode, 'the AGB code'),
      receiver: need(state.municipalityCode, 'the municipality code'),
      identification,
      datedOn: TODAY,
    },
    { bsn: allocation.bsn, dateOfBirth: '1950-01-01' },
    [
      {
        allocationNumber: allocation.number,
        productCategory: allocation.category,
        productCode: allocation.productCode,
        allocationStartDate: allocation.startDate,
        startDate: allocation.startDate,
      },
    ],
  );
}

/** The result block of one document on the check and submit pages. */
function result(name: string): Locator {
  return session.page.getByRole('article', { name });
}

async function expectFocusOnResult(): Promise<void> {
  await expect
    .poll(() => session.page.evaluate(() => document.activeElement?.textContent ?? ''))
    .toMatch(/^Resultaat/);
}

describe('the provider portal: iWmo messages (provider user)', () => {
  it('set-up: a case worker allocates Wmo care starting today to the demo provider', async () => {
    ready();
    await login('consulent');
    const outcome = await session.page.evaluate(
      async ({ providerName, residentName, today, until }) => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as {
          account: { id: string };
          csrfToken: string;
        };
        const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
          const response = await fetch(url, {
            method,
            headers: {
              accept: 'application/json',
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await response.text();
          if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
          return JSON.parse(text) as T;
        };
        type List<T> = { items: T[] };
        const providers = await call<List<{ id: string; name: string }>>(
          'GET',
          '/api/v1/providers?limit=500&offset=0',
        );
        const provider = providers.items.find((p) => p.name === providerName);
        if (!provider) return `no provider ${providerName}`;
        const provisions = await call<
          List<{ id: string; kind: string; productCategory: string | null; productCode: string | null }>
        >('GET', '/api/v1/provisions?law=wmo&limit=500&offset=0');
        const contracts = await call<List<{ id: string; startDate: string; endDate: string }>>(
          'GET',
          `/api/v1/contracts?providerId=${provider.id}&limit=500&offset=0`,
        );
        let choice:
          | { contractId: string; endDate: string; provision: (typeof provisions.items)[number] }
          | undefined;
        for (const contract of contracts.items.filter((c) => c.startDate <= today && c.endDate >= until)) {
          const detail = await call<{ lines: { provisionId: string }[] }>(
            'GET',
            `/api/v1/contracts/${contract.id}`,
          );
          const provision = provisions.items.find(
            (p) =>
              p.kind === 'tailored' &&
              p.productCode !== null &&
              p.productCategory !== null &&
              detail.lines.some((l) => l.provisionId === p.id),
          );
          if (provision) {
            choice = { contractId: contract.id, endDate: contract.endDate, provision };
            break;
          }
        }
        if (!choice) return `no Wmo contract of ${providerName} from ${today} to ${until}`;
        const residents = await call<List<{ id: string; name: string }>>(
          'GET',
          `/api/v1/residents?search=${encodeURIComponent(residentName)}&limit=10&offset=0`,
        );
        const resident = residents.items.find((r) => r.name === residentName);
        if (!resident) return `no resident ${residentName}`;
        const teams = await call<List<{ id: string; memberIds: string[] }>>('GET', '/api/v1/teams');
        const team = teams.items.find((t) => t.memberIds.includes(session.account.id));
        const opened = await call<{ id: string }>('POST', '/api/v1/cases', {
          residentId: resident.id,
          law: 'wmo',
          reportDate: today,
          request: 'Ik kom de deur niet meer uit en zie niemand meer.',
          teamId: team?.id,
        });
        for (const type of ['start_assessment', 'complete_assessment', 'apply']) {
          await call('POST', `/api/v1/cases/${opened.id}/events`, { type });
        }
        const decision = await call<{ allocations: { allocationNumber: number; startDate: string }[] }>(
          'POST',
          `/api/v1/cases/${opened.id}/decision`,
          {
            lines: [
              {
                provisionId: choice.provision.id,
                granted: true,
                form: 'in_kind',
                providerId: provider.id,
                contractId: choice.contractId,
                volume: 3,
                frequency: '2',
                startDate: today,
                endDate: until < choice.endDate ? until : choice.endDate,
                reasoning: 'Zonder begeleiding komt mevrouw niet buiten; haar netwerk kan dit niet bieden.',
              },
            ],
          },
        );
        const allocation = decision.allocations[0];
        if (!allocation) return 'the decision made no allocation';
        return {
          allocationNumber: allocation.allocationNumber,
          startDate: allocation.startDate,
          productCode: choice.provision.productCode ?? '',
          productCategory: choice.provision.productCategory ?? '',
        };
      },
      { providerName: DEMO_PROVIDER, residentName: RESIDENT, today: TODAY, until: addDays(TODAY, 90) },
    );
    if (typeof outcome === 'string') throw new Error(`set-up failed: ${outcome}`);
    state.allocated = outcome;
    reached.add('allocated');
    await session.page.getByRole('button', { name: 'Uitloggen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/inloggen`);
  });

  it('logs in as the provider and opens Berichten', async () => {
    ready();
    await login('aanbieder');
    reached.add('logged in');
    const menu = session.page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect
      .poll(() => menu.getByRole('link').allInnerTexts())
      .toEqual(['Start', 'Berichten', 'Mijn organisatie']);
    await visible(session.page.getByRole('link', { name: 'Berichten' }).last());
    await expectAccessible('home (provider)');
    await shot('01-home');

    // The sender of the provider's messages is its AGB code, on its own provider page.
    await openMenu('Mijn organisatie');
    await session.page.waitForURL(/\/aanbieders\/[0-9a-f-]{36}$/);
    const agb = session.page.locator('.utrecht-data-list__item', { hasText: 'AGB-code' });
    state.agbCode = (await (await visible(agb.locator('.utrecht-data-list__item-value'))).innerText()).trim();
    expect(state.agbCode).toMatch(/^\d{8}$/);
    const account = await session.page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      return (await response.json()) as { account: { municipalityCode: string } };
    });
    state.municipalityCode = account.account.municipalityCode;

    await openMenu('Berichten');
    await session.page.waitForURL(`${session.baseUrl}/berichten`);
    await title('Berichten');
    // The demo's providers may already have sent messages (the demo simulates them); without
    // any, the empty state invites the first submission.
    const list = session.page.getByRole('table', { name: 'Berichten' });
    const empty = session.page.getByText('U heeft nog geen berichten ingediend.');
    await visible(list.or(empty));
    if ((await empty.count()) > 0) {
      await visible(session.page.getByRole('link', { name: 'Dien uw eerste bericht in' }));
    } else {
      await visible(session.page.getByRole('status').filter({ hasText: /\d+ berichten?$/ }));
      // A provider sees only its own messages: no provider column.
      expect(await list.getByRole('columnheader', { name: /^Aanbieder/ }).count()).toBe(0);
    }
    await visible(session.page.getByRole('link', { name: 'Bericht indienen' }).first());
    await visible(session.page.getByRole('link', { name: 'Bericht controleren' }));
    await expectAccessible('message list');
    await shot('02-messages');
  });

  it('reads the new allocation on the allocations page', async () => {
    ready();
    requireStep('logged in');
    requireStep('allocated');
    await openSubnav('Toewijzingen');
    await session.page.waitForURL(`${session.baseUrl}/berichten/toewijzingen`);
    await title('Toewijzingen');
    // Only allocations that have not started yet.
    await session.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Toegewezen' });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/status=allocated/);
    const table = await visible(session.page.getByRole('table', { name: 'Toewijzingen' }));
    await visible(session.page.getByRole('status').filter({ hasText: 'toewijzing' }));
    expect(await session.page.getByRole('button', { name: 'Exporteer CSV' }).count()).toBe(0);
    await expectAccessible('allocations (provider)');
    await shot('03-allocations');

    // The allocation the case worker made: the provider finds it by the resident's name and
    // reads what its 305 needs from the row.
    const allocated = need(state.allocated, 'the allocation of the set-up');
    const row = table.getByRole('row').filter({ has: session.page.getByRole('cell', { name: RESIDENT }) });
    await visible(row);
    const [number, bsn, name, provision, volume, period, status] = (
      await row.first().getByRole('cell').allInnerTexts()
    ).map((c) => c.trim());
    expect(name).toBe(RESIDENT);
    expect(Number(number)).toBe(allocated.allocationNumber);
    expect(bsn).toMatch(/^\d{9}$/);
    const productCode = /\(([0-9A-Z]{5})\)$/.exec(provision ?? '')?.[1];
    expect(productCode).toBe(allocated.productCode);
    expect(volume).toMatch(/^3 .+ per week$/);
    expect(status).toBe('Toegewezen');
    state.allocation = {
      number: Number(number),
      bsn: bsn ?? '',
      productCode: productCode ?? '',
      category: allocated.productCategory,
      startDate: isoDate(period ?? ''),
    };
    expect(state.allocation.startDate).toBe(allocated.startDate);
    reached.add('allocation');
  });

  it('checks a message: one that does not conform, with the line, then one that does', async () => {
    ready();
    requireStep('allocation');
    const allocation = need(state.allocation, 'the allocation');
    await openSubnav('Berichten');
    await session.page.getByRole('link', { name: 'Bericht controleren' }).click();
    await session.page.waitForURL(`${session.baseUrl}/berichten/controleren`);
    await title('Bericht controleren');

    // Nothing chosen: a Dutch message at the file field, which takes the focus.
    await session.page.getByRole('button', { name: 'Controleren' }).click();
    await visible(session.page.getByText('Kies een XML-bestand of plak de XML van een bericht.'));
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('field-documents');
    await expectAccessible('check page with validation message');
    await shot('04-check-required');

    // Geslacht 9 is not in the code list: a schema violation on a line of its own.
    const invalid = startMessage(allocation).replace(
      '<wmo305:Geslacht>0</wmo305:Geslacht>',
      '<wmo305:Geslacht>9</wmo305:Geslacht>',
    );
    const invalidLine = invalid.split('\n').findIndex((l) => l.includes('<wmo305:Geslacht>9')) + 1;
    await session.page.getByLabel('Of plak de XML van een bericht').fill(invalid);
    await session.page.getByRole('button', { name: 'Controleren' }).click();
    const pasted = await visible(result('Geplakte XML'));
    await visible(pasted.getByText('Niet conform', { exact: true }));
    await expectFocusOnResult();
    const findings = await visible(pasted.getByRole('table', { name: 'Bevindingen in Geplakte XML' }));
    const first = await findings.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(first[0]?.trim()).toBe(String(invalidLine));
    expect(first[3]).toContain('Geslacht');
    await expectAccessible('check result: not conform');
    await shot('05-check-not-conform');

    await session.page.getByLabel('Of plak de XML van een bericht').fill(startMessage(allocation));
    await session.page.getByRole('button', { name: 'Controleren' }).click();
    const valid = await visible(result('Geplakte XML'));
    await visible(valid.getByText('Conform', { exact: true }));
    await visible(valid.getByText('Dit WMO305-bericht voldoet aan de standaard.'));
    await visible(valid.getByText('Geen bevindingen.'));
    await expectFocusOnResult();
    await expectAccessible('check result: conform');
    await shot('06-check-conform');
  });

  it('submits the start of care as a file and downloads the return message', async () => {
    ready();
    requireStep('allocation');
    const allocation = need(state.allocation, 'the allocation');
    await session.page.goto(`${session.baseUrl}/berichten`);
    await title('Berichten');
    await session.page.getByRole('link', { name: 'Bericht indienen' }).click();
    await session.page.waitForURL(`${session.baseUrl}/berichten/indienen`);
    await title('Bericht indienen');
    await session.page.getByLabel('XML-bestanden').setInputFiles({
      name: 'start-zorg.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(startMessage(allocation), 'utf8'),
    });
    await expectAccessible('submit page');
    await session.page.getByRole('button', { name: 'Indienen' }).click();
    const submitted = await visible(result('start-zorg.xml'));
    await visible(submitted.getByText('Verwerkt', { exact: true }));
    await visible(submitted.getByText('Het WMO305-bericht is verwerkt en goedgekeurd.'));
    await expectFocusOnResult();
    await expectAccessible('submit result: processed');
    await shot('07-submitted');

    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      submitted.getByRole('button', { name: 'Download retourbericht WMO306' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^WMO306-[A-Za-z0-9._-]+\.xml$/);
    const answer = await readFile(await download.path(), 'utf8');
    expect(answer).toContain('RetourCode');
    expect(answer).toContain(String(allocation.number));

    await submitted.getByRole('link', { name: 'Bekijk het WMO305-bericht' }).click();
    await session.page.waitForURL(/\/berichten\/[0-9a-f-]{36}$/);
    state.messageUrl = session.page.url();
    reached.add('submitted');
  });

  it('shows the stored message with its document and its answer', async () => {
    ready();
    requireStep('submitted');
    await title(`WMO305 Start zorg ${IDENTIFICATION}`);
    await visible(session.page.getByText('Goedgekeurd', { exact: true }));
    const document = await visible(
      session.page.getByRole('region', { name: `Inhoud van WMO305-${IDENTIFICATION}.xml` }),
    );
    expect(await document.innerText()).toContain(
      `<iwmo:Identificatie>${IDENTIFICATION}</iwmo:Identificatie>`,
    );
    const [ownDownload] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('button', { name: /^Download XML/ }).click(),
    ]);
    expect(ownDownload.suggestedFilename()).toBe(`WMO305-${IDENTIFICATION}.xml`);
    const answers = await visible(session.page.getByRole('table', { name: 'Antwoorden op WMO305' }));
    await expectAccessible('message detail (305)');
    await shot('08-message-305');

    // The provider opens the answer: from then on it reads as fetched.
    await answers.getByRole('link', { name: 'WMO306 Retour start zorg' }).click();
    await title(/^WMO306 Retour start zorg /);
    await visible(session.page.getByText('Opgehaald', { exact: true }).first());
    // 0200: the start line is approved; its meaning comes from the return-code list (WJ001).
    const codes = await visible(session.page.getByRole('table', { name: 'Retourcodes van WMO306' }));
    const approved = codes.getByRole('row').filter({ has: session.page.getByRole('cell', { name: '0200' }) });
    await expect
      .poll(async () => (await approved.getByRole('cell').nth(1).innerText()).trim())
      .toContain('Geen opmerking');
    const [answerDownload] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('button', { name: /^Download XML/ }).click(),
    ]);
    expect(await readFile(await answerDownload.path(), 'utf8')).toContain('RetourCode');
    await expectAccessible('message detail (306)');
    await shot('09-message-306');

    // The allocation has started.
    await openMenu('Berichten');
    await openSubnav('Toewijzingen');
    await session.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Gestart' });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/status=started/);
    const started = await visible(session.page.getByRole('table', { name: 'Toewijzingen' }));
    await visible(started.getByRole('cell', { name: String(need(state.allocation, 'allocation').number) }));
  });

  it('refuses a hostile document and shows it in the quarantine', async () => {
    ready();
    requireStep('logged in');
    await session.page.goto(`${session.baseUrl}/berichten/indienen`);
    await title('Bericht indienen');
    await session.page.getByLabel('XML-bestanden').setInputFiles({
      name: 'lol.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(HOSTILE, 'utf8'),
    });
    await session.page.getByRole('button', { name: 'Indienen' }).click();
    const refused = await visible(result('lol.xml'));
    await visible(refused.getByText('Geweigerd en in quarantaine', { exact: true }));
    await visible(refused.getByText('Onleesbaar of onveilig document.'));
    await expectFocusOnResult();
    await expectAccessible('submit result: quarantined');
    await shot('10-refused');

    await refused.getByRole('link', { name: 'Naar de quarantaine' }).click();
    await session.page.waitForURL(`${session.baseUrl}/berichten/quarantaine`);
    await title('Quarantaine');
    const table = await visible(session.page.getByRole('table', { name: 'Quarantaine' }));
    const row = table.getByRole('row').filter({ hasText: 'lol.xml' });
    await visible(row);
    expect(await row.innerText()).toContain('Onleesbaar of onveilig document');
    await expectAccessible('quarantine (provider)');
    await shot('11-quarantine');

    await openSubnav('Berichten');
    await session.page.waitForURL(`${session.baseUrl}/berichten`);
    // Newest first: the start of care submitted above and its return message.
    const list = await visible(session.page.getByRole('table', { name: 'Berichten' }));
    const ours = list.getByRole('row').filter({ hasText: IDENTIFICATION });
    await visible(ours.getByRole('link', { name: 'WMO305 Start zorg' }));
    await visible(list.getByRole('link', { name: 'WMO306 Retour start zorg' }).first());
    await expectAccessible('message list (provider)');
    await shot('12-messages');
  });

  it('reads its claims, exports them and opens the answer to one', async () => {
    ready();
    requireStep('logged in');
    await session.page.goto(`${session.baseUrl}/berichten`);
    await title('Berichten');
    await openSubnav('Declaraties');
    await session.page.waitForURL(`${session.baseUrl}/berichten/declaraties`);
    await title('Declaraties');
    // The demo's providers declare every month (provider-simulator.ts), newest period first.
    const table = await visible(session.page.getByRole('table', { name: 'Declaraties' }));
    await visible(session.page.getByRole('status').filter({ hasText: /\d+ declaraties?$/ }));
    // A provider sees only its own claims: no provider column.
    expect(await table.getByRole('columnheader', { name: /^Aanbieder/ }).count()).toBe(0);
    const [period, claim, submitted, awarded, status, services] = (
      await table.getByRole('row').nth(1).getByRole('cell').allInnerTexts()
    ).map((c) => c.trim());
    expect(period).toMatch(/^[a-z]+ \d{4}$/);
    // The number, with the standard under it.
    const [number, standard] = (claim ?? '').split('\n').map((line) => line.trim());
    expect(number).toMatch(/^\S+$/);
    expect(standard).toMatch(/^(iWmo|iJw)$/);
    expect(submitted).toMatch(/^€\s[\d.]+,\d{2}$/);
    expect(awarded).toMatch(/^€\s[\d.]+,\d{2}$/);
    expect(status).toMatch(/^(Toegekend|Deels toegekend|Afgewezen)$/);
    expect(services).toMatch(/^\d+ afgewezen van \d+$/);
    // The totals of what is shown, under the amounts.
    const totals = table
      .getByRole('row')
      .filter({ has: session.page.getByRole('rowheader', { name: /^Totaal/ }) });
    expect(await (await visible(totals)).innerText()).toMatch(/€\s[\d.]+,\d{2}/);

    // Amounts, no personal data: the list can be exported.
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.getByRole('button', { name: 'Exporteer CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^declaraties-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Declaratienummer;Standaard;Ingediend (€);Toegekend (€)');
    expect(csv).toContain(`;${number};`);
    await expectAccessible('claims (provider)');
    await shot('15-claims');

    // The municipality's answer (325) to a claim is a message of its own.
    // The newest claim has been answered: the simulated provider's are answered at once.
    const answer = table.getByRole('link', {
      name: new RegExp(`^(WMO|JW)325 Declaratie-antwoord ${number}$`),
    });
    await (await visible(answer)).click();
    await session.page.waitForURL(/\/berichten\/[0-9a-f-]{36}$/);
    await title(/^(WMO|JW)325 Declaratie-antwoord /);
    const document = await visible(session.page.getByRole('region', { name: /^Inhoud van (WMO|JW)325-/ }));
    expect(await document.innerText()).toContain(`<iwmo:Identificatie>${number}</iwmo:Identificatie>`);
    await expectAccessible('claim answer (325)');
    await shot('16-claim-answer');
  });
});

describe('the message exchange on the municipality’s side (contract manager)', () => {
  it('lists the provider’s messages, its allocations and its quarantined document', async () => {
    ready();
    requireStep('submitted');
    await session.context.clearCookies();
    await login('contractbeheer');
    await openMenu('Berichten');
    await session.page.waitForURL(`${session.baseUrl}/berichten`);
    await title('Berichten');
    expect(await session.page.getByRole('link', { name: 'Bericht indienen' }).count()).toBe(0);
    // The provider first: the filter form is drawn again once the providers have loaded.
    await session.page.getByLabel('Aanbieder', { exact: true }).selectOption({ label: DEMO_PROVIDER });
    await session.page.getByLabel('Berichtsoort').selectOption({ value: '305' });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/soort=305/);
    const list = await visible(session.page.getByRole('table', { name: 'Berichten' }));
    const row = list.getByRole('row').filter({ hasText: IDENTIFICATION });
    await visible(row);
    await expectAccessible('message list (contract manager)');
    await shot('13-municipality-messages');

    await openSubnav('Toewijzingen');
    await title('Toewijzingen');
    await visible(session.page.getByText('Kies een aanbieder om de toewijzingen te zien.'));
    await session.page.getByLabel('Aanbieder', { exact: true }).selectOption({ label: DEMO_PROVIDER });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/aanbieder=/);
    await visible(session.page.getByRole('table', { name: `Toewijzingen aan ${DEMO_PROVIDER}` }));
    await expectAccessible('allocations (contract manager)');
    await shot('14-municipality-allocations');

    await openSubnav('Quarantaine');
    await visible(
      session.page
        .getByRole('table', { name: 'Quarantaine' })
        .getByRole('row')
        .filter({ hasText: 'lol.xml' }),
    );
    await expectAccessible('quarantine (contract manager)');

    // Every provider's rejected claims, if the simulated traffic had any.
    await openSubnav('Declaraties');
    await title('Declaraties');
    // The filter form is drawn again once the providers have loaded: wait for them first.
    await session.page
      .getByLabel('Aanbieder', { exact: true })
      .locator('option', { hasText: DEMO_PROVIDER })
      .waitFor({ state: 'attached' });
    await session.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgewezen' });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/status=rejected/);
    const claims = session.page.getByRole('table', { name: 'Declaraties' });
    const none = session.page.getByText('Geen declaraties gevonden met dit filter.');
    await visible(claims.or(none));
    if ((await none.count()) === 0) {
      // The provider column is there for the municipality.
      await visible(claims.getByRole('columnheader', { name: /^Aanbieder/ }));
      // Every row of the body is rejected (the totals row under them has no status).
      const rows = claims.locator('tbody').getByRole('row');
      expect(await rows.getByText('Afgewezen', { exact: true }).count()).toBe(await rows.count());
    }
    await expectAccessible('claims (contract manager)');
    await shot('17-municipality-claims');
  });

  it('finds the decision’s allocation message (301) in the outbox; a sending round finds nothing left', async () => {
    ready();
    requireStep('allocated');
    await openMenu('Berichten');
    await session.page.waitForURL(`${session.baseUrl}/berichten`);
    await session.page
      .getByLabel('Aanbieder', { exact: true })
      .locator('option', { hasText: DEMO_PROVIDER })
      .waitFor({ state: 'attached' });
    await session.page.getByLabel('Aanbieder', { exact: true }).selectOption({ label: DEMO_PROVIDER });
    await session.page.getByLabel('Berichtsoort').selectOption({ value: '301' });
    await session.page.getByRole('button', { name: 'Zoeken' }).click();
    await session.page.waitForURL(/soort=301/);
    const list = await visible(session.page.getByRole('table', { name: 'Berichten' }));
    // The newest first: the 301 of the allocation made in the set-up.
    await visible(
      list
        .getByRole('row')
        .nth(1)
        .getByRole('link', { name: /WMO301/ }),
    );
    await list
      .getByRole('row')
      .nth(1)
      .getByRole('link', { name: /WMO301/ })
      .click();
    await session.page.waitForURL(/\/berichten\/[0-9a-f-]{36}$/);
    await visible(
      session.page.getByText(`<wmo301:ToewijzingNummer>${state.allocated?.allocationNumber}<`, {
        exact: false,
      }),
    );
    await expectAccessible('allocation message (contract manager)');
    await shot('18-municipality-301');

    await openMenu('Berichten');
    await session.page.waitForURL(`${session.baseUrl}/berichten`);
    await session.page.getByRole('button', { name: 'Toewijzingen versturen' }).click();
    await visible(
      session.page.getByRole('status').filter({
        hasText: '0 toewijzingsbericht(en) klaargezet voor de aanbieders; 0 toewijzing(en) kunnen nog niet.',
      }),
    );
    await expectAccessible('sending round (contract manager)');
    await shot('19-municipality-send-round');
  });

  it('answers a provider’s request: refused with a reason, the 319 ready for the provider', async () => {
    ready();
    await openSubnav('Verzoeken');
    await session.page.waitForURL(`${session.baseUrl}/berichten/verzoeken`);
    await title('Verzoeken');
    // The demo's providers sent requests in the last weeks; unanswered ones come first.
    const table = await visible(session.page.getByRole('table', { name: 'Verzoeken' }));
    const row = table.locator('tbody').getByRole('row').first();
    await visible(row.getByText('Open', { exact: true }));
    const reference = (await row.locator('td').nth(1).locator('.rk-code').innerText()).trim();
    await shot('20-municipality-requests');
    // Refusing without a reason is stopped in the row, with nothing sent.
    await row.getByRole('button', { name: `Afwijzen ${reference}` }).click();
    await visible(row.getByRole('alert').filter({ hasText: 'Kies eerst de reden van afwijzing.' }));
    await row.getByLabel(`Reden van afwijzing voor verzoek ${reference}`).selectOption({ value: '3' });
    await row.getByRole('button', { name: `Afwijzen ${reference}` }).click();
    await visible(session.page.getByRole('status').filter({ hasText: `Verzoek ${reference} is afgewezen` }));
    const answered = table.locator('tbody').getByRole('row').filter({ hasText: reference });
    await visible(answered.getByText('Afgewezen', { exact: true }));
    await visible(answered.getByText('3 Geen contract'));
    await expectAccessible('requests (contract manager)');
    await shot('21-municipality-request-refused');
    await answered.getByRole('link', { name: 'Antwoord' }).click();
    await session.page.waitForURL(/\/berichten\/[0-9a-f-]{36}$/);
    await visible(
      session.page
        .getByText('<wmo319:RedenAfwijzingVerzoek>3<', { exact: false })
        .or(session.page.getByText('<jw319:RedenAfwijzingVerzoek>3<', { exact: false })),
    );
  });

  it('grants a provider’s request for a change: the allocations change and a 301 answers it', async () => {
    ready();
    await openMenu('Berichten');
    await openSubnav('Verzoeken');
    await session.page.waitForURL(`${session.baseUrl}/berichten/verzoeken`);
    const table = await visible(session.page.getByRole('table', { name: 'Verzoeken' }));
    // The demo's providers ask for one hour more from a week after their request (317).
    const row = table
      .locator('tbody')
      .getByRole('row')
      .filter({ has: session.page.getByRole('button', { name: /^Toekennen / }) })
      .first();
    const reference = (await row.locator('td').nth(1).locator('.rk-code').innerText()).trim();
    await visible(row.getByText('Wijzigen', { exact: false }));
    await row.getByRole('button', { name: `Toekennen ${reference}` }).click();
    await visible(session.page.getByRole('status').filter({ hasText: `Verzoek ${reference} is toegekend` }));
    const answered = table.locator('tbody').getByRole('row').filter({ hasText: reference });
    await visible(answered.getByText('Toegekend', { exact: true }));
    await expectAccessible('request granted (contract manager)');
    await shot('22-municipality-request-granted');
    await answered.getByRole('link', { name: 'Antwoord' }).click();
    await session.page.waitForURL(/\/berichten\/[0-9a-f-]{36}$/);
    await visible(
      session.page
        .getByText(`<wmo301:ReferentieAanbieder>${reference}<`, { exact: false })
        .or(session.page.getByText(`<jw301:ReferentieAanbieder>${reference}<`, { exact: false }))
        .first(),
    );
    await visible(
      session.page
        .getByText('<wmo301:RedenWijziging>12<', { exact: false })
        .or(session.page.getByText('<jw301:RedenWijziging>12<', { exact: false }))
        .first(),
    );
    await shot('23-municipality-301-for-request');
  });
});
