// The product on its built-in demo, for `npm run demo` and the store screenshots: a mock CRM, the demo
// build loaded in Chromium and connected to it, the demo chat console and the side panel following it.
// Also owns building the demo extension and capturing the panel the way the agent sees it.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH, openPanel } from '../e2e/support/agent';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser';
import { startSobotMock } from './mock-crm/sobot/server';
import { startUseasyMock } from './mock-crm/useasy/server';

export type DemoBackend = 'sobot' | 'useasy';
export type DemoLanguage = 'zh-CN' | 'en';

export const DEMO_BACKENDS: readonly DemoBackend[] = ['sobot', 'useasy'];
export const DEMO_LANGUAGES: readonly DemoLanguage[] = ['zh-CN', 'en'];

export interface DemoMock {
  label: string;
  url: string;
  appid: string;
  /** Sobot's app key or Useasy's app secret. */
  appKey: string;
  close(): Promise<void>;
}

export async function startDemoMock(backend: DemoBackend, port: number): Promise<DemoMock> {
  if (backend === 'useasy') {
    const mock = await startUseasyMock({ port });
    return { label: 'Useasy', url: mock.url, appid: mock.appid, appKey: mock.secret, close: () => mock.close() };
  }
  const mock = await startSobotMock({ port });
  return { label: 'Sobot', url: mock.url, appid: mock.appid, appKey: mock.appKey, close: () => mock.close() };
}

/** Builds `.output/chrome-mv3-demo`; on failure prints what the build said and throws. */
export function buildDemoExtension(): void {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'demo'], { encoding: 'utf8' });
  if (build.status === 0) return;
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? `${build.error.message}\n` : ''}`);
  throw new Error('The demo extension did not build (`wxt build --mode demo`); its output is above.');
}

export interface DemoSession {
  browser: ExtensionBrowser;
  consolePage: Page;
  panel: Page;
  close(): Promise<void>;
}

/** Opens Chromium with the demo build connected to `mock`, the chat console, and the panel enabled on it. */
export async function openDemo(mock: DemoMock, backend: DemoBackend, lang: DemoLanguage, headless: boolean): Promise<DemoSession> {
  const browser = await launchWithExtension({ headless, lang });
  const texts = lang === 'en' ? ENGLISH : CHINESE;
  const options = await connectCrm(browser, { backend, baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, texts);
  await options.close();
  const consolePage = await browser.context.newPage();
  await consolePage.goto(`${mock.url}/demo/`);
  const panel = await openPanel(browser);
  await enableScanningOn(panel, texts);
  await consolePage.bringToFront();
  return { browser, consolePage, panel, close: () => browser.close() };
}

/**
 * Waits until the panel shows the customer with everything an agent would find on scrolling: the
 * timeline loads only once it comes near the viewport, so it is scrolled to, read, and scrolled back.
 */
export async function waitForCustomerShown(panel: Page): Promise<void> {
  await panel.getByRole('article').first().waitFor({ timeout: 20_000 });
  const timeline = panel.locator('section.timeline');
  await timeline.scrollIntoViewIfNeeded();
  await panel.locator('#timeline-panel[aria-busy="false"]').waitFor({ timeout: 20_000 });
  await panel.waitForLoadState('networkidle');
  await panel.evaluate(() => window.scrollTo(0, 0));
}

/** Saves the whole panel, top to bottom, creating the folder it goes in. */
export async function savePanelScreenshot(panel: Page, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await panel.screenshot({ path, fullPage: true });
}
