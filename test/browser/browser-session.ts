/**
 * The set-up every browser test file shares: the real app (see app-under-test.ts), the system
 * Chromium with a Dutch context, and the helpers the steps use (screenshots, the page heading,
 * the axe-core check). A file calls setUpBrowserSession() once at the top level; it registers its
 * own beforeAll and afterAll.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-seed.js';
import { axeSource, CHROMIUM_ARGS, chromiumPath, ROOT, type RunningApp, startApp } from './app-under-test.js';

export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface BrowserSessionOptions {
  /**
   * With DATABASE_URL set: run on a database of its own on that server, dropped afterwards, so the
   * file does not depend on what an earlier run left behind (see StartOptions.freshDatabase).
   */
  freshDatabase?: boolean;
  /** Needed by a file that checks a download (otherwise Chromium cancels it). */
  acceptDownloads?: boolean;
  /** Put before every screenshot's file name, so two files' screenshots do not overwrite each other. */
  screenshotPrefix?: string;
}

export interface BrowserSession {
  /** The one page the steps share; call ready() first. */
  readonly page: Page;
  readonly context: BrowserContext;
  readonly baseUrl: string;
  /** Throws the set-up error, or the server's last output once it has stopped; call it first in every test. */
  ready: () => void;
  /** A full-page screenshot in test-results/screenshots/. */
  shot: (name: string) => Promise<void>;
  /** The text of the page's h1. */
  heading: () => Promise<string>;
  /** Runs axe-core on the page; fails on serious or critical violations, naming rule and elements. */
  expectAccessible: (label: string) => Promise<void>;
  /** Waits until the page's h1 has this name. */
  title: (name: string | RegExp) => Promise<void>;
  /** Logs in as a demo account through the login page (any earlier session is dropped first). */
  login: (username: string) => Promise<void>;
}

/** A value an earlier step should have recorded; a clear failure when that step failed. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing: an earlier step failed`);
  return value;
}

/** Waits (up to the context's default timeout) until the locator is visible. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

export function setUpBrowserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const { freshDatabase = false, acceptDownloads = false, screenshotPrefix = '' } = options;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let axe = '';
  /**
   * Set-up problems (no Chromium, no build, a server that does not start) are kept and thrown by
   * every test through ready(), so each one fails with the reason instead of being reported as
   * skipped.
   */
  let setupError: unknown;

  beforeAll(async () => {
    try {
      await mkdir(SCREENSHOTS, { recursive: true });
      const executablePath = chromiumPath();
      axe = await axeSource();
      app = await startApp(undefined, { freshDatabase });
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      context = await browser.newContext({
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        viewport: { width: 1280, height: 900 },
        acceptDownloads,
      });
      context.setDefaultTimeout(20_000);
      page = await context.newPage();
    } catch (error) {
      setupError = error;
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };

  const ready = (): void => {
    if (setupError) throw setupError;
    // A server that stopped half-way makes every later step time out: say so instead.
    if (app && !app.running()) throw new Error(`de server draait niet meer:\n${app.output().slice(-3000)}`);
  };

  const shot = async (name: string): Promise<void> => {
    await started(page, 'the browser').screenshot({
      path: path.join(SCREENSHOTS, `${screenshotPrefix}${name}.png`),
      fullPage: true,
    });
  };

  const heading = async (): Promise<string> =>
    (await started(page, 'the browser').locator('h1').innerText()).trim();

  const expectAccessible = async (label: string): Promise<void> => {
    const current = started(page, 'the browser');
    await current.evaluate(axe);
    const results = await current.evaluate(() =>
      (
        window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
      ).axe.run(document, { resultTypes: ['violations'] }),
    );
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, `axe on ${label}`).toEqual([]);
  };

  const title = async (name: string | RegExp): Promise<void> => {
    await visible(started(page, 'the browser').getByRole('heading', { level: 1, name }));
  };

  const login = async (username: string): Promise<void> => {
    const current = started(page, 'the browser');
    const baseUrl = started(app, 'the app').baseUrl;
    await started(context, 'the browser').clearCookies();
    await current.goto(`${baseUrl}/inloggen`);
    await title('Inloggen');
    await current.getByLabel('Gebruikersnaam').fill(username);
    await current.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await current.getByRole('button', { name: 'Inloggen' }).click();
    await current.waitForURL(`${baseUrl}/`);
    await title(/^Regiekamer gemeente /);
  };

  return {
    get page() {
      return started(page, 'the browser');
    },
    get context() {
      return started(context, 'the browser');
    },
    get baseUrl() {
      return started(app, 'the app').baseUrl;
    },
    ready,
    shot,
    heading,
    expectAccessible,
    title,
    login,
  };
}
