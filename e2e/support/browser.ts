// Launches real Chromium with the built extension loaded, as an agent's browser would have it.
// The demo build (`wxt build --mode demo`) is the one that may reach the mock CRM on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-demo');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** The browser UI language: the extension follows it. */
  lang?: 'en' | 'zh-CN' | 'ja';
  colorScheme?: 'light' | 'dark';
  headless?: boolean;
  /** An unpacked extension other than the demo build, e.g. a store package's contents. */
  extensionDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const lang = options.lang ?? 'en';
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'crm-sidebar-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: false,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
    // On Linux Chromium takes its UI language (which chrome.i18n follows) from the environment, not --lang.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
