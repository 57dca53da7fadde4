import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { DemoService } from '../../src/modules/demo/demo.service';
import { startTestApp, type TestApp } from '../helpers/app';
import { startIsolatedTestApp } from '../helpers/isolated-app';

/**
 * One console journey: the real service (startTestApp: real HTTP, real database, real migrations) with
 * the demo data loaded at a pinned date, and Debian's Chromium driven by playwright-core. `shot` writes a
 * screenshot of the page to test-output/browser/<journey>/ and first checks that no full resident ID
 * number is on the screen (text or field values).
 */
export const SHOTS = resolve('test-output', 'browser');
export const TODAY = '2026-11-30T02:00:00.000Z';

export interface Journey {
  readonly t: TestApp;
  readonly browser: Browser;
  readonly page: Page;
  /** Closures (destructured by the journeys): */
  readonly shot: (name: string) => Promise<void>;
  readonly signIn: (key: string) => Promise<void>;
  close(): Promise<void>;
}

const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;

/** `isolated`: a database of the journey's own (isolated-app.ts), for a journey that publishes rule packs. */
export async function startJourney(
  name: string,
  demoSubjects = 60,
  opts: { isolated?: boolean } = {},
): Promise<Journey> {
  const t = opts.isolated ? await startIsolatedTestApp() : await startTestApp();
  t.app.get(Clock).pin(TODAY);
  await t.app.get(DemoService).load(demoSubjects);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const dir = join(SHOTS, name);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const shot = async (label: string) => {
    await page.waitForLoadState('networkidle');
    // Evaluated in the page (a string: this project's TypeScript has no DOM types).
    const visible = await page.evaluate<string>(
      `document.body.innerText + '\\n' + [...document.querySelectorAll('input, textarea')].map((e) => (e.type === 'password' ? '' : e.value)).join('\\n')`,
    );
    const leaks = visible.match(ID_NUMBER) ?? [];
    if (leaks.length)
      throw new Error(`A full resident ID number is on the screen of "${label}" (${leaks.length} time(s))`);
    n += 1;
    // Animations fast-forwarded: a closing dropdown or a leaving message is not caught half-faded.
    await page.screenshot({
      path: join(dir, `${String(n).padStart(2, '0')}-${label}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  };
  const signIn = async (key: string) => {
    await page.goto(`${t.url}/console`);
    await page.getByTestId('api-key').fill(key);
    await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
    await page.getByTestId('caller-name').waitFor();
  };
  return {
    t,
    browser,
    page,
    shot,
    signIn,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}
